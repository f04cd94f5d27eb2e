"""The applicant's dashboard is kept between visits (foundation.work_cache)
but changes by the clock alone: a draft's round closing takes "Finish your
application" away, and at midnight a monitoring return comes within the
month ahead that the page shows. Neither writes anything, so the stored
page must say itself until when it holds."""

import io
from datetime import date, datetime
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client

from grants.models import Application, MonitoringReturn, State
from people.models import User

pytestmark = pytest.mark.django_db
LONDON = ZoneInfo("Europe/London")
FINISH = "Finish your application: Cook-and-share lunch club"


@pytest.fixture
def applicant(db):
    call_command("demo_load", stdout=io.StringIO())
    return User.objects.get(email="applicant@ashbyvale.example")


def dashboard(client) -> str:
    response = client.get("/portal/")
    assert response.status_code == 200
    return response.content.decode()


def test_the_draft_goes_when_its_round_closes_though_the_page_was_stored(applicant):
    draft = Application.objects.get(state=State.DRAFT, project_title="Cook-and-share lunch club")
    # Wednesday 2 June 2027, 11:52 in London; the round closes at noon.
    # (A stored page is kept ten minutes at most in any case.)
    morning = datetime(2027, 6, 2, 11, 52, tzinfo=LONDON)
    draft.round.__class__.objects.filter(pk=draft.round_id).update(
        opens_at=datetime(2027, 5, 1, 9, 0, tzinfo=LONDON),
        closes_at=datetime(2027, 6, 2, 12, 0, tzinfo=LONDON),
    )
    with time_machine.travel(morning, tick=False):
        client = Client()
        client.force_login(applicant)
        dashboard(client)
        stored = dashboard(client)
    assert FINISH in stored
    with time_machine.travel(datetime(2027, 6, 2, 11, 59, tzinfo=LONDON), tick=False):
        assert dashboard(client) == stored
    with time_machine.travel(datetime(2027, 6, 2, 12, 1, tzinfo=LONDON), tick=False):
        assert FINISH not in dashboard(client)


def test_a_return_comes_into_view_at_midnight_though_the_page_was_stored(applicant):
    return_ = MonitoringReturn.objects.filter(
        award__application__organisation__memberships__user=applicant,
        submitted_at__isnull=True,
    ).first()
    if return_ is None:
        pytest.fail("the demo gives the applicant's organisation a return to send")
    # Shown from 30 days before it is due: due Friday 2 July 2027, it comes
    # into view on Wednesday 2 June, not on Tuesday 1 June.
    MonitoringReturn.objects.filter(pk=return_.pk).update(due_on=date(2027, 7, 2))
    MonitoringReturn.objects.exclude(pk=return_.pk).filter(
        award__application__organisation__memberships__user=applicant
    ).update(submitted_at=datetime(2027, 5, 1, tzinfo=LONDON))
    with time_machine.travel(datetime(2027, 6, 1, 23, 55, tzinfo=LONDON), tick=False):
        client = Client()
        client.force_login(applicant)
        dashboard(client)
        stored = dashboard(client)
    assert "Send your monitoring return" not in stored
    with time_machine.travel(datetime(2027, 6, 1, 23, 59, tzinfo=LONDON), tick=False):
        assert dashboard(client) == stored
    with time_machine.travel(datetime(2027, 6, 2, 0, 1, tzinfo=LONDON), tick=False):
        assert "Send your monitoring return" in dashboard(client)
