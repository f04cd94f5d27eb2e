"""Finding support through the real pages, each step screenshotted under
test-output/<test name>/.

A person searches the site for "befriending" and "lunch" and reaches the
lunch club's page with its small map; another looks at the neighbourhoods
map and what is near their postcode; a GP practice puts the search on its
own site (another origin) and a patient finds the lunch club there. The
maps show outlines and markers with no map settings made.
"""

import functools
import re
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import BROWSER_TEST
from tests.browser.test_accessibility import blocking_violations

pytestmark = BROWSER_TEST

NO_TILES = "No background map is set up for this site"
# Another site's server, on a port of its own: another origin.
OTHER_SITE_PORTS = range(8131, 8140)


def test_one_search_finds_befriending_and_the_lunch_club(page, shot):
    page.goto("/")
    page.get_by_role("link", name="Search", exact=True).click()
    page.get_by_label("Search this site").fill("befriending")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    first = page.get_by_role("list").filter(has_text="Heights befriending service").first
    expect(first).to_contain_text("Service")
    expect(page.get_by_role("link", name="Heights befriending service")).to_be_visible()
    assert blocking_violations(page) == []
    shot("befriending found")

    page.get_by_label("Search this site").fill("lunch")
    page.get_by_role("main").get_by_role("button", name="Search").click()
    page.get_by_role("navigation", name="Show only").get_by_role("link", name="Services").click()
    expect(page.get_by_role("link", name="Old Town lunch club")).to_be_visible()
    shot("lunch, services only")

    page.get_by_role("link", name="Old Town lunch club").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Old Town lunch club")
    small_map = page.get_by_role("region", name="Map showing where Old Town lunch club is")
    expect(small_map).to_be_visible()
    # Its neighbourhood's outline and its own marker, on a plain background.
    expect(small_map.locator("path.leaflet-interactive")).to_have_count(2)
    expect(page.get_by_text(NO_TILES)).to_be_visible()
    shot("the lunch club's page and map")


def test_the_neighbourhoods_map_and_what_is_near_a_postcode(page, shot):
    page.goto("/")
    page.get_by_role("link", name="Where you live").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Where you live")
    the_map = page.get_by_role("region", name=re.compile(r"^Map of \d+ community assets"))
    expect(the_map).to_be_visible()
    # Five neighbourhood outlines, and a marker for each located asset.
    expect(the_map.locator("path.leaflet-interactive")).not_to_have_count(0)
    assert the_map.locator("path.leaflet-interactive").count() >= 5 + 7
    expect(page.get_by_text(NO_TILES)).to_be_visible()
    shot("the neighbourhoods map")

    page.get_by_label("Your postcode").fill("av1 2ck")
    page.get_by_role("button", name="Find what is near").click()
    results = page.get_by_role("list").filter(has_text="Canal towpath gardens")
    expect(results.get_by_role("listitem").nth(0)).to_contain_text("less than 0.1 miles")
    expect(results.get_by_role("listitem").nth(1)).to_contain_text("Old Town lunch club")
    expect(results.get_by_role("listitem").nth(1)).to_contain_text("0.4 miles")
    expect(page.get_by_text("AV1 2CK is in")).to_be_visible()
    expect(
        page.get_by_role("region", name="Map of 4 community assets with a location")
    ).to_be_visible()
    assert blocking_violations(page) == []
    shot("near AV1 2CK")

    page.get_by_label("Your postcode").fill("AV1 1ZZ")
    page.get_by_role("button", name="Find what is near").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "We cannot find AV1 1ZZ in the postcode directory"
    )
    assert blocking_violations(page) == []
    shot("an unknown postcode")


@pytest.fixture
def other_site(tmp_path, demo_site):
    """A GP practice's page on its own server, with the snippet copied from
    the widget page pointing at the directory's site."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        "<title>Ashby Vale Health Centre</title></head><body><main>"
        "<h1>Ashby Vale Health Centre</h1>"
        '<div data-common-ground-search data-neighbourhood="old-town" '
        'data-title="Find local support in Old Town"></div>'
        f'<script src="{demo_site}/widget/widget.js" async></script>'
        "</main></body></html>",
        encoding="utf-8",
    )
    handler = functools.partial(SimpleHTTPRequestHandler, directory=str(tmp_path))
    for port in OTHER_SITE_PORTS:
        try:
            server = ThreadingHTTPServer(("127.0.0.1", port), handler)
            break
        except OSError:
            continue
    else:
        pytest.fail("no free port for the other site")
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{port}/"
    server.shutdown()
    server.server_close()


def test_the_widget_finds_the_lunch_club_on_another_site(page, shot, other_site, context):
    page.goto(other_site)
    expect(page.get_by_role("heading", name="Find local support in Old Town")).to_be_visible()
    page.get_by_label("What are you looking for?").fill("lunch")
    page.get_by_role("button", name="Search").click()
    expect(page.get_by_role("status")).to_have_text("1 result.")
    club = page.get_by_role("link", name="Old Town lunch club")
    expect(club).to_be_visible()
    expect(page.get_by_text("When: Tuesdays and Thursdays, 12 to 2pm")).to_be_visible()
    assert blocking_violations(page) == []
    shot("the widget on the practice's site")
    assert context.cookies() == []

    club.click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Old Town lunch club")
