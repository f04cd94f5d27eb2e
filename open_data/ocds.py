"""Tenders as Open Contracting Data Standard (OCDS 1.1.5) releases and records.

Each public step of a tender is a release with its tag: its planning
(the need and the options appraisal's outcome, "planning"), then, dated by
the tender's own history (the state log every transition writes), published
("tender"), closed ("tenderUpdate"), cancelled ("tenderCancellation"),
awarded ("award") and contracted ("contract"). A record compiles a
tender's releases with ocdsmerge, the standard's own merge rules.

Sealed bids stay sealed: no release says anything of a bid, not even how
many there are. After award, only what a contract award notice publishes
appears: the winning supplier and the value of the award.
"""

import json
from decimal import Decimal
from functools import cache
from pathlib import Path

import ocdsmerge
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from commissioning.models import Tender, TenderState
from commissioning.models.tenders import UNPUBLISHED
from organisations.models import Organisation
from organisations.org_ids import org_id_split
from social_value.models import CriterionKind

OCDS_VERSION = "1.1"
# Steps of a tender that the public is told of, with their release tag and
# the tender's OCDS status from then on.
STEPS = {
    TenderState.PUBLISHED: ("tender", "active"),
    TenderState.CLOSED: ("tenderUpdate", "active"),
    TenderState.CANCELLED: ("tenderCancellation", "cancelled"),
    TenderState.AWARDED: ("award", "complete"),
    TenderState.CONTRACTED: ("contract", "complete"),
}
AWARDED = [TenderState.AWARDED, TenderState.CONTRACTED]
METHODS = {"open": "open", "competitive_flexible": "selective", "quotation": "limited"}


def ocid(tender: Tender) -> str:
    return f"{settings.OCDS_OCID_PREFIX}-tender-{tender.pk}"


def public_tenders():
    return (
        Tender.objects.exclude(state__in=UNPUBLISHED)
        .select_related("commission__appraisal")
        .prefetch_related("lots__winner__organisation", "lots__winner__versions", "call__criteria")
        .order_by("pk")
    )


def _steps(tender: Tender) -> list[tuple[str, object]]:
    """(state, when) for each public step the tender has taken, in order."""
    logs = StateLog.objects.filter(
        content_type=ContentType.objects.get_for_model(Tender),
        object_id=tender.pk,
        state__in=list(STEPS),
    ).order_by("timestamp", "pk")
    steps = [(log.state, log.timestamp) for log in logs]
    if not steps:
        # A tender made public before its history was kept: one release, now.
        steps = [(tender.state, timezone.now())]
    return steps


def _money(amount: Decimal) -> dict:
    return {"amount": float(amount), "currency": "GBP"}


def _buyer() -> dict:
    return {
        "id": settings.THREESIXTY_GIVING_FUNDER_ID,
        "name": settings.THREESIXTY_GIVING_FUNDER_NAME,
    }


def _supplier(org: Organisation) -> dict:
    scheme, number, _words = org_id_split(org.org_id, publisher=settings.THREESIXTYGIVING_PUBLISHER)
    party = {
        "id": org.org_id,
        "name": org.name,
        "roles": ["supplier"],
        "identifier": {"scheme": scheme or "GB-LOCAL", "id": number, "legalName": org.name},
        # UK notices say whether a supplier is a voluntary, community or
        # social enterprise.
        "details": {"vcse": org.is_vcse},
    }
    if org.postcode:
        party["address"] = {"postalCode": org.postcode, "countryName": "United Kingdom"}
    return party


def _award_value(lot) -> Decimal:
    versions = sorted(lot.winner.versions.all(), key=lambda v: v.number)
    return versions[-1].price if versions else lot.estimated_value


def _weight(value: Decimal) -> str:
    return f"{value.normalize():f}%"


def _award_criteria(tender: Tender) -> str:
    """The published criteria and weights, as every bidder read them:
    gateways pass or fail, the rest scored out of 100 (PPN 06/20 puts
    social value at 10% or more)."""
    parts = []
    for criterion in tender.call.criteria.all():
        if criterion.kind == CriterionKind.GATEWAY:
            parts.append(f"{criterion.title}: pass or fail")
            continue
        social = " (social value)" if criterion.is_social_value else ""
        parts.append(f"{criterion.title}{social}: {_weight(criterion.weight)}")
    return "; ".join(parts)


