"""Reads for grant pages, shaped so lists do not grow their query count."""

from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from foundation.audit import audit_trail_for
from foundation.templatetags.uk import pounds
from grants.models import Application, MonitoringReturn, Round, State
from grants.services.assessment import budget_committed
from organisations.models import Organisation

NEXT_STEP = {
    State.DRAFT: "Finish your answers and submit before the round closes.",
    State.SUBMITTED: "Nothing to do: we are checking your application.",
    State.ELIGIBILITY: "Nothing to do: we are checking your application is eligible.",
    State.INELIGIBLE: "Nothing more to do. The reason is below.",
    State.ASSESSMENT: "Nothing to do: we are assessing your application.",
    State.MORE_INFO: "Answer our question below.",
    State.PANEL: "Nothing to do: the panel is scoring applications.",
    State.APPROVED: "Nothing to do: your offer letter is on its way.",
    State.DECLINED: "Nothing more to do. The reason is below.",
    State.WAITLISTED: "Nothing to do: we will tell you if money becomes available.",
    State.OFFER: "Read your offer letter and accept it.",
    State.ACCEPTED: "Nothing to do: your first payment is due on the date in your offer.",
    State.ACTIVE: "Send each monitoring return by its due date.",
    State.COMPLETED: "Nothing more to do. Thank you.",
    State.WITHDRAWN: "Nothing more to do.",
}


def next_step(application: Application) -> str:
    return NEXT_STEP[State(application.state)]


def applications_of_user(*, user) -> QuerySet[Application]:
    return (
        Application.objects.filter(organisation__memberships__user=user)
        .select_related("round", "organisation")
        .order_by("-updated_at")
    )


def rounds_open(*, at=None) -> QuerySet[Round]:
    at = at or timezone.now()
    return (
        Round.objects.filter(opens_at__lte=at, closes_at__gt=at)
        # A launch still waiting for approval keeps the round shut.
        .exclude(launch__state__in=["draft", "awaiting_approval"])
        .select_related("programme")
    )


def applications_for_officer(
    *, round_: Round, state: str = "", neighbourhood: str = "", search: str = ""
) -> QuerySet[Application]:
    # Only the list's columns: the answers and promises are JSON the list
    # never shows, and read for every row they were most of its time.
    applications = (
        Application.objects.filter(round=round_)
        .select_related("organisation")
        .only(
            "round_id",
            "reference",
            "project_title",
            "amount_requested",
            "state",
            "organisation__name",
        )
    )
    if state:
        applications = applications.filter(state=state)
    if neighbourhood:
        # A subquery rather than a join: an organisation in two
        # neighbourhoods is still one row, with no DISTINCT over every row.
        applications = applications.filter(
            organisation__in=Organisation.objects.filter(neighbourhoods__slug=neighbourhood)
        )
    if search:
        applications = applications.filter(
            Q(reference__icontains=search)
            | Q(project_title__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    return applications.order_by("reference")


def round_dashboard(*, round_: Round) -> dict:
    by_state = dict(
        Application.objects.filter(round=round_)
        .values_list("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    waits = [
        decided - submitted
        for submitted, decided in Application.objects.filter(
            round=round_, decided_at__isnull=False, submitted_at__isnull=False
        ).values_list("submitted_at", "decided_at")
    ]
    committed = budget_committed(round_=round_)
    return {
        "counts": [(label, by_state.get(value, 0)) for value, label in State.choices],
        "total": sum(by_state.values()),
        "committed": committed,
        "remaining": round_.budget - committed,
        "average_days_to_decision": (
            round(sum(waits, timedelta()).total_seconds() / len(waits) / 86400, 1)
            if waits
            else None
        ),
        "late_returns": late_returns(round_=round_),
    }


def late_returns(*, round_: Round) -> QuerySet[MonitoringReturn]:
    return MonitoringReturn.objects.filter(
        award__application__round=round_,
        submitted_at__isnull=True,
        due_on__lt=timezone.localdate(),
    ).select_related("award__application__organisation")


def application_history(application: Application):
    return audit_trail_for(application)


def money(value) -> str:
    return pounds(value)


CORE_FIELDS = ("project_title", "amount_requested", "annual_income")


def application_sections(application, problems: dict) -> list[dict]:
    """The application's parts as a GOV.UK task list: each part's status comes
    from what would stop the application being submitted."""
    core_done = not any(field in problems for field in CORE_FIELDS)
    questions_done = not any(field.startswith("q_") for field in problems)
    return [
        {
            "name": "About your project",
            "anchor": "id_project_title",
            "status": "Completed" if core_done else "Incomplete",
        },
        {
            "name": "Your answers to the round's questions",
            "anchor": "questions",
            "status": "Completed" if questions_done else "Incomplete",
        },
        {
            "name": "Social value you commit to",
            "anchor": "promises",
            "status": "Completed" if application.promises else "Optional",
        },
    ]
