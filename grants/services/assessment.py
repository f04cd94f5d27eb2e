"""Assessing: eligibility, more information, sending to the panel, and
decisions in batches within the round's budget."""

from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from foundation.money import format_money, money_check
from foundation.templatetags.uk import pounds
from foundation.transitions import transition_apply
from grants import notifications
from grants.eligibility import is_eligible
from grants.models import Application, InformationRequest, Programme, Round, State
from grants.questions import answers_for_display
from organisations.selectors import membership_for
from social_value.models import Submission
from social_value.promises import commitments_from_promises

DECIDABLE = [State.PANEL, State.WAITLISTED]
# Published as "grants awarded": an approval counts once the organisation
# has accepted the offer, not before (an offer may still be declined).
AWARDED = [State.ACCEPTED, State.ACTIVE, State.COMPLETED]
COMMITTED = [State.APPROVED, State.OFFER, State.ACCEPTED, State.ACTIVE, State.COMPLETED]


def _locked(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("round", "organisation")
        .get(pk=application.pk)
    )


@transaction.atomic
def eligibility_decide(*, application: Application, actor, eligible: bool, reason: str = ""):
    """Accept or refuse on eligibility. Going against the computed result
    needs a reason; so does refusing, because the applicant is told why."""
    application = _locked(application)
    reason = reason.strip()
    computed = is_eligible(application)
    if eligible != computed and not reason:
        raise ValidationError(
            {"reason": "You are overriding the eligibility rules: give the reason."}
        )
    if eligible:
        transition_apply(
            application,
            "mark_eligible",
            actor=actor,
            override_reason=reason if not computed else "",
            description=reason or "Eligible by the round's rules",
        )
    else:
        if not reason:
            raise ValidationError({"reason": "Tell the applicant why it is not eligible."})
        transition_apply(
            application, "mark_ineligible", actor=actor, reason=reason, description=reason
        )
    application.save()
    if not eligible:
        notifications.applicant_notify(application, "ineligible")
    return application


@transaction.atomic
def information_request(*, application: Application, actor, question: str) -> InformationRequest:
    application = _locked(application)
    if not question.strip():
        raise ValidationError({"question": "Write the question for the applicant."})
    transition_apply(application, "request_more_info", actor=actor, description=question)
    application.save()
    request = InformationRequest.objects.create(
        application=application,
        question=question.strip(),
        requested_by=actor,
        due_at=timezone.now() + timedelta(days=settings.MORE_INFO_DAYS),
    )
    notifications.applicant_notify(application, "more_info")
    return request


@transaction.atomic
def information_answer(*, request: InformationRequest, actor, answer: str) -> InformationRequest:
    application = _locked(request.application)
    if membership_for(user=actor, organisation=application.organisation) is None:
        raise PermissionDenied("Only the applying organisation can answer.")
    if not answer.strip():
        raise ValidationError({"answer": "Write your answer."})
    request = InformationRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered_at is not None:
        raise ValidationError("This question has already been answered.")
    transition_apply(application, "provide_more_info", actor=actor, description="Answered")
    application.save()
    request.answer, request.answered_by, request.answered_at = answer.strip(), actor, timezone.now()
    request.save()
    return request


@transaction.atomic
def panel_send(*, application: Application, actor) -> Application:
    """Hand the application to the scoring engine as a submission."""
    application = _locked(application)
    transition_apply(application, "send_to_panel", actor=actor, description="Sent to the panel")
    files = {d.question_id: d.original_name for d in application.documents.all()}
    content = "\n\n".join(
        f"{label}\n{value}"
        for label, value in answers_for_display(
            application.round.questions, application.answers, files=files
        )
    )
    application.submission = Submission.objects.create(
        call=application.round.call,
        organisation=application.organisation,
        reference=application.reference,
        title=application.project_title,
        content=content,
        submitted_at=application.submitted_at,
    )
    commitments_from_promises(submission=application.submission, promises=application.promises)
    application.save()
    return application


def budget_committed(*, round_: Round) -> Decimal:
    total = Application.objects.filter(round=round_, state__in=COMMITTED).aggregate(
        total=Sum("approved_amount")
    )["total"]
    return total or Decimal(0)


