"""Two-step verification pages: set up an authenticator app, enter a code
after the password, see recovery codes once, and turn it off or renew
the codes from the account page. The rules are in `people.two_factor` and
`people.services.two_factor`."""

from base64 import b32encode
from urllib.parse import urlencode

import django_otp
import segno
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST
from django_otp import user_has_device
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp.util import random_hex

from foundation.redirects import next_url, safe_next
from people.forms import TwoFactorCodeForm, TwoFactorSetupForm
from people.services import two_factor as services
from people.services.two_factor import CodeRefused
from people.two_factor import CODE_PENDING, session_verified, two_factor_required

# The secret being set up, kept in the session until a code proves the app
# has it: no device is stored for an abandoned set-up.
SETUP_KEY = "two_factor_setup_key"
# Recovery codes just made, shown by the next page and then forgotten.
NEW_CODES = "two_factor_new_codes"


def _with_next(name: str, request) -> str:
    url = reverse(name)
    following = next_url(request)
    return f"{url}?{urlencode({'next': following})}" if following else url


@login_required
def two_factor_setup(request):
    # Someone who already has an app must prove it before replacing it, or
    # a stolen password alone would let a stranger set up their own.
    if user_has_device(request.user) and not session_verified(request):
        return HttpResponseRedirect(_with_next("two-factor-verify", request))
    key = request.session.get(SETUP_KEY) or random_hex(20)
    request.session[SETUP_KEY] = key
    form = TwoFactorSetupForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            device, codes = services.two_factor_enrol(
                person=request.user, key=key, code=form.cleaned_data["code"]
            )
        except CodeRefused as refused:
            form.add_error("code", str(refused))
        else:
            django_otp.login(request, device)
            request.session.pop(SETUP_KEY, None)
            request.session.pop(CODE_PENDING, None)
            request.session[NEW_CODES] = codes
            return HttpResponseRedirect(_with_next("two-factor-recovery-codes", request))
    app = TOTPDevice(user=request.user, key=key)
    secret = b32encode(bytes.fromhex(key)).decode()
    context = {
        "form": form,
        "next": next_url(request),
        "required": two_factor_required(request.user),
        "qr_code": segno.make(app.config_url, error="m").svg_inline(
            scale=4, border=4, light="#fff", title="QR code holding the secret below"
        ),
        "secret_groups": [secret[i : i + 4] for i in range(0, len(secret), 4)],
    }
    return render(request, "registration/two_factor_setup.html", context)


@login_required
def two_factor_recovery_codes(request):
    codes = request.session.pop(NEW_CODES, None)
    if not codes:
        # Shown once only: going back to the page does not show them again.
        return redirect("two-factor-manage")
    return render(
        request,
        "registration/two_factor_recovery_codes.html",
        {"codes": codes, "continue_to": safe_next(request)},
    )


@login_required
def two_factor_verify(request):
    if not user_has_device(request.user):
        return HttpResponseRedirect(_with_next("two-factor-setup", request))
    if session_verified(request):
        return HttpResponseRedirect(safe_next(request))
    form = TwoFactorCodeForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            verified = services.two_factor_verify(
                person=request.user, code=form.cleaned_data["code"]
            )
        except CodeRefused as refused:
            form.add_error("code", str(refused))
        else:
            django_otp.login(request, verified.device)
            request.session.pop(CODE_PENDING, None)
            if verified.recovery_codes_left is not None:
                messages.warning(
                    request,
                    f"You used a recovery code. You have {verified.recovery_codes_left} left: "
                    "make a new set from Two-step verification on your account.",
                )
            return HttpResponseRedirect(safe_next(request))
    return render(
        request, "registration/two_factor_verify.html", {"form": form, "next": next_url(request)}
    )


@login_required
def two_factor_manage(request):
    """The account page's two-step verification: on or off, and what to do."""
    return render(
        request,
        "registration/two_factor_manage.html",
        {
            "enabled": user_has_device(request.user),
            "verified": session_verified(request),
            "required": two_factor_required(request.user),
        },
    )


@login_required
@require_POST
def two_factor_turn_off(request):
    if not session_verified(request):
        return redirect("two-factor-verify")
    services.two_factor_remove(person=request.user, actor=request.user)
    request.session.pop(CODE_PENDING, None)
    if two_factor_required(request.user):
        messages.info(request, "Your app was removed. Set up an app again to carry on.")
        return redirect("two-factor-setup")
    messages.success(request, "Two-step verification is off.")
    return redirect("two-factor-manage")


@login_required
@require_POST
def two_factor_codes_renew(request):
    if not session_verified(request):
        return redirect("two-factor-verify")
    if not user_has_device(request.user):
        return redirect("two-factor-setup")
    request.session[NEW_CODES] = services.recovery_codes_renew(person=request.user)
    if isinstance(request.user.otp_device, StaticDevice):
        # Signed in with a code of the old set: stay signed in with the new.
        django_otp.login(request, StaticDevice.objects.get(user=request.user))
    return redirect("two-factor-recovery-codes")
