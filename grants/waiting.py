"""What is waiting for the grants team: the counts on the staff home and
the lists behind them. Each count is one aggregate over its table, so the
home's queries stay the same however many rounds and applications there are.

The grants team shares one queue: every grants officer sees every round's
work, as any of them may pick it up.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.db.models import Count, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from foundation.templatetags.uk import long_date, pounds
from grants.models import Application, MonitoringReturn, Payment, Round, State
from social_value.models import CallState

PAYMENT_HORIZON = timedelta(days=14)


@dataclass(frozen=True)
class Queue:
    slug: str
    label: str  # what is waiting, as the count's label
    empty: str  # what the list says when nothing is


QUEUES = [
    Queue("eligibility", "Eligibility checks to do", "No application is waiting for a check."),
    Queue("answered", "Information requests answered", "No answer is waiting to be read."),
    Queue("moderation", "Rounds ready for moderation", "No round is in moderation."),
    Queue("decisions", "Decisions due", "No ranked application is waiting for a decision."),
    Queue("offers", "Offers sent and not accepted", "Every offer sent has an answer."),
    Queue("payments", "Payments due in the next 14 days", "No payment is due in the next 14 days."),
    Queue("returns", "Monitoring returns to review", "Every return sent has been reviewed."),
    Queue("overdue", "Monitoring returns overdue", "No return is overdue."),
]
BY_SLUG = {queue.slug: queue for queue in QUEUES}


def _filters(today):
    return {
        "eligibility": Q(state=State.ELIGIBILITY),
        # An answer came, which put the application back in assessment,
        # and the officer has not moved it on since.
        "answered": Q(state=State.ASSESSMENT, information_requests__answered_at__isnull=False),
        "decisions": Q(state=State.PANEL, round__call__state=CallState.RANKED),
        "offers": Q(state=State.OFFER),
        "payments": Q(
            paid_on__isnull=True,
            due_on__lte=today + PAYMENT_HORIZON,
            award__application__state__in=[State.ACCEPTED, State.ACTIVE],
        ),
        "returns": Q(submitted_at__isnull=False, reviewed_at__isnull=True),
        "overdue": Q(
            submitted_at__isnull=True,
            due_on__lt=today,
            award__application__state=State.ACTIVE,
        ),
        "moderation": Q(call__state=CallState.MODERATION),
    }


def waiting_counts() -> dict[str, int]:
    """Every queue's count, in four queries whatever the number of rounds."""
    today = timezone.localdate()
    found = _filters(today)
    counts = Application.objects.aggregate(
        **{
            slug: Count("pk", filter=found[slug], distinct=True)
            for slug in ("eligibility", "answered", "decisions", "offers")
        }
    )
    counts["payments"] = Payment.objects.filter(found["payments"]).count()
    counts |= MonitoringReturn.objects.aggregate(
        returns=Count("pk", filter=found["returns"]),
        overdue=Count("pk", filter=found["overdue"]),
    )
    counts["moderation"] = Round.objects.filter(found["moderation"]).count()
    return counts


def waiting_panels() -> list[dict]:
    """(label, count, link) for the staff home, in the order of the work."""
    counts = waiting_counts()
    return [
        {
            "label": queue.label,
            "count": counts[queue.slug],
            "url": reverse("grants-waiting", args=[queue.slug]),
        }
        for queue in QUEUES
    ]


@dataclass(frozen=True)
class Row:
    """One line of a list: what it is, who, and why it is waiting."""

    title: str
    url: str
    who: str
    detail: str


def waiting_rows(slug: str) -> list[Row]:
    """The items behind one count, oldest first, each linked to where it is done."""
    today = timezone.localdate()
    found = _filters(today)
    if slug == "moderation":
        return [
            Row(round_.title, reverse("call-moderation", args=[round_.call_id]), "", "")
            for round_ in Round.objects.filter(found["moderation"]).order_by("closes_at")
        ]
    if slug in ("payments", "returns", "overdue"):
        model = Payment if slug == "payments" else MonitoringReturn
        items: QuerySet = (
            model.objects.filter(found[slug])
            .select_related("award__application__organisation")
            .order_by("due_on", "pk")
        )
        return [_award_row(slug, item) for item in items]
    applications = (
        Application.objects.filter(found[slug])
        .select_related("organisation", "round")
        .distinct()
        .order_by("submitted_at", "pk")
    )
    return [
        Row(
            f"{application.reference}: {application.project_title}",
            reverse("application-manage", args=[application.pk]),
            application.organisation.name,
            application.round.title,
        )
        for application in applications
    ]


def _award_row(slug: str, item) -> Row:
    application = item.award.application
    if slug == "payments":
        detail = f"{pounds(item.amount)} due {long_date(item.due_on)}"
    elif slug == "returns":
        detail = f"Sent {long_date(item.submitted_at)}"
    else:
        detail = f"Due {long_date(item.due_on)}"
    return Row(
        f"{application.reference}: {application.project_title}",
        reverse("application-manage", args=[application.pk]),
        application.organisation.name,
        detail,
    )
