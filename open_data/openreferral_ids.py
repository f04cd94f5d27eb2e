"""Open Referral UK record ids. Records keep the project's own numbers
inside a stable UUID (version 8, the "custom" kind), so a record's id never
changes and maps straight back to the row it came from, with no extra table
to keep in step: the record kind in the first group, the row in the last.
"""

import uuid

RECORD_KINDS = {
    "organization": 1,
    "service": 2,
    "location": 3,
    "service_at_location": 4,
    "service_area": 5,
    "organization_identifier": 6,
    "schedule": 7,
    "cost_option": 8,
    "contact": 9,
    "phone": 10,
    "accessibility": 11,
    "taxonomy": 12,
    "kind_term": 13,
    "tag_term": 14,
    "kind_attribute": 15,
    "tag_attribute": 16,
}


def record_id(kind: str, pk: int) -> str:
    return f"{RECORD_KINDS[kind]:08x}-0000-8000-8000-{pk:012x}"


def service_area_id(asset_pk: int, neighbourhood_pk: int) -> str:
    """A service area belongs to one service: its id holds both the
    service's row and the neighbourhood's, so two services in the same
    neighbourhood never share an area id (ORUK: "each service area must
    have a unique identifier"). The neighbourhood's number takes the 16
    bits of the second group and the 12 free bits of the third."""
    low, high = neighbourhood_pk & 0xFFFF, neighbourhood_pk >> 16
    return f"{RECORD_KINDS['service_area']:08x}-{low:04x}-8{high:03x}-8000-{asset_pk:012x}"


def pk_from(kind: str, value: str) -> int | None:
    """The row behind a record id, or None if the id is not one of ours."""
    try:
        parsed = uuid.UUID(value)
    except ValueError:
        return None
    text = str(parsed)
    if text != record_id(kind, int(text[-12:], 16)):
        return None
    return int(text[-12:], 16)
