"""Refusals: wrong role, wrong state, late, incomplete, over budget, stale.
Each one says why and leaves what is stored as it was."""

import io
import zoneinfo
from datetime import datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from grants.models import Application, ApplicationDocument, State
from grants.services import applying, assessment
from people import roles
from tests.grants.conftest import complete_answers, draft
from tests.grants.factories import ACCOUNTS_ID, BUDGET_ID, WHAT_ID, RoundFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db
LONDON = zoneinfo.ZoneInfo("Europe/London")


def test_applicant_cannot_make_officer_moves(submitted, member):
    for attempt in (
        lambda: assessment.eligibility_decide(application=submitted, actor=member, eligible=True),
        lambda: assessment.information_request(application=submitted, actor=member, question="?"),
    ):
        with pytest.raises(PermissionDenied):
            attempt()
    submitted.refresh_from_db()
    assert submitted.state == State.ELIGIBILITY


def test_officer_cannot_skip_a_stage(submitted, officer):
    with pytest.raises(ValidationError, match="while it is “eligibility check”"):
        assessment.panel_send(application=submitted, actor=officer)
    submitted.refresh_from_db()
    assert submitted.state == State.ELIGIBILITY
    assert submitted.submission is None


def test_overriding_eligibility_needs_a_reason(grant_round, organisation, member, officer):
    grant_round.maximum_annual_income = Decimal("10000")
    grant_round.save()
    application = applying.application_submit(
        application=draft(grant_round, organisation, member), actor=member
    )
    with pytest.raises(ValidationError, match="overriding"):
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    application.refresh_from_db()
    assert application.state == State.ELIGIBILITY
    assessment.eligibility_decide(
        application=application,
        actor=officer,
        eligible=True,
        reason="Income includes a one-off legacy",
    )
    application.refresh_from_db()
    assert application.eligibility_override_reason == "Income includes a one-off legacy"


def test_no_withdrawal_after_a_decision(submitted, member, officer):
    assessment.eligibility_decide(
        application=submitted, actor=officer, eligible=False, reason="Outside the area"
    )
    with pytest.raises(ValidationError, match="can no longer be withdrawn"):
        applying.application_withdraw(application=submitted, actor=member)


def test_someone_from_another_organisation_is_refused(client, submitted):
    stranger = MembershipFactory().user
    with pytest.raises(PermissionDenied):
        applying.application_withdraw(application=submitted, actor=stranger)
    client.force_login(stranger)
    assert client.get(reverse("application-detail", args=[submitted.pk])).status_code == 403
    assert client.get(reverse("application-edit", args=[submitted.pk])).status_code == 403


@pytest.mark.parametrize("role", [roles.APPLICANT, roles.PANEL_MEMBER, roles.COMMISSIONER])
def test_officer_pages_need_the_grants_role(client, submitted, role):
    client.force_login(UserFactory(roles=[role]))
    for name, pk in (
        ("application-manage", submitted.pk),
        ("grants-application-list", submitted.round_id),
        ("grants-round-dashboard", submitted.round_id),
        ("grants-decisions", submitted.round_id),
    ):
        assert client.get(reverse(name, args=[pk])).status_code == 403, name
    response = client.post(
        reverse("application-eligibility", args=[submitted.pk]), {"eligible": "yes"}
    )
    assert response.status_code == 403
    submitted.refresh_from_db()
    assert submitted.state == State.ELIGIBILITY


@pytest.mark.parametrize(
    "closes_local",
    [datetime(2027, 1, 15, 12, 0, tzinfo=LONDON), datetime(2027, 7, 15, 12, 0, tzinfo=LONDON)],
    ids=["GMT", "BST"],
)
def test_late_submission_refused_at_the_exact_closing_second(organisation, member, closes_local):
    with time_machine.travel(closes_local - timedelta(days=5), tick=False):
        grant_round = RoundFactory(
            opens_at=closes_local - timedelta(days=30), closes_at=closes_local
        )
        on_time = draft(grant_round, organisation, member)
    with time_machine.travel(closes_local - timedelta(seconds=1), tick=False):
        applying.application_submit(application=on_time, actor=member)
    on_time.refresh_from_db()
    assert on_time.state == State.ELIGIBILITY

    other = MembershipFactory().user
    with time_machine.travel(closes_local - timedelta(days=5), tick=False):
        late = draft(grant_round, other.memberships.get().organisation, other)
    with time_machine.travel(closes_local, tick=False), pytest.raises(ValidationError) as error:
        applying.application_submit(application=late, actor=other)
    # Friday 15 January 2027 (GMT) or Thursday 15 July 2027 (BST), UK time either way.
    expected = f"closed at midday on {closes_local:%A} 15 {closes_local:%B} 2027"
    assert expected in error.value.messages[0]
    assert "Your draft is kept" in error.value.messages[0]
    late.refresh_from_db()
    assert (late.state, late.project_title) == (State.DRAFT, "Lunch club")


