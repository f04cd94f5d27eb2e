"""The panel member's list, the ranking and the moderation sheet come from
the cache on a second visit, and never once anything under them changed
(foundation.work_cache): a change made through a service, a bulk update
with no signal, raw SQL, or one still uncommitted while the page is drawn.
Who may see the page is still checked on every visit, a page goes back
only to the session it was drawn for, and a message waiting is shown."""

import gzip
import threading

import pytest
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from social_value.models import Submission

pytestmark = pytest.mark.django_db


def signed_in(person) -> Client:
    client = Client()
    client.force_login(person)
    return client


def visit(client, path) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200
    return response.content.decode(), len(queries)


DASHBOARD = reverse("panel-dashboard")


def test_the_second_visit_is_the_same_page_without_reading_the_assignments(scoring):
    client = signed_in(scoring.lived.user)
    first, drawn = visit(client, DASHBOARD)
    second, served = visit(client, DASHBOARD)
    assert second == first
    assert "0 of 3 done" in second
    assert served < drawn
    assert "social_value_assignment" not in str(connection.queries[-served:])


def test_a_bulk_update_with_no_signal_shows_on_the_next_visit(scoring):
    client = signed_in(scoring.lived.user)
    visit(client, DASHBOARD)
    Submission.objects.filter(pk=scoring.submissions[0].pk).update(title="Renamed in bulk")
    page, _ = visit(client, DASHBOARD)
    assert "Renamed in bulk" in page


def test_raw_sql_shows_on_the_next_visit(scoring):
    client = signed_in(scoring.lived.user)
    visit(client, DASHBOARD)
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE social_value_submission SET title = %s WHERE id = %s",
            ["Renamed by hand", scoring.submissions[1].pk],
        )
    page, _ = visit(client, DASHBOARD)
    assert "Renamed by hand" in page


def test_declaring_through_the_page_shows_at_once(scoring):
    client = signed_in(scoring.lived.user)
    assert "0 of 3 done" in visit(client, DASHBOARD)[0]
    assignment = scoring.submissions[0].assignments.get(member=scoring.lived)
    declared = client.post(
        reverse("panel-declare", args=[assignment.pk]),
        {"conflicted": "yes", "nature": "My sister chairs its board."},
    )
    assert declared.status_code == 302, declared.content.decode()
    page, _ = visit(client, DASHBOARD)
    assert "You are recused from this submission" in page
    assert "0 of 3 done, 1" in page


def test_each_person_and_each_sign_in_gets_a_page_of_its_own(scoring):
    lived, member = signed_in(scoring.lived.user), signed_in(scoring.member.user)
    visit(lived, DASHBOARD)
    mine = scoring.submissions[0].assignments.get(member=scoring.member)
    page, _ = visit(member, DASHBOARD)
    assert reverse("panel-submission", args=[mine.pk]) in page
    theirs = scoring.submissions[0].assignments.get(member=scoring.lived)
    assert reverse("panel-submission", args=[theirs.pk]) not in page
    # The same person signed in again: a new session, drawn afresh, so no
    # page carries another session's form tokens.
    again = signed_in(scoring.lived.user)
    _, drawn = visit(again, DASHBOARD)
    _, served = visit(again, DASHBOARD)
    assert served < drawn


def test_who_may_see_the_ranking_is_checked_on_every_visit(scoring):
    client = signed_in(scoring.officer)
    ranking = reverse("call-ranking", args=[scoring.call.pk])
    visit(client, ranking)
    visit(client, ranking)
    scoring.officer.groups.clear()
    assert client.get(ranking).status_code == 403


def test_a_message_waiting_is_shown_once_over_a_stored_sheet(moderating):
    client = signed_in(moderating.officer)
    submission = moderating.submissions[0]
    sheet = reverse("call-moderation", args=[moderating.call.pk]) + f"?submission={submission.pk}"
    visit(client, sheet)
    stored, _ = visit(client, sheet)
    # Nothing typed: nothing is written, and the officer is told so.
    response = client.post(
        reverse("call-moderate-submission", args=[moderating.call.pk, submission.pk]), {}
    )
    assert response.status_code == 302
    told, _ = visit(client, sheet)
    assert f"Nothing was entered for {submission.reference}" in told
    after, _ = visit(client, sheet)
    assert "Nothing was entered" not in after
    assert after == stored


def test_a_stored_page_goes_out_as_drawn_uncompressed_and_with_its_token(scoring):
    client = signed_in(scoring.officer)
    ranking = reverse("call-ranking", args=[scoring.call.pk])
    drawn = client.get(ranking, headers={"Accept-Encoding": "gzip"})
    served = client.get(ranking, headers={"Accept-Encoding": "gzip"})
    assert served.content == drawn.content
    assert "Content-Encoding" not in served  # it holds a CSRF token (BREACH)
    assert b"csrfmiddlewaretoken" in served.content
    with pytest.raises(gzip.BadGzipFile):
        gzip.decompress(served.content)
    same = {"Content-Type", "X-Frame-Options", "Content-Security-Policy", "Cache-Control"}
    assert {h: drawn.get(h) for h in same} == {h: served.get(h) for h in same}


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_page_drawn_while_a_change_is_uncommitted_is_set_aside_at_commit(scoring):
    """Two real requests at once: the officer renames a submission in a
    transaction; before it commits, the member's page is drawn, from what
    was committed, and stored. The commit must set that page aside."""
    client = signed_in(scoring.lived.user)
    visit(client, DASHBOARD)
    pages = []

    def member_visits():
        try:
            pages.append(visit(client, DASHBOARD)[0])
        finally:
            connection.close()

    with transaction.atomic():
        Submission.objects.filter(pk=scoring.submissions[2].pk).update(title="Renamed at once")
        thread = threading.Thread(target=member_visits)
        thread.start()
        thread.join()
    assert "Renamed at once" not in pages[0]  # drawn before the commit
    page, _ = visit(client, DASHBOARD)
    assert "Renamed at once" in page
