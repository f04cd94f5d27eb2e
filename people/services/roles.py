"""Giving people roles: everyone stays in their lane.

A role is a group of permissions (`people.roles`), and superuser and staff
status open every door. So:

- only a superuser may grant or take away superuser or staff status, or
  change anything about a superuser's account (its password or e-mail
  address would hand over the account);
- nobody else may give a role to anyone, themselves included, or take one
  away, unless they hold that role's rights already: every permission of
  the group is among their own.

Every admin screen that changes people's roles (the Wagtail user forms and
"Assign role", the Django admin) saves through `person_save` or
`group_people_add`, which check the rule again and write the change to the
audit trail in the same transaction.
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm_log.models import StateLog

from people.models import User

ROLES_CHANGE = "roles_change"


@dataclass(frozen=True)
class Roles:
    """What a person may do as stored: their groups and the two statuses."""

    groups: frozenset[Group]
    is_superuser: bool = False
    is_staff: bool = False


def person_roles(person: User) -> Roles:
    """The roles stored for `person`, whatever their instance now says: a
    form may already have set the new values on it."""
    if person.pk is None:
        return Roles(groups=frozenset())
    stored = User.objects.filter(pk=person.pk).values("is_superuser", "is_staff").first()
    if stored is None:
        return Roles(groups=frozenset())
    return Roles(groups=frozenset(Group.objects.filter(user__pk=person.pk)), **stored)


def group_held_by(group: Group, actor: User) -> bool:
    """Whether `actor` holds every permission of `group` themselves."""
    if actor.is_active and actor.is_superuser:
        return True
    held = actor.get_all_permissions()
    needed = group.permissions.values_list("content_type__app_label", "codename")
    return all(f"{app_label}.{codename}" in held for app_label, codename in needed)


def person_roles_check(
    *, actor: User, person: User, groups: Iterable[Group], is_superuser: bool, is_staff: bool
) -> None:
    """Raise PermissionDenied, saying why, unless `actor` may give `person`
    exactly these roles. Anything left as stored is not asked about."""
    if actor.is_active and actor.is_superuser:
        return
    before = person_roles(person)
    reasons = []
    if before.is_superuser:
        reasons.append("Only a superuser can change a superuser's account.")
    if is_superuser != before.is_superuser:
        reasons.append("Only a superuser can grant or remove superuser status.")
    if is_staff != before.is_staff:
        reasons.append("Only a superuser can grant or remove staff status.")
    changed = before.groups.symmetric_difference(groups)
    not_held = sorted(group.name for group in changed if not group_held_by(group, actor))
    if not_held:
        reasons.append(
            "You can only give or take away a role whose permissions you hold yourself; "
            f"you do not hold all of: {', '.join(not_held)}."
        )
    if reasons:
        raise PermissionDenied(" ".join(reasons))


@transaction.atomic
def person_save(
    *,
    actor: User,
    person: User,
    groups: Iterable[Group],
    is_superuser: bool | None = None,
    is_staff: bool | None = None,
) -> User:
    """Save `person` (new or changed) with these roles, once `actor` is
    allowed to give them, and audit any change of roles.

    `is_superuser` and `is_staff` left as None keep what is stored.
    """
    groups = frozenset(groups)
    before = person_roles(person)
    is_superuser = before.is_superuser if is_superuser is None else is_superuser
    is_staff = before.is_staff if is_staff is None else is_staff
    person_roles_check(
        actor=actor, person=person, groups=groups, is_superuser=is_superuser, is_staff=is_staff
    )
    person.is_superuser = is_superuser
    person.is_staff = is_staff
    person.save()
    person.groups.set(groups)
    _roles_change_audit(
        actor=actor,
        person=person,
        before=before,
        after=Roles(groups=groups, is_superuser=is_superuser, is_staff=is_staff),
    )
    return person


@transaction.atomic
def group_people_add(*, actor: User, group: Group, people: Iterable[User]) -> int:
    """Give `group` to each of `people` ("Assign role"): all or none.
    Returns how many people were given it."""
    people = list(people)
    for person in people:
        before = person_roles(person)
        person_roles_check(
            actor=actor,
            person=person,
            groups=before.groups | {group},
            is_superuser=before.is_superuser,
            is_staff=before.is_staff,
        )
    for person in people:
        before = person_roles(person)
        person_save(actor=actor, person=person, groups=before.groups | {group})
    return len(people)


def _roles_change_audit(*, actor: User, person: User, before: Roles, after: Roles) -> None:
    changes = []
    if added := sorted(group.name for group in after.groups - before.groups):
        changes.append(f"roles added: {', '.join(added)}")
    if removed := sorted(group.name for group in before.groups - after.groups):
        changes.append(f"roles removed: {', '.join(removed)}")
    for status in ("is_superuser", "is_staff"):
        was, now = getattr(before, status), getattr(after, status)
        if was != now:
            name = "superuser" if status == "is_superuser" else "staff"
            changes.append(f"{name} status {'granted' if now else 'removed'}")
    if not changes:
        return
    state = "active" if person.is_active else "inactive"
    StateLog.objects.create(
        content_object=person,
        by=actor,
        source_state=state,
        state=state,
        transition=ROLES_CHANGE,
        description=f"{person.email}: " + "; ".join(changes) + ".",
    )
