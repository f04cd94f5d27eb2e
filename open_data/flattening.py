"""The 360Giving package as the standard's CSV and spreadsheet, made by
flattentool, 360Giving's own tool, so the columns are the standard's titles
("Identifier", "Amount Awarded", "Recipient Org:Identifier"...) exactly as
the 360Giving Data Quality Tool reads them back.

flattentool titles the columns from the schema. The schema is read from
STANDARDS_DIR, never fetched.
"""

import json
import tempfile
import warnings
from functools import cache
from pathlib import Path

import jsonref
from django.conf import settings
from flattentool import flatten
from flattentool.exceptions import FlattenToolWarning

MAIN_SHEET = "grants"
CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@cache
def grant_schema() -> dict:
    """The grant schema with each of its references resolved: flattentool
    titles a package's rows from the schema of one grant."""
    folder = Path(settings.STANDARDS_DIR) / "360giving"
    grant = json.loads((folder / "360-giving-schema.json").read_text())
    # The oneOf (organisation or individual recipient) says nothing about columns.
    grant.pop("oneOf", None)
    return jsonref.replace_refs(grant, proxies=False, lazy_load=False, merge_props=True)


def package_flatten(package: dict, output_format: str) -> bytes:
    """The package flattened to "csv" (the grants sheet alone, as 360Giving
    publishes it: a grant's classifications and a second place have no
    columns there) or "xlsx" (every sheet)."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "grants.json"
        source.write_text(json.dumps(package), encoding="utf-8")
        schema = Path(folder) / "schema.json"
        schema.write_text(json.dumps(grant_schema()), encoding="utf-8")
        output = Path(folder) / "flat"
        with warnings.catch_warnings():
            # The standard's transactions have no titles, so flattentool
            # leaves them out and says so each time; no grant here has them.
            warnings.filterwarnings(
                "ignore",
                message=r"Field \w+Transaction does not have a title",
                category=FlattenToolWarning,
            )
            flatten(
                str(source),
                schema=str(schema),
                output_name=str(output),
                output_format=output_format,
                main_sheet_name=MAIN_SHEET,
                root_list_path="grants",
                root_id="",
                use_titles=True,
                # The CSV is one sheet: a grant's one recipient, programme and
                # place go in its row, as the standard's columns roll them up.
                # The spreadsheet keeps each part on its own sheet only, so
                # reading it back gives each part once.
                rollup=output_format == "csv",
                remove_empty_schema_columns=True,
            )
        if output_format == "csv":
            return (output / f"{MAIN_SHEET}.csv").read_bytes()
        return output.read_bytes()