def _tender_section(tender: Tender, status: str) -> dict:
    return {
        "id": f"tender-{tender.pk}",
        "title": tender.title,
        "description": tender.description,
        "status": status,
        "value": _money(tender.estimated_value),
        "procurementMethod": METHODS.get(tender.procedure, "open"),
        "procurementMethodDetails": tender.get_procedure_display(),
        "mainProcurementCategory": "services",
        # Price and quality both scored, with social value among the quality.
        "awardCriteria": "ratedCriteria",
        "awardCriteriaDetails": _award_criteria(tender),
        "items": [
            {"id": f"lot-{lot.number}", "description": f"Lot {lot.number}: {lot.title}"}
            for lot in tender.lots.all()
        ],
        "enquiryPeriod": {"endDate": tender.clarification_deadline.isoformat()},
        "tenderPeriod": {"endDate": tender.submission_deadline.isoformat()},
        "awardPeriod": {"startDate": f"{tender.expected_award.isoformat()}T00:00:00Z"},
        "contractPeriod": {
            "startDate": f"{tender.contract_starts.isoformat()}T00:00:00Z",
            "endDate": f"{tender.contract_ends.isoformat()}T23:59:59Z",
        },
    }


def release(tender: Tender, state: str, when) -> dict:
    tag, status = STEPS[state]
    identifier = ocid(tender)
    parties = [{**_buyer(), "roles": ["buyer"]}]
    body = {
        "ocid": identifier,
        "id": f"{identifier}-{tag}-{int(when.timestamp())}",
        "date": when.isoformat(),
        "tag": [tag],
        "initiationType": "tender",
        "language": "en",
        "buyer": _buyer(),
        "tender": _tender_section(tender, status),
    }
    if state in AWARDED:
        winners = [lot for lot in tender.lots.all() if lot.winner_id]
        body["awards"] = [
            {
                "id": f"award-lot-{lot.number}",
                "title": f"Lot {lot.number}: {lot.title}",
                "status": "active",
                "date": when.isoformat(),
                "value": _money(_award_value(lot)),
                "suppliers": [
                    {"id": lot.winner.organisation.org_id, "name": lot.winner.organisation.name}
                ],
                "items": [{"id": f"lot-{lot.number}", "description": lot.title}],
            }
            for lot in winners
        ]
        parties += [_supplier(lot.winner.organisation) for lot in winners]
    if state == TenderState.CONTRACTED:
        body["contracts"] = [
            {
                "id": f"contract-{contract.pk}",
                "awardID": f"award-lot-{contract.lot.number}",
                "title": f"Lot {contract.lot.number}: {contract.lot.title}",
                "status": "active",
                "value": _money(contract.value),
                "period": {
                    "startDate": f"{contract.starts_on.isoformat()}T00:00:00Z",
                    "endDate": f"{contract.ends_on.isoformat()}T23:59:59Z",
                },
            }
            for lot in tender.lots.all()
            if (contract := getattr(lot, "contract", None)) is not None
        ]
    body["parties"] = parties
    return body


def planning_release(tender: Tender) -> dict | None:
    """The need in its own words and the options appraisal's outcome,
    dated when the appraisal was recorded: why the council went to tender."""
    appraisal = getattr(tender.commission, "appraisal", None)
    if appraisal is None:
        return None
    identifier = ocid(tender)
    when = appraisal.recorded_at
    return {
        "ocid": identifier,
        "id": f"{identifier}-planning-{int(when.timestamp())}",
        "date": when.isoformat(),
        "tag": ["planning"],
        "initiationType": "tender",
        "language": "en",
        "buyer": _buyer(),
        "parties": [{**_buyer(), "roles": ["buyer"]}],
        "planning": {
            "rationale": f"{tender.commission.need} Options appraisal: "
            f"{appraisal.get_chosen_display().lower()}, because {appraisal.reason}",
        },
        "tender": {"id": f"tender-{tender.pk}", "title": tender.title, "status": "planned"},
    }


def tender_releases(tender: Tender) -> list[dict]:
    planning = planning_release(tender)
    steps = [release(tender, state, when) for state, when in _steps(tender)]
    return [planning, *steps] if planning else steps


def _package_head(request, view_name: str) -> dict:
    return {
        "uri": request.build_absolute_uri(reverse(view_name)),
        "version": OCDS_VERSION,
        "publishedDate": timezone.now().isoformat(),
        "publisher": {
            "name": settings.THREESIXTY_GIVING_FUNDER_NAME,
            "uid": settings.THREESIXTY_GIVING_FUNDER_ID,
        },
        "license": settings.OPEN_DATA_LICENCE_URL,
    }


def release_package(request) -> dict:
    releases = [r for tender in public_tenders() for r in tender_releases(tender)]
    return {**_package_head(request, "ocds-releases"), "releases": releases}


@cache
def _merger() -> ocdsmerge.Merger:
    # The release schema from STANDARDS_DIR: ocdsmerge would otherwise fetch it.
    path = Path(settings.STANDARDS_DIR) / "ocds-1.1.5" / "release-schema.json"
    return ocdsmerge.Merger(schema=json.loads(path.read_text()))


def record_package(request) -> dict:
    records = []
    for tender in public_tenders():
        releases = tender_releases(tender)
        records.append(
            {
                "ocid": ocid(tender),
                "releases": releases,
                "compiledRelease": _merger().create_compiled_release(releases),
            }
        )
    return {**_package_head(request, "ocds-records"), "records": records}
