"""An administrator answers a subject access request and then an erasure
request through the real pages: finds the person, reads and downloads
everything held about them, erases them; the audit trail keeps its rows and
the person can no longer sign in. The privacy page, reached from the
footer, states the retention periods."""

import json
import re
from pathlib import Path

from django_fsm_log.models import StateLog
from playwright.sync_api import expect

from demo.community import DEMO_PASSWORD
from people.models import User
from tests.browser.conftest import BROWSER_TEST, EMAIL_LABEL, LOGINS, sign_in
from tests.browser.test_accessibility import audit, blocking_violations

pytestmark = BROWSER_TEST

ADMINISTRATOR = "admin@ashbyvale.example"
REASON = "Request received by e-mail on 3 March"


def audited(page) -> list[str]:
    """The accessibility check on the page freshly loaded (nothing focused
    yet); then the page is loaded again, as links on a page axe has run on no
    longer start a download or navigation in Chromium."""
    page.reload()
    problems = audit(page)
    page.reload()
    return problems


def test_an_administrator_exports_and_erases_a_person(page, shot):
    member = User.objects.get(email=LOGINS["panel"])
    trail = list(StateLog.objects.filter(by=member).order_by("pk").values_list("pk", "transition"))
    assert trail, "the demo panel member should have scored or declared in the demo"

    sign_in(page, ADMINISTRATOR)
    page.goto("/people/personal-data/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Personal data: find a person")
    assert audited(page) == []
    page.get_by_label("Name or e-mail address").fill("priya shah")
    page.get_by_role("button", name="Find").click()
    expect(page.get_by_role("status")).to_have_text("1 person found.")
    shot("the person found")
    page.get_by_role("link", name="Priya Shah").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Everything held about Priya Shah")
    main = page.get_by_role("main")
    expect(main.get_by_role("heading", name="Panel seats")).to_be_visible()
    expect(main.get_by_role("heading", name="Audit trail entries made by them")).to_be_visible()
    shot("everything held about them")
    with page.expect_download() as downloading:
        main.get_by_role("link", name="Download as JSON").click()
    download = downloading.value
    assert download.suggested_filename == f"personal-data-{member.pk}.json"
    export = json.loads(Path(download.path()).read_text())
    assert export["email"] == LOGINS["panel"]
    labels = [section["label"] for section in export["sections"]]
    assert "Account" in labels and "Audit trail entries made by them" in labels
    assert audited(page) == []

    main.get_by_role("link", name="Erase Priya Shah").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Erase Priya Shah")
    assert audited(page) == []
    page.get_by_role("button", name="Erase their personal data").click()
    summary = page.get_by_role("alert").filter(has_text="There is a problem")
    expect(summary).to_contain_text("Enter why this person's data is being erased")
    expect(summary).to_contain_text("Confirm that you understand this cannot be undone")
    # The error summary takes the focus, as GOV.UK designs it: axe alone here.
    assert blocking_violations(page) == []
    shot("the erasure sent empty")
    page.get_by_label("Why is this person's data being erased?").fill(REASON)
    page.get_by_label(re.compile("cannot be undone")).check()
    shot("the erasure confirmed")
    page.get_by_role("button", name="Erase their personal data").click()

    expect(page.get_by_role("alert")).to_contain_text("Personal data erased: the account is now")
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_have_text(re.compile(r"^Everything held about Person [0-9a-f]{10}$"))
    expect(page.get_by_role("main")).not_to_contain_text("Shah")
    expect(page.get_by_role("link", name=re.compile("^Erase"))).to_have_count(0)
    shot("the person erased")

    # The audit trail keeps every row the person made, now under the pseudonym.
    assert (
        list(StateLog.objects.filter(by=member).order_by("pk").values_list("pk", "transition"))
        == trail
    )
    erasure = StateLog.objects.get(transition="personal_data_erased", object_id=member.pk)
    assert erasure.description == f"Personal data erased: {REASON}"
    assert erasure.by.email == ADMINISTRATOR

    # The privacy page, from the footer, states the periods.
    page.get_by_role("contentinfo").get_by_role("link", name="Privacy").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy")
    expect(page.get_by_role("main")).to_contain_text("2 years after the decision")
    assert audited(page) == []
    shot("the privacy page")

    # The erased person cannot sign in any more, even with their password.
    page.get_by_role("button", name="Sign out").click()
    page.goto("/accounts/sign-in/")
    page.get_by_label(EMAIL_LABEL).fill(LOGINS["panel"])
    page.get_by_label("Password", exact=True).fill(DEMO_PASSWORD)
    page.get_by_role("main").get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/accounts/sign-in/"))
