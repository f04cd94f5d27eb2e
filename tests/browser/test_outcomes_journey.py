"""Monitoring that fits the grant and Key Human Indicators, through the
real pages, each step screenshotted under test-output/<test name>/.

The grants officer adds a question to the Connected Communities Fund's
monitoring form in the admin and chooses its instruments; Northgate
Neighbours file a return with it and enter one person's answers; a person
answers through the anonymous link on a phone, signed out.
"""

import re

from playwright.sync_api import expect

from demo.community import DEMO_PASSWORD
from grants.models import Award
from outcomes.models import AnswerLink, MonitoringForm, Response, ReturnAnswers
from people.models import User
from tests.browser.conftest import BROWSER_TEST, LOGINS, sign_in
from tests.browser.test_accessibility import audit

pytestmark = BROWSER_TEST

FUND = "Connected Communities Fund"
PHONE = {"width": 375, "height": 700}


def _northgate():
    """Northgate Neighbours' grant under way, and its lead, who signs in."""
    award = Award.objects.get(application__organisation__name="Northgate Neighbours")
    lead = User.objects.filter(memberships__organisation__name="Northgate Neighbours").first()
    lead.set_password(DEMO_PASSWORD)
    lead.save()
    return award, lead


def test_the_officer_builds_a_programme_monitoring_form_and_chooses_instruments(page, shot):
    sign_in(page, LOGINS["grants officer"])
    page.goto("/admin/")
    page.get_by_role("button", name="Outcomes").click()
    page.get_by_role("link", name="Monitoring forms").click()
    page.get_by_role("link", name=f"Monitoring form for {FUND}").click()
    shot("the fund's monitoring form")

    # The questions are drawn by script: the demo's three first, then the
    # new one, each waited for, or the words typed land in the block above.
    labels = page.get_by_label(re.compile("^Label"))
    expect(labels).to_have_count(3)
    page.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Number").click()
    expect(labels).to_have_count(4)
    labels.last.fill("How many volunteers helped?")
    # The capability instrument is dropped; Connections stays.
    page.get_by_label("Five capabilities (placeholder levels)").uncheck()
    shot("a question added, one instrument chosen")
    page.get_by_role("button", name="Save").first.click()
    expect(page.get_by_text(re.compile("updated", re.I)).first).to_be_visible()
    shot("saved")

    form = MonitoringForm.objects.get(programme__name=FUND)
    labels = [block.value["label"] for block in form.questions]
    assert labels[-1] == "How many volunteers helped?"
    assert form.questions[-1].block_type == "number"
    assert [i.name for i in form.instruments.all()] == ["Connections"]


def test_a_grantee_files_a_return_and_enters_answers(page, shot):
    award, lead = _northgate()
    due = award.returns.filter(submitted_at__isnull=True).order_by("due_on").first()
    sign_in(page, lead.email)
    page.goto(f"/grants/applications/{award.application.pk}/")
    page.get_by_role("link", name=re.compile("^File this return")).first.click()
    expect(page).to_have_url(re.compile(rf"/outcomes/returns/{due.pk}/$"))
    page.get_by_label("What happened").fill("Thirty afternoons, fifty regulars.")
    page.get_by_label("Spent so far (£)").fill("4,100")
    page.get_by_label("What changed for people").fill("People visit each other at home now.")
    page.get_by_label(re.compile("^How many people were helped")).fill("50")
    page.get_by_label("How many sessions did you run in this period?").fill("30")
    page.get_by_role("group", name="Did people who come help to run it?").get_by_label(
        "Yes"
    ).check()
    shot("the return with the fund's own questions")
    page.get_by_role("button", name="Send the return").click()
    expect(page.get_by_text("Thank you: your return is sent.")).to_be_visible()
    shot("return sent")
    stored = ReturnAnswers.objects.get(monitoring_return=due).answers
    assert sorted(stored.values(), key=str) == [30, True]

    page.get_by_role("link", name="What people tell you").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("What people tell you")
    shot("what people tell you")
    before = Response.objects.filter(award=award, given="grant_holder").count()
    page.get_by_role("link", name="Enter one person's answers to Connections").click()
    page.get_by_label("How many friends do you have?").fill("3")
    page.get_by_label("It helps a lot").check()
    shot("one person's answers")
    page.get_by_role("button", name="Save these answers").click()
    expect(page.get_by_text("One person's answers are saved. No name is kept.")).to_be_visible()
    assert Response.objects.filter(award=award, given="grant_holder").count() == before + 1
    # Every answer so far is counted together, and shown as an average.
    expect(page.get_by_role("table", name="What people say so far")).to_be_visible()
    shot("answers saved")


def test_a_person_answers_through_the_anonymous_link_on_a_phone(browser, demo_site, shot):
    award, _ = _northgate()
    link = AnswerLink.objects.get(award=award, closed_at__isnull=True)
    context = browser.new_context(
        base_url=demo_site, viewport=PHONE, locale="en-GB", timezone_id="Europe/London"
    )
    phone = context.new_page()
    shot.page = phone
    before = Response.objects.filter(award=award, given="person").count()

    phone.goto(f"/outcomes/a/{link.token}/")
    expect(phone.get_by_role("heading", level=1)).to_have_text("Connections")
    shot("the questions on a phone")
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("alert").filter(has_text="There is a problem")).to_be_visible()
    shot("nothing answered")
    phone.get_by_label("How many friends do you have?").fill("6")
    phone.get_by_label("It helps a little").check()
    phone.get_by_role("button", name="Send my answers").click()
    expect(phone.get_by_role("heading", level=1)).to_have_text("Thank you: your answers are sent")
    shot("answers sent")
    assert audit(phone, skip_link=False) == []

    assert Response.objects.filter(award=award, given="person").count() == before + 1
    assert not [c for c in context.cookies() if c["name"] == "sessionid"]
    context.close()
