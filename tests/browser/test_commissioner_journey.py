"""A commissioner starts a brand-new commission, records its options
appraisal and sends its tender for approval; a second commissioner approves
and publishes it; the public finds it on "Calls for partners" at once, on a
page made from the record. Screenshots of each step; every page of ours on
the way passes axe."""

import re
from datetime import date, timedelta
from decimal import Decimal

from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog
from playwright.sync_api import expect

from commissioning.models import Commission, Lot, Tender
from social_value.models import Call, CallKind, Criterion, CriterionKind, Framework, Panel
from tests.browser.conftest import BROWSER_TEST, LOGINS, WIDE, sign_in
from tests.browser.test_accessibility import audit

pytestmark = BROWSER_TEST
APPROVER = "approver@ashbyvale.example"


def checked(page, what: str, problems: dict, *, after_form: bool = False) -> None:
    found = audit(page, skip_link=not after_form)
    if found:
        problems[what] = found


def tender_for(commission: Commission) -> Tender:
    """The tender's details, criteria and lots as set up in the admin
    screens (Wagtail's own pages, not ours to drive here)."""
    call = Call.objects.create(
        title="Befriending: scoring",
        kind=CallKind.TENDER,
        framework=Framework.objects.filter(state="published").first(),
        panel=Panel.objects.first(),
    )
    for order, (kind, title, weight, social) in enumerate(
        [
            (CriterionKind.SCORED, "Method", 50, False),
            (CriterionKind.SCORED, "Social value", 20, True),
            (CriterionKind.PRICE, "Price", 30, False),
        ]
    ):
        Criterion.objects.create(
            call=call,
            kind=kind,
            title=title,
            weight=Decimal(weight),
            is_social_value=social,
            sort_order=order,
        )
    deadline = timezone.now() + timedelta(days=30)
    tender = Tender.objects.create(
        commission=commission,
        title="Befriending in Millfield",
        description="Regular visits and company for older people living alone.",
        estimated_value=Decimal(120000),
        procedure="open",
        clarification_deadline=deadline - timedelta(days=7),
        submission_deadline=deadline,
        expected_award=(deadline + timedelta(days=30)).date(),
        contract_starts=date(2027, 4, 1),
        contract_ends=date(2029, 3, 31),
        call=call,
        questions=[
            (
                "long_text",
                {"label": "Method statement", "help_text": "", "required": True},
            )
        ],
    )
    Lot.objects.create(tender=tender, number=1, title="Millfield", estimated_value=120000)
    return tender


def test_a_new_commission_is_approved_by_another_and_published(browser, page, demo_site, shot):
    problems = {}
    sign_in(page, LOGINS["commissioner"])

    # A new commission in the admin: no "Created by" to choose.
    page.goto(reverse("commission:add"))
    expect(page.get_by_label("Created by")).to_have_count(0)
    page.get_by_label("Title").fill("Befriending in Millfield")
    page.get_by_label("Need").fill("Older people living alone want company, not a rota.")
    shot("a new commission")
    page.get_by_role("button", name=re.compile("^(Create|Save)")).first.click()
    expect(page.get_by_text("Befriending in Millfield").first).to_be_visible()
    commission = Commission.objects.get(title="Befriending in Millfield")

    # Its page answers before any appraisal, and takes one.
    page.goto(reverse("commission-detail", args=[commission.pk]))
    expect(page.get_by_text("Not recorded yet.")).to_be_visible()
    checked(page, "a commission with no appraisal", problems)
    page.get_by_label("Community assets already there").fill("A lunch club and a library.")
    page.get_by_label("Could a community organisation do this better, or with us?").fill(
        "With us: the lunch club knows who is alone."
    )
    page.get_by_label("A grant").check()
    page.get_by_label("A tender").check()
    page.get_by_label("Chosen").select_option(label="A tender")
    page.get_by_label("Why").fill("Visits every week for three years need a contract.")
    page.get_by_role("button", name="Record the appraisal").click()
    expect(page.get_by_text("The options appraisal is recorded.")).to_be_visible()
    shot("the appraisal recorded")

    tender = tender_for(commission)
    page.goto(reverse("tender-manage", args=[tender.pk]))
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
