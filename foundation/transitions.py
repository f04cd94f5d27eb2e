"""Applying a workflow transition on behalf of a person, with the checks
every service needs: the person holds the move's permission, the move
exists from the current state, and its conditions hold."""

from django.core.exceptions import PermissionDenied, ValidationError
from django_fsm import can_proceed


def _allowed(instance, permission, actor) -> bool:
    if not permission:
        return True
    if callable(permission):
        return bool(permission(instance, actor))
    return actor is not None and actor.has_perm(permission)


def transition_apply(instance, name: str, *, actor, refused: str | None = None, **kwargs):
    """Call transition `name` on `instance` as `actor`; the caller saves.

    The role is checked before the state, so a person without the right
    role is refused (PermissionDenied) whatever the state; a person with it
    gets a plain-words ValidationError when the move is not possible now.
    Nothing changes on either refusal.
    """
    method = getattr(instance, name)
    permissions = {t.permission for t in method._django_fsm.transitions.values()}
    if not all(_allowed(instance, permission, actor) for permission in permissions):
        raise PermissionDenied("You do not have permission to do this.")
    if not can_proceed(method):
        raise ValidationError(
            refused or f"This cannot be done while it is “{instance.get_state_display().lower()}”."
        )
    method(by=actor, **kwargs)
    return instance
