"""Reads about places: where a postcode is, how far apart two places are,
which neighbourhood holds a point, and things ordered by distance."""

import math
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db.models import F, FloatField, QuerySet, Value
from django.db.models.functions import ASin, Cast, Cos, Power, Radians, Sin, Sqrt

from foundation.validators import boundary_contains, postcode_normalise
from neighbourhoods.models import Neighbourhood, Postcode

EARTH_RADIUS_MILES = 3958.8
MILES_PER_DEGREE_OF_LATITUDE = 69.0


def postcode_location(postcode: str) -> tuple[Decimal, Decimal] | None:
    """The (latitude, longitude) of a postcode from the postcode directory,
    typed in any case and with or without its space; None when it is not a
    postcode or the directory does not hold it."""
    try:
        normalised = postcode_normalise(postcode)
    except ValidationError:
        return None
    if not normalised:
        return None
    found = (
        Postcode.objects.filter(postcode=normalised).values_list("latitude", "longitude").first()
    )
    return tuple(found) if found else None


def distance_miles(latitude_1, longitude_1, latitude_2, longitude_2) -> float:
    """The distance between two points on the Earth in miles, as the crow
    flies (the haversine formula)."""
    phi_1, phi_2 = math.radians(float(latitude_1)), math.radians(float(latitude_2))
    d_phi = phi_2 - phi_1
    d_lambda = math.radians(float(longitude_2) - float(longitude_1))
    h = math.sin(d_phi / 2) ** 2 + math.cos(phi_1) * math.cos(phi_2) * math.sin(d_lambda / 2) ** 2
    return 2 * EARTH_RADIUS_MILES * math.asin(min(1.0, math.sqrt(h)))


def _distance_expression(latitude, longitude, latitude_field: str, longitude_field: str):
    """The haversine formula in SQL: PostgreSQL has the functions built in,
    and Django gives SQLite the same ones, so one expression serves both."""
    lat = Radians(Cast(F(latitude_field), FloatField()))
    lon = Radians(Cast(F(longitude_field), FloatField()))
    here_lat = Radians(Value(float(latitude), output_field=FloatField()))
    here_lon = Radians(Value(float(longitude), output_field=FloatField()))
    h = Power(Sin((lat - here_lat) / 2), 2) + Cos(here_lat) * Cos(lat) * Power(
        Sin((lon - here_lon) / 2), 2
    )
    return Value(2 * EARTH_RADIUS_MILES, output_field=FloatField()) * ASin(Sqrt(h))


def nearest(
    things: QuerySet,
    *,
    latitude,
    longitude,
    within_miles: float,
    latitude_field: str = "latitude",
    longitude_field: str = "longitude",
) -> QuerySet:
    """The things (any queryset with a latitude and longitude) within the
    distance of the point, nearest first, each annotated with `distance` in
    miles. A box around the circle is asked first, so the database measures
    only the few rows near the point rather than every row."""
    latitude, longitude = float(latitude), float(longitude)
    lat_span = within_miles / MILES_PER_DEGREE_OF_LATITUDE
    lon_span = lat_span / max(math.cos(math.radians(latitude)), 0.01)
    return (
        things.filter(
            **{
                f"{latitude_field}__range": (
                    Decimal(str(round(latitude - lat_span, 6))),
                    Decimal(str(round(latitude + lat_span, 6))),
                ),
                f"{longitude_field}__range": (
                    Decimal(str(round(longitude - lon_span, 6))),
                    Decimal(str(round(longitude + lon_span, 6))),
                ),
            }
        )
        .annotate(
            distance=_distance_expression(latitude, longitude, latitude_field, longitude_field)
        )
        .filter(distance__lte=within_miles)
        .order_by("distance", "pk")
    )


def neighbourhood_at(latitude, longitude) -> Neighbourhood | None:
    """The neighbourhood whose outline holds the point, if any does."""
    for neighbourhood in Neighbourhood.objects.filter(boundary__isnull=False).only(
        "pk", "name", "slug", "boundary"
    ):
        if boundary_contains(neighbourhood.boundary, latitude, longitude):
            return neighbourhood
    return None
