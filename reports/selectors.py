"""The figures of the reports, each one bounded query (or a few) that the
database aggregates, whatever the number of applications.

Groups of fewer than five are never shown: a rate or a mean over one to
four applications or people could point to who they are.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, DecimalField, F, FloatField, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Cast, Coalesce

from foundation.money import money_round
from grants.models import Programme
from neighbourhoods.models import Neighbourhood
from organisations.models import LegalForm, Organisation
from organisations.models.organisations import VCSE_FORMS
from reports import filtering
from reports.forms import ReportFilter
from reports.models import DeprivationArea
from social_value.models import DeliveryReport, Measure

FEWEST = 5
ZERO = Decimal(0)
# Micro-enterprises and the mutual forms owned by their members.
MICRO_AND_MUTUAL_FORMS = {
    LegalForm.MICRO_ENTERPRISE,
    LegalForm.MUTUAL,
    LegalForm.COOPERATIVE,
    LegalForm.COMMUNITY_BENEFIT_SOCIETY,
}
MONEY = DecimalField(max_digits=14, decimal_places=2)


def _quantity(value) -> Decimal:
    """A quantity without trailing zeros or an exponent: 8100, 0.5."""
    value = Decimal(value or 0)
    return value.quantize(Decimal(1)) if value == value.to_integral_value() else value.normalize()


def _pounds(value) -> Decimal:
    return money_round(Decimal(str(value))) if value is not None else ZERO


def _amount():
    # The award's amount once the offer is made; until then the amount approved.
    return Coalesce("award__amount", "approved_amount", output_field=MONEY)


def money_by_programme(report_filter: ReportFilter, *, published_only=False) -> dict:
    """Money awarded (by decision date) and paid (by payment date), per
    programme and in all."""
    granted = filtering.grants_awarded(report_filter, published_only=published_only)
    awarded = {
        row["round__programme"]: row
        for row in granted.values("round__programme")
        .annotate(amount=Sum(_amount()), grants=Count("pk"))
        .order_by()
    }
    paid = {
        row["award__application__round__programme"]: row["amount"]
        for row in filtering.payments_made(report_filter, published_only=published_only)
        .values("award__application__round__programme")
        .annotate(amount=Sum("amount"))
        .order_by()
    }
    rows = []
    for programme in Programme.objects.filter(pk__in={*awarded, *paid}).order_by("name"):
        row = awarded.get(programme.pk, {})
        rows.append(
            {
                "programme": programme.name,
                "grants": row.get("grants", 0),
                "awarded": _pounds(row.get("amount")),
                "paid": _pounds(paid.get(programme.pk)),
            }
        )
    return {
        "rows": rows,
        "grants": sum(r["grants"] for r in rows),
        "awarded": sum((r["awarded"] for r in rows), ZERO),
        "paid": sum((r["paid"] for r in rows), ZERO),
    }


def _deprivation(neighbourhoods) -> dict[int, Decimal | None]:
    """Each neighbourhood's mean deprivation score over the areas it lists."""
    codes = {code for n in neighbourhoods for code in n.ons_codes or []}
    scores = dict(DeprivationArea.objects.filter(code__in=codes).values_list("code", "score"))
    measure = {}
    for n in neighbourhoods:
        known = [scores[code] for code in n.ons_codes or [] if code in scores]
        measure[n.pk] = (sum(known) / len(known)).quantize(Decimal("0.1")) if known else None
    return measure


def spend_by_neighbourhood(report_filter: ReportFilter, *, published_only=False) -> list[dict]:
    """Money awarded per neighbourhood and per head of its population, beside
    its deprivation score. A grant to a group serving several neighbourhoods
    is shared equally between them, so nothing is counted twice."""
    through = Organisation.neighbourhoods.through
    places = (
        through.objects.filter(organisation_id=OuterRef("organisation_id"))
        .order_by()
        .values("organisation_id")
        .annotate(n=Count("pk"))
        .values("n")
    )
    granted = filtering.grants_awarded(report_filter, published_only=published_only)
    spend = {
        row["organisation__neighbourhoods"]: row["spend"]
        for row in granted.annotate(
            places=Cast(Coalesce(Subquery(places), 1), FloatField()), share_of=_amount()
        )
        .values("organisation__neighbourhoods")
        .annotate(spend=Sum(F("share_of") / F("places"), output_field=FloatField()))
        .order_by()
    }
    neighbourhoods = list(Neighbourhood.objects.order_by("name"))
    if report_filter.neighbourhood:
        neighbourhoods = [n for n in neighbourhoods if n.pk == report_filter.neighbourhood.pk]
    deprivation = _deprivation(neighbourhoods)
    rows = []
    for n in neighbourhoods:
        amount = _pounds(spend.get(n.pk))
        rows.append(
            {
                "neighbourhood": n.name,
                "population": n.population,
                "spend": amount,
                "per_head": money_round(amount / n.population) if n.population else None,
                "deprivation": deprivation[n.pk],
            }
        )
    return rows


