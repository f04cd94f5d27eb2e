"""Setting a commission and its tender up, one task at a time: the need,
the tender's details (and with them its scoring call, of the tender kind),
its criteria and weights, lots, bid questions and documents.

Everything here changes a draft only: once a tender is sent for approval
its set-up is what the approver approves, so it stays as it is until they
send it back.
"""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from commissioning.models import Commission, Lot, Tender, TenderDocument, TenderState
from grants.uploads import validate_upload
from social_value.models import Call, CallKind, Criterion, CriterionKind, Framework

COMMISSIONER = "commissioning.run_tender"
DOCUMENT_TYPES = ["pdf", "docx", "xlsx", "odt"]
QUESTION_KINDS = {
    "long_text": "A long answer",
    "text": "A short answer",
    "yes_no": "Yes or no",
    "money": "An amount of money",
}


def _commissioner_required(actor) -> None:
    if not actor.has_perm(COMMISSIONER):
        raise PermissionDenied("Only a commissioner can set a commission up.")


def tender_draft_required(tender: Tender) -> None:
    """What the approver approves does not change under them."""
    if tender.state != TenderState.DRAFT:
        raise ValidationError(
            "This tender has been sent for approval, so its set-up cannot change now. "
            "The approver can send it back to you as a draft."
        )


def _locked(tender: Tender) -> Tender:
    return Tender.objects.select_for_update().get(pk=tender.pk)


@transaction.atomic
def commission_create(*, actor, title: str, need: str, neighbourhoods) -> Commission:
    """A new commission is its creator's: "Created by" is whoever is signed in."""
    _commissioner_required(actor)
    commission = Commission.objects.create(title=title.strip(), need=need.strip(), created_by=actor)
    commission.neighbourhoods.set(neighbourhoods)
    return commission


@transaction.atomic
def commission_update(
    *, commission: Commission, actor, title: str, need: str, neighbourhoods
) -> Commission:
    _commissioner_required(actor)
    commission.title, commission.need = title.strip(), need.strip()
    commission.save(update_fields=["title", "need"])
    commission.neighbourhoods.set(neighbourhoods)
    return commission


def _details_problems(details: dict) -> dict:
    problems = {}
    if details["clarification_deadline"] >= details["submission_deadline"]:
        problems["clarification_deadline"] = (
            "The deadline for questions must be before the closing date for bids."
        )
    if details["expected_award"] < details["submission_deadline"].date():
        problems["expected_award"] = "The award is expected after the closing date for bids."
    if details["contract_starts"] < details["expected_award"]:
        problems["contract_starts"] = "The contract starts after the expected award."
    if details["contract_ends"] <= details["contract_starts"]:
        problems["contract_ends"] = "The contract ends after it starts."
    if details["estimated_value"] <= 0:
        problems["estimated_value"] = "Enter the estimated value, more than £0."
    return problems


@transaction.atomic
def tender_details_save(*, commission: Commission, actor, **details) -> Tender:
    """The tender's details and procedure. The first save creates the
    tender with its scoring call (a tender's kind, on the newest published
    social value framework), so nobody picks a grant round's call by mistake."""
    _commissioner_required(actor)
    if not hasattr(commission, "appraisal"):
        raise ValidationError(
            "Record the options appraisal first: could a community organisation do this "
            "better, or with us?"
        )
    problems = _details_problems(details)
    if problems:
        raise ValidationError(problems)
    tender = commission.tenders.order_by("pk").last()
    if tender is not None:
        tender = _locked(tender)
        tender_draft_required(tender)
        for name, value in details.items():
            setattr(tender, name, value)
        tender.save()
        Call.objects.filter(pk=tender.call_id).update(title=f"{tender.title}: scoring")
        return tender
    framework = Framework.objects.filter(state="published").order_by("-version").first()
    if framework is None:
        raise ValidationError(
            "There is no published social value framework yet to value commitments on: "
            "ask the social value lead to publish one."
        )
    call = Call.objects.create(
        title=f"{details['title']}: scoring", kind=CallKind.TENDER, framework=framework
    )
    return Tender.objects.create(commission=commission, call=call, **details)


