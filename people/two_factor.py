"""Two-step sign-in: who must give a code from an authenticator app, and
where.

Staff (anyone with staff or superuser status, or in one of the staff roles
of `people.roles`) must use it: their sign-in is not finished until they
have given a code, and until then every page but the sign-in steps sends
them on, whichever door they came to (the Wagtail admin, the Django admin,
the officers' and commissioners' pages, the portal). Someone signed in with
no authenticator set up yet is sent to set one up; someone who has one is
asked for a code. Everyone else may turn it on from "Two-step verification"
on their account; once they have, their sign-in asks for a code too.

django-otp keeps the devices (an app's TOTP secret, and a set of one-use
recovery codes) and marks a session verified once a code was right
(`django_otp.login`). Wrong codes are throttled per device by django-otp:
each one doubles the wait before the next is checked (1, 2, 4… seconds).

A sign-in through the council's identity provider (`people.oidc`) counts
as the second step only when OIDC_SATISFIES_TWO_FACTOR is on, for a
provider that enforces its own multi-factor sign-in.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django_otp import user_has_device

from people.roles import in_staff_role

# Set at sign-in for a person who has turned two-step verification on
# themselves (staff need it whatever the session says).
CODE_PENDING = "two_factor_pending"
# Set when the identity provider's own multi-factor sign-in counts.
PROVIDER_VERIFIED = "two_factor_by_identity_provider"

# Pages reachable before the second step: the sign-in steps themselves,
# signing out, password reset, and the files every page needs.
OPEN_PREFIXES = ("/accounts/",)


def two_factor_required(person) -> bool:
    """Whether `person` may not reach any page without a code: staff."""
    if not person.is_authenticated:
        return False
    if person.is_staff or person.is_superuser:
        return True
    return in_staff_role(person)


def session_verified(request) -> bool:
    """Whether this session's sign-in has had its second step."""
    user = request.user
    if getattr(user, "is_verified", None) and user.is_verified():
        return True
    return bool(request.session.get(PROVIDER_VERIFIED))


def sign_in_step_pending(request) -> bool:
    """Whether the signed-in person still owes this session a code."""
    if not request.user.is_authenticated or session_verified(request):
        return False
    return bool(request.session.get(CODE_PENDING)) or two_factor_required(request.user)


def sign_in_started(request, person) -> None:
    """Note, at sign-in, that a person who chose two-step verification owes
    a code; staff owe one regardless (`two_factor_required`)."""
    if user_has_device(person):
        request.session[CODE_PENDING] = True


def next_step_url(request, next_path: str = "") -> str:
    """Set-up for someone with no authenticator yet, the code page otherwise."""
    name = "two-factor-verify" if user_has_device(request.user) else "two-factor-setup"
    url = reverse(name)
    return f"{url}?{urlencode({'next': next_path})}" if next_path else url


class TwoFactorMiddleware:
    """Sends a signed-in person who still owes a code to the set-up or code
    page, before any page but the open ones. Goes after django-otp's
    OTPMiddleware, which tells whether the session is verified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._step_owed(request):
            next_path = request.get_full_path() if request.method == "GET" else ""
            return HttpResponseRedirect(next_step_url(request, next_path))
        return self.get_response(request)

    @staticmethod
    def _step_owed(request) -> bool:
        path = request.path_info
        if path.startswith(OPEN_PREFIXES) or path.startswith(settings.STATIC_URL):
            return False
        return sign_in_step_pending(request)