def programme_committed(*, programme: Programme) -> Decimal:
    """What every round of the programme has approved so far."""
    total = Application.objects.filter(round__programme=programme, state__in=COMMITTED).aggregate(
        total=Sum("approved_amount")
    )["total"]
    return total or Decimal(0)


@dataclass
class Decision:
    application_id: int
    outcome: str  # "approve", "decline" or "waitlist"
    reason: str
    amount: Decimal | None = None


@transaction.atomic
def decisions_record(*, round_: Round, actor, decisions: list[Decision]) -> list[Application]:
    """Record a batch of decisions at once, or none of them.

    Approved amounts across the round never exceed its budget.
    """
    # One batch at a time per programme, so two rounds cannot overspend it together.
    Programme.objects.select_for_update().get(pk=round_.programme_id)
    round_ = Round.objects.select_for_update().select_related("programme").get(pk=round_.pk)
    errors, decided, new_money = {}, [], Decimal(0)
    applications = {
        a.pk: a
        for a in Application.objects.select_for_update(of=("self",))
        .select_related("round", "organisation")
        .filter(round=round_, pk__in=[d.application_id for d in decisions])
    }
    for decision in decisions:
        application = applications.get(decision.application_id)
        key = f"decision-{decision.application_id}"
        if application is None:
            errors[key] = "This application is not in this round."
            continue
        if application.state not in DECIDABLE:
            # Another officer decided it after this page was read: say so,
            # never decide twice.
            errors[key] = (
                f"{application.reference} already has a decision: "
                f"{application.get_state_display().lower()}. Yours was not recorded."
            )
            continue
        if not decision.reason.strip():
            errors[key] = f"{application.reference}: give the reason for the decision."
            continue
        if decision.outcome == "waitlist" and application.state == State.WAITLISTED:
            errors[key] = f"{application.reference} is already on the waiting list."
            continue
        if decision.outcome == "approve":
            try:
                # Whole pence, finite, not negative: checked before any
                # comparison, as NaN cannot be compared.
                money_check(decision.amount if decision.amount is not None else Decimal(0))
            except ValidationError as error:
                errors[key] = f"{application.reference}: {error.messages[0]}"
                continue
            if decision.amount is None or decision.amount <= 0:
                errors[key] = f"{application.reference}: enter the amount to award."
                continue
            if decision.amount < round_.minimum_award:
                errors[key] = (
                    f"{application.reference}: below the round's smallest grant, "
                    f"{format_money(round_.minimum_award)}."
                )
                continue
            if decision.amount > round_.maximum_award:
                errors[key] = (
                    f"{application.reference}: above the round's largest grant, "
                    f"{format_money(round_.maximum_award)}."
                )
                continue
            new_money += decision.amount
        decided.append((application, decision))
    remaining = round_.budget - budget_committed(round_=round_)
    if new_money > remaining:
        errors["budget"] = (
            f"These approvals total {pounds(new_money)} but only {pounds(remaining)} of the "
            "round's budget remains."
        )
    programme = round_.programme
    programme_remaining = programme.budget - programme_committed(programme=programme)
    if new_money > programme_remaining:
        errors["programme_budget"] = (
            f"These approvals total {pounds(new_money)} but only {pounds(programme_remaining)} of "
            f"the {programme.name} programme's budget remains."
        )
    if errors:
        raise ValidationError(errors)
    for application, decision in decided:
        if decision.outcome == "approve":
            transition_apply(
                application,
                "approve",
                actor=actor,
                amount=decision.amount,
                reason=decision.reason,
                description=decision.reason,
            )
            event = "approved"
        elif decision.outcome == "decline":
            transition_apply(
                application,
                "decline",
                actor=actor,
                reason=decision.reason,
                description=decision.reason,
            )
            event = "declined"
        else:
            transition_apply(
                application,
                "waitlist",
                actor=actor,
                reason=decision.reason,
                description=decision.reason,
            )
            event = "waitlisted"
        application.save()
        notifications.applicant_notify(application, event)
    return [application for application, _ in decided]
