"""Commissions, their options appraisal and expressions of interest."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from commissioning.models import Commission, ExpressionOfInterest, Option, OptionsAppraisal


def _commissioner_required(actor) -> None:
    if not actor.has_perm("commissioning.run_tender"):
        raise PermissionDenied("Only a commissioner can do this.")


@transaction.atomic
def appraisal_record(
    *,
    commission: Commission,
    actor,
    assets_considered: str,
    community_answer: str,
    options_considered: list[str],
    chosen: str,
    reason: str,
) -> OptionsAppraisal:
    _commissioner_required(actor)
    errors = {}
    if not assets_considered.strip():
        errors["assets_considered"] = "Say which community assets are already there."
    if not community_answer.strip():
        errors["community_answer"] = (
            "Answer the question: could a community organisation do this better, or with us?"
        )
    unknown = set(options_considered) - set(Option.values)
    if unknown or len(options_considered) < 2:
        errors["options_considered"] = "Consider at least two of the options."
    if chosen not in options_considered:
        errors["chosen"] = "Choose one of the options you considered."
    if not reason.strip():
        errors["reason"] = "Give the reason for the choice."
    if errors:
        raise ValidationError(errors)
    appraisal, _ = OptionsAppraisal.objects.update_or_create(
        commission=commission,
        defaults={
            "assets_considered": assets_considered.strip(),
            "community_answer": community_answer.strip(),
            "options_considered": sorted(options_considered),
            "chosen": chosen,
            "reason": reason.strip(),
            "recorded_by": actor,
        },
    )
    return appraisal


@transaction.atomic
def expression_of_interest_record(*, commission, organisation, summary, actor):
    _commissioner_required(actor)
    if not summary.strip():
        raise ValidationError({"summary": "Summarise what the organisation proposes."})
    return ExpressionOfInterest.objects.create(
        commission=commission, organisation=organisation, summary=summary.strip()
    )
