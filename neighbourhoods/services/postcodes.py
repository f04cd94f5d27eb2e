"""Loading the postcode directory from the ONS Postcode Directory (ONSPD).

The ONSPD is one CSV row per UK postcode, about 2.7 million rows. It is read
as a stream and written in batches, so memory stays the size of a batch
whatever the size of the file, and loading it again updates the postcodes
already there (each quarterly release moves a few and adds new ones).
"""

import csv
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction

from foundation.validators import postcode_normalise
from neighbourhoods.models import Postcode

BATCH = 5000
# The ONSPD's own column names, in the order tried: the release of each
# year renames a few (lsoa11 became lsoa21; some releases add "cd").
POSTCODE_COLUMNS = ("pcds", "pcd", "pcd2", "postcode")
LATITUDE_COLUMNS = ("lat", "latitude")
LONGITUDE_COLUMNS = ("long", "lon", "longitude")
WARD_COLUMNS = ("osward", "wd25cd", "wd24cd", "wd23cd", "ward")
LSOA_COLUMNS = ("lsoa21", "lsoa21cd", "lsoa11", "lsoa11cd", "lsoa")
AUTHORITY_COLUMNS = ("oslaua", "lad25cd", "lad24cd", "lad23cd")
# The ONSPD's latitude for a postcode with no grid reference.
NO_LOCATION = Decimal("99.999999")


@dataclass
class PostcodeLoadResult:
    loaded: int = 0
    skipped: int = 0  # no location, or not a postcode


def _column(header: list[str], names: tuple[str, ...]) -> str | None:
    lowered = {name.strip().lower(): name for name in header}
    return next((lowered[name] for name in names if name in lowered), None)


def _postcode(row: dict, columns: dict) -> Postcode | None:
    try:
        postcode = postcode_normalise(row[columns["postcode"]])
        latitude = Decimal(row[columns["latitude"]].strip()).quantize(Decimal("0.000001"))
        longitude = Decimal(row[columns["longitude"]].strip()).quantize(Decimal("0.000001"))
    except (ValidationError, InvalidOperation, AttributeError):
        return None
    if not postcode or latitude == NO_LOCATION or not -90 <= latitude <= 90:
        return None
    return Postcode(
        postcode=postcode,
        latitude=latitude,
        longitude=longitude,
        ward_code=(row.get(columns["ward"]) or "").strip()[:9] if columns["ward"] else "",
        lsoa_code=(row.get(columns["lsoa"]) or "").strip()[:9] if columns["lsoa"] else "",
    )


def _batches(items: Iterable, size: int) -> Iterator[list]:
    batch = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


def postcodes_load(*, lines: Iterable[str], local_authority: str = "") -> PostcodeLoadResult:
    """Load postcodes from the lines of an ONSPD-layout CSV file (a header
    row, then one row a postcode). With `local_authority` (a GSS code such
    as E08000025) only that council's postcodes are kept, where the file
    says which council each postcode is in."""
    reader = csv.DictReader(lines)
    header = reader.fieldnames or []
    columns = {
        "postcode": _column(header, POSTCODE_COLUMNS),
        "latitude": _column(header, LATITUDE_COLUMNS),
        "longitude": _column(header, LONGITUDE_COLUMNS),
        "ward": _column(header, WARD_COLUMNS),
        "lsoa": _column(header, LSOA_COLUMNS),
        "authority": _column(header, AUTHORITY_COLUMNS),
    }
    missing = [name for name in ("postcode", "latitude", "longitude") if not columns[name]]
    if missing:
        raise ValidationError(
            "The file has no %(missing)s column. An ONS Postcode Directory file has "
            "pcds, lat and long columns.",
            params={"missing": " or ".join(missing)},
            code="postcode_columns",
        )
    result = PostcodeLoadResult()

    def wanted(row: dict) -> bool:
        if local_authority and columns["authority"]:
            return (row.get(columns["authority"]) or "").strip() == local_authority
        return True

    for rows in _batches((row for row in reader if wanted(row)), BATCH):
        postcodes = {}
        for row in rows:
            if (postcode := _postcode(row, columns)) is None:
                result.skipped += 1
            else:
                postcodes[postcode.postcode] = postcode  # the last row for a postcode wins
        # Each batch in its own transaction: a load of millions of rows
        # holds no lock for long, and a second run finishes one cut short.
        with transaction.atomic():
            Postcode.objects.bulk_create(
                postcodes.values(),
                update_conflicts=True,
                unique_fields=["postcode"],
                update_fields=["latitude", "longitude", "ward_code", "lsoa_code"],
            )
        result.loaded += len(postcodes)
    return result
