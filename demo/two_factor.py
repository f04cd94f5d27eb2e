"""Two-step verification for the demo's staff.

Staff must give a code from an authenticator app after their password
(people.two_factor). So that anyone trying the demo can sign in as them,
the demo's staff share one published secret: add it to any authenticator
app, or print the current code with `python manage.py demo_code <email>`
(refused unless DEBUG is on). Never use it outside the demo.
"""

from base64 import b32decode

from django_otp import user_has_device
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.services.two_factor import totp_device_enrol
from people.two_factor import two_factor_required

# 20 bytes in base32, as authenticator apps take it; printed in the README.
DEMO_TOTP_SECRET = "COMMONGROUNDDEMOASHBYVALETWOSTEP"  # noqa: S105 - demo sign-in only
DEMO_TOTP_KEY = b32decode(DEMO_TOTP_SECRET).hex()


def demo_staff_enrol(person) -> None:
    """Set up the demo's app for a demo staff member who has none."""
    if two_factor_required(person) and not user_has_device(person):
        totp_device_enrol(person=person, key=DEMO_TOTP_KEY, actor=None)


def demo_code(email: str) -> str | None:
    """The code the demo app shows now for `email`; None unless that person's
    app holds the demo secret."""
    device = TOTPDevice.objects.filter(
        user__email=email.strip().lower(), key=DEMO_TOTP_KEY, confirmed=True
    ).first()
    if device is None:
        return None
    return f"{TOTP(device.bin_key).token():06d}"
