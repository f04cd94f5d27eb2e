"""Two-step verification for the suite: a staff member's app, the code it
shows, and a signed-in test client whose session has had its code."""

from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.services.two_factor import totp_device_add


def app_for(person) -> TOTPDevice:
    """The person's authenticator app, set up now if they have none."""
    device = TOTPDevice.objects.filter(user=person, confirmed=True).first()
    return device or totp_device_add(person=person, key=TOTPDevice._meta.get_field("key").default())


def app_code(device: TOTPDevice, at: float | None = None) -> str:
    """What the app shows now (or at `at`, seconds since 1970)."""
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits)
    if at is not None:
        totp.time = at
    return f"{totp.token():0{device.digits}d}"


def app_code_fresh(device: TOTPDevice) -> str:
    """A code the site will take now, even if one was used in this 30-second
    step already (django-otp refuses a step's code twice): the device's
    memory of the last step and of wrong codes is cleared first."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        last_t=-1, throttling_failure_count=0, throttling_failure_timestamp=None
    )
    return app_code(device)


def client_verified(client, person) -> None:
    """Mark the test client's signed-in session as having given its code, as
    `django_otp.login` does after a right one."""
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = app_for(person).persistent_id
    session.save()
