"""An announced round's dates are a promise (issue #23): they move only by a
recorded change with a reason, told to every organisation with an
application; never earlier once anyone has started, and before that only
with the minimum notice. Times below are UK time, written out by hand; in
January the UK is on GMT, in July on BST (UTC+1)."""

from datetime import datetime, time
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_fsm_log.models import StateLog

from foundation.forms import time_parse
from foundation.models import DeadlineChange
from grants.models import Round
from grants.services.deadlines import round_date_change
from organisations.models import LegalForm, MembershipRole
from people import roles
from reminders.models import Notification
from tests.grants.conftest import draft
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

UK = ZoneInfo("Europe/London")
# Monday 4 January 2027, 9am: the round opened on New Year's Day.
NOW = datetime(2027, 1, 4, 9, 0, tzinfo=UK)
OPENS = datetime(2027, 1, 1, 9, 0, tzinfo=UK)
CLOSES = datetime(2027, 1, 29, 12, 0, tzinfo=UK)  # Friday 29 January, noon


@pytest.fixture(autouse=True)
def frozen():
    with time_machine.travel(NOW, tick=False):
        yield


@pytest.fixture
def grant_round(db):
    return RoundFactory(title="Lunch clubs 2027", opens_at=OPENS, closes_at=CLOSES)


@pytest.fixture
def administrator(db):
    return UserFactory(roles=[roles.ADMINISTRATOR])


@pytest.fixture
def started(grant_round, organisation, member):
    """A draft: someone has started."""
    return draft(grant_round, organisation, member)


def move(round_, actor, new, *, field="closes_at", reason="The hall is booked that week."):
    return round_date_change(round_=round_, field=field, new=new, reason=reason, actor=actor)


def page_post(client, round_, *, which="closes_at", day, month, year, at, reason):
    return client.post(
        reverse("round-deadline", args=[round_.pk]),
        {
            "which": which,
            "new_date_day": day,
            "new_date_month": month,
            "new_date_year": year,
            "new_time": at,
            "reason": reason,
        },
    )


def stored_closes(round_) -> datetime:
    return Round.objects.get(pk=round_.pk).closes_at


# Announced


def test_a_round_is_announced_once_open_or_applied_to(grant_round, started):
    later = RoundFactory(
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=UK),
        closes_at=datetime(2027, 3, 1, 12, 0, tzinfo=UK),
    )
    assert grant_round.is_announced()
    assert not later.is_announced()
    assert later.is_announced(now=datetime(2027, 2, 1, 9, 0, tzinfo=UK))


def test_a_round_with_a_live_call_page_is_announced(db):
    from cms.models import CallPage
    from tests.cms.conftest import publish

    later = RoundFactory(
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=UK),
        closes_at=datetime(2027, 3, 1, 12, 0, tzinfo=UK),
    )
    home = CallPage.get_first_root_node().get_children().first().specific
    publish(home, CallPage(title="Lunch clubs", slug="lunch-clubs", round=later))
    assert Round.objects.get(pk=later.pk).is_announced()


def test_before_it_is_announced_the_dates_are_edited_in_the_admin(officer):
    later = RoundFactory(
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=UK),
        closes_at=datetime(2027, 3, 1, 12, 0, tzinfo=UK),
    )
    with pytest.raises(ValidationError) as refused:
        move(later, officer, datetime(2027, 3, 8, 12, 0, tzinfo=UK))
    assert "edit its dates directly in the admin" in refused.value.messages[0]


# Never earlier once anyone has started


def test_an_officer_cannot_bring_the_closing_date_earlier_once_a_draft_exists(
    grant_round, started, officer
):
    with pytest.raises(ValidationError) as refused:
        move(grant_round, officer, datetime(2027, 1, 22, 12, 0, tzinfo=UK))
    assert refused.value.message_dict["new_deadline"] == [
        "The closing date cannot be brought earlier: organisations have already started. "
        "You can extend it."
    ]
    assert stored_closes(grant_round) == CLOSES
    assert not DeadlineChange.objects.exists()


def test_an_administrator_is_refused_the_same(grant_round, started, administrator):
    with pytest.raises(ValidationError) as refused:
        move(grant_round, administrator, datetime(2027, 1, 22, 12, 0, tzinfo=UK))
    assert "cannot be brought earlier" in refused.value.message_dict["new_deadline"][0]
    assert stored_closes(grant_round) == CLOSES


