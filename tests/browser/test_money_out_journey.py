"""Money out through the real pages, each step screenshotted under
test-output/<test name>/ and checked with axe.

The Canal Side kitchen (the demo applicant's organisation) changes its bank
details, which the finance officer verifies by telephone; it reads,
downloads and accepts its Warm Spaces Fund agreement and claims its first
instalment against its budget with evidence. The grants officer approves
the claim; the finance officer (never the approver) releases the payment,
exports it for the finance system and records it paid with the finance
system's reference.
"""

import csv
import hashlib
import io
import re
from datetime import date
from decimal import Decimal

from playwright.sync_api import expect

from finance.models import Agreement, Claim, ClaimState
from grants.models import State
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in
from tests.browser.test_accessibility import audit

pytestmark = BROWSER_TEST

KITCHEN = "Canal Side Community Kitchen"
PROJECT = "Warm lunches through the winter"
FINANCE = "payments@ashbyvale.example"
# A busy machine may take a while to answer a form; a person would wait too.
SLOW = 30_000
EVIDENCE = b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


def checked(page, shot, step):
    """A screenshot of the step, and no serious accessibility problem on it."""
    shot.page = page
    shot(step)
    problems = audit(page, skip_link=False)
    assert not problems, f"{step}: {problems}"


def someone(browser, demo_site, email):
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    return page


