"""Setting up, using and removing two-step verification.

A person's two-step verification is one authenticator app (a TOTP device
holding the secret their app was given) and one set of recovery codes (a
static device), made together and removed together. Each recovery code
works once. Every device added or removed, every recovery code used and
every new set of codes is written to the audit trail, naming the person.
"""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm_log.models import StateLog
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from people.models import User

RECOVERY_CODE_COUNT = 10
APP_NAME = "Authenticator app"
RECOVERY_NAME = "Recovery codes"

DEVICE_ADD = "two_factor_device_add"
DEVICE_REMOVE = "two_factor_device_remove"
RECOVERY_CODE_USE = "two_factor_recovery_code_use"
RECOVERY_CODES_RENEW = "two_factor_recovery_codes_renew"


class CodeRefused(Exception):
    """The code was wrong, or it came too soon after wrong ones."""

    def __init__(self, message: str, *, wait_until: datetime | None = None):
        super().__init__(message)
        self.wait_until = wait_until


@dataclass(frozen=True)
class Verified:
    device: TOTPDevice | StaticDevice
    recovery_codes_left: int | None = None  # set when a recovery code was used


def totp_code_matches(*, key: str, code: str, at: float | None = None) -> bool:
    """Whether `code` is the one an app holding `key` (hex) shows now (or
    at `at`), a step either side allowed for a slow clock."""
    totp = TOTP(bytes.fromhex(key))
    if at is not None:
        totp.time = at
    try:
        return totp.verify(int(code), tolerance=1)
    except ValueError:
        return False


@transaction.atomic
def two_factor_enrol(*, person: User, key: str, code: str) -> tuple[TOTPDevice, list[str]]:
    """Turn two-step verification on for `person` with the app that was
    given `key`, once `code` shows the app has it. Returns the app's device
    and the new recovery codes, which are shown once and never again.

    Raises CodeRefused when the code is not the app's.
    """
    if not totp_code_matches(key=key, code=code.strip().replace(" ", "")):
        raise CodeRefused(
            "That code is not the one your app shows. Check the app was set up with the "
            "setup key on this page, then enter the code it shows now."
        )
    two_factor_remove(person=person, actor=person)  # a replaced app is audited as removed
    device = totp_device_add(person=person, key=key)
    _audit(person, actor=person, transition=DEVICE_ADD, state="on", text="Authenticator app added.")
    codes = recovery_codes_renew(person=person, audited=False)
    device.last_t = TOTP(bytes.fromhex(key)).t()  # the code just given may not be used again
    device.save(update_fields=["last_t"])
    return device, codes


def totp_device_add(*, person: User, key: str) -> TOTPDevice:
    """A confirmed app for `person` holding `key` (hex); the callers audit."""
    return TOTPDevice.objects.create(user=person, name=APP_NAME, key=key, confirmed=True)


@transaction.atomic
def totp_device_enrol(*, person: User, key: str, actor: User | None) -> TOTPDevice:
    """Give `person` an app with a known secret, without a code: only for
    the demo's staff, whose secret is printed in the README (no `actor`:
    the demo loader)."""
    two_factor_remove(person=person, actor=actor)
    device = totp_device_add(person=person, key=key)
    _audit(person, actor=actor, transition=DEVICE_ADD, state="on", text="Authenticator app added.")
    return device


@transaction.atomic
def recovery_codes_renew(*, person: User, audited: bool = True) -> list[str]:
    """A new set of recovery codes for `person`; the old set stops working."""
    StaticDevice.objects.filter(user=person).delete()
    device = StaticDevice.objects.create(user=person, name=RECOVERY_NAME, confirmed=True)
    codes = [StaticToken.random_token() for _ in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    if audited:
        _audit(
            person,
            actor=person,
            transition=RECOVERY_CODES_RENEW,
            state="on",
            text=f"{RECOVERY_CODE_COUNT} new recovery codes made; the old ones no longer work.",
        )
    return codes


@transaction.atomic
def two_factor_remove(*, person: User, actor: User | None) -> int:
    """Remove `person`'s app and recovery codes. Returns how many devices
    went. Staff are asked to set up a new app at their next page."""
    removed = 0
    for model in (TOTPDevice, StaticDevice):
        removed += model.objects.filter(user=person).delete()[1].get(model._meta.label, 0)
    if removed:
        _audit(
            person,
            actor=actor,
            transition=DEVICE_REMOVE,
            state="off",
            text="Authenticator app and recovery codes removed.",
        )
    return removed


def two_factor_reset_allowed(*, actor: User, person: User) -> bool:
    """Who may remove someone else's app (a lost phone): those who may change
    people; only a superuser may touch a superuser's account."""
    if actor.pk == person.pk or not actor.has_perm("people.change_user"):
        return False
    return actor.is_superuser or not person.is_superuser


@transaction.atomic
def two_factor_reset(*, person: User, actor: User) -> int:
    """An administrator removes `person`'s app and recovery codes, say after
    a lost phone: at their next sign-in staff set up a new app."""
    if not two_factor_reset_allowed(actor=actor, person=person):
        raise PermissionDenied("You may not reset this person's two-step verification.")
    return two_factor_remove(person=person, actor=actor)


def two_factor_verify(*, person: User, code: str) -> Verified:
    """Check a code from `person`'s app, or one of their recovery codes.

    Raises CodeRefused for a wrong code, and for any code while a device is
    still waiting out the pause that wrong codes bring (django-otp doubles
    it with each one). A recovery code, once accepted, is used up.
    """
    # The wrong code's count is committed before the refusal is raised, or
    # the pause would never grow.
    outcome = _code_check(
        person=person, code=code.strip().replace(" ", "").replace("-", "").lower()
    )
    if isinstance(outcome, CodeRefused):
        raise outcome
    return outcome


@transaction.atomic
def _code_check(*, person: User, code: str) -> "Verified | CodeRefused":
    devices = list(devices_for_user(person, for_verify=True))
    for device in devices:
        allowed, why = device.verify_is_allowed()
        if not allowed:
            return CodeRefused(
                "Too many wrong codes. Wait a moment, then enter the code your app shows now.",
                wait_until=(why or {}).get("locked_until"),
            )
    for device in devices:
        if isinstance(device, TOTPDevice) and not code.isdigit():
            continue
        if device.verify_token(code):
            if isinstance(device, StaticDevice):
                left = device.token_set.count()
                _audit(
                    person,
                    actor=person,
                    transition=RECOVERY_CODE_USE,
                    state="on",
                    text=f"Recovery code used to sign in; {left} left.",
                )
                return Verified(device=device, recovery_codes_left=left)
            return Verified(device=device)
    return CodeRefused(
        "That code is not right. Enter the code your app shows now, or a recovery code."
    )


def _audit(person: User, *, actor: User | None, transition: str, state: str, text: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(person),
        object_id=person.pk,
        by=actor,
        source_state=None,
        state=state,
        transition=transition,
        description=f"Two-step verification: {text}",
    )
