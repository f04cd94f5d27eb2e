"""The code's layout, as README's "How the code is laid out" describes it:
small modules, every app's views in a `views/` package, and every field a
person fills in rendered from a Django form through the GOV.UK field tag."""

import re
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
APPS = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["importlinter"]["root_packages"]
MAX_LINES = 400
# A field typed by hand: any input a person fills in, a select or a textarea.
# Hidden inputs carry no answer of the person's (Django's own `next`).
HAND_TYPED = re.compile(r"<(select|textarea)\b|<input\b(?![^>]*type=\"hidden\")", re.I)


def modules():
    for app in APPS:
        for path in (ROOT / app).rglob("*.py"):
            if "migrations" not in path.parts:
                yield path


@pytest.mark.parametrize("app", APPS)
def test_the_app_has_the_common_shape(app):
    folder = ROOT / app
    assert (folder / "apps.py").exists()
    assert not list(folder.glob("views_*.py")), "views belong in the app's views/ package"
    if (folder / "views").exists() or (folder / "views.py").exists():
        assert (folder / "views" / "__init__.py").exists(), "views are a views/ package"
    if (folder / "models").exists() or (folder / "models.py").exists():
        assert (folder / "models" / "__init__.py").exists(), "models are a models/ package"
    if (folder / "services").exists() or (folder / "services.py").exists():
        assert (folder / "services" / "__init__.py").exists(), "writes are a services/ package"


def test_no_module_is_over_four_hundred_lines():
    long = {
        str(path.relative_to(ROOT)): lines
        for path in modules()
        if (lines := len(path.read_text().splitlines())) > MAX_LINES
    }
    assert long == {}


def test_no_template_types_a_form_field_by_hand():
    # The GOV.UK field tag's own templates and form widgets' templates are
    # where fields are rendered from forms; every other template uses them.
    found = []
    for app in APPS:
        for path in (ROOT / app / "templates").rglob("*.html"):
            if "widgets" in path.parts:
                continue
            for number, line in enumerate(path.read_text().splitlines(), start=1):
                if HAND_TYPED.search(line):
                    found.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()[:80]}")
    assert found == []
