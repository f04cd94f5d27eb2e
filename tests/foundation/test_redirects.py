"""The one check every redirect to an address from the request goes through."""

import pytest
from django.test import RequestFactory

from foundation.redirects import next_url, safe_next


@pytest.mark.parametrize(
    "bad",
    ["//evil.example", "https://evil.example/", "/\\evil.example/", "///evil.example", ""],
)
def test_an_address_off_the_site_gives_the_default(bad):
    request = RequestFactory().get("/", {"next": bad})
    assert next_url(request) == ""
    assert safe_next(request) == "/portal/"
    assert safe_next(request, default="/") == "/"


def test_an_address_on_the_site_is_kept_from_the_form_before_the_link():
    request = RequestFactory().post("/?next=/from-link/", {"next": "/from-form/"})
    assert safe_next(request) == "/from-form/"
    assert next_url(RequestFactory().get("/", {"next": "http://testserver/x/"})) == (
        "http://testserver/x/"
    )


def test_https_pages_do_not_send_people_to_plain_http():
    request = RequestFactory().get("/", {"next": "http://testserver/x/"}, secure=True)
    assert next_url(request) == ""
