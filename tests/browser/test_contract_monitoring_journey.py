"""A contract's monitoring returns through the real pages, each step
screenshotted under test-output/<test name>/ and checked with axe.

The commissioner goes from their portal to the demo's contract and sets a
return due in a fortnight; the supplier's lead finds it on their portal
start page and files it (a first try with nothing filled in is refused);
the commissioner reads it on the contract page."""

import re
from datetime import timedelta

from django.utils import timezone
from playwright.sync_api import expect

from demo.community import DEMO_PASSWORD
from demo.contract_monitoring import PEOPLE_VISITED, TITLE
from outcomes.models import ContractReturn
from people.models import User
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in
from tests.browser.test_accessibility import audit

pytestmark = BROWSER_TEST


def _supplier_lead() -> User:
    lead = User.objects.filter(memberships__organisation__name="Old Town Care Co-operative").first()
    lead.set_password(DEMO_PASSWORD)
    lead.save()
    return lead


def test_a_contract_return_is_set_filed_by_the_supplier_and_read(browser, demo_site, page, shot):
    due = timezone.localdate() + timedelta(days=14)
    long_due = f"{due.day} {due:%B %Y}"

    # The commissioner sets a return due in a fortnight.
    sign_in(page, LOGINS["commissioner"])
    page.goto("/portal/")
    page.get_by_role("link", name="Commissioning pipeline").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Contract: Lot 1: Old Town").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Contract: Lot 1: Old Town")
    # The contract page is checked with axe at the end, once it shows the return.
    page.get_by_role("link", name="Set when monitoring returns are due").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("When monitoring returns are due")
    assert audit(page) == []
    shot("the schedule")
    when = page.get_by_role("group", name="When is the return due?")
    when.get_by_label("Day").fill(str(due.day))
    when.get_by_label("Month").fill(str(due.month))
    when.get_by_label("Year").fill(str(due.year))
    page.get_by_role("button", name="Add the return").click()
    expect(page.get_by_text(f"A return is now due {long_due}.")).to_be_visible()
    expect(page.get_by_role("row", name=re.compile(rf"^{long_due}"))).to_be_visible()
    assert audit(page, skip_link=False) == []
    shot("a return added")
    added = ContractReturn.objects.get(due_on=due)

    # The supplier's lead finds it on their portal start page and files it.
    lead = _supplier_lead()
    supplier = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    theirs = supplier.new_page()
    shot.page = theirs
    sign_in(theirs, lead.email)
    theirs.goto("/portal/")
    theirs.get_by_role("link", name="Send your contract monitoring return").click()
    expect(theirs).to_have_url(re.compile(rf"/outcomes/contract-returns/{added.pk}/$"))
    expect(theirs.get_by_role("heading", level=1)).to_have_text(f"Monitoring return due {long_due}")
    assert audit(theirs) == []
    shot("the return")
    theirs.get_by_role("button", name="Send the return").click()
    expect(theirs.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    expect(theirs.get_by_role("link", name="Tell us what happened.")).to_be_visible()
    assert audit(theirs, skip_link=False) == []
    shot("nothing filled in")
    theirs.get_by_label("What happened").fill("Two more care workers joined; 52 visited.")
    theirs.get_by_label("Spent so far (£)").fill("23,000")
    theirs.get_by_label(re.compile("^Older people visited at home each quarter")).fill("52")
    theirs.get_by_label(re.compile("^People who joined something nearby")).fill("14")
    theirs.get_by_label(re.compile("^People supported to make or keep connections")).fill("20")
    theirs.get_by_label("Evidence for People supported to make or keep connections").fill(
        "Visit records"
    )
    theirs.get_by_label("How many people did you visit at home for the first time?").fill("11")
    shot("the return filled in")
    theirs.get_by_role("button", name="Send the return").click()
    expect(theirs.get_by_text("Thank you: your return is sent.")).to_be_visible()
    expect(theirs.get_by_role("heading", level=1)).to_have_text("Contract: Lot 1: Old Town")
    shot("sent")
    added.refresh_from_db()
    assert added.submitted_by == lead
    assert added.answers == {PEOPLE_VISITED: 11}
    supplier.close()

    # The commissioner reads it on the contract page.
    shot.page = page
    page.goto("/portal/")
    page.get_by_role("link", name="Commissioning pipeline").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("button", name="Contract: Lot 1: Old Town").click()
    expect(page.get_by_text("Two more care workers joined; 52 visited.")).to_be_visible()
    expect(page.get_by_text(f"52 people to {long_due}")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(rf"^Due {long_due}: sent"))).to_be_visible()
    assert audit(page) == []
    shot("the commissioner reads the return")