def test_all_submission_problems_are_shown_at_once(grant_round, organisation, member):
    answers = complete_answers()
    answers[BUDGET_ID] = [{"item": "Food", "amount": "3000.00"}]
    del answers[WHAT_ID]
    application = draft(grant_round, organisation, member, answers=answers)
    with pytest.raises(ValidationError) as error:
        applying.application_submit(application=application, actor=member)
    problems = error.value.message_dict
    assert set(problems) == {f"q_{WHAT_ID}", f"q_{BUDGET_ID}"}
    assert "£3,000" in problems[f"q_{BUDGET_ID}"][0]
    assert "£4,500" in problems[f"q_{BUDGET_ID}"][0]
    application.refresh_from_db()
    assert application.state == State.DRAFT


def _post_edit(client, application, **extra):
    data = {
        "version": application.version,
        "project_title": "Lunch club",
        "amount_requested": "4500",
        "annual_income": "25000",
        f"q_{WHAT_ID}": "A weekly lunch club.",
        "action": "save",
    }
    data.update(extra)
    return client.post(reverse("application-edit", args=[application.pk]), data)


def test_budget_mismatch_on_the_page_shows_next_to_the_field(
    client, grant_round, organisation, member
):
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    client.force_login(member)
    response = _post_edit(
        client,
        application,
        action="submit",
        **{f"q_{BUDGET_ID}-0-item": "Food", f"q_{BUDGET_ID}-0-amount": "4000"},
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "There is a problem" in body
    assert "it must equal the £4,500 you are asking for" in body
    application.refresh_from_db()
    assert application.state == State.DRAFT


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("accounts.exe", b"MZ\x90\x00", "Upload"),
        ("accounts.pdf", b"<html>not a pdf</html>", "PDF"),
        ("accounts.pdf", b"%PDF-1.7\n" + b"0" * (1024 * 1024 + 10), "limit is 1 MB"),
    ],
    ids=["wrong type", "disguised", "too large"],
)
def test_bad_files_are_refused_and_nothing_is_stored(
    client, grant_round, organisation, member, name, content, message
):
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    client.force_login(member)
    upload = io.BytesIO(content)
    upload.name = name
    response = _post_edit(client, application, **{f"q_{ACCOUNTS_ID}": upload})
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not ApplicationDocument.objects.exists()
    application.refresh_from_db()
    # The draft's other answers are saved (a draft need not be complete);
    # the refused file is not.
    assert application.version == 2


def test_a_good_pdf_is_kept(client, grant_round, organisation, member):
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    client.force_login(member)
    upload = io.BytesIO(b"%PDF-1.7\n%%EOF\n")
    upload.name = "accounts.pdf"
    assert _post_edit(client, application, **{f"q_{ACCOUNTS_ID}": upload}).status_code == 302
    assert ApplicationDocument.objects.get().original_name == "accounts.pdf"


def test_two_members_editing_at_once_are_not_silently_overwritten(
    client, grant_round, organisation, member
):
    colleague = MembershipFactory(organisation=organisation).user
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    stale_version = application.version
    client.force_login(member)
    assert _post_edit(client, application, project_title="Lunch club (Ali)").status_code == 302
    client.force_login(colleague)
    application.version = stale_version
    response = _post_edit(client, application, project_title="Lunch club (Sam)")
    assert response.status_code == 409
    body = response.content.decode()
    assert "saved this application after you opened it" in body
    assert "Lunch club (Ali)" in body  # the other person's version is shown
    application.refresh_from_db()
    assert application.project_title == "Lunch club (Ali)"


def test_approvals_cannot_exceed_the_round_budget(grant_round, officer):
    applications = []
    for _ in range(3):
        person = MembershipFactory().user
        application = applying.application_submit(
            application=draft(grant_round, person.memberships.get().organisation, person),
            actor=person,
        )
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
        applications.append(assessment.panel_send(application=application, actor=officer))
    batch = [assessment.Decision(a.pk, "approve", "Good", Decimal("9000")) for a in applications]
    with pytest.raises(ValidationError) as error:
        assessment.decisions_record(round_=grant_round, actor=officer, decisions=batch)
    assert "only £20,000 of the round's budget remains" in str(error.value)
    assert not Application.objects.filter(state=State.APPROVED).exists()
    assessment.decisions_record(round_=grant_round, actor=officer, decisions=batch[:2])
    assert Application.objects.filter(state=State.APPROVED).count() == 2
