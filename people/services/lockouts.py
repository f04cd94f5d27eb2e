"""Lifting a sign-in lock before its cool-off has passed.

django-axes keeps one row (an AccessAttempt) per account, address and
browser that gave a wrong password, and pauses signing in once the
account's rows, or the address's, add up to the limit. An administrator
who has checked that the person is who they say (or that an office's
shared address is not an attacker) can lift either lock at once: every row
for the account, or every row from the address, is deleted, and the
unlock is written to the audit trail in the same transaction. Setting a
new password from the e-mailed reset link lifts the account's lock too.
"""

from axes.models import AccessAttempt
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm_log.models import StateLog

from people.models import User

ACCOUNT = "account"
ADDRESS = "address"
SCOPES = {ACCOUNT: "username", ADDRESS: "ip_address"}
UNLOCK_PERMISSION = "axes.delete_accessattempt"
SIGN_IN_UNLOCK = "sign_in_unlock"


@transaction.atomic
def lockout_clear(*, actor: User, attempt: AccessAttempt, scope: str) -> int:
    """Lift the lock on `attempt`'s account (scope ACCOUNT) or address
    (scope ADDRESS), whichever addresses or accounts the other rows name.

    Returns how many rows were cleared. Raises PermissionDenied unless
    `actor` may unlock, and ValueError when the attempt names no account or
    no address to lift.
    """
    if not actor.has_perm(UNLOCK_PERMISSION):
        raise PermissionDenied("Only an administrator can lift a sign-in lock.")
    field = SCOPES[scope]
    value = getattr(attempt, field)
    if not value:
        raise ValueError(f"This attempt names no {scope} to unlock.")
    count = _attempts_clear(**{field: value})
    _unlock_audit(
        actor=actor,
        target=attempt,
        description=f"Signing in unlocked for the {scope} {value} ({count} attempts cleared).",
    )
    return count


@transaction.atomic
def lockout_clear_after_reset(*, person: User) -> int:
    """A new password set from the reset link proves the person reads the
    account's e-mail, so the account's count starts again: the locked-out
    page's "reset your password" lets them straight back in. A lock on
    their address stays; the person is not the only one behind it."""
    count = _attempts_clear(username=person.email.strip().lower())
    if count:
        _unlock_audit(
            actor=person,
            target=person,
            description=(
                f"Signing in unlocked for the account {person.email} by a password reset "
                f"({count} attempts cleared)."
            ),
        )
    return count


def _attempts_clear(**lookup) -> int:
    cleared = AccessAttempt.objects.filter(**lookup)
    count = cleared.count()
    cleared.delete()
    return count


def _unlock_audit(*, actor: User, target, description: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(target),
        object_id=target.pk,
        by=actor,
        source_state="locked",
        state="unlocked",
        transition=SIGN_IN_UNLOCK,
        description=description,
    )
