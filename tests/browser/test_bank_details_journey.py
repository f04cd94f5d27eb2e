"""Bank details through the real pages, each step screenshotted under
test-output/<test name>/.

The demo applicant, an admin of the Canal Side kitchen, changes its bank
details from the organisation's page: a sort code too short is refused
with the GOV.UK error summary, then the new account is saved and shown
masked. The grants officer finds the change waiting to be verified,
records the telephone check, and the kitchen's payments can go again.
"""

import re

from playwright.sync_api import expect

from organisations.models import BankDetails
from organisations.selectors import bank_details_payable
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in

pytestmark = BROWSER_TEST

KITCHEN = "Canal Side Community Kitchen"


def test_an_organisation_changes_its_bank_details_and_an_officer_verifies_them(
    page, shot, browser, demo_site
):
    sign_in(page, LOGINS["applicant"])
    page.goto("/portal/")
    page.get_by_role("link", name=KITCHEN).first.click()
    page.get_by_role("link", name=re.compile("^Bank details")).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bank details")
    expect(page.get_by_text("****3445")).to_be_visible()
    shot("the kitchen's bank details, masked")

    page.get_by_label("Name on the account").fill("Canal Side Community Kitchen")
    page.get_by_label("Sort code").fill("40-22-1")
    page.get_by_label("Account number").fill("3192 6819")
    page.get_by_role("button", name="Save bank details").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_be_visible()
    expect(summary.get_by_role("link", name="Enter a valid sort code like 309430")).to_be_visible()
    shot("a sort code too short")

    page.get_by_label("Sort code").fill("40-22-19")
    page.get_by_role("button", name="Save bank details").click()
    expect(page.get_by_text("Your bank details are saved.")).to_be_visible()
    expect(page.get_by_text("****6819")).to_be_visible()
    expect(page.get_by_text(re.compile("Not yet: payments wait"))).to_be_visible()
    assert "31926819" not in page.content()
    shot("the new account, waiting for the check")

    details = BankDetails.objects.get(organisation__name=KITCHEN)
    assert (details.sort_code, details.account_number) == ("402219", "31926819")
    assert "have not been verified" in bank_details_payable(organisation=details.organisation)

    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(15_000)
    officer = context.new_page()
    sign_in(officer, LOGINS["grants officer"])
    officer.goto("/portal/bank-details/to-verify/")
    card = officer.get_by_role("region", name=KITCHEN)
    expect(card.get_by_text("40-22-19")).to_be_visible()
    expect(card.get_by_text("****6819")).to_be_visible()
    card.get_by_label("How did you check them?").fill(
        "Rang 01632 960123 from our records; the treasurer confirmed"
    )
    shot.page = officer
    shot("the officer records the telephone check")
    card.get_by_role("button", name=re.compile("^Record that I verified them")).click()
    expect(officer.get_by_text(f"{KITCHEN}'s bank details are verified.")).to_be_visible()
    expect(officer.get_by_role("region", name=KITCHEN)).to_have_count(0)
    shot("verified")
    context.close()

    details.refresh_from_db()
    assert details.verified_by.email == LOGINS["grants officer"]
    assert bank_details_payable(organisation=details.organisation) == ""
