"""Lists of support and What's on through the real pages, each step
screenshotted under test-output/<test name>/.

A person signed out finds the Old Town lunch club near their postcode,
saves it to a list and opens the list's private link on a phone; a link
worker builds a recommended list for Sam and sends it; the Community
Kitchen adds a What's on event to the towpath gardens it holds, which
shows on the garden's page and in its calendar feed.
"""

import re

from django.core import mail
from icalendar import Calendar
from playwright.sync_api import expect

from foundation.models import OutgoingEmail
from tests.browser.conftest import BROWSER_TEST, LOGINS, link_or_button, sign_in

pytestmark = BROWSER_TEST

PHONE = {"width": 375, "height": 812}
LUNCH_CLUB = "Old Town lunch club"


def _fits(page, width: int) -> None:
    scroll = page.evaluate("document.documentElement.scrollWidth")
    assert scroll <= width, f"scrolls sideways: {scroll} px wide on a {width} px screen"


def test_a_person_saves_a_lunch_club_and_opens_the_list_on_a_phone(page, shot, browser, demo_site):
    page.goto("/")
    page.get_by_role("link", name="Where you live").first.click()
    page.get_by_label("Your postcode").fill("AV1 1LC")
    page.get_by_label("Within").select_option(label="1 mile")
    page.get_by_role("button", name="Find what is near").click()
    near = page.get_by_role("main").get_by_role("link", name=LUNCH_CLUB)
    expect(near.first).to_be_visible()
    shot("what is near the postcode")
    near.first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(LUNCH_CLUB)
    expect(page.get_by_text("Accepts personal budgets and direct payments")).to_be_visible()
    shot("the lunch club's page")

    page.get_by_role("button", name=re.compile("^Add to my list")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My list of support")
    expect(page.get_by_text(f"{LUNCH_CLUB} is on your list.")).to_be_visible()
    link = page.locator("#private-link").inner_text().strip()
    assert re.fullmatch(rf"{re.escape(demo_site)}/lists/[A-Za-z0-9_-]{{43}}/", link)
    shot("the list and its private link")

    phone = browser.new_context(
        viewport=PHONE, is_mobile=True, has_touch=True, locale="en-GB", timezone_id="Europe/London"
    )
    mobile = phone.new_page()
    mobile.goto(link)
    expect(mobile.get_by_role("heading", level=1)).to_have_text("My list of support")
    expect(mobile.get_by_role("heading", name=LUNCH_CLUB)).to_be_visible()
    expect(mobile.get_by_text("Tuesdays and Thursdays, 12 to 2pm")).to_be_visible()
    _fits(mobile, PHONE["width"])
    mobile.screenshot(path=shot.folder / "04-the-list-on-a-phone.png", full_page=True)

    page.get_by_role("link", name="Open a page to print").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("My list of support")
    page.emulate_media(media="print")
    expect(page.get_by_role("link", name="Community assets")).to_be_hidden()
    expect(page.get_by_text("£3 a meal")).to_be_visible()
    page.screenshot(path=shot.folder / "05-printed.png", full_page=True)
    page.emulate_media(media="screen")

    page.goto(link)
    page.get_by_role("link", name="Delete this list").click()
    page.get_by_role("button", name="Delete the list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("List deleted")
    mobile.reload()
    expect(mobile.get_by_role("heading", level=1)).to_have_text("This list was deleted")
    expect(mobile.get_by_text(LUNCH_CLUB)).to_have_count(0)
    mobile.screenshot(path=shot.folder / "06-the-deleted-list-on-the-phone.png", full_page=True)
    phone.close()


def test_a_link_worker_builds_a_recommended_list_and_sends_it(page, shot, browser, demo_site):
    sign_in(page, "linkworker@ashbyvale.example")
    page.goto("/portal/")
    page.get_by_role("link", name="Recommended lists of support").click()
    page.get_by_label("Who is the list for?").fill("Kim")
    page.get_by_role("button", name="Start a list").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Support for Kim")
    shot("a new list for Kim")

    page.get_by_role("main").get_by_role("link", name="community assets", exact=True).click()
    page.get_by_label("Words or postcode").fill("lunch")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("link", name=LUNCH_CLUB).click()
    page.get_by_role("link", name=re.compile("^Add to a recommended list")).click()
    page.get_by_label("Kim").check()
    page.get_by_label("Note for the person").fill("Tuesdays are quieter; ask for Maureen.")
    shot("adding the lunch club with a note")
    page.get_by_role("button", name="Add to the list").click()
    expect(page.get_by_text(f"{LUNCH_CLUB} is on the list for Kim.")).to_be_visible()

    page.get_by_role("button", name="Make the private link").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Support for Kim")
    link = page.locator("#private-link").inner_text().strip()
    page.get_by_label("Their e-mail address").fill("kim@example.org")
    page.get_by_label("Your name").fill("Lena, your link worker")
    page.get_by_role("button", name="Send the list").click()
    expect(page.get_by_text("The list is on its way to kim@example.org.")).to_be_visible()
    shot("the list sent to Kim")
    # Sent, and its body (holding the private link) not kept once sent.
    assert OutgoingEmail.objects.get(to="kim@example.org").state == "sent"
    (sent,) = [m for m in mail.outbox if m.to == ["kim@example.org"]]
    assert link in sent.body
    assert "Lena, your link worker has shared a list of local support with you." in sent.body

    kim = browser.new_context(viewport=PHONE, is_mobile=True, locale="en-GB")
    phone = kim.new_page()
    phone.goto(link)
    expect(phone.get_by_role("heading", level=1)).to_have_text("Support for Kim")
    expect(phone.get_by_text("Tuesdays are quieter; ask for Maureen.")).to_be_visible()
    _fits(phone, PHONE["width"])
    phone.screenshot(path=shot.folder / "04-kim-opens-it-on-a-phone.png", full_page=True)
    kim.close()


def test_an_asset_holder_adds_an_event_to_whats_on(page, shot, demo_site):
    sign_in(page, LOGINS["applicant"])
    page.goto("/assets/")
    page.get_by_role("link", name="Canal towpath gardens").click()
    page.get_by_role("link", name="Add or change What’s on events").click()
    link_or_button(page.get_by_role("main"), "Add an event").click()
    page.get_by_label("What is it called?").fill("Spring bulb planting")
    page.get_by_label("Day").fill("20")
    page.get_by_label("Month").fill("3")
    page.get_by_label("Year").fill("2027")
    page.get_by_label("Start time").fill("8pm")
    page.get_by_label("End time").fill("7pm")
    page.get_by_label("Cost").fill("Free")
    page.get_by_role("button", name="Save the event").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary.get_by_role("link", name=re.compile("end time must be after"))).to_be_visible()
    shot("an end before the start")

    page.get_by_label("Start time").fill("10am")
    page.get_by_label("End time").fill("12:30pm")
    page.get_by_role("button", name="Save the event").click()
    expect(
        page.get_by_text("“Spring bulb planting” is on the listing’s What’s on.")
    ).to_be_visible()
    shot("the event listed")

    page.get_by_role("link", name="Back to the listing").click()
    whats_on = page.get_by_role("region", name="What’s on")
    expect(whats_on.get_by_text("Spring bulb planting")).to_be_visible()
    expect(whats_on.get_by_text("Saturday 20 March 2027, 10:00am to 12:30pm")).to_be_visible()
    shot("the event on the garden's page")

    feed_url = whats_on.get_by_role("link", name=re.compile("calendar")).get_attribute("href")
    feed = page.request.get(feed_url)
    calendar = Calendar.from_ical(feed.body())
    (event,) = [e for e in calendar.walk("VEVENT") if e["summary"] == "Spring bulb planting"]
    # 20 March 2027 is before the clocks go forward: UK time is UTC.
    assert event.decoded("dtstart").isoformat() == "2027-03-20T10:00:00+00:00"
    assert event.decoded("dtend").isoformat() == "2027-03-20T12:30:00+00:00"
