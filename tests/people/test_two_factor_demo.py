"""The demo's staff sign in with the published demo secret, and
`demo_code` prints their code in the demo only."""

import io
from datetime import UTC, datetime

import pytest
import time_machine
from django.core.management import CommandError, call_command

from demo.two_factor import DEMO_TOTP_SECRET
from tests.people.factories import UserFactory
from tests.people.otp import app_for

pytestmark = pytest.mark.django_db

# What any authenticator app holding COMMONGROUNDDEMOASHBYVALETWOSTEP shows
# at 12:00:00 UTC on 2 March 2026 (worked out with RFC 6238's HMAC-SHA1
# steps by hand, not with the library under test).
NOON = datetime(2026, 3, 2, 12, 0, 0, tzinfo=UTC)
EXPECTED_AT_NOON = "869160"


def code_printed(email: str) -> str:
    out = io.StringIO()
    call_command("demo_code", email, stdout=out)
    return out.getvalue().strip()


def test_demo_staff_have_the_published_secret_and_demo_code_prints_it(settings):
    settings.DEBUG = True
    call_command("demo_load", stdout=io.StringIO())
    with time_machine.travel(NOON, tick=False):
        code = code_printed("grants@ashbyvale.example")
    assert code == EXPECTED_AT_NOON
    assert DEMO_TOTP_SECRET == "COMMONGROUNDDEMOASHBYVALETWOSTEP"


def test_demo_code_is_refused_outside_the_demo(settings):
    settings.DEBUG = False
    call_command("demo_load", stdout=io.StringIO())
    with pytest.raises(CommandError, match="only in the demo"):
        code_printed("grants@ashbyvale.example")


def test_demo_code_gives_no_code_for_anyone_elses_app(settings):
    settings.DEBUG = True
    person = UserFactory(is_staff=True)
    app_for(person)
    with pytest.raises(CommandError, match="no authenticator app holding the demo secret"):
        code_printed(person.email)
