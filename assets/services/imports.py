"""Importing assets from a CSV file: every line checked first, a preview
shown, and the whole file refused on any error, so nothing is ever
half-imported.

The first seven columns are always there; the columns saying who can use an
asset and how (OPTIONAL_COLUMNS) may be added in any order, so an older
spreadsheet still imports."""

import csv
import hashlib
import io
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.validators import URLValidator, validate_email
from django.db import transaction

from assets.models import Asset, AssetCost, AssetKind
from foundation.validators import boundary_contains, coordinates_problems, postcode_normalise
from neighbourhoods.models import Neighbourhood

COLUMNS = ["name", "kind", "description", "neighbourhood", "postcode", "latitude", "longitude"]
OPTIONAL_COLUMNS = [
    "availability",
    "cost",
    "cost_details",
    "accessibility",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
    "tags",
]
REQUIRED = {"name", "kind"}
MAX_BYTES = 5 * 1024 * 1024
TAG_LENGTH = 100  # taggit's Tag.name
# "free", "Free", "low", "Low cost"...: the value or the words people see.
COSTS = {key.lower(): value for value, label in AssetCost.choices for key in (value, label)}


@dataclass
class ImportPlan:
    rows: list[dict] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    # Worth a second look but not wrong: a point outside its neighbourhood.
    warnings: list[str] = field(default_factory=list)
    columns: list[str] = field(default_factory=lambda: list(COLUMNS))
    fingerprint: str = ""

    @property
    def ok(self) -> bool:
        return not self.errors


def file_fingerprint(data: bytes) -> str:
    """The file's SHA-256: the preview and the import must be of one file."""
    return hashlib.sha256(data).hexdigest()


def _tags(text: str) -> list[str]:
    """Tags in one cell, separated by commas or semicolons."""
    names = (t.strip() for t in text.replace(";", ",").split(","))
    return list(dict.fromkeys(n for n in names if n))


def _optional_problems(row: dict) -> list[str]:
    """Check (and tidy, in place) the columns about use, cost and contact."""
    problems = []
    for name in ("name", "description", *OPTIONAL_COLUMNS):
        limit = None if name == "tags" else Asset._meta.get_field(name).max_length
        if limit and len(row.get(name, "")) > limit:
            problems.append(f"{name} is longer than {limit} characters")
    if row.get("cost"):
        if row["cost"].lower() in COSTS:
            row["cost"] = COSTS[row["cost"].lower()]
        else:
            problems.append(f"cost “{row['cost']}” is not one of {', '.join(AssetCost.values)}")
    if row.get("contact_email"):
        try:
            validate_email(row["contact_email"])
        except ValidationError:
            problems.append(f"contact_email “{row['contact_email']}” is not an e-mail address")
    if row.get("website"):
        # A website typed without a scheme is taken as https, as the forms do.
        if "://" not in row["website"]:
            row["website"] = "https://" + row["website"]
        try:
            URLValidator(schemes=["http", "https"])(row["website"])
        except ValidationError:
            problems.append(f"website “{row['website']}” is not a web address")
    long_tags = [t for t in _tags(row.get("tags", "")) if len(t) > TAG_LENGTH]
    if long_tags:
        problems.append(f"a tag is longer than {TAG_LENGTH} characters")
    return problems


def asset_import_plan(data: bytes) -> ImportPlan:
    """Read and check the whole file; change nothing."""
    plan = ImportPlan(fingerprint=file_fingerprint(data))
    if len(data) > MAX_BYTES:
        plan.errors.append("The file is larger than 5 MB. Split it and import each part.")
        return plan
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        plan.errors.append("Save the file as CSV with UTF-8 encoding and try again.")
        return plan
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [h for h in header if h not in COLUMNS + OPTIONAL_COLUMNS]
    if missing or unknown:
        plan.errors.append(
            "The columns must be exactly: "
            + ", ".join(COLUMNS)
            + ", and any of: "
            + ", ".join(OPTIONAL_COLUMNS)
            + "."
            + (f" Missing: {', '.join(missing)}." if missing else "")
            + (f" Not recognised: {', '.join(unknown)}." if unknown else "")
        )
        return plan
    plan.columns = COLUMNS + [c for c in OPTIONAL_COLUMNS if c in header]
    places = {n.name.lower(): n for n in Neighbourhood.objects.all()}
    existing = {name.lower() for name in Asset.objects.values_list("name", flat=True)}
    seen = {}
    for line, raw in enumerate(reader, start=2):
        row = {k.strip().lower(): (v or "").strip() for k, v in raw.items() if k}
        problems = [f"{c} is empty" for c in sorted(REQUIRED) if not row.get(c)]
        kind = row.get("kind", "")
        if kind and kind not in AssetKind.values:
            problems.append(f"kind “{kind}” is not one of {', '.join(AssetKind.values)}")
        if row.get("postcode"):
            try:
                row["postcode"] = postcode_normalise(row["postcode"])
            except ValidationError:
                problems.append(f"postcode “{row['postcode']}” is not a UK postcode")
        place = row.get("neighbourhood", "")
        if place and place.lower() not in places:
            problems.append(f"neighbourhood “{place}” is not one we know")
        where, latitude, longitude = coordinates_problems(row.get("latitude"), row.get("longitude"))
        problems += where
        if latitude is not None:
            row["latitude"], row["longitude"] = str(latitude), str(longitude)
            boundary = places[place.lower()].boundary if place.lower() in places else None
            if boundary_contains(boundary, latitude, longitude) is False:
                plan.warnings.append(
                    f"Line {line}: the point {latitude}, {longitude} is outside the boundary "
                    f"of {places[place.lower()].name}. Check it before you import."
                )
        problems += _optional_problems(row)
        key = row.get("name", "").lower()
        if key and key in seen:
            problems.append(f"the same name as line {seen[key]}")
        elif key in existing:
            problems.append("an asset with this name is already listed")
        seen.setdefault(key, line)
        if problems:
            plan.errors.append(f"Line {line}: " + "; ".join(problems) + ".")
        else:
            plan.rows.append(row)
    if not plan.rows and not plan.errors:
        plan.errors.append("The file has no assets in it.")
    return plan


@transaction.atomic
def asset_import(*, data: bytes, actor, fingerprint: str) -> list[Asset]:
    """Import every line, or none: any error refuses the whole file. Only
    the file whose preview the officer confirmed is imported: `fingerprint`
    is the one shown with that preview."""
    if not actor.has_perm("assets.add_asset"):
        raise PermissionDenied("Only an officer imports assets.")
    if not data or file_fingerprint(data) != fingerprint:
        raise ValidationError(
            "Nothing was imported: this is not the file you checked. Check the file again."
        )
    plan = asset_import_plan(data)
    if not plan.ok:
        raise ValidationError(plan.errors)
    places = {n.name.lower(): n for n in Neighbourhood.objects.all()}
    created = []
    for row in plan.rows:
        asset = Asset.objects.create(
            name=row["name"],
            kind=row["kind"],
            description=row.get("description", ""),
            postcode=row.get("postcode", ""),
            latitude=row.get("latitude") or None,
            longitude=row.get("longitude") or None,
            **{c: row.get(c, "") for c in OPTIONAL_COLUMNS if c != "tags"},
        )
        if row.get("neighbourhood"):
            asset.neighbourhoods.add(places[row["neighbourhood"].lower()])
        if row.get("tags"):
            asset.tags.add(*_tags(row["tags"]))
        created.append(asset)
    return created
