"""A commissioner extends an open tender's deadline, with a reason, through
the real pages; the public call page shows the new closing date and the
notice; a bidder sees it on their dashboard."""

import re
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from commissioning.models import Tender
from demo.commissioning import TITLE
from tests.browser.conftest import BROWSER_TEST, LOGINS, link_or_button, sign_in
from tests.browser.test_accessibility import blocking_violations

pytestmark = BROWSER_TEST

REASON = "Two local groups asked for more time to form a partnership."


def sign_out(page) -> None:
    page.get_by_role("button", name="Sign out").click()
    page.wait_for_load_state()


def spoken(moment) -> str:
    """How the site writes a moment: "4:00pm on Friday 22 January 2027",
    "midday on Friday 22 January 2027"."""
    hour = moment.hour % 12 or 12
    half = "am" if moment.hour < 12 else "pm"
    time = {(12, 0): "midday", (0, 0): "midnight"}.get(
        (moment.hour, moment.minute), f"{hour}:{moment:%M}{half}"
    )
    return f"{time} on {moment:%A} {moment.day} {moment:%B %Y}"


def test_a_commissioner_extends_a_tender_deadline_and_bidders_are_told(page, shot):
    # A bidder: the demo applicant's group starts a bid for the first lot.
    sign_in(page, LOGINS["applicant"])
    page.goto("/calls/")
    page.get_by_role("link", name=TITLE).click()
    link_or_button(page.get_by_role("main"), "Register interest and bid").click()
    page.get_by_role("button", name=re.compile("^Prepare a bid")).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("bid", ignore_case=True)
    shot("the bidder starts a bid")
    sign_out(page)

    # The commissioner changes the closing date from the tender's page.
    old = timezone.localtime(Tender.objects.get(title=TITLE).submission_deadline)
    new_day = (old + timedelta(days=7)).date()
    sign_in(page, LOGINS["commissioner"])
    page.goto("/commissioning/manage/")
    page.get_by_role("link", name=TITLE).first.click()
    page.get_by_role("link", name=re.compile("Change the deadline")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Change the deadline")
    assert blocking_violations(page) == []

    # Sent empty, each problem links to its field, and the page stays accessible.
    page.get_by_role("button", name="Change the deadline").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    for href in [link.get_attribute("href") for link in summary.get_by_role("link").all()]:
        assert page.locator(f"[id='{href[1:]}']").count() == 1, f"{href} leads nowhere"
    assert blocking_violations(page) == []
    shot("the change sent empty")
    page.get_by_label("Closing date for bids").check()
    page.get_by_label("Day").fill(str(new_day.day))
    page.get_by_label("Month").fill(str(new_day.month))
    page.get_by_label("Year").fill(str(new_day.year))
    page.get_by_label("New time").fill("4pm")
    page.get_by_label("Why is it changing?").fill(REASON)
    shot("the new deadline typed")
    page.get_by_role("button", name="Change the deadline").click()

    new = old.replace(
        year=new_day.year, month=new_day.month, day=new_day.day, hour=16, minute=0, second=0
    )
    expect(page.get_by_role("main")).to_contain_text(
        f"The closing date for bids is now {spoken(new)}"
    )
    shot("the deadline changed")
    sign_out(page)

    # Anyone: the public call page shows the new date and the notice.
    page.goto("/calls/")
    page.get_by_role("link", name=TITLE).click()
    banner = page.get_by_role("region", name="Deadline changed")
    expect(banner).to_contain_text(spoken(old))
    expect(banner).to_contain_text(spoken(new))
    expect(banner).to_contain_text(REASON)
    assert blocking_violations(page) == []
    expect(page.get_by_role("main")).to_contain_text(f"Closing date {spoken(new)}")
    shot("the call page with the notice")

    # The organisation taking part sees it on its dashboard.
    sign_in(page, LOGINS["applicant"])
    page.goto("/portal/")
    expect(page.get_by_role("main")).to_contain_text(
        f"the closing date for bids has moved from {spoken(old)} to {spoken(new)}"
    )
    shot("the applicant's dashboard")


@pytest.fixture(autouse=True)
def _tender_published_in_demo(demo_site):
    assert Tender.objects.filter(title=TITLE, state="published").exists()