def test_bank_details_agreement_claim_approval_release_export_and_paid(
    page, shot, browser, demo_site
):
    # The kitchen's admin changes its bank details.
    sign_in(page, LOGINS["applicant"])
    page.goto("/portal/")
    page.get_by_role("link", name=KITCHEN).first.click()
    page.get_by_role("link", name=re.compile("^Bank details")).click()
    page.get_by_label("Name on the account").fill("Canal Side Community Kitchen")
    page.get_by_label("Sort code").fill("40-22-19")
    page.get_by_label("Account number").fill("3192 6819")
    page.get_by_role("button", name="Save bank details").click()
    expect(page.get_by_text("Your bank details are saved.")).to_be_visible(timeout=SLOW)
    assert "31926819" not in page.content()
    checked(page, shot, "bank details changed, shown masked")

    # The finance officer rings the kitchen and records it.
    finance = someone(browser, demo_site, FINANCE)
    finance.goto("/portal/bank-details/to-verify/")
    card = finance.get_by_role("region", name=KITCHEN)
    expect(card.get_by_text("****6819")).to_be_visible()
    card.get_by_label("How did you check them?").fill("Rang 01632 960123 from our records")
    checked(finance, shot, "finance verifies the change by telephone")
    card.get_by_role("button", name=re.compile("^Record that I verified them")).click()
    expect(finance.get_by_text(f"{KITCHEN}'s bank details are verified.")).to_be_visible(
        timeout=SLOW
    )

    # The kitchen reads, downloads and accepts its agreement.
    page.goto("/grants/applications/")
    page.get_by_role("link", name=re.compile(PROJECT)).first.click()
    page.get_by_role("link", name="Read and accept your grant agreement").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Grant agreement")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download the grant agreement (PDF)").click()
    with open(download.value.path(), "rb") as saved:
        read = saved.read()
    assert read.startswith(b"%PDF-")
    page.get_by_label("Your full name").fill("Ali Hassan")
    page.get_by_label("Your role in the organisation").fill("Treasurer")
    page.get_by_label(re.compile("^I have read the agreement")).check()
    checked(page, shot, "the agreement to accept")
    page.get_by_role("button", name="Accept the agreement").click()
    expect(page.get_by_text("Thank you: the agreement and the offer are accepted.")).to_be_visible(
        timeout=SLOW
    )
    expect(page.get_by_text("by Ali Hassan, Treasurer")).to_be_visible(timeout=SLOW)
    checked(page, shot, "agreement accepted")
    agreement = Agreement.objects.get(award__application__project_title=PROJECT)
    assert agreement.accepted_sha256 == hashlib.sha256(read).hexdigest()

    # The kitchen claims its first instalment of £2,000.
    page.get_by_role("link", name=re.compile("^Back to")).click()
    page.get_by_role("link", name="Claims and payments").click()
    page.get_by_role("link", name=re.compile("^Claim this payment")).first.click()
    page.get_by_label("Spent on Volunteer expenses and training").fill("1,500")
    page.get_by_label("Spent on Room hire and materials").fill("400")
    page.get_by_label("Evidence of spend").set_input_files(
        {"name": "receipts.pdf", "mimeType": "application/pdf", "buffer": EVIDENCE}
    )
    page.get_by_role("button", name="Send the claim").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Your spend adds up to £1,900; it must add up to the £2,000")
    checked(page, shot, "a claim that does not add up")
    page.get_by_label("Spent on Room hire and materials").fill("500")
    page.get_by_label("Evidence of spend").set_input_files(
        {"name": "receipts.pdf", "mimeType": "application/pdf", "buffer": EVIDENCE}
    )
    page.get_by_role("button", name="Send the claim").click()
    expect(page.get_by_text("Your claim is sent. A grants officer will check it.")).to_be_visible(
        timeout=SLOW
    )
    checked(page, shot, "claim sent")

    # The grants officer finds it on the staff home and approves it.
    officer = someone(browser, demo_site, LOGINS["grants officer"])
    officer.goto("/admin/")
    officer.get_by_role("link", name=re.compile("claims waiting for approval")).click()
    officer.get_by_role("link", name=re.compile(KITCHEN)).click()
    checked(officer, shot, "the officer reads the claim")
    # The check above resizes the window; load the page afresh to act on it.
    officer.reload()
    officer.get_by_role("button", name=re.compile("^Approve the claim")).click()
    approved = "Claim approved. The finance team releases the payment."
    expect(officer.get_by_text(approved)).to_be_visible(timeout=SLOW)
    checked(officer, shot, "claim approved, budget against actual")

    # Finance releases it, exports it and records it paid.
    finance.goto("/finance/payments/")
    row = finance.get_by_role("row").filter(has_text=KITCHEN)
    row.get_by_role("button", name=re.compile("^Release")).click()
    expect(finance.get_by_text(re.compile(r"Payment GP\d{6} released\."))).to_be_visible(
        timeout=SLOW
    )
    expect(finance.get_by_text(re.compile(r"payments?, £[\d,]+ in all\."))).to_be_visible(
        timeout=SLOW
    )
    checked(finance, shot, "released, ready to export")
    finance.goto("/finance/payments/")
    with finance.expect_download() as download:
        finance.get_by_role("button", name="Export as CSV").click()
    with open(download.value.path(), encoding="utf-8-sig") as saved:
        rows = list(csv.reader(io.StringIO(saved.read())))
    kitchen_rows = [r for r in rows[1:] if r[1] == KITCHEN]
    assert [(r[4], r[5], r[7]) for r in kitchen_rows] == [("402219", "31926819", "2000.00")]
    assert sum(Decimal(r[7]) for r in rows[1:]) == Decimal("2000.00")
    finance.goto("/finance/payments/")
    checked(finance, shot, "the payment to record as paid")
    finance.reload()
    card = finance.locator("form.app-card").filter(has_text=KITCHEN)
    today = date.today()
    paid = card.get_by_role("group", name="Paid on")
    paid.get_by_label("Day").fill(str(today.day))
    paid.get_by_label("Month").fill(str(today.month))
    paid.get_by_label("Year").fill(str(today.year))
    card.get_by_label("Payment reference").fill("AV-FIN-20931")
    shot("recording the finance system's reference")
    card.get_by_role("button", name=re.compile("^Record as paid")).click()
    expect(finance.get_by_text(re.compile(r"Payment GP\d{6} recorded paid\."))).to_be_visible(
        timeout=SLOW
    )
    checked(finance, shot, "paid")

    claim = Claim.objects.get(payment__award__application__project_title=PROJECT)
    payment = claim.payment
    assert claim.state == ClaimState.APPROVED
    assert (payment.paid_on, payment.reference) == (today, "AV-FIN-20931")
    assert payment.approved_by.email == LOGINS["grants officer"]
    assert payment.release.released_by.email == FINANCE
    assert payment.award.application.state == State.ACTIVE
    for other in (finance, officer):
        other.context.close()