def test_the_page_refuses_it_with_the_message_and_stores_nothing(
    client, grant_round, started, officer
):
    client.force_login(officer)
    response = page_post(
        client, grant_round, day="22", month="1", year="2027", at="12:00", reason="Budget cut."
    )
    assert response.status_code == 400
    body = response.content.decode()
    assert "The closing date cannot be brought earlier" in body
    assert 'href="#id_new_date_0"' in body  # the error summary points at the date
    assert stored_closes(grant_round) == CLOSES
    assert not DeadlineChange.objects.exists()
    assert not mail.outbox


def admin_form_data(round_, **changes) -> dict:
    data = {
        "programme": round_.programme_id,
        "title": round_.title,
        "slug": round_.slug,
        "description": round_.description,
        "opens_at": "2027-01-01 09:00",
        "closes_at": "2027-01-29 12:00",
        "budget": "20000.00",
        "minimum_award": "500.00",
        "maximum_award": "10000.00",
        "maximum_annual_income": "",
        "call": round_.call_id,
        "questions-count": "0",
    }
    data.update(changes)
    return data


def test_the_admin_cannot_move_an_announced_rounds_dates(
    client, grant_round, started, administrator
):
    client.force_login(administrator)
    url = reverse("round:edit", args=[grant_round.pk])
    page = client.get(url).content.decode()
    assert "Change a date" in page
    response = client.post(
        url,
        admin_form_data(
            grant_round,
            title="Lunch clubs 2027 (renamed)",
            opens_at="2027-01-02 09:00",
            closes_at="2027-01-22 12:00",
        ),
    )
    assert response.status_code == 302  # saved: only the dates were ignored
    stored = Round.objects.get(pk=grant_round.pk)
    assert stored.title == "Lunch clubs 2027 (renamed)"
    assert stored.opens_at == OPENS
    assert stored.closes_at == CLOSES
    assert not DeadlineChange.objects.exists()


def test_the_admin_edits_the_dates_of_a_round_not_yet_announced(client, administrator):
    later = RoundFactory(
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=UK),
        closes_at=datetime(2027, 3, 1, 12, 0, tzinfo=UK),
    )
    client.force_login(administrator)
    response = client.post(
        reverse("round:edit", args=[later.pk]),
        admin_form_data(later, opens_at="2027-02-08 09:00", closes_at="2027-03-08 12:00"),
    )
    assert response.status_code == 302
    stored = Round.objects.get(pk=later.pk)
    assert stored.opens_at == datetime(2027, 2, 8, 9, 0, tzinfo=UK)
    assert stored.closes_at == datetime(2027, 3, 8, 12, 0, tzinfo=UK)


# An extension: recorded and told


@pytest.fixture
def two_organisations(grant_round, started, organisation, member):
    """Two organisations with applications: the first with two members."""
    MembershipFactory(
        organisation=organisation,
        role=MembershipRole.MEMBER,
        user=UserFactory(email="second@lunch.example"),
    )
    other = OrganisationFactory(legal_form=LegalForm.UNINCORPORATED_GROUP)
    other_member = MembershipFactory(
        organisation=other, role=MembershipRole.ADMIN, user=UserFactory(email="chair@other.example")
    ).user
    draft(grant_round, other, other_member)
    return sorted([member.email, "second@lunch.example", "chair@other.example"])


