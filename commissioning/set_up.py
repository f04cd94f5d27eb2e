"""The set-up of a commission as a GOV.UK task list: what is done, what is
started, what is left, in the order a tender is set up. Each task is its
own page with its own form (commissioning.views.set_up); the tender goes
for approval once every task before approval is complete
(commissioning.services.tenders checks the same)."""

from dataclasses import dataclass

from django.urls import reverse

from commissioning.models import UNPUBLISHED, Commission, Tender, TenderState
from commissioning.services.tenders import unasked_criteria_problems

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


def _url(name: str, commission: Commission) -> str:
    return reverse(name, args=[commission.pk])


def _tender_tasks(commission: Commission, tender: Tender | None, ready_so_far: bool) -> list:
    if tender is None:
        return [
            Task(name, _url(url, commission), CANNOT_START)
            for name, url in [
                ("Scoring criteria and weights", "set-up-criteria"),
                ("Lots", "set-up-lots"),
                ("Bid questions", "set-up-questions"),
                ("Documents", "set-up-documents"),
                ("Approval", "commission-detail"),
            ]
        ]
    criteria = tender.call.criteria.exists()
    criteria_ok = criteria and not tender.call.criteria_problems() and tender.call.panel_id
    lots = tender.lots.exists()
    questions = len(tender.questions) > 0
    questions_ok = questions and not unasked_criteria_problems(tender)
    documents = tender.documents.exists()
    ready = ready_so_far and criteria_ok and lots and questions_ok and documents
    if tender.state == TenderState.DRAFT:
        approval = NOT_STARTED if ready else CANNOT_START
    elif tender.state == TenderState.AWAITING_APPROVAL:
        approval = IN_PROGRESS
    else:
        approval = COMPLETED
    return [
        Task(
            "Scoring criteria and weights",
            _url("set-up-criteria", commission),
            _done(bool(criteria_ok), criteria),
            "Social value carries at least 10% (PPN 06/20).",
        ),
        Task("Lots", _url("set-up-lots", commission), _done(lots)),
        Task(
            "Bid questions",
            _url("set-up-questions", commission),
            _done(questions_ok, questions),
            "Every scored quality criterion needs at least one question.",
        ),
        Task("Documents", _url("set-up-documents", commission), _done(documents)),
        Task(
            "Approval",
            reverse("tender-manage", args=[tender.pk]),
            approval,
            "Sent by you, approved by another commissioner."
            if tender.state in UNPUBLISHED
            else tender.get_state_display(),
        ),
    ]


def commission_tender(commission: Commission) -> Tender | None:
    """The tender this commission is setting up: its latest."""
    return commission.tenders.select_related("call").order_by("pk").last()


def commission_tasks(commission: Commission) -> list[Task]:
    has_appraisal = hasattr(commission, "appraisal")
    need_ok = bool(commission.need) and commission.neighbourhoods.exists()
    tender = commission_tender(commission)
    tasks = [
        Task(
            "The need and neighbourhoods",
            _url("set-up-need", commission),
            _done(need_ok, True),
        ),
        Task("Options appraisal", _url("set-up-appraisal", commission), _done(has_appraisal)),
        Task(
            "Tender details and procedure",
            _url("set-up-tender", commission),
            COMPLETED if tender else (NOT_STARTED if has_appraisal else CANNOT_START),
            tender.title if tender else "",
        ),
    ]
    return tasks + _tender_tasks(commission, tender, need_ok and has_appraisal)
