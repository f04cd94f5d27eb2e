"""Signing in through the council's identity provider (OpenID Connect), with
the provider's token, user info and key endpoints served by a small fake
on this machine, signing its ID tokens with RS256 as Entra ID does."""

import json
import threading
from http.server import BaseHTTPRequestHandler, HTTPServer
from urllib.parse import parse_qs, urlparse

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa
from django.contrib.auth import SESSION_KEY
from django.test import Client

from people import roles
from people.models import User
from tests.people.factories import UserFactory
from tests.people.otp import app_for

pytestmark = pytest.mark.django_db

PORT = 8130
ISSUER = f"http://127.0.0.1:{PORT}"
CLIENT_ID = "common-ground"


class FakeProvider(BaseHTTPRequestHandler):
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    claims: dict = {}
    nonce = ""
    audience = CLIENT_ID

    def log_message(self, *args):
        pass

    def _json(self, body: dict) -> None:
        data = json.dumps(body).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_POST(self):  # the token endpoint
        self.rfile.read(int(self.headers["Content-Length"]))
        id_token = jwt.encode(
            {"iss": ISSUER, "aud": self.audience, "nonce": self.nonce, **self.claims},
            self.key,
            algorithm="RS256",
            headers={"kid": "fake-1"},
        )
        self._json(
            {"id_token": id_token, "access_token": "an-access-token", "token_type": "Bearer"}
        )

    def do_GET(self):
        if self.path.startswith("/jwks"):
            jwk = json.loads(jwt.algorithms.RSAAlgorithm.to_jwk(self.key.public_key()))
            self._json({"keys": [{**jwk, "kid": "fake-1", "alg": "RS256", "use": "sig"}]})
        else:  # user info
            self._json(self.claims)


@pytest.fixture(scope="module")
def provider():
    server = HTTPServer(("127.0.0.1", PORT), FakeProvider)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield FakeProvider
    server.shutdown()
    server.server_close()


@pytest.fixture
def configured(settings, provider):
    settings.OIDC_PROVIDER_NAME = "Ashby Vale Council"
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "a-client-secret"
    settings.OIDC_OP_AUTHORIZATION_ENDPOINT = f"{ISSUER}/authorize"
    settings.OIDC_OP_TOKEN_ENDPOINT = f"{ISSUER}/token"
    settings.OIDC_OP_USER_ENDPOINT = f"{ISSUER}/userinfo"
    settings.OIDC_OP_JWKS_ENDPOINT = f"{ISSUER}/jwks"
    return provider


def provider_sign_in(provider, claims: dict, next_path: str = "") -> tuple[Client, object]:
    """Press "Sign in with …", let the provider vouch for `claims`, and come
    back to the site's callback as the browser would."""
    client = Client()
    start = client.get("/accounts/provider/sign-in/" + (f"?next={next_path}" if next_path else ""))
    assert start.status_code == 302
    sent = parse_qs(urlparse(start["Location"]).query)
    assert start["Location"].startswith(f"{ISSUER}/authorize?")
    provider.nonce = sent["nonce"][0]
    provider.claims = {"sub": "abc-123", **claims}
    response = client.get(
        "/accounts/provider/callback/", {"code": "a-code", "state": sent["state"][0]}
    )
    return client, response


def signed_in_as(client):
    """Who the session is signed in as, or None."""
    person_id = client.session.get(SESSION_KEY)
    return User.objects.get(pk=person_id) if person_id else None


def test_the_button_shows_only_when_a_provider_is_configured(client, settings):
    assert "Sign in with" not in client.get("/accounts/sign-in/").content.decode()
    assert client.get("/accounts/provider/sign-in/").status_code == 404
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_PROVIDER_NAME = "Ashby Vale Council"
    assert "Sign in with Ashby Vale Council" in client.get("/accounts/sign-in/").content.decode()


def test_a_verified_address_signs_in_the_matching_person(configured):
    person = UserFactory(email="sam@example.org", roles=[roles.APPLICANT])
    client, response = provider_sign_in(
        configured, {"email": "Sam@Example.org", "email_verified": True}
    )
    assert response.status_code == 302
    assert response["Location"] == "/portal/"
    assert signed_in_as(client) == person
    assert client.get("/portal/").status_code == 200


@pytest.mark.parametrize(
    "claims",
    [
        {"email": "sam@example.org"},
        {"email": "sam@example.org", "email_verified": False},
        {"email": "nobody@example.org", "email_verified": True},
    ],
    ids=["unverified", "said unverified", "no such person"],
)
def test_no_one_else_is_signed_in_and_no_account_is_made(configured, claims):
    UserFactory(email="sam@example.org")
    people = User.objects.count()
    client, response = provider_sign_in(configured, claims)
    assert response["Location"] == "/accounts/sign-in/?provider=refused"
    assert signed_in_as(client) is None
    assert User.objects.count() == people
    page = client.get(response["Location"]).content.decode()
    assert "Ashby Vale Council did not sign you in here" in page


def test_staff_still_give_their_code_unless_the_provider_counts(configured, settings):
    officer = UserFactory(email="grace@example.org", roles=[roles.GRANTS_OFFICER])
    app_for(officer)
    verified = {"email": "grace@example.org", "email_verified": True}
    client, _ = provider_sign_in(configured, verified)
    assert client.get("/admin/")["Location"].startswith("/accounts/two-factor/code/")

    settings.OIDC_SATISFIES_TWO_FACTOR = True
    client, _ = provider_sign_in(configured, verified)
    assert client.get("/admin/").status_code == 200


def test_a_token_issued_to_another_application_signs_no_one_in(configured, monkeypatch):
    UserFactory(email="sam@example.org")
    monkeypatch.setattr(configured, "audience", "another-application")
    client, response = provider_sign_in(
        configured, {"email": "sam@example.org", "email_verified": True}
    )
    assert response["Location"] == "/accounts/sign-in/?provider=refused"
    assert signed_in_as(client) is None
