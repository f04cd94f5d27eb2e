"""Signing in through the council's identity provider (OpenID Connect), for
example Microsoft Entra ID: off unless OIDC_RP_CLIENT_ID is set (see the
"Signing in through an identity provider" block of the settings).

mozilla-django-oidc runs the code flow and checks the ID token's signature
and nonce. Here it is narrowed to what the council can sign off:

- the provider only ever signs in a person who already has an account
  here, matched by an e-mail address the provider says it has verified;
  no account is created or changed from its claims, so nobody becomes
  staff, or anyone at all, because of what a provider says;
- an inactive account, or one whose address is still awaiting
  confirmation, is refused as with a password;
- the second step (`people.two_factor`) is still asked for, unless
  OIDC_SATISFIES_TWO_FACTOR says the provider enforces its own.
"""

import logging

from django.conf import settings
from django.core.exceptions import SuspiciousOperation
from django.http import Http404
from mozilla_django_oidc.auth import OIDCAuthenticationBackend
from mozilla_django_oidc.views import (
    OIDCAuthenticationCallbackView,
    OIDCAuthenticationRequestView,
)

from people.models import User
from people.two_factor import CODE_PENDING, PROVIDER_VERIFIED, sign_in_started

logger = logging.getLogger(__name__)


def oidc_enabled() -> bool:
    return bool(getattr(settings, "OIDC_RP_CLIENT_ID", ""))


def oidc_provider_name() -> str:
    return settings.OIDC_PROVIDER_NAME if oidc_enabled() else ""


def email_verified(claims: dict) -> bool:
    """Whether the provider vouches for the address: the standard
    `email_verified`, or any claim named in OIDC_VERIFIED_EMAIL_CLAIMS (Entra
    ID's optional `xms_edov`, "e-mail domain owner verified")."""
    names = settings.OIDC_VERIFIED_EMAIL_CLAIMS
    return any(claims.get(name) in (True, "true", "True", 1) for name in names)


class PeopleOIDCBackend(OIDCAuthenticationBackend):
    """Signs in the one active person whose verified e-mail address the
    provider gives; never creates or updates an account."""

    def __init__(self, *args, **kwargs):
        # Listed among the backends whether or not a provider is configured:
        # unconfigured, it answers None to everything.
        self.enabled = oidc_enabled()
        if self.enabled:
            super().__init__(*args, **kwargs)

    def authenticate(self, request, **kwargs):
        if not self.enabled or request is None:
            return None
        try:
            return super().authenticate(request, **kwargs)
        except SuspiciousOperation as refused:
            # A token that fails a check signs no one in; the person is sent
            # back to the sign-in page to be told so.
            logger.warning("Identity provider sign-in refused: %s", refused)
            return None

    def verify_token(self, token, **kwargs):
        # The library checks the signature and nonce; the token must also
        # have been issued to this site, not to another of the provider's.
        payload = super().verify_token(token, **kwargs)
        audience = payload.get("aud")
        audiences = audience if isinstance(audience, list) else [audience]
        if settings.OIDC_RP_CLIENT_ID not in audiences:
            raise SuspiciousOperation("The ID token was issued to another application.")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        # The ID token's claims (where Entra ID puts xms_edov) with the user
        # info endpoint's on top.
        return {**payload, **super().get_userinfo(access_token, id_token, payload)}

    def verify_claims(self, claims):
        if not claims.get("email"):
            return False
        if not email_verified(claims):
            logger.warning("Identity provider sign-in refused: the e-mail address is not verified.")
            return False
        return True

    def filter_users_by_claims(self, claims):
        return User.objects.filter(
            email__iexact=claims["email"].strip(), is_active=True, awaiting_confirmation=False
        )

    def create_user(self, claims):
        # Never reached (OIDC_CREATE_USER is off); refused here as well.
        return None

    def update_user(self, user, claims):
        return user

    def get_user(self, user_id):
        if not self.enabled:
            return None
        # ModelBackend's, which also refuses an account deactivated since.
        return super(OIDCAuthenticationBackend, self).get_user(user_id)


def _only_when_configured(view):
    def wrapped(request, *args, **kwargs):
        if not oidc_enabled():
            raise Http404("No identity provider is configured.")
        return view(request, *args, **kwargs)

    return wrapped


class CallbackView(OIDCAuthenticationCallbackView):
    def login_success(self):
        response = super().login_success()
        sign_in_started(self.request, self.user)
        if settings.OIDC_SATISFIES_TWO_FACTOR:
            self.request.session[PROVIDER_VERIFIED] = True
            self.request.session.pop(CODE_PENDING, None)
        return response


oidc_start = _only_when_configured(OIDCAuthenticationRequestView.as_view())
oidc_callback = _only_when_configured(CallbackView.as_view())
