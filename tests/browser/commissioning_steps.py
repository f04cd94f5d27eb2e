"""Steps of the commissioning journeys that more than one test takes: a
brand-new commission set up through every task on its task list."""

import re

from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from commissioning.models import Commission
from tests.browser.conftest import LOGINS, WIDE, link_or_button
from tests.browser.test_accessibility import audit


def person(browser, demo_site):
    """A browser of their own for each person in the journey."""
    context = browser.new_context(
        base_url=demo_site, viewport=WIDE, locale="en-GB", timezone_id="Europe/London"
    )
    context.set_default_timeout(15_000)
    return context.new_page()


def checked(page, what: str, problems: dict, *, after_form: bool = False) -> None:
    found = audit(page, skip_link=not after_form)
    if found:
        problems[what] = found


def fill_date(page, legend: str, day: int, month: int, year: int) -> None:
    group = page.get_by_role("group", name=legend)
    group.get_by_label("Day").fill(str(day))
    group.get_by_label("Month").fill(str(month))
    group.get_by_label("Year").fill(str(year))


def task_status(page, task: str):
    return page.get_by_role("listitem").filter(has=page.get_by_role("link", name=task, exact=True))


def criterion_fill(page, number: int, title: str, kind: str, weight: str, social=False):
    row = page.get_by_role("group", name=f"Criterion {number}")
    row.get_by_label("Criterion", exact=True).fill(title)
    row.get_by_label("How it is judged").select_option(label=kind)
    row.get_by_label("Weight (%)").fill(weight)
    if social:
        row.get_by_label("It assesses social value").check()


