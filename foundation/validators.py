"""Field validators with messages a volunteer treasurer can act on."""

import re

from django.core.exceptions import ValidationError

# The Royal Mail format, space optional on input: "SW1A 1AA", "m11ae".
POSTCODE = re.compile(r"^([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})$")
# ONS GSS codes: a letter for the nation, two digits for the entity type,
# six digits; wards are E05/W05/S13/N08, LSOAs E01/W01, data zones S01.
ONS_CODE = re.compile(r"^[ENSW]\d{8}$")
GEOJSON_AREA_TYPES = {"Polygon", "MultiPolygon"}


def postcode_normalise(value: str) -> str:
    """Return the postcode upper-cased with its single space, or raise."""
    compact = (value or "").strip().upper()
    if not compact:
        return ""
    match = POSTCODE.match(compact)
    if not match:
        raise ValidationError("Enter a real UK postcode, like SW1A 1AA.", code="invalid_postcode")
    return f"{match.group(1)} {match.group(2)}"


def validate_postcode(value: str) -> None:
    postcode_normalise(value)


def validate_ons_codes(value) -> None:
    if value in (None, ""):
        return
    if not isinstance(value, list):
        raise ValidationError("Give the ONS codes as a list.", code="invalid_ons_codes")
    bad = [code for code in value if not isinstance(code, str) or not ONS_CODE.match(code)]
    if bad:
        raise ValidationError(
            "These are not ONS ward or LSOA codes (like E05011234 or E01000001): %(bad)s",
            params={"bad": ", ".join(str(code) for code in bad)},
            code="invalid_ons_codes",
        )


def _geometry(value: dict) -> dict | None:
    if value.get("type") == "Feature":
        return value.get("geometry")
    if value.get("type") == "FeatureCollection":
        features = value.get("features") or []
        return features[0].get("geometry") if len(features) == 1 else None
    return value


def _ring_ok(ring) -> bool:
    return (
        isinstance(ring, list)
        and len(ring) >= 4
        and all(
            isinstance(point, list | tuple)
            and len(point) >= 2
            and all(isinstance(c, int | float) for c in point[:2])
            and -180 <= point[0] <= 180
            and -90 <= point[1] <= 90
            for point in ring
        )
        and ring[0] == ring[-1]
    )


def validate_boundary_geojson(value) -> None:
    """A neighbourhood boundary is one GeoJSON Polygon or MultiPolygon
    (bare, as a Feature, or as a one-feature FeatureCollection) in WGS84
    longitude/latitude with closed rings."""
    if value in (None, "", {}):
        return
    message = (
        "The boundary must be a GeoJSON Polygon or MultiPolygon in longitude and "
        "latitude, each ring closed (its last point the same as its first)."
    )
    if not isinstance(value, dict):
        raise ValidationError(message, code="invalid_boundary")
    geometry = _geometry(value)
    if not isinstance(geometry, dict) or geometry.get("type") not in GEOJSON_AREA_TYPES:
        raise ValidationError(message, code="invalid_boundary")
    coordinates = geometry.get("coordinates")
    polygons = [coordinates] if geometry["type"] == "Polygon" else coordinates
    if not isinstance(polygons, list) or not polygons:
        raise ValidationError(message, code="invalid_boundary")
    for polygon in polygons:
        if not isinstance(polygon, list) or not polygon or not all(map(_ring_ok, polygon)):
            raise ValidationError(message, code="invalid_boundary")
