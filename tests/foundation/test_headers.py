"""Issue #22: every response says what the browser may load (only the site's
own scripts, styles and images, plus the map tiles) and which features it
may use (none of the sensitive ones); no staff page calls Gravatar or
Wagtail's update check."""

import pytest
from django.test import override_settings
from django.urls import reverse

from foundation.middleware import map_tile_origin
from people.roles import APPLICANT
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

TILES = "https://tile.example.org/{z}/{x}/{y}.png"


def policy(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as directive -> sources."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture
def staff(client):
    person = UserFactory(email="staff@example.org", is_staff=True, is_superuser=True)
    client.force_login(person)
    return person


def assert_strict(directives):
    assert directives["default-src"] == ["'self'"]
    assert directives["script-src"] == ["'self'"]
    assert directives["style-src"] == ["'self'"]
    assert directives["img-src"] == ["'self'"]


def assert_fenced(directives):
    """What holds everywhere, the admins included."""
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


def assert_permissions_policy(response):
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()", feature


def test_a_public_page_allows_only_the_site_itself(client):
    response = client.get("/")

    assert response.status_code == 200
    directives = policy(response)
    assert_strict(directives)
    assert_fenced(directives)
    assert_permissions_policy(response)


def test_a_portal_page_allows_only_the_site_itself(client):
    client.force_login(UserFactory(roles=[APPLICANT]))

    response = client.get(reverse("portal-dashboard"))

    assert response.status_code == 200
    directives = policy(response)
    assert_strict(directives)
    assert_fenced(directives)
    assert_permissions_policy(response)


@pytest.mark.parametrize("url", [reverse("wagtailadmin_home"), reverse("admin:index")])
def test_the_admins_allow_inline_code_but_still_nothing_from_elsewhere(client, staff, url):
    response = client.get(url)

    assert response.status_code == 200
    directives = policy(response)
    # Wagtail and Django write inline scripts and styles of their own.
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["img-src"] == ["'self'", "data:", "blob:"]
    assert directives["default-src"] == ["'self'"]
    assert_fenced(directives)
    assert_permissions_policy(response)


def test_an_error_page_carries_the_headers_too(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    assert_strict(policy(response))
    assert_permissions_policy(response)


@override_settings(MAP_TILE_URL=TILES)
def test_the_map_tile_server_may_send_images_when_one_is_configured(client):
    directives = policy(client.get(reverse("asset-directory")))

    assert directives["img-src"] == ["'self'", "https://tile.example.org", "data:"]
    assert directives["script-src"] == ["'self'"]


@override_settings(MAP_TILE_URL="")
def test_no_tile_server_means_no_outside_images(client):
    assert policy(client.get(reverse("asset-directory")))["img-src"] == ["'self'"]


@pytest.mark.parametrize(
    ("template", "origin"),
    [
        (TILES, "https://tile.example.org"),
        ("https://{s}.tile.example.org/{z}/{x}/{y}.png", "https://*.tile.example.org"),
        (
            "https://tiles.example.org:8443/osm/{z}/{x}/{y}.png?key=k",
            "https://tiles.example.org:8443",
        ),
        ("//tile.example.org/{z}/{x}/{y}.png", "tile.example.org"),
        ("", ""),
        ("/tiles/{z}/{x}/{y}.png", ""),
    ],
)
def test_the_tile_origin_is_read_from_the_tile_address(template, origin):
    assert map_tile_origin(template) == origin


@pytest.mark.parametrize("url", [reverse("wagtailadmin_home"), reverse("wagtailusers_users:index")])
def test_staff_pages_call_neither_gravatar_nor_the_update_check(client, staff, url):
    UserFactory(email="someone@example.org")

    html = client.get(url).content.decode()

    assert "gravatar" not in html.lower()
    assert 'data-controller="w-upgrade' not in html


@override_settings(
    WAGTAIL_GRAVATAR_PROVIDER_URL="//www.gravatar.com/avatar", WAGTAIL_ENABLE_UPDATE_CHECK=True
)
def test_those_checks_would_see_wagtails_defaults(client, staff):
    """Wagtail's own defaults, for contrast: the checks above can fail."""
    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "gravatar.com" in html
    assert 'data-controller="w-upgrade' in html