def set_up_every_task(page, shot, problems) -> Commission:
    """The commissioner's part: a brand-new commission through every task
    on the task list, each on its own page."""
    page.goto(reverse("commissioning-pipeline"))
    page.get_by_role("button", name="Start a new commission").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start a new commission")
    page.wait_for_load_state()
    checked(page, "a new commission", problems)
    page.get_by_label("Title").fill("Befriending in Millfield")
    page.get_by_label("The need").fill("Older people living alone want company, not a rota.")
    page.get_by_label("Millfield").check()
    shot("a new commission")
    page.get_by_role("button", name="Create the commission").click()
    expect(page.get_by_text("The commission is created. Now set it up.")).to_be_visible()
    commission = Commission.objects.get(title="Befriending in Millfield")
    assert commission.created_by.email == LOGINS["commissioner"]
    expect(task_status(page, "Options appraisal")).to_contain_text("Not started")
    expect(task_status(page, "Approval")).to_contain_text("Cannot start yet")
    checked(page, "a commission with no appraisal", problems, after_form=True)
    shot("the task list of a new commission")

    page.get_by_role("link", name="Options appraisal", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Options appraisal")
    page.wait_for_load_state()
    checked(page, "the options appraisal task", problems)
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
    expect(task_status(page, "Options appraisal")).to_contain_text("Completed")
    shot("the appraisal recorded")

    page.get_by_role("link", name="Tender details and procedure", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Tender details and procedure")
    page.wait_for_load_state()
    checked(page, "the tender details task", problems)
    page.get_by_label("Tender title").fill("Befriending in Millfield")
    page.get_by_label("What is being bought").fill(
        "Regular visits and company for older people living alone."
    )
    page.get_by_label("Estimated value (£)").fill("£120,000")
    page.get_by_label("Open procedure").check()
    year = timezone.localdate().year + 1
    fill_date(page, "Last day for questions", 1, 3, year)
    page.get_by_label("Time questions close").fill("12:00")
    fill_date(page, "Closing date for bids", 15, 3, year)
    page.get_by_label("Time bids close").fill("5pm")
    fill_date(page, "Expected award", 30, 4, year)
    fill_date(page, "Contract starts", 1, 6, year)
    fill_date(page, "Contract ends", 31, 5, year + 3)
    shot("the tender's details")
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("The tender's details are saved.")).to_be_visible()

    page.get_by_role("link", name="Scoring criteria and weights", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Scoring criteria and weights")
    page.wait_for_load_state()
    page.get_by_label("The panel that scores the bids").select_option(
        label="Connected Communities panel"
    )
    criterion_fill(page, 1, "Method", "Scored", "65")
    criterion_fill(page, 2, "Social value", "Scored", "5", social=True)
    criterion_fill(page, 3, "Price", "Price", "30")
    # Checked as the weights are typed, before anything is sent.
    expect(page.get_by_text("Social value carries 5%; a tender needs at least 10%")).to_be_visible()
    shot("social value below the floor as typed")
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_role("alert")).to_contain_text(
        "Social value carries 5% of the weight; a tender needs at least 10% (PPN 06/20)."
    )
    expect(page.get_by_text("There is a problem")).to_have_count(1)
    checked(page, "criteria refused below the social value floor", problems, after_form=True)
    criterion_fill(page, 1, "Method", "Scored", "50")
    criterion_fill(page, 2, "Social value", "Scored", "20")
    expect(
        page.get_by_text("The weights add up to 100 and social value carries 20%.")
    ).to_be_visible()
    page.get_by_role("button", name="Save and return to the task list").click()
    expect(page.get_by_text("The criteria and weights are saved.")).to_be_visible()
    expect(task_status(page, "Scoring criteria and weights")).to_contain_text("Completed")

    page.get_by_role("link", name="Lots", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Lots")
    page.wait_for_load_state()
    checked(page, "the lots task", problems)
    page.get_by_label("Lot title").fill("Millfield")
    page.get_by_label("Estimated value of the lot (£)").fill("120000")
    page.get_by_role("button", name="Add the lot").click()
    expect(page.get_by_role("term").filter(has_text="Lot 1: Millfield")).to_be_visible()
    page.get_by_role("link", name="Return to the task list").click()

    page.get_by_role("link", name="Bid questions", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Bid questions")
    page.wait_for_load_state()
    expect(page.get_by_text("Add a bid question for “Method”")).to_be_visible()
    checked(page, "the bid questions task", problems)
    page.get_by_label("The question", exact=True).fill("How will visitors be matched?")
    page.get_by_label("A long answer").check()
    page.get_by_label("Which criterion it is scored under").select_option(label="Method")
    page.get_by_label("Word limit").fill("500")
    page.get_by_role("button", name="Add the question").click()
    expect(page.get_by_text("Scored under “Method”.")).to_be_visible()
    expect(page.get_by_text("Add a bid question for “Method”")).to_have_count(0)
    shot("a question for the scored criterion")
    page.get_by_role("link", name="Return to the task list").click()

    page.get_by_role("link", name="Documents", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Documents")
    page.wait_for_load_state()
    checked(page, "the documents task", problems)
    page.get_by_label("Document title").fill("Specification")
    page.get_by_label("Upload a file").set_input_files(
        {"name": "specification.pdf", "mimeType": "application/pdf", "buffer": SPEC}
    )
    page.get_by_role("button", name="Upload the document").click()
    expect(page.get_by_role("term").filter(has_text="Specification")).to_be_visible()
    page.get_by_role("link", name="Return to the task list").click()

    for task in [
        "The need and neighbourhoods",
        "Options appraisal",
        "Tender details and procedure",
        "Scoring criteria and weights",
        "Lots",
        "Bid questions",
        "Documents",
    ]:
        expect(task_status(page, task)).to_contain_text("Completed")
    expect(task_status(page, "Approval")).to_contain_text("Not started")
    shot("every task complete")
    return commission


SPEC = b"%PDF-1.4\n% The specification: weekly visits to older people living alone.\n%%EOF\n"


def approved_and_published(page, approver, tender, problems) -> None:
    """Sent for approval by its author; approved and published by another."""
    page.get_by_role("link", name="Approval", exact=True).click()
    page.get_by_role("button", name="Send for approval").click()
    expect(page.get_by_text("Sent for approval: another commissioner approves it.")).to_be_visible()
    approver.goto(reverse("tender-manage", args=[tender.pk]))
    approver.get_by_label("Why you approve it").fill("Appraisal, criteria and lot fit the need.")
    approver.get_by_role("button", name="Approve", exact=True).click()
    expect(approver.get_by_text("Approved.", exact=True)).to_be_visible()
    approver.get_by_role("button", name="Publish").click()
    expect(approver.get_by_text("Published.", exact=True)).to_be_visible()


def bid_made(page, shot, problems, *, who: str, answer: str, price: str) -> None:
    """A bidder finds the call, prepares a bid for its lot, answers, prices,
    promises social value, checks and submits it."""
    page.goto("/calls/")
    page.get_by_role("link", name="Befriending in Millfield").click()
    link_or_button(page.get_by_role("main"), "Register interest and bid").click()
    page.get_by_role("button", name="Prepare a bid for Lot 1: Millfield").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Your bid for Lot 1: Millfield")
    page.wait_for_load_state()
    checked(page, f"{who}'s bid being written", problems)
    page.get_by_label("How will visitors be matched?").fill(answer)
    page.get_by_label("Your price for this lot (£)").fill(price)
    # A social value promise: a measure, counted in its unit.
    promise = page.get_by_label(re.compile(r"^(?!Your price).*\)$")).first
    promise.fill("12")
    shot(f"{who}'s bid written")
    page.get_by_role("button", name="Save and check your bid").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your bid before submitting it")
    checked(page, f"{who}'s bid checked", problems, after_form=True)
    page.get_by_role("button", name="Accept and submit").click()
    page.wait_for_load_state()
    checked(page, f"{who}'s bid submitted", problems, after_form=True)
    shot(f"{who}'s bid submitted")
    # The bid as sent, with its receipt, kept as a PDF.
    page.get_by_role("link", name="See your bid").click()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download your bid as submitted (PDF)").click()
    assert download.value.suggested_filename.startswith("bid-")
    assert download.value.suggested_filename.endswith(".pdf")


def scored_by_panel(panel, shot, problems, assignment, *, best: bool) -> None:
    """A panel member declares no conflict, then scores every criterion:
    the top of the scale for the better bid, the bottom for the other."""
    panel.goto(reverse("panel-dashboard"))
    panel.get_by_role("link", name=assignment.submission.reference).click()
    panel.get_by_label("No, I have no conflict of interest").check()
    panel.get_by_role("button", name="Save my declaration").click()
    panel.wait_for_load_state()
    checked(panel, "a bid read by the panel", problems, after_form=True)
    for group in panel.get_by_role("group", name="Your score for").all():
        options = group.get_by_role("radio")
        (options.last if best else options.first).check()
        expect(group.get_by_role("radio", checked=True)).to_have_count(1)
    for comment in panel.get_by_label("Why you gave this score").all():
        comment.fill("Clear, local and costed." if best else "Thin on how people are matched.")
    panel.get_by_role("button", name="Submit my scores").click()
    expect(panel.get_by_text("Your scores are submitted and locked.")).to_be_visible()
    shot(f"scored {assignment.submission.reference}")
