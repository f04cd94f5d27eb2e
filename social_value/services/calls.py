"""Setting a call up and opening it for scoring."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from social_value.models import Call, CallState, CriterionKind, FrameworkState
from social_value.permissions import can_manage
from social_value.services.panels import panel_problems


def _pct(value: Decimal) -> str:
    return f"{value.normalize():f}"


def call_criteria_problems(*, call: Call) -> list[str]:
    """Everything wrong with a call's criteria, in words an officer can act on.

    Weights of scored criteria plus price sum to exactly 100. PPN 06/20: on a
    tender, the social value criteria together carry at least the floor
    (10% unless the council sets more). Price belongs to tenders only.
    """
    criteria = list(call.criteria.all())
    problems = []
    if not any(c.kind == CriterionKind.SCORED for c in criteria):
        problems.append("Add at least one scored criterion.")
    weighted = [c for c in criteria if c.kind in (CriterionKind.SCORED, CriterionKind.PRICE)]
    total = sum((c.weight for c in weighted), Decimal(0))
    if total != Decimal(100):
        problems.append(
            f"The weights of scored and price criteria add up to {_pct(total)}, not 100."
        )
    if any(c.kind == CriterionKind.GATEWAY and c.weight for c in criteria):
        problems.append("Gateway criteria are pass or fail and carry no weight.")
    prices = [c for c in criteria if c.kind == CriterionKind.PRICE]
    if prices and not call.is_tender:
        problems.append("Only a tender has a price criterion.")
    if len(prices) > 1:
        problems.append("A tender has one price criterion.")
    if call.is_tender:
        social_value = sum((c.weight for c in criteria if c.is_social_value), Decimal(0))
        if social_value < call.social_value_floor:
            problems.append(
                f"Social value carries {_pct(social_value)}% of the weight; a tender needs at "
                f"least {_pct(call.social_value_floor)}% (PPN 06/20)."
            )
    low, high = call.scale_bounds
    for criterion in criteria:
        if criterion.min_score is not None and not low <= criterion.min_score <= high:
            problems.append(f"The minimum on “{criterion.title}” is off the {low}–{high} scale.")
    if call.framework_id and call.framework.state != FrameworkState.PUBLISHED:
        problems.append("Choose a published social value framework version.")
    return problems


@transaction.atomic
def call_open_scoring(*, call: Call, actor) -> Call:
    if not can_manage(call=call, user=actor):
        raise PermissionDenied("Only an officer can open scoring.")
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.state != CallState.SETUP:
        raise ValidationError("Scoring has already been opened for this call.")
    problems = call_criteria_problems(call=call) + panel_problems(call=call)
    if problems:
        raise ValidationError(problems)
    call.open_scoring(by=actor, description="Scoring opened")
    call.save()
    return call
