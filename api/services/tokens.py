"""Making and revoking API tokens. A token is a random secret; the database
keeps its SHA-256 hash, so a copy of the database gives no one access.
Every token made or revoked is written to the audit trail."""

import hashlib
import secrets

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from api.models import ApiToken

MANAGE = "api.add_apitoken"


def token_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def _audit(token: ApiToken, *, actor, transition: str, source: str, state: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(ApiToken),
        object_id=token.pk,
        by=actor,
        source_state=source,
        state=state,
        transition=transition,
        description=f"API token {token} for {token.user}"[:1000],
    )


@transaction.atomic
def token_create(*, user, name: str, actor) -> tuple[ApiToken, str]:
    """A new token for `user`; returns the token and the secret, which is
    shown to the person making it once and never stored."""
    if not actor.has_perm(MANAGE):
        raise PermissionDenied("Only an administrator makes API tokens.")
    if not user.is_active:
        raise ValidationError("A token cannot be made for an account that is switched off.")
    raw = secrets.token_urlsafe(32)
    token = ApiToken.objects.create(
        user=user, name=name, prefix=raw[:8], key_hash=token_hash(raw), created_by=actor
    )
    _audit(token, actor=actor, transition="token_create", source="", state="active")
    return token, raw


@transaction.atomic
def token_revoke(*, token: ApiToken, actor) -> ApiToken:
    if not actor.has_perm("api.change_apitoken"):
        raise PermissionDenied("Only an administrator revokes API tokens.")
    token = ApiToken.objects.select_for_update().get(pk=token.pk)
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])
        _audit(token, actor=actor, transition="token_revoke", source="active", state="revoked")
    return token


def token_user(raw: str):
    """The live token matching the secret, or None."""
    token = (
        ApiToken.objects.filter(key_hash=token_hash(raw), revoked_at__isnull=True)
        .select_related("user")
        .first()
    )
    if token is None or not token.user.is_active:
        return None
    now = timezone.now()
    # Written at most once a minute, so a busy integration does not write on every call.
    if token.last_used_at is None or (now - token.last_used_at).total_seconds() > 60:
        ApiToken.objects.filter(pk=token.pk).update(last_used_at=now)
    return token
