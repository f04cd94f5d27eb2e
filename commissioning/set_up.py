"""The set-up of a commission as a GOV.UK task list: what is done, what is
started, what is left, in the order a tender is set up. Each task links to
where it is done; a tender goes for approval once every task before
approval is complete (commissioning.services.tenders checks the same)."""

from dataclasses import dataclass

from django.urls import reverse

from commissioning.models import UNPUBLISHED, Commission, Tender, TenderState
from commissioning.services.tenders import unasked_criteria_problems
from social_value.services.calls import call_criteria_problems

NOT_STARTED, IN_PROGRESS, COMPLETED = "Not started", "In progress", "Completed"
CANNOT_START = "Cannot start yet"


@dataclass(frozen=True)
class Task:
    name: str
    href: str
    status: str
    hint: str = ""


def _done(condition: bool, started: bool = False) -> str:
    if condition:
        return COMPLETED
    return IN_PROGRESS if started else NOT_STARTED


def _tender_tasks(tender: Tender) -> list[Task]:
    edit = reverse("tender:edit", args=[tender.pk])
    criteria = tender.call.criteria.exists()
    criteria_ok = criteria and not call_criteria_problems(call=tender.call)
    lots = tender.lots.exists()
    questions = len(tender.questions) > 0
    questions_ok = questions and not unasked_criteria_problems(tender)
    ready = criteria_ok and lots and questions_ok and tender.has_appraisal()
    if tender.state == TenderState.DRAFT:
        approval = NOT_STARTED if ready else CANNOT_START
    elif tender.state == TenderState.AWAITING_APPROVAL:
        approval = IN_PROGRESS
    else:
        approval = COMPLETED
    return [
        Task("Tender details and procedure", edit, COMPLETED, tender.title),
        Task(
            "Scoring criteria and weights",
            reverse("call:edit", args=[tender.call_id]),
            _done(criteria_ok, criteria),
            "Social value carries at least 10% (PPN 06/20).",
        ),
        Task("Lots", reverse("lot:add"), _done(lots)),
        Task(
            "Bid questions",
            edit,
            _done(questions_ok, questions),
            "Every scored quality criterion needs a question that names it.",
        ),
        Task(
            "Approval",
            reverse("tender-manage", args=[tender.pk]),
            approval,
            "Sent by you, approved by another commissioner."
            if tender.state in UNPUBLISHED
            else tender.get_state_display(),
        ),
    ]


def commission_tasks(commission: Commission) -> list[Task]:
    has_appraisal = hasattr(commission, "appraisal")
    tasks = [
        Task(
            "The need and neighbourhoods",
            reverse("commission:edit", args=[commission.pk]),
            _done(bool(commission.need) and commission.neighbourhoods.exists(), True),
        ),
        Task("Options appraisal", "#appraisal", _done(has_appraisal)),
    ]
    tender = commission.tenders.select_related("call").order_by("pk").last()
    if tender is None:
        tasks.append(
            Task(
                "Tender details and procedure",
                reverse("tender:add"),
                NOT_STARTED if has_appraisal else CANNOT_START,
            )
        )
        return tasks
    return tasks + _tender_tasks(tender)