def test_an_extension_is_recorded_and_every_member_is_told(
    grant_round, two_organisations, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        change = move(
            grant_round,
            officer,
            datetime(2027, 2, 5, 12, 0, tzinfo=UK),
            reason="The hall flooded: a week more for everyone.",
        )
    assert stored_closes(grant_round) == datetime(2027, 2, 5, 12, 0, tzinfo=UK)
    stored = DeadlineChange.objects.get()
    assert stored == change
    assert (stored.field, stored.label) == ("closes_at", "closing date")
    assert stored.old_value == datetime(2027, 1, 29, 12, 0, tzinfo=UK)
    assert stored.new_value == datetime(2027, 2, 5, 12, 0, tzinfo=UK)
    assert stored.reason == "The hall flooded: a week more for everyone."
    assert stored.changed_by == officer

    log = StateLog.objects.get(transition="deadline_change")
    assert log.by == officer
    assert log.description == (
        "The closing date moved from midday on Friday 29 January 2027 to "
        "midday on Friday 5 February 2027: The hall flooded: a week more for everyone."
    )

    assert sorted(address for message in mail.outbox for address in message.to) == (
        two_organisations
    )
    assert len(mail.outbox) == 3  # one each
    first = mail.outbox[0]
    assert first.subject == "The closing date for Lunch clubs 2027 has changed"
    assert "It was midday on Friday 29 January 2027." in first.body
    assert "It is now midday on Friday 5 February 2027 (UK time)." in first.body
    assert "The hall flooded" in first.body

    notices = Notification.objects.order_by("user__email")
    assert [n.user.email for n in notices] == two_organisations
    assert notices[0].text == (
        "The closing date for Lunch clubs 2027 has moved to midday on Friday 5 February 2027: "
        "The hall flooded: a week more for everyone."
    )
    assert notices[0].link.startswith("/grants/applications/")


def test_no_email_goes_if_the_change_is_not_committed(
    grant_round, two_organisations, officer, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        move(grant_round, officer, datetime(2027, 2, 5, 12, 0, tzinfo=UK))
    # The e-mail waits for the commit (as does renewing the public pages).
    assert callbacks
    assert not mail.outbox


def test_the_page_extends_and_goes_back_to_the_dashboard(
    client, grant_round, started, officer, django_capture_on_commit_callbacks
):
    client.force_login(officer)
    with django_capture_on_commit_callbacks(execute=True):
        response = page_post(
            client, grant_round, day="5", month="2", year="2027", at="5:30pm", reason="More time."
        )
    assert response.status_code == 302
    assert response.url == reverse("grants-round-dashboard", args=[grant_round.pk])
    assert stored_closes(grant_round) == datetime(2027, 2, 5, 17, 30, tzinfo=UK)
    assert len(mail.outbox) == 1
    dashboard = client.get(response.url).content.decode()
    assert (
        "The closing date is now 5:30pm on Friday 5 February 2027. "
        "Every organisation with an application has been told."
    ) in dashboard
    assert "Change a date" in dashboard
    assert "Dates changed" in dashboard
    assert "More time." in dashboard


def test_the_time_is_uk_time_in_summer(client, grant_round, started, officer):
    client.force_login(officer)
    page_post(client, grant_round, day="1", month="7", year="2027", at="12:00", reason="Summer.")
    # Noon in London in July is 11:00 UTC.
    assert stored_closes(grant_round) == datetime(2027, 7, 1, 11, 0, tzinfo=ZoneInfo("UTC"))


# Earlier, before anyone has started: only with notice


def test_earlier_with_nobody_started_needs_the_minimum_notice(grant_round, officer):
    with pytest.raises(ValidationError) as refused:
        move(grant_round, officer, datetime(2027, 1, 12, 12, 0, tzinfo=UK))
    assert refused.value.message_dict["new_deadline"] == [
        "Bringing the closing date earlier needs at least 10 days' notice: "
        "choose 9:00am on Thursday 14 January 2027 or later."
    ]
    assert stored_closes(grant_round) == CLOSES

    move(grant_round, officer, datetime(2027, 1, 15, 12, 0, tzinfo=UK))
    assert stored_closes(grant_round) == datetime(2027, 1, 15, 12, 0, tzinfo=UK)


def test_the_minimum_notice_is_a_setting(grant_round, officer, settings):
    settings.DEADLINE_EARLIER_MINIMUM_NOTICE_DAYS = 3
    move(grant_round, officer, datetime(2027, 1, 12, 12, 0, tzinfo=UK))
    assert stored_closes(grant_round) == datetime(2027, 1, 12, 12, 0, tzinfo=UK)


# The round's own order


def test_the_opening_date_cannot_change_once_the_round_has_opened(grant_round, officer):
    with pytest.raises(ValidationError) as refused:
        move(grant_round, officer, datetime(2027, 1, 8, 9, 0, tzinfo=UK), field="opens_at")
    assert refused.value.message_dict["new_deadline"] == [
        "The round has already opened: its opening date cannot change."
    ]


def test_an_announced_round_not_yet_open_can_open_later(member, organisation, officer):
    """Announced by its live call page; the opening moves later, before the close."""
    from cms.models import CallPage
    from tests.cms.conftest import publish

    later = RoundFactory(
        opens_at=datetime(2027, 2, 1, 9, 0, tzinfo=UK),
        closes_at=datetime(2027, 3, 1, 12, 0, tzinfo=UK),
    )
    home = CallPage.get_first_root_node().get_children().first().specific
    publish(home, CallPage(title="Lunch clubs", slug="lunch-clubs", round=later))
    later = Round.objects.get(pk=later.pk)
    with pytest.raises(ValidationError) as refused:
        move(later, officer, datetime(2027, 3, 2, 9, 0, tzinfo=UK), field="opens_at")
    assert refused.value.message_dict["new_deadline"] == [
        "The round must open before it closes, at midday on Monday 1 March 2027."
    ]
    move(later, officer, datetime(2027, 2, 8, 9, 0, tzinfo=UK), field="opens_at")
    assert Round.objects.get(pk=later.pk).opens_at == datetime(2027, 2, 8, 9, 0, tzinfo=UK)


# Asking properly


def test_a_reason_is_needed(grant_round, started, officer):
    with pytest.raises(ValidationError) as refused:
        move(grant_round, officer, datetime(2027, 2, 5, 12, 0, tzinfo=UK), reason="  ")
    assert refused.value.message_dict["reason"] == [
        "Say why the deadline is changing: every organisation taking part is told."
    ]
    assert stored_closes(grant_round) == CLOSES


def test_the_page_says_a_reason_is_needed(client, grant_round, started, officer):
    client.force_login(officer)
    response = page_post(
        client, grant_round, day="5", month="2", year="2027", at="12:00", reason=""
    )
    assert response.status_code == 400
    assert "Say why the deadline is changing" in response.content.decode()
    assert stored_closes(grant_round) == CLOSES


def test_the_page_refuses_a_time_it_cannot_read(client, grant_round, started, officer):
    client.force_login(officer)
    response = page_post(
        client, grant_round, day="5", month="2", year="2027", at="teatime", reason="More time."
    )
    assert response.status_code == 400
    assert "Enter a time, for example 12:00 or 5:30pm" in response.content.decode()


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("12:00", time(12, 0)),
        ("5:30pm", time(17, 30)),
        ("5.30 PM", time(17, 30)),
        ("9am", time(9, 0)),
        ("12am", time(0, 0)),
        ("12pm", time(12, 0)),
        ("17:45", time(17, 45)),
        ("noon", time(12, 0)),
    ],
)
def test_times_are_read_as_people_write_them(typed, expected):
    assert time_parse(typed) == expected