def spend_by_kind_of_organisation(report_filter: ReportFilter, *, published_only=False) -> dict:
    """The share of money awarded to each kind of organisation the council
    sets out to grow. The kinds overlap (a user-led charity counts twice)."""
    granted = filtering.grants_awarded(report_filter, published_only=published_only)
    local = Organisation.objects.filter(neighbourhoods__isnull=False).values("pk")
    kinds = {
        "vcse": ("Voluntary, community and social enterprise", Q(legal_form__in=VCSE_FORMS)),
        "user_led": ("User-led", Q(user_led=True)),
        "lived": ("Led by people with lived experience", Q(lived_experience_led=True)),
        "micro": ("Micro-enterprises and mutuals", Q(legal_form__in=MICRO_AND_MUTUAL_FORMS)),
        "local": ("Based in the area", Q(pk__in=local)),
    }
    sums = granted.aggregate(
        total=Sum(_amount()),
        **{
            key: Sum(
                _amount(),
                filter=Q(organisation__in=Organisation.objects.filter(q).values("pk")),
            )
            for key, (_, q) in kinds.items()
        },
    )
    total = _pounds(sums["total"])
    rows = []
    for key, (label, _) in kinds.items():
        amount = _pounds(sums[key])
        share = (amount * 100 / total).quantize(Decimal("1")) if total else None
        rows.append({"kind": label, "spend": amount, "share": share})
    return {"total": total, "rows": rows}


def social_value(report_filter: ReportFilter, *, published_only=False) -> list[dict]:
    """Social value promised with the grants in the filter and delivered
    against those promises (reports whose period ends in the filter's
    period), in quantities and in pounds at each measure's proxy value."""
    promised = filtering.commitments(report_filter, published_only=published_only)
    reports = DeliveryReport.objects.filter(commitment__in=promised.values("pk"))
    if report_filter.date_from:
        reports = reports.filter(period_end__gte=report_filter.date_from)
    if report_filter.date_to:
        reports = reports.filter(period_end__lte=report_filter.date_to)
    quantities = {
        row["measure"]: row["quantity"]
        for row in promised.values("measure").annotate(quantity=Sum("quantity")).order_by()
    }
    delivered = {
        row["commitment__measure"]: row["quantity"]
        for row in reports.values("commitment__measure")
        .annotate(quantity=Sum("quantity_delivered"))
        .order_by()
    }
    rows = []
    for measure in Measure.objects.filter(pk__in={*quantities, *delivered}).order_by("code"):
        promised_quantity = _quantity(quantities.get(measure.pk))
        delivered_quantity = _quantity(delivered.get(measure.pk))
        rows.append(
            {
                "measure": measure.name,
                "unit": measure.get_unit_display(),
                "promised": promised_quantity,
                "promised_value": money_round(promised_quantity * measure.proxy_value),
                "delivered": delivered_quantity,
                "delivered_value": money_round(delivered_quantity * measure.proxy_value),
            }
        )
    return rows


@dataclass(frozen=True)
class Rate:
    group: str
    decided: int
    successful: int

    @property
    def suppressed(self) -> bool:
        return 0 < self.decided < FEWEST

    @property
    def not_reached(self) -> bool:
        return self.decided == 0

    @property
    def percent(self) -> int | None:
        if self.suppressed or self.not_reached:
            return None
        return round(self.successful * 100 / self.decided)


def _rates(report_filter: ReportFilter, group_by: str) -> dict:
    decided = filtering.applications_decided(report_filter)
    return {
        row[group_by]: (row["decided"], row["successful"])
        for row in decided.values(group_by)
        .annotate(
            decided=Count("pk"),
            successful=Count("pk", filter=Q(state__in=filtering.SUCCESSFUL_STATES)),
        )
        .order_by()
    }


def success_by_neighbourhood(report_filter: ReportFilter) -> list[Rate]:
    """Decided applications and the share that succeeded, per neighbourhood
    the applicant serves (an applicant serving two counts in both)."""
    counts = _rates(report_filter, "organisation__neighbourhoods")
    neighbourhoods = Neighbourhood.objects.order_by("name")
    if report_filter.neighbourhood:
        neighbourhoods = neighbourhoods.filter(pk=report_filter.neighbourhood.pk)
    return [Rate(n.name, *counts.get(n.pk, (0, 0))) for n in neighbourhoods]


def success_by_organisation_type(report_filter: ReportFilter) -> list[Rate]:
    counts = _rates(report_filter, "organisation__legal_form")
    forms = LegalForm.choices
    if report_filter.organisation_type:
        forms = [c for c in forms if c[0] == report_filter.organisation_type]
    return [Rate(label, *counts.get(value, (0, 0))) for value, label in forms]
