"""A commissioner starts a brand-new commission, completes every task on
its task list, each on its own page, and sends its tender for approval; a
second commissioner approves and publishes it; the public finds it on
"Calls for partners" at once, on a page made from the record. Screenshots
of each step; every page of ours on the way passes axe."""

import re
from datetime import datetime, timedelta

import time_machine
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog
from playwright.sync_api import expect

from commissioning.models import Tender
from commissioning.tasks import tenders_close
from social_value.models import Assignment, Commitment
from tests.browser.commissioning_steps import (
    approved_and_published,
    bid_made,
    checked,
    person,
    scored_by_panel,
    set_up_every_task,
)
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, link_or_button, sign_in

pytestmark = BROWSER_TEST
APPROVER = "approver@ashbyvale.example"


def test_a_new_commission_is_approved_by_another_and_published(browser, page, demo_site, shot):
    problems = {}
    sign_in(page, LOGINS["commissioner"])

    commission = set_up_every_task(page, shot, problems)
    tender = Tender.objects.get(commission=commission)
    page.get_by_role("link", name="Approval", exact=True).click()
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_text("Sent for approval: another commissioner approves it.")).to_be_visible()
    expect(
        page.get_by_text("You sent this tender for approval, so another commissioner approves it.")
    ).to_be_visible()
    expect(page.get_by_role("button", name="Approve", exact=True)).to_have_count(0)
    checked(page, "a tender awaiting approval, seen by its sender", problems, after_form=True)
    shot("sent for approval")

    # The second commissioner approves it, with the reason, and publishes it.
    approver_context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    approver = approver_context.new_page()
    sign_in(approver, APPROVER)
    approver.goto(reverse("tender-manage", args=[tender.pk]))
    checked(approver, "a tender awaiting approval, seen by the approver", problems)
    approver.get_by_label("Why you approve it").fill("Appraisal, criteria and lot fit the need.")
    approver.get_by_role("button", name="Approve", exact=True).click()
    expect(approver.get_by_text("Approved.", exact=True)).to_be_visible()
    approver.get_by_role("button", name="Publish").click()
    expect(approver.get_by_text("Published.", exact=True)).to_be_visible()
    timeline = approver.get_by_role("region", name="Timeline")
    expect(timeline).to_contain_text("Approved: Appraisal, criteria and lot fit the need.")
    expect(timeline).to_contain_text("Nia Evans")
    approver.screenshot(path=shot.folder / "04-approved-and-published.png", full_page=True)
    approver_context.close()
    assert StateLog.objects.get(transition="approve", object_id=tender.pk).by.email == APPROVER

    # The public finds it at once, with no page made by hand.
    public_context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    public = public_context.new_page()
    public.goto("/calls/")
    public.get_by_role("link", name="Befriending in Millfield").click()
    expect(public.get_by_role("heading", level=1)).to_have_text("Befriending in Millfield")
    expect(public.get_by_text("Estimated contract value £120,000")).to_be_visible()
    checked(public, "a call's page made from its record", problems)
    public.screenshot(path=shot.folder / "05-on-calls-for-partners.png", full_page=True)
    public_context.close()

    assert not problems, "\n".join(
        f"{what}\n" + "\n".join(f"    - {problem}" for problem in found)
        for what, found in problems.items()
    )


QUESTION = "Can volunteers who drive claim mileage within the price?"
ANSWER = "Yes: price mileage at 45p a mile within your total."


