"""What sets the cached work pages aside (foundation.work_cache): which
statements count as a write, which tables are bookkeeping, and a new
release. The pages themselves are tried in tests/social_value/
test_cached_pages.py and tests/portal/test_dashboard_cached.py."""

import os

import pytest
from django.core.cache import cache
from django.test import Client

from foundation import work_cache
from foundation.models import OutgoingEmail
from organisations.models import Organisation
from tests.people.factories import UserFactory


@pytest.mark.parametrize(
    "sql",
    [
        'INSERT INTO "grants_application" ("round_id") VALUES (%s)',
        'UPDATE "social_value_submission" SET "title" = %s',
        'DELETE FROM "social_value_score" WHERE "id" IN (%s)',
        "  update social_value_submission set title = %s where id = %s",
        'INSERT INTO "public"."organisations_organisation" ("name") VALUES (%s)',
    ],
)
def test_a_write_is_seen(sql):
    assert work_cache._writes_shown(sql)


@pytest.mark.parametrize(
    "sql",
    [
        'SELECT "grants_application"."id" FROM "grants_application"',
        'SAVEPOINT "s1_x1"',
        'UPDATE "foundation_outgoingemail" SET "state" = %s',
        'INSERT INTO "django_session" ("session_key") VALUES (%s)',
        'INSERT INTO "axes_accesslog" ("username") VALUES (%s)',
        'UPDATE "api_apitoken" SET "last_used_at" = %s',
    ],
)
def test_reads_and_bookkeeping_are_not(sql):
    assert not work_cache._writes_shown(sql)


@pytest.mark.django_db
def test_a_change_moves_the_generation_and_the_outbox_does_not():
    before = work_cache._generation()
    OutgoingEmail.objects.create(to="someone@example.org", subject="Hello", body="Hi")
    assert work_cache._generation() == before
    Organisation.objects.create(name="Old Town Pantry")
    assert work_cache._generation() > before


def test_a_new_release_is_a_new_fingerprint(tmp_path, settings):
    settings.BASE_DIR = tmp_path
    settings.STATIC_ROOT = tmp_path / "static"
    (tmp_path / "views.py").write_text("ANSWER = 1\n")
    work_cache.release.cache_clear()
    try:
        first = work_cache.release()
        (tmp_path / "views.py").write_text("ANSWER = 22\n")
        work_cache.release.cache_clear()
        assert work_cache.release() != first
        os.utime(tmp_path / "views.py", ns=(0, 0))
        work_cache.release.cache_clear()
        second = work_cache.release()
        (tmp_path / "page.html").write_text("<p>New</p>")
        work_cache.release.cache_clear()
        assert work_cache.release() != second
    finally:
        work_cache.release.cache_clear()


@pytest.mark.django_db
def test_with_the_cache_down_the_page_is_drawn(settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
        }
    }
    client = Client()
    client.force_login(UserFactory())
    assert client.get("/portal/").status_code == 200
    assert client.get("/portal/").status_code == 200
    cache.close()
