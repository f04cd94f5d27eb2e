"""What a call page shows from the round or tender it is linked to.

Editors write the story of a call; its deadline, value, eligibility,
criteria, documents and clarifications come from the grants or
commissioning record, so nothing is typed twice and nothing goes stale.
"""

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone

from cms.call_status import TAG_COLOURS, CallStatus, status_at
from commissioning.models import UNPUBLISHED, TenderState
from foundation.deadlines import deadline_changes
from foundation.templatetags.uk import pounds
from organisations.models.organisations import LegalForm


@dataclass
class Criterion:
    title: str
    weight: Decimal
    is_social_value: bool

    @property
    def weight_text(self) -> str:
        """60.00 as "60%", 40.50 as "40.5%"."""
        return f"{self.weight:f}".rstrip("0").rstrip(".") + "%"


@dataclass
class Document:
    title: str
    url: str


@dataclass
class Clarification:
    question: str
    answer: str
    published_at: datetime


@dataclass
class LiveCall:
    kind: str  # "grant" or "tender"
    kind_label: str
    description: str
    opens_at: datetime | None
    closes_at: datetime | None
    accepting: bool
    value: str
    neighbourhoods: list[str]
    eligibility: list[str]
    criteria: list[Criterion] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    clarifications: list[Clarification] = field(default_factory=list)
    action_url: str = ""
    action_label: str = ""
    # Notices of a moved deadline, oldest first (foundation.deadlines).
    deadline_changes: list = field(default_factory=list)
    cancel_reason: str = ""
    cancelled: bool = False

    @property
    def status(self) -> CallStatus:
        return status_at(
            timezone.now(),
            opens_at=self.opens_at,
            closes_at=self.closes_at,
            accepting=self.accepting,
            cancelled=self.cancelled,
        )

    @property
    def tag_class(self) -> str:
        return TAG_COLOURS[self.status]

    @property
    def is_open(self) -> bool:
        return self.status in (CallStatus.OPEN, CallStatus.CLOSING)


def _criteria(call) -> list[Criterion]:
    if call is None:
        return []
    return [
        Criterion(c.title, c.weight, c.is_social_value)
        for c in sorted(call.criteria.all(), key=lambda c: c.sort_order)
    ]


def from_round(round_, *, full: bool = True) -> LiveCall:
    legal_forms = dict(LegalForm.choices)
    places = [n.name for n in round_.neighbourhoods.all()]
    eligibility = []
    if round_.allowed_legal_forms:
        forms = ", ".join(legal_forms.get(f, f) for f in round_.allowed_legal_forms)
        eligibility.append(f"Open to: {forms}.")
    if round_.maximum_annual_income:
        eligibility.append(
            f"For organisations with a yearly income of {pounds(round_.maximum_annual_income)} "
            "or less."
        )
    if places:
        eligibility.append(f"For work in {', '.join(places)}.")
    value = f"Grants of {pounds(round_.minimum_award)} to {pounds(round_.maximum_award)}"
    if round_.budget:
        value += f", from a budget of {pounds(round_.budget)}"
    return LiveCall(
        kind="grant",
        kind_label="Grant round",
        description=round_.description,
        opens_at=round_.opens_at,
        closes_at=round_.closes_at,
        accepting=True,
        value=value,
        neighbourhoods=places,
        eligibility=eligibility,
        criteria=_criteria(round_.call) if full else [],
        action_url=reverse("application-start", args=[round_.pk]),
        action_label="Start your application",
        deadline_changes=list(deadline_changes(round_)) if full else [],
    )


def from_tender(tender, *, full: bool = True) -> LiveCall:
    places = [n.name for n in tender.commission.neighbourhoods.all()]
    eligibility = [f"Procedure: {tender.get_procedure_display()}."]
    if places:
        eligibility.append(f"The service is for {', '.join(places)}.")
    live = LiveCall(
        kind="tender",
        kind_label="Tender",
        description=tender.description,
        opens_at=None,
        closes_at=tender.submission_deadline,
        accepting=tender.state == TenderState.PUBLISHED,
        value=f"Estimated contract value {pounds(tender.estimated_value)}",
        neighbourhoods=places,
        eligibility=eligibility,
        action_url=reverse("tender-public", args=[tender.pk]),
        action_label="Register interest and bid",
        cancelled=tender.state == TenderState.CANCELLED,
        cancel_reason=tender.cancel_reason,
    )
    if tender.state in UNPUBLISHED:
        # Not yet published: no dates to promise, and nothing to act on.
        live.opens_at = datetime.max.replace(tzinfo=timezone.get_current_timezone())
    if full:
        live.deadline_changes = list(deadline_changes(tender))
        live.criteria = _criteria(tender.call)
        live.documents = [
            Document(d.title, reverse("tender-document", args=[d.pk]))
            for d in tender.documents.all()
        ]
        live.clarifications = [
            Clarification(c.published_question or c.question, c.answer, c.published_at)
            for c in tender.clarifications.all()
            if c.published_at
        ]
    return live
