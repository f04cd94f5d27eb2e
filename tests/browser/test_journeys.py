"""Whole journeys through the demo site, in a real browser, each step
screenshotted under test-output/<test name>/.

1. Someone new signs up, registers their group, finds the open grant round
   from the home page, saves a draft, comes back to it, checks their
   answers and submits.
2. A panel member declares no conflict and scores a bid with reasons.
3. The same scoring done with the keyboard alone, the focus always visible.
"""

import re
from urllib.parse import urlsplit

import pytest
from django.core import mail
from django.urls import reverse
from playwright.sync_api import expect

from grants.models import Application, Round, State
from social_value.models import Assignment, AssignmentState, CriterionKind
from tests.browser.conftest import BROWSER_TEST, EMAIL_LABEL, LOGINS, link_or_button, sign_in

pytestmark = BROWSER_TEST

OPEN_ROUND = "Connected Communities Fund, round 2"
PASSWORD = "a long and memorable passphrase"
GROUP = "Riverside Repair Café"
PROJECT = "Fix it together on Saturdays"


def test_a_new_group_finds_the_open_call_from_the_home_page_and_applies(page, shot):
    email = "sam.okoro@riverside.example"
    page.goto("/accounts/sign-up/")
    page.get_by_label(EMAIL_LABEL).fill(email)
    page.get_by_label("First name").fill("Sam")
    page.get_by_label("Last name").fill("Okoro")
    page.get_by_label("Password", exact=True).fill(PASSWORD)
    page.get_by_label(re.compile(r"^(Password confirmation|Confirm (your )?password)")).fill(
        PASSWORD
    )
    shot("sign up")
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^Create")).click()
    expect(page.get_by_role("heading", name="Check your e-mail")).to_be_visible()
    shot("check your e-mail")
    # The live server is this process: its e-mail lands in the test outbox.
    (confirmation,) = [message for message in mail.outbox if email in message.to]
    link = re.search(r"https?://\S+/accounts/confirm/\S+", confirmation.body).group(0)
    # It names the configured site address; open its path on the live server.
    page.goto(urlsplit(link)._replace(scheme="", netloc="").geturl())
    expect(page.get_by_text("Your account is ready")).to_be_visible()
    shot("account ready")

    link_or_button(page.get_by_role("main"), "Register an organisation").click()
    page.get_by_label("Name", exact=True).fill(GROUP)
    legal_form = page.get_by_label("Legal form")
    if legal_form.count():
        legal_form.select_option(label="Unincorporated community group")
    else:  # the same choice as radios
        page.get_by_label("Unincorporated community group").check()
    # The group works in two neighbourhoods: both boxes can be ticked.
    page.get_by_label("Canal Side").check()
    page.get_by_label("Old Town").check()
    page.get_by_label("Volunteers").fill("12")
    page.get_by_label("Postcode").fill("av1 2ck")
    shot("register the group")
    page.get_by_role("main").get_by_role("button", name=re.compile(r"^(Save|Register)")).click()
    expect(page.get_by_text(f"{GROUP} is registered")).to_be_visible()
    expect(page.get_by_text("Canal Side, Old Town")).to_be_visible()
    shot("group registered")

    # Finding the call: from the home page, as someone arriving would.
    page.goto("/")
    expect(
        page.get_by_role("navigation").get_by_role("link", name="Calls for partners").first
    ).to_have_attribute("href", re.compile(r"/calls/$"))
    shot("home page")
    link_or_button(page.get_by_role("main"), "Find an open call").click()
    expect(page).to_have_url(re.compile(r"/calls/$"))
    shot("calls for partners")
    page.get_by_role("main").get_by_role("link", name=OPEN_ROUND, exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(OPEN_ROUND)
    shot("the open call")

    round_ = Round.objects.get(title=OPEN_ROUND)
    start = link_or_button(page.get_by_role("main"), "Start your application")
    expect(start).to_have_attribute("href", reverse("application-start", args=[round_.pk]))
    href = start.get_attribute("href")
    with page.expect_response(lambda r: urlsplit(r.url).path == href) as answer:
        start.click()
    assert answer.value.status < 400, (
        f"Start your application ({href}) answered HTTP {answer.value.status}"
    )
    page.wait_for_load_state()
    shot("after start your application")
    save_draft = page.get_by_role("button", name="Save as draft")
    if not save_draft.count():
        # A step between the call and the form: which organisation applies.
        choice = page.get_by_label(GROUP)
        if choice.count():
            choice.check()
        page.get_by_role("main").get_by_role(
            "button", name=re.compile(r"^(Start|Continue|Apply)")
        ).first.click()
    expect(save_draft).to_be_visible()

    # A first sitting: some of it, saved as a draft.
    page.get_by_label("Project title").fill(PROJECT)
    page.get_by_label(re.compile(r"^Amount asked for")).fill("2,400")
    page.get_by_label("What will you do, and with whom?").fill(
        "A monthly repair café in the Canal Side community room, run by retired engineers "
        "and the people who bring things to mend."
    )
    shot("first answers")
    save_draft.click()
    expect(page.get_by_text("Your draft is saved")).to_be_visible()
    shot("draft saved")

    # Away to the dashboard, and back by the link to the draft.
    page.get_by_role("link", name="Your dashboard").first.click()
    expect(page).to_have_url(re.compile(r"/portal/$"))
    shot("dashboard with the draft")
    page.get_by_role(
        "link", name=re.compile(f"^Finish your application: {re.escape(PROJECT)}")
    ).click()
    expect(page.get_by_label("Project title")).to_have_value(PROJECT)
    expect(page.get_by_label(re.compile(r"^Amount asked for"))).to_have_value(
        re.compile(r"^£?2,?400(\.00)?$")
    )
    expect(page.get_by_label("What will you do, and with whom?")).to_have_value(
        re.compile(r"^A monthly repair café")
    )
    shot("the draft as saved")

    page.get_by_label(re.compile(r"annual income")).fill("18,500")
    page.get_by_label("How do the people you work with shape it?").fill(
        "People who come to have things mended choose what we learn to fix next."
    )
    page.get_by_label("Arts, crafts and making").check()
    page.get_by_role("group", name=re.compile(r"^Do you have a safeguarding policy")).get_by_label(
        "Yes", exact=True
    ).check()
    page.get_by_label("Row 1: what the money is for").fill("Tools and spare parts")
    page.get_by_label("Row 1: amount in pounds").fill("1,400")
    page.get_by_label("Row 2: what the money is for").fill("Room hire for twelve sessions")
    page.get_by_label("Row 2: amount in pounds").fill("1,000")
    shot("completed")
    page.get_by_role("button", name=re.compile(r"^Save and check")).click()

    expect(page.get_by_role("heading", level=1)).to_contain_text("Check your answers")
    expect(page.get_by_text("You cannot submit yet")).to_have_count(0)
    main = page.get_by_role("main")
    for answer in (PROJECT, "£2,400", "£18,500", "Arts, crafts and making", "Total £2,400"):
        expect(main.get_by_text(answer).first).to_be_visible()
    shot("check your answers")
    main.get_by_role("button", name=re.compile(r"submit", re.IGNORECASE)).click()

    application = Application.objects.get(organisation__name=GROUP)
    expect(page.get_by_role("heading", level=1)).to_have_text("Application submitted")
    expect(main.get_by_text(application.reference)).to_be_visible()
    shot("application submitted")
    main.get_by_role("link", name=re.compile(r"your application", re.IGNORECASE)).first.click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(PROJECT)
    expect(main.get_by_text("Submitted", exact=True).first).to_be_visible()
    expect(main.get_by_text("Draft", exact=True)).to_have_count(0)
    shot("the application, submitted")

    application.refresh_from_db()
    assert application.round == round_
    assert application.state not in (State.DRAFT, State.WITHDRAWN)
    assert application.submitted_at is not None
    assert application.project_title == PROJECT
    assert application.amount_requested == 2400
    assert application.annual_income == 18500
    budget = next(q for q in round_.questions if q.block_type == "budget_table")
    assert [row["item"] for row in application.answers[str(budget.id)]] == [
        "Tools and spare parts",
        "Room hire for twelve sessions",
    ]
    assert any(
        email in message.to and application.reference in message.body for message in mail.outbox
    ), "no e-mail to the applicant confirming the submission"


def _assignment(title: str) -> Assignment:
    return Assignment.objects.select_related("submission__call").get(
        member__user__email=LOGINS["panel"],
        submission__call__title=OPEN_ROUND,
        submission__title=title,
    )


def _scored_criteria(call) -> list:
    return [c for c in call.criteria.order_by("sort_order") if c.kind == CriterionKind.SCORED]


def _recorded(assignment) -> dict:
    return {s.criterion_id: (s.score, s.comment) for s in assignment.scores.all()}


def test_a_panel_member_declares_no_conflict_and_scores_every_criterion(page, shot):
    title = "Tenants' befriending circle"
    assignment = _assignment(title)
    assert assignment.state == AssignmentState.AWAITING_DECLARATION
    criteria = _scored_criteria(assignment.submission.call)
    wanted = {
        criterion.pk: (score, f"Score {score}: {reason}")
        for criterion, score, reason in zip(
            criteria,
            (4, 3, 5),
            (
                "residents on the top floors will be visited weekly",
                "tenants run it, with the housing officer beside them",
                "forty volunteers and spending at the parade's shops",
            ),
            strict=True,
        )
    }

    sign_in(page, LOGINS["panel"])
    page.goto("/scoring/panel/")
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    shot("panel dashboard")
    page.get_by_role("main").get_by_role("link", name=re.compile(re.escape(title))).click()
    page.get_by_label("No, I have no conflict of interest").check()
    shot("declaration")
    page.get_by_role("button", name="Save my declaration").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)
    shot("submission to score")

    # Each score's radios are named by the point first ("4 – Good: …"); the
    # n-th radio for a point belongs to the n-th criterion on the page.
    for index, criterion in enumerate(criteria):
        score, comment = wanted[criterion.pk]
        page.get_by_role("radio", name=re.compile(rf"^{score}\b")).nth(index).check()
        page.get_by_role("textbox", name=re.compile(re.escape(criterion.title))).fill(comment)
    shot("scores and reasons")
    page.get_by_role("button", name="Submit my scores").click()

    expect(page.get_by_text("Your scores are submitted").first).to_be_visible()
    # Submitted scores are locked: nothing left to press.
    expect(page.get_by_role("button", name="Submit my scores")).to_have_count(0)
    for score, comment in wanted.values():
        row = page.get_by_role("row").filter(has_text=comment)
        expect(row.get_by_role("cell", name=str(score), exact=True)).to_be_visible()
    shot("scores recorded")

    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.SUBMITTED
    assert _recorded(assignment) == wanted


