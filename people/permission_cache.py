"""A person's permissions read from the shared cache, not the database, on
every page.

Every signed-in page asks what its person may do (the staff menu, the
Wagtail admin, each view's check); Django's ModelBackend answers with two
queries a request, a fifth of the cost of the simplest signed-in page. This
backend comes before it in AUTHENTICATION_BACKENDS and answers from the
cache; ModelBackend and the others then find the answer on the person
(`_perm_cache`, where ModelBackend keeps its own) and ask nothing again.
It checks no password; a session it is named in finds its person as
ModelBackend's would.

A change of role must take effect on the person's next request, so what is
stored is never trusted past a change:

- a change that can touch anyone's permissions (a role's permissions, a
  person joining or leaving a role, a role or permission made or deleted,
  `migrate` bringing the roles up to date) moves a generation on, and a
  stored answer of an older generation is not used;
- a person saved (made superuser, say) or deleted loses their own answer.

Both happen at once, and again once the change is committed: between the
two a request in flight could have stored the answer read before the
commit. Stored answers lapse after SECONDS at most even so.
"""

import logging

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_migrate, post_save

from foundation import generations

logger = logging.getLogger(__name__)

GENERATION_KEY = "people:permissions:generation"
PERSON_KEY = "people:permissions:{}"
SECONDS = 300


class CachedPermissionsBackend(ModelBackend):
    """ModelBackend's answer, kept in the cache between requests."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        return None  # passwords are ModelBackend's, after the throttle

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if not hasattr(user_obj, "_perm_cache"):
            user_obj._perm_cache = _stored_or_read(user_obj, super().get_all_permissions)
        return user_obj._perm_cache


def _stored_or_read(person, read) -> set[str]:
    key = PERSON_KEY.format(person.pk)
    try:
        found = cache.get_many([GENERATION_KEY, key])
    except Exception:
        logger.error("Permissions could not be read from the cache", exc_info=True)
        return read(person)
    generation = found.get(GENERATION_KEY)
    stored = found.get(key)
    if generation is not None and stored is not None and stored[0] == generation:
        return set(stored[1])
    permissions = read(person)
    try:
        if generation is None:
            generation = generations.current(GENERATION_KEY)
        cache.set(key, (generation, sorted(permissions)), timeout=SECONDS)
    except Exception:
        logger.error("Permissions could not be stored in the cache", exc_info=True)
    return permissions


def _next_generation() -> None:
    generations.move_on(GENERATION_KEY, "Stored permissions")


def _forget_person(pk) -> None:
    try:
        cache.delete(PERSON_KEY.format(pk))
    except Exception:
        logger.error("Stored permissions of person %s could not be set aside", pk, exc_info=True)


def anyone_changed(sender=None, **kwargs) -> None:
    _next_generation()
    transaction.on_commit(_next_generation)


def person_changed(sender, instance, **kwargs) -> None:
    _forget_person(instance.pk)
    transaction.on_commit(lambda: _forget_person(instance.pk))


def connect() -> None:
    User = get_user_model()
    for through in (User.groups.through, User.user_permissions.through, Group.permissions.through):
        m2m_changed.connect(anyone_changed, sender=through, dispatch_uid=f"permissions-{through}")
    for model in (Group, Permission):
        post_save.connect(anyone_changed, sender=model, dispatch_uid=f"permissions-{model}")
        post_delete.connect(anyone_changed, sender=model, dispatch_uid=f"permissions-{model}-d")
    post_save.connect(person_changed, sender=User, dispatch_uid="permissions-person")
    post_delete.connect(person_changed, sender=User, dispatch_uid="permissions-person-d")
    post_migrate.connect(anyone_changed, dispatch_uid="permissions-migrate")
