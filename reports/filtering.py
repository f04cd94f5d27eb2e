"""The records a report or export reads, narrowed by the filter.

Each record is dated by the moment that matters to it: an application by
when it was sent, a grant by when it was decided, a payment by the day it
was paid, a return by its due date. A grant belongs to the neighbourhoods
its organisation serves.
"""

from django.db.models import F, QuerySet
from django.db.models.functions import TruncDate

from grants.models import Application, Award, MonitoringReturn, Payment, State
from organisations.models import Organisation
from reports.forms import ReportFilter
from social_value.models import Commitment

# The panel said yes: every stage from approval on, an offer refused included.
SUCCESSFUL_STATES = [
    State.APPROVED,
    State.OFFER,
    State.ACCEPTED,
    State.REFUSED,
    State.ACTIVE,
    State.COMPLETED,
]
# Money awarded: a successful application whose offer was not refused.
AWARDED_STATES = [s for s in SUCCESSFUL_STATES if s != State.REFUSED]
# Decided either way; withdrawn and waiting-list applications are not.
DECIDED_STATES = [*SUCCESSFUL_STATES, State.DECLINED, State.INELIGIBLE]


def _in_period(queryset: QuerySet, lookup: str, report_filter: ReportFilter) -> QuerySet:
    if report_filter.date_from:
        queryset = queryset.filter(**{f"{lookup}__gte": report_filter.date_from})
    if report_filter.date_to:
        queryset = queryset.filter(**{f"{lookup}__lte": report_filter.date_to})
    return queryset


def _who_and_where(queryset: QuerySet, prefix: str, report_filter: ReportFilter) -> QuerySet:
    """Programme, round, neighbourhood and type of organisation; `prefix`
    leads from the records to their application."""
    if report_filter.programme:
        queryset = queryset.filter(**{f"{prefix}round__programme": report_filter.programme})
    if report_filter.round:
        queryset = queryset.filter(**{f"{prefix}round": report_filter.round})
    if report_filter.neighbourhood:
        # A subquery, not a join: a join would repeat a grant once per place.
        serving = Organisation.objects.filter(neighbourhoods=report_filter.neighbourhood)
        queryset = queryset.filter(**{f"{prefix}organisation__in": serving.values("pk")})
    if report_filter.organisation_type:
        queryset = queryset.filter(
            **{f"{prefix}organisation__legal_form": report_filter.organisation_type}
        )
    return queryset


def applications_sent(report_filter: ReportFilter) -> QuerySet:
    """Applications sent (drafts are nobody's business but the applicant's),
    dated by when they were sent."""
    queryset = Application.objects.exclude(state=State.DRAFT).filter(submitted_at__isnull=False)
    queryset = _in_period(queryset, "submitted_at__date", report_filter)
    return _who_and_where(queryset, "", report_filter)


def applications_decided(report_filter: ReportFilter) -> QuerySet:
    queryset = Application.objects.filter(state__in=DECIDED_STATES, decided_at__isnull=False)
    queryset = _in_period(queryset, "decided_at__date", report_filter)
    return _who_and_where(queryset, "", report_filter)


def grants_awarded(report_filter: ReportFilter, *, published_only: bool = False) -> QuerySet:
    """Successful applications whose offer stands, dated by their decision.

    `published_only` keeps the grants the council publishes as open data:
    those of a programme opted into 360Giving, decided on or after its
    date (the day of decision in UK time), as the open data file does.
    """
    queryset = Application.objects.filter(state__in=AWARDED_STATES, decided_at__isnull=False)
    if published_only:
        queryset = queryset.annotate(decided_on=TruncDate("decided_at")).filter(
            round__programme__publish_360giving_from__isnull=False,
            decided_on__gte=F("round__programme__publish_360giving_from"),
        )
    queryset = _in_period(queryset, "decided_at__date", report_filter)
    return _who_and_where(queryset, "", report_filter)


def awards(report_filter: ReportFilter) -> QuerySet:
    queryset = Award.objects.all()
    queryset = _in_period(queryset, "application__decided_at__date", report_filter)
    return _who_and_where(queryset, "application__", report_filter)


def payments_made(report_filter: ReportFilter, *, published_only: bool = False) -> QuerySet:
    """Payments released, dated by the day they were paid."""
    queryset = Payment.objects.filter(paid_on__isnull=False)
    if published_only:
        queryset = queryset.filter(
            award__application__in=grants_awarded(ReportFilter(), published_only=True).values("pk")
        )
    queryset = _in_period(queryset, "paid_on", report_filter)
    return _who_and_where(queryset, "award__application__", report_filter)


def payments(report_filter: ReportFilter) -> QuerySet:
    """Every payment, due or paid, dated by the day it falls due."""
    queryset = _in_period(Payment.objects.all(), "due_on", report_filter)
    return _who_and_where(queryset, "award__application__", report_filter)


def monitoring_returns(report_filter: ReportFilter) -> QuerySet:
    queryset = _in_period(MonitoringReturn.objects.all(), "due_on", report_filter)
    return _who_and_where(queryset, "award__application__", report_filter)


def commitments(report_filter: ReportFilter, *, published_only: bool = False) -> QuerySet:
    """The social value promised with the grants awarded in the filter."""
    granted = grants_awarded(report_filter, published_only=published_only)
    return Commitment.objects.filter(submission__grant_application__in=granted.values("pk"))
