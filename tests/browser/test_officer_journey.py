"""The grants officer's whole job, through the real pages, each step
screenshotted under test-output/<test name>/.

The demo applicant submits the Canal Side kitchen's draft; the grants
officer checks it is eligible and sends it to the panel; the panel scores
every submission; the officer moderates, confirms the ranking, approves it
and sends the offer; the applicant accepts; the officer approves every
payment and a second officer releases each through the GOV.UK date input;
the applicant files the monitoring return; the officer reviews it and
completes the grant.
"""

import re

from django.utils import timezone
from playwright.sync_api import expect

from grants.models import Application, Round, State
from social_value.models import Assignment, AssignmentState, CriterionKind
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in

pytestmark = BROWSER_TEST

ROUND = "Connected Communities Fund, round 2"
PROJECT = "Cook-and-share lunch club"
# The second grants officer: whoever approves a payment cannot release it.
RELEASER = "payments@ashbyvale.example"  # the finance officer


def person(browser, demo_site, email):
    """A page of its own for each person, signed in through the real form."""
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(15_000)
    page = context.new_page()
    sign_in(page, email)
    return page


def say(page, text):
    expect(page.get_by_text(text).first).to_be_visible()


def test_the_grants_officer_takes_an_application_from_eligibility_to_completion(
    page, shot, browser, demo_site
):
    def snap(on, step):
        """A numbered screenshot of whichever person's page is in front."""
        shot.page = on
        shot(step)

    round_ = Round.objects.get(title=ROUND)
    application = Application.objects.get(round=round_, project_title=PROJECT)
    today = timezone.localdate()

    # The applicant finishes the draft and submits it.
    sign_in(page, LOGINS["applicant"])
    page.goto(f"/grants/applications/{application.pk}/edit/")
    page.get_by_label("How do the people you work with shape it?").fill(
        "The people who come to lunch choose the menu and cook it with us."
    )
    page.get_by_role("button", name=re.compile(r"^Save and check")).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
    snap(page, "applicant checks the answers")
    page.get_by_role("main").get_by_role("button", name=re.compile("submit", re.I)).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Application submitted")
    snap(page, "applicant submitted")
    applicant = page

    # The officer starts from the staff home: eligibility checks to do.
    officer = person(browser, demo_site, LOGINS["grants officer"])
    officer.goto("/admin/")
    officer.get_by_role("link", name=re.compile(r"^\d+ eligibility checks to do")).click()
    snap(officer, "eligibility checks to do")
    officer.get_by_role("link", name=re.compile(re.escape(PROJECT))).click()
    officer.get_by_role("button", name="Eligible: assess it").click()
    say(officer, "Marked eligible.")
    snap(officer, "marked eligible")
    officer.get_by_role("button", name="Send to the panel").click()
    say(officer, "Sent to the panel.")
    snap(officer, "sent to the panel")

    # Its scorers, from the round's panel page.
    officer.goto(f"/grants/manage/rounds/{round_.pk}/")
    officer.get_by_role("link", name="Panel scoring").click()
    officer.get_by_role("button", name=re.compile(r"^Assign \d+ scorers")).click()
    snap(officer, "scorers assigned")

    # Every scorer scores everything still open: 3 for each criterion.
    criteria = [
        c for c in round_.call.criteria.order_by("sort_order") if c.kind == CriterionKind.SCORED
    ]
    outstanding = Assignment.objects.filter(submission__call=round_.call).exclude(
        state=AssignmentState.SUBMITTED
    )
    for email in sorted(set(outstanding.values_list("member__user__email", flat=True))):
        scorer = officer if email == LOGINS["grants officer"] else person(browser, demo_site, email)
        for assignment in outstanding.filter(member__user__email=email).select_related(
            "submission"
        ):
            scorer.goto("/scoring/panel/")
            scorer.get_by_role("main").get_by_role(
                "link", name=re.compile(re.escape(assignment.submission.title))
            ).click()
            if assignment.state == AssignmentState.AWAITING_DECLARATION:
                scorer.get_by_label("No, I have no conflict of interest").check()
                scorer.get_by_role("button", name="Save my declaration").click()
            for index, criterion in enumerate(criteria):
                scorer.get_by_role("radio", name=re.compile(r"^3\b")).nth(index).check()
                scorer.get_by_role("textbox", name=re.compile(re.escape(criterion.title))).fill(
                    "Scored 3: a sound plan with local backing."
                )
            scorer.get_by_role("button", name="Submit my scores").click()
            say(scorer, "Your scores are submitted")
        if scorer is not officer:
            scorer.context.close()
    assert not outstanding.exists()

    # Moderation: one form per submission; the panel agreed everywhere.
    officer.goto(f"/scoring/calls/{round_.call_id}/")
    officer.get_by_role("button", name="Open moderation").click()
    snap(officer, "moderation sheet")
    for submission in round_.call.submissions.order_by("reference"):
        section = officer.get_by_role(
            "region", name=re.compile(rf"^{re.escape(submission.reference)}:")
        )
        section.get_by_label("Gateway result").select_option(label="Passes")
        section.get_by_label("Rationale").first.fill("Safeguarding policy seen.")
        section.get_by_role("button", name=re.compile("^Accept the agreed scores")).click()
        say(officer, f"Recorded {len(criteria) + 1} moderated scores for {submission.reference}.")
    snap(officer, "moderated")
    officer.get_by_role("button", name="See the ranking").or_(
        officer.get_by_role("link", name="See the ranking")
    ).click()
    officer.get_by_role("button", name="Confirm this ranking").click()
    say(officer, "The ranking is confirmed.")
    snap(officer, "ranking confirmed")

    # The decision, from the staff home's "decisions due".
    officer.goto("/admin/")
    officer.get_by_role("link", name=re.compile(r"^\d+ decisions due")).click()
    officer.get_by_role("link", name=re.compile(re.escape(PROJECT))).click()
    officer.goto(f"/grants/manage/rounds/{round_.pk}/decisions/")
    reference = application.reference
    officer.get_by_label(f"Decision for {reference}").select_option(label="Approve")
    officer.get_by_label(f"Reason for {reference}").fill("Strong local need, well led.")
    snap(officer, "decision")
    officer.get_by_role("button", name="Record these decisions").click()
    say(officer, "1 decisions recorded.")
    snap(officer, "decision recorded")

    # The offer: two payments of £3,000 and one monitoring return.
    officer.goto(f"/grants/manage/applications/{application.pk}/")
    starts = officer.get_by_role("group", name="Grant starts on")
    starts.get_by_label("Day").fill(str(today.day))
    starts.get_by_label("Month").fill(str(today.month))
    starts.get_by_label("Year").fill(str(today.year))
    ends = officer.get_by_role("group", name="Grant ends on")
    ends.get_by_label("Day").fill("28")
    ends.get_by_label("Month").fill("2")
    ends.get_by_label("Year").fill(str(today.year + 1))
    officer.get_by_label("Payments").fill(f"{today:%d/%m/%Y}, 3000\n1/9/{today.year + 1}, 3000")
    officer.get_by_label("Monitoring returns due").fill(f"1/1/{today.year + 1}")
    snap(officer, "the offer")
    officer.get_by_role("button", name="Send the offer").click()
    say(officer, "The offer is sent.")

    # The applicant reads the schedule before accepting.
    applicant.goto(f"/grants/applications/{application.pk}/")
    say(applicant, "£3,000 on 1 September")
    applicant.get_by_label("Your full name").fill("Ali Hassan")
    snap(applicant, "the offer, with its payment dates")
    applicant.get_by_role("button", name="Accept the offer").click()
    expect(applicant.get_by_text("Accepted by Ali Hassan").first).to_be_visible()
    snap(applicant, "offer accepted")

    # The officer approves both payments; the finance team releases them.
    officer.goto(f"/grants/manage/applications/{application.pk}/")
    for _ in (1, 2):
        officer.get_by_role("button", name=re.compile("^Approve payment")).first.click()
        say(officer, "Payment approved. The finance team releases it.")
    expect(officer.get_by_role("button", name=re.compile("^Record as paid"))).to_have_count(0)
    snap(officer, "payments approved")

    # The finance officer releases each, then records it paid, typed in the
    # GOV.UK date input.
    releaser = person(browser, demo_site, RELEASER)
    for _ in (1, 2):
        releaser.goto("/finance/payments/")
        row = releaser.get_by_role("row").filter(has_text=application.reference)
        row.get_by_role("button", name=re.compile("^Release")).first.click()
        say(releaser, "released.")
    releaser.goto("/finance/payments/")
    for number in (1, 2):
        card = releaser.locator("form.app-card").filter(has_text=application.reference).first
        paid = card.get_by_role("group", name="Paid on")
        paid.get_by_label("Day").fill(str(today.day))
        paid.get_by_label("Month").fill(str(today.month))
        paid.get_by_label("Year").fill(str(today.year))
        card.get_by_label("Payment reference").fill(f"BACS-CANAL-{number}")
        snap(releaser, f"payment {number}")
        card.get_by_role("button", name=re.compile("^Record as paid")).click()
        say(releaser, "recorded paid.")
    snap(releaser, "every payment recorded")
    releaser.context.close()

    # The applicant files the return.
    applicant.goto(f"/grants/applications/{application.pk}/")
    applicant.get_by_role("link", name=re.compile("^File this return")).first.click()
    applicant.get_by_label("What happened").fill("Forty lunches, cooked by twelve volunteers.")
    applicant.get_by_label("Spent so far (£)").fill("2,750")
    applicant.get_by_label("What changed for people").fill("Neighbours who never met now cook.")
    applicant.get_by_label(re.compile("^How many people were helped")).fill("55")
    for delivered in applicant.get_by_label(re.compile("delivered this period")).all():
        delivered.fill("10")
    for evidence in applicant.get_by_label(re.compile("^Evidence for")).all():
        evidence.fill("The sign-in sheets.")
    snap(applicant, "monitoring return")
    applicant.get_by_role("button", name="Send the return").click()
    expect(applicant.get_by_role("heading", level=1)).to_contain_text(PROJECT)
    snap(applicant, "return sent")

    # The officer reviews it and completes the grant.
    officer.goto(f"/grants/manage/applications/{application.pk}/")
    officer.get_by_text(re.compile("^The return due")).first.click()
    say(officer, "Forty lunches, cooked by twelve volunteers.")
    officer.get_by_role("button", name=re.compile("^Mark as reviewed")).click()
    say(officer, "The return is marked as reviewed.")
    officer.get_by_role("button", name="Mark the grant complete").click()
    say(officer, "The grant is complete.")
    snap(officer, "grant complete")

    application.refresh_from_db()
    assert application.state == State.COMPLETED
    payments = list(application.award.payments.order_by("due_on"))
    assert [(p.paid_on, p.reference) for p in payments] == [
        (today, "BACS-CANAL-1"),
        (today, "BACS-CANAL-2"),
    ]
    assert {(p.approved_by.email, p.marked_paid_by.email) for p in payments} == {
        (LOGINS["grants officer"], RELEASER)
    }
    assert application.award.returns.get().reviewed_at is not None