@transaction.atomic
def criteria_save(*, tender: Tender, actor, criteria: list[dict], panel) -> Call:
    """Replace the tender's criteria and weights. PPN 06/20: social value
    carries at least the floor (10%) and the weights add up to 100; a set
    that breaks a rule is refused whole, with every problem at once, and
    the page keeps what was typed."""
    _commissioner_required(actor)
    tender = _locked(tender)
    tender_draft_required(tender)
    call = tender.call
    call.panel = panel
    call.save(update_fields=["panel"])
    call.criteria.all().delete()
    for order, row in enumerate(criteria):
        Criterion.objects.create(
            call=call,
            sort_order=order,
            kind=row["kind"],
            title=row["title"].strip(),
            weight=row["weight"] if row["kind"] != CriterionKind.GATEWAY else Decimal(0),
            is_social_value=row["is_social_value"] and row["kind"] == CriterionKind.SCORED,
        )
    problems = call.criteria_problems()
    if problems:
        # Nothing is kept: the transaction rolls back with the refusal.
        raise ValidationError(problems)
    return call


def _next_lot_number(tender: Tender) -> int:
    last = tender.lots.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1


@transaction.atomic
def lot_add(*, tender: Tender, actor, title: str, description: str, estimated_value) -> Lot:
    _commissioner_required(actor)
    tender = _locked(tender)
    tender_draft_required(tender)
    if estimated_value <= 0:
        raise ValidationError({"estimated_value": "Enter the lot's value, more than £0."})
    return Lot.objects.create(
        tender=tender,
        number=_next_lot_number(tender),
        title=title.strip(),
        description=description.strip(),
        estimated_value=estimated_value,
    )


@transaction.atomic
def lot_remove(*, lot: Lot, actor) -> None:
    _commissioner_required(actor)
    tender_draft_required(_locked(lot.tender))
    lot.delete()


@transaction.atomic
def question_add(
    *, tender: Tender, actor, label: str, help_text: str, kind: str, criterion, word_limit
) -> Tender:
    """A bid question. When it answers a scored criterion the guidance says
    so in the criterion's own words, which is how the approval check (and
    the scorer) knows which question a criterion is scored on."""
    _commissioner_required(actor)
    tender = _locked(tender)
    tender_draft_required(tender)
    if kind not in QUESTION_KINDS:
        raise ValidationError({"kind": "Choose what kind of answer the question asks for."})
    guidance = help_text.strip()
    if criterion is not None:
        if criterion.call_id != tender.call_id:
            raise ValidationError({"criterion": "Choose one of this tender's criteria."})
        guidance = f"Scored under “{criterion.title}”. {guidance}".strip()
    value = {"label": label.strip(), "help_text": guidance, "required": True}
    if kind in ("text", "long_text"):
        value["word_limit"] = word_limit
    tender.questions.append((kind, value))
    tender.save(update_fields=["questions"])
    return tender


@transaction.atomic
def question_remove(*, tender: Tender, actor, question_id: str) -> Tender:
    _commissioner_required(actor)
    tender = _locked(tender)
    tender_draft_required(tender)
    kept = [(block.block_type, block.value, block.id) for block in tender.questions]
    tender.questions = [item for item in kept if str(item[2]) != question_id]
    tender.save(update_fields=["questions"])
    return tender


@transaction.atomic
def document_add(*, tender: Tender, actor, title: str, file) -> TenderDocument:
    """A tender document, stored privately: bidders download it through
    the tender's page once it is published."""
    _commissioner_required(actor)
    tender = _locked(tender)
    tender_draft_required(tender)
    try:
        validate_upload(file, allowed_types=DOCUMENT_TYPES, max_size_mb=20)
    except ValidationError as error:
        raise ValidationError({"file": error.messages}) from error
    return TenderDocument.objects.create(tender=tender, title=title.strip(), file=file)


@transaction.atomic
def document_remove(*, document: TenderDocument, actor) -> None:
    _commissioner_required(actor)
    tender_draft_required(_locked(document.tender))
    document.file.delete(save=False)
    document.delete()