FOCUSED = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const transparent = colour => colour === 'transparent' || /^rgba\\(.*,\\s*0\\)$/.test(colour);
  const ring = style => {
    if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0
        && !transparent(style.outlineColor)) {
      return `outline ${style.outlineWidth} ${style.outlineStyle} ${style.outlineColor}`;
    }
    return style.boxShadow && style.boxShadow !== 'none' ? `box-shadow ${style.boxShadow}` : '';
  };
  let shown = '';
  if (parseFloat(getComputedStyle(el).opacity) > 0) {
    shown = ring(getComputedStyle(el));
  } else {
    // GOV.UK hides the real radio or checkbox and rings the circle drawn by its label.
    for (const label of el.labels || []) {
      for (const pseudo of [null, '::before', '::after']) {
        shown = shown || ring(getComputedStyle(label, pseudo));
      }
    }
  }
  return {
    tag: el.tagName.toLowerCase(),
    type: el.type || '',
    name: el.getAttribute('name') || '',
    value: el.value || '',
    checked: Boolean(el.checked),
    text: el.innerText.trim(),
    label: [...(el.labels || [])].map(label => label.innerText.trim()).join(' '),
    ring: shown,
  };
}"""


def press(page, key: str) -> dict:
    """Press a key; whatever then has the focus must show it."""
    page.keyboard.press(key)
    focused = page.evaluate(FOCUSED)
    assert focused, f"after {key}, nothing has the focus"
    assert focused["ring"], (
        f"after {key}, the focused <{focused['tag']}> "
        f"{focused['label'] or focused['text'][:60]!r} shows no focus indicator"
    )
    return focused


def tab_until(page, found, what: str, limit: int = 60) -> dict:
    for _ in range(limit):
        focused = press(page, "Tab")
        if found(focused):
            return focused
    pytest.fail(f"{limit} presses of Tab never reached {what}")


def test_scoring_with_the_keyboard_alone_always_shows_where_the_focus_is(page, shot):
    title = "Good neighbours for older residents"
    assignment = _assignment(title)
    criteria = _scored_criteria(assignment.submission.call)
    scores = dict(zip((c.pk for c in criteria), (2, 5, 3), strict=True))
    sign_in(page, LOGINS["panel"])
    page.goto("/scoring/panel/")

    # From here on, the keyboard alone.
    tab_until(page, lambda f: f["tag"] == "a" and title in f["text"], f"the link to {title}")
    shot("assignment link focused")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    no = tab_until(page, lambda f: f["type"] == "radio", "the declaration")
    assert no["label"].startswith("No, I have no conflict"), no
    assert press(page, "Space")["checked"]
    tab_until(page, lambda f: f["text"] == "Save my declaration", "Save my declaration")
    shot("declaration by keyboard")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_contain_text(title)

    skip = press(page, "Tab")
    assert skip["text"] == "Skip to main content", skip
    # The skip link moves the focus to <main>, a target rather than a
    # control: it is not ringed, by design, so the next check is after Tab.
    page.keyboard.press("Enter")
    for criterion in criteria:
        radio = tab_until(page, lambda f: f["type"] == "radio", f"a score for {criterion.title}")
        assert radio["name"] == f"score_{criterion.pk}", (criterion.title, radio)
        radio = press(page, "Space")
        for _ in range(scores[criterion.pk] - int(radio["value"])):
            radio = press(page, "ArrowRight")
        assert radio["checked"] and radio["value"] == str(scores[criterion.pk]), radio
        comment = tab_until(
            page, lambda f: f["tag"] == "textarea", f"the reason for {criterion.title}"
        )
        assert criterion.title in comment["label"], comment
        page.keyboard.type(f"Scored {scores[criterion.pk]} with the keyboard alone.")
    shot("scores typed")
    tab_until(page, lambda f: f["text"] == "Submit my scores", "Submit my scores")
    shot("submit focused")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    expect(page.get_by_text("Your scores are submitted").first).to_be_visible()
    # Submitted scores are locked: nothing left to press.
    expect(page.get_by_role("button", name="Submit my scores")).to_have_count(0)
    shot("submitted by keyboard")

    assignment.refresh_from_db()
    assert assignment.state == AssignmentState.SUBMITTED
    assert _recorded(assignment) == {
        pk: (score, f"Scored {score} with the keyboard alone.") for pk, score in scores.items()
    }
