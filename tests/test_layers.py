"""The apps are stacked (foundation at the bottom; portal, open data and
demo at the top) and a lower app never imports a higher one. The layer
order and the no-cycles rule are import-linter contracts in pyproject.toml;
these tests run them over the source, and show that the check does catch
a domain app reaching up into the portal."""

import shutil
import subprocess
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")


def lint_imports(cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(  # noqa: S603 (a fixed program of our own, no shell)
        [str(LINT_IMPORTS), "--no-cache"],
        cwd=cwd,
        env={"PATH": "/usr/bin:/bin", "PYTHONPATH": str(cwd)},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def apps() -> list[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())
    return config["tool"]["importlinter"]["root_packages"]


def test_every_app_stays_in_its_layer_and_no_app_has_an_import_cycle():
    result = lint_imports(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def test_the_check_fails_when_a_domain_app_imports_the_portal(tmp_path):
    for app in apps():
        shutil.copytree(
            ROOT / app,
            tmp_path / app,
            ignore=shutil.ignore_patterns("templates", "static", "__pycache__"),
        )
    shutil.copy(ROOT / "pyproject.toml", tmp_path / "pyproject.toml")
    selectors = tmp_path / "grants" / "selectors.py"
    selectors.write_text(selectors.read_text() + "\nfrom portal.next_steps import NextStep\n")

    result = lint_imports(tmp_path)

    assert result.returncode != 0
    assert "A lower app never imports a higher one BROKEN" in result.stdout
    assert "grants.selectors -> portal.next_steps" in result.stdout
