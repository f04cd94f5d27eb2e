"""The asset map as Open Referral UK records: organisations, services and
locations, for anyone's directory or referral tool to read.

Record ids: see open_data.openreferral_ids.
"""

from django.conf import settings
from django.db.models import Q
from django.urls import reverse

from assets.models import Asset, AssetCost, AssetKind, AssetStatus
from open_data.openreferral_ids import pk_from, record_id, service_area_id
from open_data.openreferral_taxonomy import attributes
from organisations.models import Organisation
from organisations.org_ids import org_id_split

__all__ = ["pk_from", "record_id", "service_area_id"]

# What people use, rather than places or money, becomes a service.
SERVICE_KINDS = [
    AssetKind.COMMUNITY_GROUP,
    AssetKind.SERVICE,
    AssetKind.MICRO_ENTERPRISE,
    AssetKind.VOLUNTEERING,
    AssetKind.SKILLS,
]
SERVICE_STATUS = {
    AssetStatus.ACTIVE: "active",
    AssetStatus.AT_RISK: "active",
    AssetStatus.LOST: "defunct",
}


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path)


def organization(org: Organisation, request) -> dict:
    org_uuid = record_id("organization", org.pk)
    places = ", ".join(n.name for n in org.neighbourhoods.all())
    record = {
        "id": org_uuid,
        "name": org.name,
        "description": f"{org.get_legal_form_display()}"
        + (f" working in {places}." if places else "."),
        "uri": _absolute(request, reverse("openreferral-organization", args=[org_uuid])),
        "organization_identifiers": [],
    }
    if org.email:
        record["email"] = org.email
    if org.org_id:
        scheme, identifier, identifier_type = org_id_split(
            org.org_id, publisher=settings.THREESIXTYGIVING_PUBLISHER
        )
        entry = {
            "id": record_id("organization_identifier", org.pk),
            "organization_id": org_uuid,
            "identifier_type": identifier_type,
            "identifier": identifier,
        }
        if scheme:
            entry["identifier_scheme"] = scheme
        record["organization_identifiers"].append(entry)
    return record


def location(asset: Asset) -> dict:
    record = {
        "id": record_id("location", asset.pk),
        "location_type": "physical",
        "name": asset.name,
    }
    if asset.latitude is not None and asset.longitude is not None:
        record["latitude"] = float(asset.latitude)
        record["longitude"] = float(asset.longitude)
    if asset.postcode:
        record["external_identifier"] = asset.postcode
        record["external_identifier_type"] = "postcode"
    if asset.accessibility:
        record["accessibility"] = [
            {
                "id": record_id("accessibility", asset.pk),
                "location_id": record["id"],
                "description": asset.accessibility,
            }
        ]
    return record


def has_location(asset: Asset) -> bool:
    return bool(asset.postcode) or (asset.latitude is not None and asset.longitude is not None)


def _contacts(asset: Asset, service_uuid: str) -> list[dict]:
    """The named contact and phone. ORUK's contact has a name; its phones
    follow HSDS 3.0, where a phone belongs to a contact."""
    if not (asset.contact_name or asset.contact_phone):
        return []
    contact = {"id": record_id("contact", asset.pk), "service_id": service_uuid}
    if asset.contact_name:
        contact["name"] = asset.contact_name
    if asset.contact_phone:
        contact["phones"] = [
            {
                "id": record_id("phone", asset.pk),
                "contact_id": contact["id"],
                "number": asset.contact_phone,
            }
        ]
    return [contact]


def _cost_options(asset: Asset, service_uuid: str) -> list[dict]:
    if not asset.cost:
        return []
    option = {
        "id": record_id("cost_option", asset.pk),
        "service_id": service_uuid,
        "option": asset.get_cost_display(),
    }
    if asset.cost == AssetCost.FREE:
        option["amount"] = 0
    if asset.cost_details:
        option["amount_description"] = asset.cost_details
    return [option]


def service(asset: Asset, request) -> dict:
    service_uuid = record_id("service", asset.pk)
    listing = _absolute(request, reverse("asset-detail", args=[asset.pk]))
    record = {
        "id": service_uuid,
        "name": asset.name,
        "description": asset.description or asset.get_kind_display(),
        "status": SERVICE_STATUS[asset.status],
        # The service's own website when it has one, else its page here.
        "url": asset.website or listing,
        "assured_date": asset.last_confirmed.isoformat(),
        "service_areas": [
            {
                "id": service_area_id(asset.pk, n.pk),
                "service_id": service_uuid,
                "name": n.name,
                "service_area": n.name,
                "uri": _absolute(request, reverse("neighbourhood-detail", args=[n.slug])),
            }
            for n in asset.neighbourhoods.all()
        ],
        "service_at_locations": [],
    }
    if asset.contact_email:
        record["email"] = asset.contact_email
    if asset.availability:
        record["schedules"] = [
            {
                "id": record_id("schedule", asset.pk),
                "service_id": service_uuid,
                "description": asset.availability,
            }
        ]
    if asset.cost or asset.cost_details:
        # `fees` is deprecated in ORUK but still read; cost_options replaces it.
        record["fees"] = ": ".join(filter(None, [asset.get_cost_display(), asset.cost_details]))
    if cost_options := _cost_options(asset, service_uuid):
        record["cost_options"] = cost_options
    if contacts := _contacts(asset, service_uuid):
        record["contacts"] = contacts
    if asset.organisation_id:
        record["organization_id"] = record_id("organization", asset.organisation_id)
    record["attributes"] = attributes(asset, service_uuid)
    if has_location(asset):
        place = location(asset)
        record["service_at_locations"].append(
            {
                "id": record_id("service_at_location", asset.pk),
                "service_id": service_uuid,
                "location_id": place["id"],
                "location": place,
            }
        )
    return record


def services_queryset():
    return (
        Asset.objects.filter(kind__in=SERVICE_KINDS)
        .prefetch_related("neighbourhoods", "tags")
        .order_by("pk")
    )


def organizations_queryset():
    return Organisation.objects.prefetch_related("neighbourhoods").order_by("pk")


def locations_queryset():
    return Asset.objects.filter(
        ~Q(postcode="") | Q(latitude__isnull=False, longitude__isnull=False)
    ).order_by("pk")
