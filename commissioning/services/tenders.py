"""A tender's own moves: approve, publish, close at the deadline, open the
bids, cancel; and interest and clarifications."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from commissioning import notifications
from commissioning.models import Bid, BidState, Clarification, Interest, Tender, TenderState
from foundation.audit import SYSTEM
from foundation.deadlines import deadline_advertised, when
from foundation.transitions import transition_apply
from organisations.selectors import membership_for
from social_value.models import CriterionKind
from social_value.services.calls import call_criteria_problems


def _locked(tender: Tender) -> Tender:
    return Tender.objects.select_for_update().get(pk=tender.pk)


def tender_approval_problems(tender: Tender) -> list[str]:
    """What stops a tender going for approval, in the commissioner's words."""
    problems = []
    if not tender.commission.neighbourhoods.exists():
        problems.append("Say which neighbourhoods the need is in.")
    if not tender.has_appraisal():
        problems.append(
            "A tender cannot be approved without an options appraisal: record whether a "
            "community organisation could do this better, or with us."
        )
    problems += call_criteria_problems(call=tender.call)
    if not tender.lots.exists():
        problems.append("Add at least one lot.")
    problems += unasked_criteria_problems(tender)
    if not tender.documents.exists():
        problems.append("Add the tender documents: at least the specification.")
    return problems


def unasked_criteria_problems(tender: Tender) -> list[str]:
    """Every scored quality criterion needs a bid question to score: without
    one, bidders could answer only price and social value. A question is for
    a criterion when its wording names it (its label or guidance)."""
    wording = " ".join(
        f"{block.value.get('label', '')} {block.value.get('help_text', '')}".lower()
        for block in tender.questions
    )
    return [
        f"Add a bid question for “{criterion.title}”: it is scored, so bidders need a "
        "question to answer. Name the criterion in the question."
        for criterion in tender.call.criteria.filter(
            kind=CriterionKind.SCORED, is_social_value=False
        ).order_by("sort_order")
        if criterion.title.lower() not in wording
    ]


def _ready_for_approval(tender: Tender) -> None:
    problems = tender_approval_problems(tender)
    if problems:
        raise ValidationError(problems)


@transaction.atomic
def tender_send_for_approval(*, tender: Tender, actor) -> Tender:
    """The author asks for approval; another commissioner gives it."""
    tender = _locked(tender)
    _ready_for_approval(tender)
    transition_apply(
        tender,
        "send_for_approval",
        actor=actor,
        refused="Only a draft tender can be sent for approval.",
        description="Sent for approval",
    )
    tender.save()
    return tender