def test_a_new_commission_goes_from_clarification_to_contract(browser, page, demo_site, shot):
    problems = {}
    sign_in(page, LOGINS["commissioner"])
    commission = set_up_every_task(page, shot, problems)
    tender = Tender.objects.get(commission=commission)
    approver = person(browser, demo_site)
    sign_in(approver, APPROVER)
    approved_and_published(page, approver, tender, problems)

    # A bidder asks a question; the commissioner answers it for everyone.
    first = person(browser, demo_site)
    sign_in(first, LOGINS["applicant"])
    first.goto("/calls/")
    first.get_by_role("link", name="Befriending in Millfield").click()
    link_or_button(first.get_by_role("main"), "Register interest and bid").click()
    first.get_by_label("Ask a question").fill(QUESTION)
    first.get_by_role("button", name="Send the question").click()
    first.wait_for_load_state()
    checked(first, "a clarification asked", problems, after_form=True)
    page.goto(reverse("tender-manage", args=[tender.pk]))
    page.get_by_label("Question as published (without who asked)").fill(QUESTION)
    page.get_by_label("Answer", exact=True).fill(ANSWER)
    page.get_by_role("button", name="Publish to every interested bidder").click()
    expect(page.get_by_text("Published to every interested bidder.")).to_be_visible()
    checked(page, "a clarification published", problems, after_form=True)
    shot("the clarification published")

    # Another organisation reads it, then both bid.
    second = person(browser, demo_site)
    sign_in(second, LOGINS["second bidder"])
    second.goto("/calls/")
    second.get_by_role("link", name="Befriending in Millfield").click()
    link_or_button(second.get_by_role("main"), "Register interest and bid").click()
    expect(second.get_by_role("main")).to_contain_text(ANSWER)
    expect(second.get_by_role("main")).not_to_contain_text("Canal Side")
    bid_made(second, shot, problems, who="Northgate Neighbours", answer=MATCHING[0], price="96000")
    bid_made(first, shot, problems, who="Canal Side", answer=MATCHING[1], price="110000")

    # Nobody acts: at the deadline the sweep closes the tender.
    closes = timezone.make_aware(datetime(timezone.localdate().year + 1, 3, 15, 17, 1))
    with time_machine.travel(closes, tick=True):
        assert tender.pk in tenders_close()
        # Months on, everyone signs in again.
        for someone, email in [
            (page, LOGINS["commissioner"]),
            (first, LOGINS["applicant"]),
            (second, LOGINS["second bidder"]),
        ]:
            sign_in(someone, email)
        page.goto(reverse("tender-manage", args=[tender.pk]))
        expect(page.get_by_role("region", name="Timeline")).to_contain_text(
            "Closed at the submission deadline"
        )
        page.get_by_role("button", name="Open the bids").click()
        expect(page.get_by_text("The bids are opened.")).to_be_visible()
        checked(page, "the bids opened", problems, after_form=True)
        shot("the bids opened")
        for _ in range(2):
            page.get_by_role("button", name=re.compile("^Compliant")).first.click()
            page.wait_for_load_state()
        expect(page.get_by_role("button", name=re.compile("^Compliant"))).to_have_count(0)
        shot("both bids compliant")

        # The panel scores them, one person to a browser.
        page.get_by_role("button", name="Panel scoring").click()
        page.get_by_role("button", name="Open scoring").click()
        page.get_by_role("button", name=re.compile("^Assign")).click()
        page.wait_for_load_state()
        checked(page, "the panel's scoring opened", problems, after_form=True)
        shot("scorers assigned")
        for assignment in Assignment.objects.filter(submission__call=tender.call).select_related(
            "member__user", "submission__organisation"
        ):
            panel = person(browser, demo_site)
            sign_in(panel, assignment.member.user.email)
            best = assignment.submission.organisation.name == "Northgate Neighbours"
            scored_by_panel(panel, shot, problems, assignment, best=best)
            panel.context.close()

        # Moderation, one submission at a time, agrees the panel's scores.
        page.get_by_role("button", name="Open moderation").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Moderation sheet")
        checked(page, "the moderation sheet", problems, after_form=True)
        for _ in range(2):
            page.get_by_role("button", name=re.compile("^Accept the agreed scores")).click()
            page.wait_for_load_state()
        shot("moderated")
        page.goto(reverse("tender-manage", args=[tender.pk]))
        page.get_by_role("button", name="Record moderation").click()
        expect(page.get_by_text("Moderation recorded.")).to_be_visible()
        page.get_by_label("Reason for Lot 1: Millfield").fill(AWARD_REASON)
        page.get_by_role("button", name="Make the intended award and start standstill").click()
        expect(
            page.get_by_text("Intended award made; bidders are told and standstill has started.")
        ).to_be_visible()
        checked(page, "standstill", problems, after_form=True)
        shot("the intended award")

        # Both bidders find their standstill letter in their portal.
        for bidder in (first, second):
            bidder.goto("/portal/")
            bidder.get_by_role("link", name=re.compile("letter", re.IGNORECASE)).first.click()
            expect(bidder.get_by_role("main")).to_contain_text(AWARD_REASON)
            checked(bidder, "a standstill letter", problems)
            bidder.screenshot(path=shot.folder / f"standstill-letter-{bidder is first}.png")

    # Standstill passes unchallenged; another commissioner confirms the award.
    with time_machine.travel(closes + timedelta(days=21), tick=True):
        sign_in(approver, APPROVER)
        approver.goto(reverse("tender-manage", args=[tender.pk]))
        approver.get_by_role("button", name="Award and record contracts").click()
        expect(approver.get_by_text("Awarded; contracts recorded.")).to_be_visible()
        approver.get_by_role("button", name="Contract: Lot 1: Millfield").click()
        approver.get_by_label("What is measured").fill("Older people visited every week")
        approver.get_by_label("Target").fill("120")
        approver.get_by_label("Counted in").fill("people")
        approver.get_by_role("button", name="Add the indicator").click()
        main = approver.get_by_role("main")
        expect(main).to_contain_text("Northgate Neighbours")
        expect(main).to_contain_text("£96,000")
        expect(main).to_contain_text(f"1 June {closes.year}")
        expect(main).to_contain_text(f"31 May {closes.year + 3}")
        indicator = main.get_by_role("row").filter(has_text="Older people visited every week")
        expect(indicator).to_contain_text("120 people")
        # The winner's social value promise, 12 of its measure, carried over.
        promise = Commitment.objects.get(
            submission__call=tender.call, submission__organisation__name="Northgate Neighbours"
        )
        carried = main.get_by_role("row").filter(has_text=promise.measure.name)
        expect(carried.get_by_role("cell").first).to_contain_text(re.compile(r"^\s*12 "))
        checked(approver, "the contract", problems, after_form=True)
        approver.screenshot(path=shot.folder / "contract.png", full_page=True)

    assert not problems, "\n".join(
        f"{what}\n" + "\n".join(f"    - {problem}" for problem in found)
        for what, found in problems.items()
    )


AWARD_REASON = "Highest score on method and social value, at the lower price."
MATCHING = [
    "Neighbours who already visit are matched by street, and meet the person first.",
    "The lunch club introduces each person to a volunteer they have eaten with.",
]
