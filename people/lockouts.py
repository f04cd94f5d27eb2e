"""Whose guesses, and from where: how django-axes reads a sign-in attempt.

Wrong passwords are counted per account and per address (the settings'
"Signing in" block); these two functions decide what "the account" and
"the address" of an attempt are, and what the right password clears. The
officers' list of locks and the
unlock are `people.wagtail_hooks` and `people.services.lockouts`.
"""

import ipaddress

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings


def sign_in_username(request, credentials: dict | None = None) -> str | None:
    """The e-mail address tried, stripped and in lower case, so that changing
    its case or adding spaces does not start a fresh count."""
    field = settings.AXES_USERNAME_FORM_FIELD
    if credentials:
        value = credentials.get(field)
    else:
        value = getattr(request, "data", request.POST).get(field)
    if not value:
        return None
    return str(value).strip().lower()


def sign_in_address(request) -> str | None:
    """The address the attempt came from: REMOTE_ADDR, or behind
    TRUSTED_PROXY_COUNT proxies the one the outermost proxy added to
    X-Forwarded-For. Entries to the left of it were written by the client
    and prove nothing; a header too short to have passed through every
    proxy, or not an address, is ignored."""
    remote = request.META.get("REMOTE_ADDR") or None
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [part for part in forwarded if part]
    if len(forwarded) < proxies:
        return remote
    candidate = forwarded[-proxies]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


class AccountAttemptsHandler(AxesDatabaseHandler):
    """axes' database handler, except that the right password clears only
    the signed-in account's wrong passwords.

    axes would also clear every row from the address, whichever account it
    named: anyone with an account of their own (sign-up is open) could then
    guess someone else's password four times, sign in as themselves, and
    guess again, and the other account would never lock."""

    def reset_user_attempts(self, request, credentials: dict | None = None) -> int:
        username = get_client_username(request, credentials)
        if not username:
            return 0
        cleared = AccessAttempt.objects.filter(username=username)
        count = cleared.count()
        cleared.delete()
        return count