@transaction.atomic
def tender_approve(*, tender: Tender, actor, reason: str) -> Tender:
    """Separation of duties: approval is by a commissioner other than the
    one who sent the tender for approval, with the reason in the audit trail."""
    tender = _locked(tender)
    if actor is not None and tender.sent_for_approval_by_id == actor.pk:
        raise ValidationError(
            "You sent this tender for approval, so you cannot approve it: "
            "another commissioner must."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for approving: it is recorded."})
    _ready_for_approval(tender)
    transition_apply(
        tender,
        "approve",
        actor=actor,
        refused="Only a tender sent for approval can be approved.",
        description=f"Approved: {reason.strip()}",
    )
    tender.save()
    return tender


@transaction.atomic
def tender_send_back(*, tender: Tender, actor, reason: str) -> Tender:
    """Not approved: back to its author as a draft, saying what to change."""
    tender = _locked(tender)
    if not reason.strip():
        raise ValidationError({"reason": "Say what needs to change before approval."})
    transition_apply(
        tender,
        "send_back",
        actor=actor,
        refused="Only a tender sent for approval can be sent back.",
        description=f"Sent back: {reason.strip()}",
    )
    tender.save()
    return tender


@transaction.atomic
def tender_publish(*, tender: Tender, actor) -> Tender:
    tender = _locked(tender)
    if tender.submission_deadline <= timezone.now():
        raise ValidationError("Move the submission deadline into the future first.")
    transition_apply(tender, "publish", actor=actor, description="Published")
    tender.deadline_as_published = tender.submission_deadline
    tender.save()
    return tender


def tender_deadline_advertised(tender: Tender):
    """The closing date as bidders were told it: first published, or the
    latest change notice."""
    return deadline_advertised(
        tender, "submission_deadline", tender.deadline_as_published or tender.submission_deadline
    )


def tenders_close_due(*, now=None) -> list[int]:
    """Close every published tender whose deadline has passed. Run by beat
    every minute; a repeated or racing run finds nothing left to close."""
    now = now or timezone.now()
    closed = []
    for pk in Tender.objects.filter(
        state=TenderState.PUBLISHED, submission_deadline__lte=now
    ).values_list("pk", flat=True):
        with transaction.atomic():
            tender = (
                Tender.objects.select_for_update(skip_locked=True)
                .filter(pk=pk, state=TenderState.PUBLISHED)
                .first()
            )
            # Never before the deadline bidders were told, whatever the field says.
            if tender is None or not tender.is_past_deadline():
                continue
            if now < tender_deadline_advertised(tender):
                continue
            tender.close(by=SYSTEM, description="Closed at the submission deadline")
            tender.save()
            closed.append(pk)
    return closed


@transaction.atomic
def tender_open_bids(*, tender: Tender, actor) -> int:
    """The explicit, audited act that unseals the bids: never before the
    deadline as advertised, however the tender came to be closed."""
    tender = _locked(tender)
    advertised = tender_deadline_advertised(tender)
    if tender.state == TenderState.CLOSED and timezone.now() < advertised:
        raise ValidationError(
            "The bids cannot be opened before the advertised closing date, "
            f"{when(advertised)}: the tender was closed early."
        )
    transition_apply(
        tender,
        "open_bids",
        actor=actor,
        refused="Bids can be opened only once the tender has closed.",
        description="Bids opened",
    )
    tender.save()
    opened = 0
    for bid in Bid.objects.select_for_update().filter(tender=tender, state=BidState.SUBMITTED):
        transition_apply(bid, "open", actor=actor, description="Opened")
        bid.save()
        opened += 1
    return opened


@transaction.atomic
def tender_cancel(*, tender: Tender, actor, reason: str) -> Tender:
    tender = _locked(tender)
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason: it is published."})
    transition_apply(
        tender,
        "cancel",
        actor=actor,
        reason=reason.strip(),
        refused="A tender cannot be cancelled once awarded.",
        description=reason.strip(),
    )
    tender.save()
    notifications.organisations_notify(
        tender.interests.values("organisation"),
        tender=tender,
        subject=f"Cancelled: {tender.title}",
        body=f"The tender is cancelled. {reason.strip()}",
    )
    return tender


def _bidder_required(organisation, user) -> None:
    if membership_for(user=user, organisation=organisation) is None:
        raise PermissionDenied("Only members of the organisation can act for it.")


def interest_register(*, tender: Tender, organisation, actor) -> Interest:
    _bidder_required(organisation, actor)
    if Tender.objects.get(pk=tender.pk).state != TenderState.PUBLISHED:
        raise ValidationError("This tender is not open.")
    interest, _ = Interest.objects.get_or_create(
        tender=tender, organisation=organisation, defaults={"registered_by": actor}
    )
    return interest


@transaction.atomic
def clarification_ask(*, tender: Tender, organisation, actor, question: str) -> Clarification:
    _bidder_required(organisation, actor)
    tender = Tender.objects.get(pk=tender.pk)
    if tender.state != TenderState.PUBLISHED or timezone.now() >= tender.clarification_deadline:
        raise ValidationError("The deadline for clarification questions has passed.")
    if not question.strip():
        raise ValidationError({"question": "Write your question."})
    interest_register(tender=tender, organisation=organisation, actor=actor)
    return Clarification.objects.create(
        tender=tender, organisation=organisation, asked_by=actor, question=question.strip()
    )


@transaction.atomic
def clarification_publish(
    *, clarification: Clarification, actor, published_question: str, answer: str
) -> Clarification:
    """Answer and publish to every interested bidder at once, without
    saying who asked."""
    if not actor.has_perm("commissioning.run_tender"):
        raise PermissionDenied("Only a commissioner answers clarifications.")
    clarification = Clarification.objects.select_for_update().get(pk=clarification.pk)
    errors = {}
    if not published_question.strip():
        errors["published_question"] = "Write the question as it will be published."
    if not answer.strip():
        errors["answer"] = "Write the answer."
    if clarification.published_at:
        errors["answer"] = "This clarification is already published."
    if errors:
        raise ValidationError(errors)
    clarification.published_question = published_question.strip()
    clarification.answer, clarification.answered_by = answer.strip(), actor
    clarification.published_at = timezone.now()
    clarification.save()
    tender = clarification.tender
    notifications.organisations_notify(
        tender.interests.values("organisation"),
        tender=tender,
        subject=f"Clarification published: {tender.title}",
        body=f"Q: {clarification.published_question}\n\nA: {clarification.answer}",
    )
    return clarification