@pytest.mark.parametrize("typed", ["13pm", "24:00", "9:75", "midnight", "soon"])
def test_times_that_are_not_real_are_refused(typed):
    with pytest.raises(ValidationError):
        time_parse(typed)


@pytest.mark.parametrize("role", [roles.APPLICANT, roles.PANEL_MEMBER])
def test_applicants_and_panel_members_may_not(client, grant_round, role):
    client.force_login(UserFactory(roles=[role]))
    url = reverse("round-deadline", args=[grant_round.pk])
    assert client.get(url).status_code == 403
    response = page_post(
        client, grant_round, day="5", month="2", year="2027", at="12:00", reason="Why not."
    )
    assert response.status_code == 403
    assert stored_closes(grant_round) == CLOSES
    with pytest.raises(PermissionDenied):
        move(grant_round, UserFactory(roles=[role]), datetime(2027, 2, 5, 12, 0, tzinfo=UK))


def test_a_member_of_an_applying_organisation_gets_403(client, grant_round, started, member):
    client.force_login(member)
    assert client.get(reverse("round-deadline", args=[grant_round.pk])).status_code == 403


# Applicants see it


def test_applicants_see_the_change_on_the_start_and_application_pages(
    client, grant_round, started, member, officer
):
    move(
        grant_round,
        officer,
        datetime(2027, 2, 5, 12, 0, tzinfo=UK),
        reason="The hall flooded: a week more for everyone.",
    )
    client.force_login(member)
    for url in (
        reverse("application-start", args=[grant_round.pk]),
        reverse("application-detail", args=[started.pk]),
        reverse("application-edit", args=[started.pk]),
    ):
        body = client.get(url).content.decode()
        assert "govuk-notification-banner" in body, url
        assert "The closing date changed" in body, url
        assert "midday on Friday 29 January 2027" in body, url
        assert "midday on Friday 5 February 2027" in body, url
        assert "The hall flooded: a week more for everyone." in body, url


def test_no_banner_while_the_dates_stand(client, grant_round, started, member):
    client.force_login(member)
    body = client.get(reverse("application-detail", args=[started.pk])).content.decode()
    assert "The closing date changed" not in body
