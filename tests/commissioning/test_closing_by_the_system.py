"""A tender closed by beat at its deadline is recorded as the system's
doing: every view of the audit trail, and its export, says "System"."""

import csv
import io
import re

import pytest
import time_machine
from django.urls import reverse
from django_fsm_log.models import StateLog

from commissioning.services.tenders import tender_publish, tenders_close_due
from tests.commissioning.conftest import tender_approved
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def closed(tender, commissioner):
    tender_approved(tender, commissioner)
    tender_publish(tender=tender, actor=commissioner)
    with time_machine.travel(tender.submission_deadline):
        tender_closed = tenders_close_due()
    assert tender_closed == [tender.pk]
    return StateLog.objects.get(transition="close", object_id=tender.pk)


@pytest.fixture
def superuser(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True, first_name="Sam"))
    return client


def rows(html: str) -> list[list[str]]:
    """Each table row's cells, as text."""
    return [
        [
            re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", cell)).strip()
            for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)
        ]
        for row in re.findall(r"<tr[^>]*>(.*?)</tr>", html, re.S)
    ]


def test_the_closing_names_no_person(closed, commissioner):
    assert closed.by is None
    assert closed.description == "Closed at the submission deadline"
    # The commissioner's own steps still name them.
    publish = StateLog.objects.get(transition="publish")
    assert publish.by == commissioner


def test_the_wagtail_trail_and_its_export_say_system(superuser, closed, commissioner):
    html = superuser.get("/admin/audit-trail/").content.decode()
    table = rows(html)
    assert next(row for row in table if "close" in row)[6] == "System"
    assert next(row for row in table if "publish" in row)[6] == str(commissioner)

    inspect = superuser.get(f"/admin/audit-trail/inspect/{closed.pk}/").content.decode()
    assert re.search(r"By\s*</dt>\s*<dd[^>]*>\s*System\s*</dd>", inspect)

    response = superuser.get("/admin/audit-trail/?export=csv")
    exported = csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
    by_transition = {row["Transition"]: row["By"] for row in exported}
    assert by_transition["close"] == "System"
    assert by_transition["publish"] == str(commissioner)
    spreadsheet = superuser.get("/admin/audit-trail/?export=xlsx")
    assert spreadsheet.status_code == 200
    assert b"".join(spreadsheet.streaming_content).startswith(b"PK")  # an .xlsx file


def test_the_django_admin_says_system(superuser, closed):
    html = superuser.get("/django-admin/django_fsm_log/statelog/").content.decode()
    assert re.search(r'<td class="field-actor">System</td>', html)
    change = reverse("admin:django_fsm_log_statelog_change", args=[closed.pk])
    page = superuser.get(change).content.decode()
    assert re.search(r'<div class="readonly">System</div>', page)


def test_the_tenders_own_history_says_system(superuser, closed, tender, commissioner):
    superuser.force_login(commissioner)
    html = superuser.get(reverse("tender-manage", args=[tender.pk])).content.decode()
    assert any("Closed at the submission deadline" in row and "System" in row for row in rows(html))
