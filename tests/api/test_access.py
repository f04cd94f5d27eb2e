"""Every role against every endpoint of the API: what each may see, and
above all what each must not. The API never shows more than the pages."""

import hashlib

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django_fsm_log.models import StateLog

from api.models import ApiToken
from api.services.tokens import token_create, token_revoke
from tests.api.conftest import token_for

pytestmark = pytest.mark.django_db

STAFF = ["staff-applications", "staff-payments-due", "staff-contracts"]
MINE = ["my-applications", "my-grants"]
PUBLIC = ["rounds", "tenders", "grant-awards", "contract-awards", "assets"]


def _get(client, name, token=None, **params):
    headers = {"HTTP_AUTHORIZATION": f"Token {token}"} if token else {}
    return client.get(reverse(f"api:{name}"), params, **headers)


def _rows(response, field):
    assert response.status_code == 200, response.content
    return sorted(row[field] for row in response.json()["results"])


def test_anyone_reads_the_public_endpoints_and_nothing_else(client, records):
    for name in PUBLIC:
        assert _get(client, name).status_code == 200
    assert _rows(_get(client, "contract-awards"), "supplier") == ["Towpath Walkers"]
    for name in MINE + STAFF:
        response = _get(client, name)
        assert response.status_code == 401, name
        assert "detail" in response.json()


def test_a_member_sees_only_their_own_organisations_records(client, records):
    client.force_login(records["kitchen_member"])

    assert _rows(_get(client, "my-applications"), "reference") == ["CC-0001", "CC-0002"]
    assert _rows(_get(client, "my-grants"), "reference") == ["CC-0001"]

    client.force_login(records["walkers_member"])
    assert _rows(_get(client, "my-applications"), "reference") == ["CC-0003"]
    assert _rows(_get(client, "my-grants"), "reference") == []


@pytest.mark.parametrize("who", ["kitchen_member", "panel", "officer", "finance", "commissioner"])
def test_signed_in_without_a_token_no_one_reaches_the_staff_endpoints(client, records, who):
    client.force_login(records[who])

    for name in STAFF:
        # A browser session is not a credential here at all.
        response = _get(client, name)
        assert response.status_code == 401, name
        assert response["WWW-Authenticate"] == "Token"


def test_staff_tokens_reach_only_what_their_pages_show(client, records):
    admin = records["administrator"]
    officer = token_for(records["officer"], admin)
    finance = token_for(records["finance"], admin)
    commissioner = token_for(records["commissioner"], admin)
    panel = token_for(records["panel"], admin)
    applicant = token_for(records["kitchen_member"], admin)

    # A draft stays its organisation's own, even from a grants officer.
    assert _rows(_get(client, "staff-applications", officer), "reference") == [
        "CC-0001",
        "CC-0003",
    ]
    assert [
        (row["grant"], row["amount"])
        for row in _get(client, "staff-payments-due", finance).json()["results"]
    ] == [("CC-0001", "3000.00")]
    assert _rows(_get(client, "staff-contracts", commissioner), "supplier") == ["Towpath Walkers"]
    for token, allowed in [
        (officer, "staff-applications"),
        (finance, "staff-payments-due"),
        (commissioner, "staff-contracts"),
        (panel, None),
        (applicant, None),
    ]:
        for name in STAFF:
            if name != allowed:
                assert _get(client, name, token).status_code == 403, (name, allowed)
    # An applicant's token reads their own records, as their session would.
    assert _rows(_get(client, "my-applications", applicant), "reference") == ["CC-0001", "CC-0002"]


def test_a_revoked_or_wrong_token_is_refused(client, records):
    admin = records["administrator"]
    raw = token_for(records["officer"], admin)
    token_revoke(token=ApiToken.objects.get(), actor=admin)

    assert _get(client, "staff-applications", raw).status_code == 401
    assert _get(client, "staff-applications", "made-up").status_code == 401
    assert _get(client, "my-applications", raw).status_code == 401


def test_tokens_are_kept_only_as_hashes_and_every_change_is_audited(client, records):
    admin = records["administrator"]
    raw = token_for(records["officer"], admin)
    token = ApiToken.objects.get()
    token_revoke(token=token, actor=admin)

    assert raw not in {token.key_hash, token.prefix} and len(raw) >= 40
    assert token.key_hash == hashlib.sha256(raw.encode()).hexdigest()
    assert list(
        StateLog.objects.filter(object_id=token.pk).order_by("pk").values_list("transition", "by")
    ) == [("token_create", admin.pk), ("token_revoke", admin.pk)]


def test_only_an_administrator_makes_tokens(records):
    with pytest.raises(PermissionDenied):
        token_create(user=records["officer"], name="Mine", actor=records["officer"])


def test_the_api_writes_nothing_and_keeps_csrf(client, records):
    """Every endpoint is read-only; a signed-in browser cannot be tricked
    into a write because there is none, and DRF's session check still
    refuses an unsafe call without the CSRF token."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(records["kitchen_member"])

    response = browser.post(reverse("api:my-applications"), {}, content_type="application/json")

    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]
    for name in PUBLIC:
        assert client.post(reverse(f"api:{name}")).status_code == 405


def test_the_openapi_document_and_its_reference_page(client, records):
    document = client.get(reverse("api:schema"))
    page = client.get(reverse("api:docs"))

    assert document.status_code == 200
    paths = document.json()["paths"]
    assert "/api/staff/payments-due/" in paths and "/admin/api/main/pages/" not in paths
    assert page.status_code == 200
    text = page.content.decode()
    assert "GET /api/staff/payments-due/" in text
    assert "Approved payments waiting to be released" in text
    assert "<script" not in text.split("</main>")[0].split("<main")[1]
