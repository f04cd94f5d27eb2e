"""/health/ tells a load balancer whether this web process can reach the
database, the cache and the task broker: 200 when all answer, 503 naming
whichever does not, and never an address or an error's text."""

import json

import pytest
from django.db import connections
from django.urls import reverse

pytestmark = pytest.mark.django_db

# A port in nothing's use on the test machine: anything sent there is refused.
NOBODY = 8259
REDIS = {"BACKEND": "django.core.cache.backends.redis.RedisCache"}


def health(client):
    response = client.get(reverse("health"))
    return response.status_code, json.loads(response.content), response


def test_all_reachable_is_200_ok(client):
    status, body, response = health(client)
    assert status == 200
    assert body == {"status": "ok", "database": "ok", "cache": "ok", "broker": "ok"}
    assert response["Content-Type"] == "application/json"
    assert "no-store" in response["Cache-Control"]


def test_the_database_down_is_503_naming_it(client, monkeypatch, tmp_path):
    database = connections.settings["default"]
    if database["ENGINE"].endswith("sqlite3"):
        monkeypatch.setitem(database, "NAME", str(tmp_path / "no-such-folder" / "db.sqlite3"))
    else:
        monkeypatch.setitem(database, "HOST", "127.0.0.1")
        monkeypatch.setitem(database, "PORT", str(NOBODY))

    status, body, response = health(client)

    assert status == 503
    assert body == {
        "status": "unavailable",
        "database": "unavailable",
        "cache": "ok",
        "broker": "ok",
    }
    assert str(NOBODY) not in response.content.decode()


def test_the_cache_down_is_503_naming_it(client, settings):
    settings.CACHES = {"default": {**REDIS, "LOCATION": f"redis://127.0.0.1:{NOBODY}/0"}}

    status, body, response = health(client)

    assert status == 503
    assert body == {
        "status": "unavailable",
        "database": "ok",
        "cache": "unavailable",
        "broker": "ok",
    }
    assert "redis" not in response.content.decode()


def test_the_broker_down_is_503_naming_it(client, settings):
    settings.CELERY_BROKER_URL = f"redis://127.0.0.1:{NOBODY}/0"

    status, body, response = health(client)

    assert status == 503
    assert body == {
        "status": "unavailable",
        "database": "ok",
        "cache": "ok",
        "broker": "unavailable",
    }
    assert str(NOBODY) not in response.content.decode()


@pytest.mark.redis
def test_a_real_redis_for_cache_and_broker_is_ok(client, settings):
    settings.CACHES = {"default": {**REDIS, "LOCATION": settings.CELERY_BROKER_URL}}

    status, body, _ = health(client)

    assert (status, body["cache"], body["broker"]) == (200, "ok", "ok")
