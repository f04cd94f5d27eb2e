"""Reports across programmes and the public "What we fund" page through the
real pages, each step screenshotted under test-output/<test name>/.

The grants officer goes from the staff home to the reports, sees every
chart drawn with its table of numbers, narrows the figures to one fund and
downloads the applications as CSV; a member of the public follows "What we
fund" from the footer. Every page is checked with axe.
"""

import re
from pathlib import Path

from playwright.sync_api import expect

from reports.models import Export
from tests.browser.conftest import BROWSER_TEST, LOGINS, sign_in
from tests.browser.test_accessibility import blocking_violations

pytestmark = BROWSER_TEST

STAFF_CHARTS = [
    "Money awarded and paid by programme",
    "Spend per head by neighbourhood, beside deprivation",
    "Share of money awarded by kind of organisation",
    "Social value promised and delivered",
    "Success rates by neighbourhood",
    "Success rates by type of organisation",
]


def _charts_drawn_with_tables(page, titles) -> None:
    for title in titles:
        section = page.get_by_role("region", name=title, exact=True)
        expect(section.get_by_role("heading", name=title, exact=True)).to_be_visible()
        expect(
            section.get_by_role("img", name=re.compile(f"^{re.escape(title)}: "))
        ).to_be_visible()
        expect(section.locator("figure[data-drawn='true']")).to_have_count(1)
        table = section.get_by_role("table", name=f"{title}: the numbers")
        expect(table).to_be_visible()
        assert table.get_by_role("row").count() >= 2, f"{title}: its table has no numbers"


def test_the_grants_officer_reads_the_reports_and_exports_applications(page, shot):
    sign_in(page, LOGINS["grants officer"])
    page.goto("/admin/")
    page.get_by_role("link", name=re.compile("^Money awarded and paid, spend per head")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reports across programmes")
    _charts_drawn_with_tables(page, STAFF_CHARTS)
    money = page.get_by_role("table", name="Money awarded and paid by programme: the numbers")
    expect(money.get_by_role("row", name=re.compile("^Neighbourhood Assets Fund"))).to_be_visible()
    rates = page.get_by_role("table", name="Success rates by type of organisation: the numbers")
    expect(
        rates.get_by_role("row", name=re.compile("^Public body 0 0 Not reached"))
    ).to_be_visible()
    assert blocking_violations(page) == []
    shot("the reports")

    page.get_by_label("Programme", exact=True).select_option(label="Neighbourhood Assets Fund")
    page.get_by_role("button", name="Show the figures").click()
    expect(page).to_have_url(re.compile(r"programme="))
    expect(money.get_by_role("row")).to_have_count(2)
    _charts_drawn_with_tables(page, STAFF_CHARTS[:4])
    shot("one fund's figures")

    with page.expect_download() as download:
        page.get_by_role("link", name="Applications (CSV)").click()
    path = download.value.path()
    text = Path(path).read_text(encoding="utf-8-sig")
    assert text.startswith("Reference,Programme,Round,Organisation")
    assert "Neighbourhood Assets Fund 2026" in text
    assert "Connected Communities Fund" not in text
    export = Export.objects.get()
    assert export.filters["programme"] == "Neighbourhood Assets Fund"

    page.get_by_label("Day", exact=True).first.fill("31")
    page.get_by_label("Month", exact=True).first.fill("2")
    page.get_by_label("Year", exact=True).first.fill("2026")
    page.get_by_role("button", name="Show the figures").click()
    expect(page.get_by_role("alert").get_by_text("From must be a real date")).to_be_visible()
    assert blocking_violations(page) == []
    shot("a date that does not exist")


def test_the_public_read_what_we_fund(page, shot):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("link", name="What we fund").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What we fund")
    _charts_drawn_with_tables(page, STAFF_CHARTS[:4])
    expect(page.get_by_text("Success rates")).to_have_count(0)
    assert blocking_violations(page) == []
    shot("what we fund")


def test_the_grants_officer_loads_a_new_deprivation_measure(page, shot, tmp_path):
    """From the reports, the officer chooses the council's new file of
    scores: a file with a mistake is refused whole, saying which line; the
    corrected file is loaded, and Old Town's score beside its spend per
    head is the new one (22.1 in the demo's file, 35.5 in this)."""
    sign_in(page, LOGINS["grants officer"])
    page.goto("/reports/")
    per_head = page.get_by_role(
        "table", name="Spend per head by neighbourhood, beside deprivation: the numbers"
    )
    expect(per_head.get_by_role("row", name=re.compile(r"^Old Town .* 22\.1"))).to_be_visible()
    page.get_by_role("link", name="load the deprivation measure").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Load the deprivation measure")
    expect(page.get_by_text(re.compile(r"Scores are loaded for 6 areas, last on"))).to_be_visible()
    assert blocking_violations(page) == []
    shot("the deprivation measure")

    def load(name: str, millfield: str) -> None:
        """The council's new file, Millfield's score as given."""
        chosen = tmp_path / name
        chosen.write_text(
            "code,name,score,decile\nE05099903,Old Town ward,35.5,2\n"
            f"E05099904,Millfield ward,{millfield},3\n"
        )
        page.get_by_label("Deprivation file").set_input_files(chosen)
        page.get_by_role("button", name="Load the scores").click()

    load("imd-2026.csv", millfield="high")
    summary = page.get_by_role("alert")
    mistake = summary.get_by_role("link", name=re.compile("^Line 3: the score or decile"))
    expect(mistake).to_be_visible()
    assert blocking_violations(page) == []
    shot("a line with a mistake")

    load("imd-2026-corrected.csv", millfield="18.2")
    expect(page.get_by_text("Loaded deprivation scores for 2 areas.")).to_be_visible()
    assert blocking_violations(page) == []
    shot("the scores loaded")

    page.get_by_role("link", name="Back to the reports").click()
    expect(per_head.get_by_role("row", name=re.compile(r"^Old Town .* 35\.5"))).to_be_visible()
    shot("spend per head beside the new scores")
