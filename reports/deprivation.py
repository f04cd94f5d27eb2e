"""Loading the deprivation measure the council chooses, as CSV with one row
per small area (LSOA or ward):

    code,name,score,decile
    E01099901,Canal Side North,32.4,2

`code` is the ONS code the neighbourhoods list; `score` is the Index of
Multiple Deprivation score (higher is more deprived); `name` and `decile`
are optional. A file loaded again updates the areas it names.
"""

import csv
from decimal import Decimal, InvalidOperation


class DeprivationFileError(ValueError):
    """The file cannot be read; the message says which line and why."""


def deprivation_rows(lines) -> list[dict]:
    reader = csv.DictReader(lines)
    if not reader.fieldnames or not {"code", "score"} <= {f.strip() for f in reader.fieldnames}:
        raise DeprivationFileError("The file needs a header row with at least code and score.")
    rows, lines = [], {}
    for number, raw in enumerate(reader, start=2):
        row = {key.strip(): (value or "").strip() for key, value in raw.items() if key}
        try:
            score = Decimal(row["score"])
            decile = int(row["decile"]) if row.get("decile") else None
        except (InvalidOperation, ValueError):
            raise DeprivationFileError(
                f"Line {number}: the score or decile is not a number."
            ) from None
        if not row["code"] or not score.is_finite() or not (decile is None or 1 <= decile <= 10):
            raise DeprivationFileError(
                f"Line {number}: give a code, a score and a decile of 1 to 10."
            )
        code = row["code"].upper()
        if code in lines:
            # Which of two scores is meant cannot be guessed: say where both are.
            raise DeprivationFileError(
                f"Line {number}: {code} is already on line {lines[code]}. Give each area once."
            )
        lines[code] = number
        rows.append(
            {
                "code": code,
                "name": row.get("name", ""),
                "score": score,
                "decile": decile,
            }
        )
    return rows
