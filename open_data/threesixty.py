"""The council's grants as a 360Giving data package.

A grant is published once it is approved, for as long as it lasts, with
its stage as a classification. Staff opt each programme in, from a date
(Programme.publish_360giving_from): grants decided before it were made
without telling applicants they would be published.

Personal data of individuals never appears. 360Giving's guidance for
grants to individuals is to publish no name, address or exact place: a
sole trader is a person, so their grant names an anonymous recipient
("Individual recipient" with an identifier that means nothing outside this
file), says nothing of their project in their own words, and gives no
location finer than the council's area. No grant names the people who
applied, signed or were paid.
"""

from datetime import datetime
from decimal import Decimal

from django.conf import settings
from django.db.models import F, Max
from django.db.models.functions import TruncDate
from django.urls import reverse
from django.utils import timezone

from grants.models import Application, State
from organisations.models import LegalForm, Organisation

# From approval on: every stage a grant can reach once the panel said yes.
PUBLISHED_STATES = [
    State.APPROVED,
    State.OFFER,
    State.ACCEPTED,
    State.REFUSED,
    State.ACTIVE,
    State.COMPLETED,
]
# Legal forms that are a person rather than an organisation.
INDIVIDUAL_FORMS = [LegalForm.SOLE_TRADER]
# ONS code prefixes and the 360Giving geoCodeType they belong to.
GEO_CODE_TYPES = {
    "E05": "WD",
    "W05": "WD",
    "S13": "WD",
    "N08": "WD",
    "E01": "LSOA",
    "W01": "LSOA",
    "E02": "MSOA",
    "W02": "MSOA",
}
SCHEMA_VERSION = "1.4"


def grant_applications():
    """The applications that are published grants, oldest first: decided
    on or after their programme's date, the day of decision taken in UK
    time (a grant approved at 00:30 BST on the first day counts)."""
    return (
        Application.objects.filter(state__in=PUBLISHED_STATES, decided_at__isnull=False)
        .annotate(decided_on=TruncDate("decided_at"))
        .filter(
            round__programme__publish_360giving_from__isnull=False,
            decided_on__gte=F("round__programme__publish_360giving_from"),
        )
        .select_related("round__programme", "organisation", "award")
        .prefetch_related(
            "organisation__neighbourhoods", "round__neighbourhoods", "award__payments"
        )
        .order_by("decided_at", "pk")
    )


def last_changed(applications) -> datetime | None:
    return applications.aggregate(latest=Max("updated_at"))["latest"]


def grant_id(application: Application) -> str:
    return f"{settings.THREESIXTY_GIVING_PREFIX}-{application.reference}"


def _local_date(moment: datetime) -> str:
    return timezone.localtime(moment).date().isoformat()


def _funder() -> dict:
    return {
        "id": settings.THREESIXTY_GIVING_FUNDER_ID,
        "name": settings.THREESIXTY_GIVING_FUNDER_NAME,
    }


def _recipient(org: Organisation) -> dict:
    recipient = {"id": org.org_id, "name": org.name}
    if org.charity_number:
        recipient["charityNumber"] = org.charity_number
    if org.company_number:
        recipient["companyNumber"] = org.company_number
    if org.postcode:
        recipient["postalCode"] = org.postcode
    if org.website:
        recipient["url"] = org.website
    recipient["addressCountry"] = "United Kingdom"
    return recipient


def _locations(application: Application) -> list[dict]:
    """Where the grant's beneficiaries live: the neighbourhoods the group
    serves within the round's area (the round's area itself if it serves
    none of it; all it serves when the round covers the whole borough), by
    ward or LSOA code where the council knows it."""
    served = list(application.organisation.neighbourhoods.all())
    round_area = {n.pk for n in application.round.neighbourhoods.all()}
    if round_area:
        served = [n for n in served if n.pk in round_area] or list(
            application.round.neighbourhoods.all()
        )
    locations = []
    for neighbourhood in served:
        codes = neighbourhood.ons_codes or [None]
        for code in codes:
            place = {"name": neighbourhood.name, "countryCode": "GB"}
            if code:
                place["geoCode"] = code
                if code[:3] in GEO_CODE_TYPES:
                    place["geoCodeType"] = GEO_CODE_TYPES[code[:3]]
            locations.append(place)
    return locations


def _status(application: Application) -> dict:
    return {
        "vocabulary": f"{settings.THREESIXTY_GIVING_PREFIX}-grant-status",
        "code": application.state,
        "title": application.get_state_display(),
    }


def _money(value: Decimal) -> float | int:
    # JSON numbers: whole pounds as integers so the CSV reads 5000, not 5000.0.
    return int(value) if value == value.to_integral_value() else float(value)


def grant(application: Application, request) -> dict:
    programme = application.round.programme
    award = getattr(application, "award", None)
    amount = award.amount if award else application.approved_amount
    individual = application.organisation.legal_form in INDIVIDUAL_FORMS
    record = {
        "id": grant_id(application),
        "title": "Grant to an individual" if individual else application.project_title,
        "description": (
            f"A grant from the {programme.name}."
            if individual
            else f"{application.project_title}: a grant from the {programme.name}."
        ),
        "currency": "GBP",
        "amountAwarded": _money(amount),
        "awardDate": _local_date(application.decided_at),
        "fundingOrganization": [_funder()],
        "grantProgramme": [{"code": f"programme-{programme.pk}", "title": programme.name}],
        "fromOpenCall": "Yes",
        "classifications": [_status(application)],
        "dateModified": timezone.localtime(application.updated_at).isoformat(),
        "dataSource": request.build_absolute_uri(reverse("threesixty-page")),
    }
    if individual:
        record["recipientIndividual"] = {
            "id": f"{settings.THREESIXTY_GIVING_PREFIX}-IND-{application.pk}",
            "name": "Individual recipient",
        }
    else:
        record["recipientOrganization"] = [_recipient(application.organisation)]
        if locations := _locations(application):
            record["beneficiaryLocation"] = locations
    if application.amount_requested is not None:
        record["amountAppliedFor"] = _money(application.amount_requested)
    if award:
        record["plannedDates"] = [
            {"startDate": award.starts_on.isoformat(), "endDate": award.ends_on.isoformat()}
        ]
        # The sum paid so far. Not each payment: the standard's transactions
        # have no column titles, so its CSV and spreadsheet could not carry them.
        paid = [p.amount for p in award.payments.all() if p.paid_on]
        if paid:
            record["amountDisbursed"] = _money(sum(paid, Decimal(0)))
    return record


def grants_package(request) -> dict:
    applications = grant_applications()
    changed = last_changed(applications) or timezone.now()
    return {
        "version": SCHEMA_VERSION,
        "title": f"Grants from {settings.THREESIXTY_GIVING_FUNDER_NAME}",
        "description": "Every grant the council has approved under a published "
        "programme, with its stage.",
        "issued": timezone.localtime(changed).isoformat(),
        "modified": timezone.localtime(changed).isoformat(),
        "identifier": f"{settings.THREESIXTY_GIVING_PREFIX}-grants",
        "publisher": {
            "identifier": settings.THREESIXTY_GIVING_FUNDER_ID,
            "name": settings.THREESIXTY_GIVING_FUNDER_NAME,
        },
        "downloadURL": request.build_absolute_uri(reverse("threesixty-json")),
        "accessURL": request.build_absolute_uri(reverse("threesixty-page")),
        "license": settings.OPEN_DATA_LICENCE_URL,
        "grants": [grant(a, request) for a in applications],
    }
