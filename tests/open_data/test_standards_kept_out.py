"""The project keeps no copy of the standards' schemas: they are read from
STANDARDS_DIR, so a new version of a standard is one folder to replace."""

import hashlib
from pathlib import Path

from tests.standards import ROOT, STANDARDS_DIR

NOT_OURS = {".git", ".venv", "node_modules", "var", "test-output", "dist", "__pycache__"}


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _project_files():
    for path in ROOT.rglob("*"):
        if any(part in NOT_OURS for part in path.relative_to(ROOT).parts):
            continue
        if path.is_file() and path.suffix in {".json", ".csv"}:
            yield path


def test_no_schema_or_codelist_of_a_standard_is_copied_into_the_project():
    standards = [p for p in STANDARDS_DIR.rglob("*") if p.is_file()]
    sizes = {p.stat().st_size for p in standards}
    digests = {_digest(p) for p in standards}
    assert len(standards) >= 20  # the folder is really there: 360Giving, OCDS, ORUK

    copies = [
        str(path.relative_to(ROOT))
        for path in _project_files()
        if path.stat().st_size in sizes and _digest(path) in digests
    ]
    named_like_schemas = [
        str(path.relative_to(ROOT))
        for path in _project_files()
        if path.name.endswith("-schema.json") or path.name.endswith(".compiled.json")
    ]

    assert copies == []
    assert named_like_schemas == []
