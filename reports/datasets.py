"""The datasets a member of staff can export, each a header and rows read
straight from the database in chunks (values, not model instances), so an
export of 100,000 rows holds a chunk in memory, never the whole.

No dataset carries a person's contact details: organisations, grants,
money and what was delivered, not the people behind them.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from django.db.models import DecimalField, OuterRef, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce

from assets.models import Asset
from grants.models import State
from organisations.models import LegalForm
from reports import filtering
from reports.forms import ReportFilter
from social_value.models import DeliveryReport

CHUNK = 2000
STATES = dict(State.choices)
LEGAL_FORMS = dict(LegalForm.choices)


@dataclass(frozen=True)
class Dataset:
    slug: str
    name: str
    header: list[str]
    fields: list[str]
    records: Callable[[ReportFilter], QuerySet]
    # Stored codes shown as people read them, by column number.
    words: dict[int, dict]

    def rows(self, report_filter: ReportFilter) -> Iterator[list]:
        queryset = self.records(report_filter).order_by("pk").values_list(*self.fields)
        for row in queryset.iterator(chunk_size=CHUNK):
            yield [
                self.words[i].get(value, value) if i in self.words else value
                for i, value in enumerate(row)
            ]


_APPLICATION = ["round__programme__name", "round__title", "organisation__name"]
_APPLICATION_HEAD = ["Programme", "Round", "Organisation"]


def _commitments(report_filter: ReportFilter) -> QuerySet:
    delivered = (
        DeliveryReport.objects.filter(commitment=OuterRef("pk"))
        .order_by()
        .values("commitment")
        .annotate(total=Sum("quantity_delivered"))
        .values("total")
    )
    return filtering.commitments(report_filter).annotate(
        delivered=Coalesce(Subquery(delivered), 0, output_field=DecimalField())
    )


def _assets(report_filter: ReportFilter) -> QuerySet:
    """Assets are not dated or funded: only the neighbourhood and the type of
    the organisation holding them narrow the list."""
    queryset = Asset.objects.all()
    if report_filter.neighbourhood:
        queryset = queryset.filter(
            pk__in=Asset.objects.filter(neighbourhoods=report_filter.neighbourhood).values("pk")
        )
    if report_filter.organisation_type:
        queryset = queryset.filter(organisation__legal_form=report_filter.organisation_type)
    return queryset


DATASETS = {
    d.slug: d
    for d in [
        Dataset(
            slug="applications",
            name="Applications",
            header=[
                "Reference",
                *_APPLICATION_HEAD,
                "Type of organisation",
                "Project",
                "Amount asked for",
                "Stage",
                "Sent",
                "Decided",
                "Amount approved",
            ],
            fields=[
                "reference",
                *_APPLICATION,
                "organisation__legal_form",
                "project_title",
                "amount_requested",
                "state",
                "submitted_at",
                "decided_at",
                "approved_amount",
            ],
            records=filtering.applications_sent,
            words={4: LEGAL_FORMS, 7: STATES},
        ),
        Dataset(
            slug="awards",
            name="Awards",
            header=[
                "Reference",
                *_APPLICATION_HEAD,
                "Type of organisation",
                "Amount",
                "Starts",
                "Ends",
                "Offer sent",
                "Offer accepted",
            ],
            fields=[
                "application__reference",
                *[f"application__{f}" for f in _APPLICATION],
                "application__organisation__legal_form",
                "amount",
                "starts_on",
                "ends_on",
                "offer_sent_at",
                "accepted_at",
            ],
            records=filtering.awards,
            words={4: LEGAL_FORMS},
        ),
        Dataset(
            slug="payments",
            name="Payments",
            header=[
                "Grant reference",
                *_APPLICATION_HEAD,
                "Due",
                "Amount",
                "Approved",
                "Paid",
                "Payment reference",
            ],
            fields=[
                "award__application__reference",
                *[f"award__application__{f}" for f in _APPLICATION],
                "due_on",
                "amount",
                "approved_at",
                "paid_on",
                "reference",
            ],
            records=filtering.payments,
            words={},
        ),
        Dataset(
            slug="monitoring-returns",
            name="Monitoring returns",
            header=[
                "Grant reference",
                *_APPLICATION_HEAD,
                "Due",
                "Sent",
                "Spent so far",
                "People helped to make or keep connections",
                "What happened",
                "What changed for people",
                "Read by an officer",
            ],
            fields=[
                "award__application__reference",
                *[f"award__application__{f}" for f in _APPLICATION],
                "due_on",
                "submitted_at",
                "spend_to_date",
                "connections_helped",
                "narrative",
                "outcomes",
                "reviewed_at",
            ],
            records=filtering.monitoring_returns,
            words={},
        ),
        Dataset(
            slug="commitments",
            name="Social value commitments",
            header=[
                "Grant reference",
                "Organisation",
                "Measure",
                "Unit",
                "Promised",
                "Proxy value (£)",
                "Delivered",
            ],
            fields=[
                "submission__grant_application__reference",
                "submission__grant_application__organisation__name",
                "measure__name",
                "measure__unit",
                "quantity",
                "measure__proxy_value",
                "delivered",
            ],
            records=_commitments,
            words={},
        ),
        Dataset(
            slug="assets",
            name="Community assets",
            header=["Name", "Kind", "Status", "Organisation", "Postcode", "Last confirmed"],
            fields=["name", "kind", "status", "organisation__name", "postcode", "last_confirmed"],
            records=_assets,
            words={
                1: dict(Asset._meta.get_field("kind").choices),
                2: dict(Asset._meta.get_field("status").choices),
            },
        ),
    ]
}
