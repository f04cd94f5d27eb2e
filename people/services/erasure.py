"""Erasing a person (UK GDPR Article 17), on request or at the end of the
retention period.

Nothing is deleted that other records or the audit trail stand on: the
person's account stays, under a stable pseudonym ("Person 7f3a1c2b9d") with
no e-mail address, password or role, so every record that points at it,
the append-only audit trail included, keeps its rows, counts and
transitions and shows the pseudonym instead of the name. The words other
records hold about the person (a name typed into a form, an e-mail address,
an uploaded file's name) are replaced as each app declares in its
`personal_data.py`; settings and working state that mean nothing once the
person is gone (dashboard notifications, two-factor devices, admin
preferences) are deleted.
"""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django_fsm_log.models import StateLog

from foundation.personal_data import (
    OnErasure,
    person_key,
    personal_records,
    pseudonym,
    pseudonym_email,
)
from people.models import User

MANAGE_PERSONAL_DATA = "people.manage_personal_data"
ERASED_DOMAIN = "@erased.invalid"
PERSON_ERASED = "personal_data_erased"


def personal_data_manager(actor) -> bool:
    """Administrators (and superusers) export and erase personal data."""
    return bool(
        actor
        and actor.is_authenticated
        and actor.is_active
        and (actor.is_superuser or actor.has_perm(MANAGE_PERSONAL_DATA))
    )


def person_is_erased(person: User) -> bool:
    return person.email.endswith(ERASED_DOMAIN)


def person_erase_check(*, actor: User | None, person: User) -> None:
    """Refuses (PermissionDenied or ValidationError, in plain words) an
    erasure the actor may not make; `actor` None is the retention sweep."""
    if actor is not None:
        if not personal_data_manager(actor):
            raise PermissionDenied("Only an administrator can erase a person's personal data.")
        if actor.pk == person.pk:
            raise ValidationError("You cannot erase your own account: ask another administrator.")
        if person.is_superuser and not actor.is_superuser:
            raise PermissionDenied("Only a superuser can erase a superuser's account.")
    if person_is_erased(person):
        raise ValidationError("This person's personal data has already been erased.")


@transaction.atomic
def person_erase(*, actor: User | None, person: User, reason: str) -> dict[str, int]:
    """Erase `person`; returns how many records of each kind were changed.

    `reason` goes into the audit trail, so it says why (“request of 3 March”,
    “retention period ended”), never who."""
    person = User.objects.select_for_update().get(pk=person.pk)
    person_erase_check(actor=actor, person=person)
    key = person_key(person.pk)
    changed = {}
    # Every record is found while the account still has its e-mail address:
    # some records name the person only by it.
    for declaration in personal_records():
        model = declaration.model_class
        if model is User:
            continue
        if declaration.on_erasure == OnErasure.DELETE:
            records = model._default_manager.filter(
                pk__in=declaration.records_for(person).values("pk")
            )
            count, _ = records.delete()
        elif declaration.erase:
            count = declaration.erasable_for(person).update(**declaration.replacements(key))
        else:
            continue
        if count:
            changed[declaration.label] = count

    name = pseudonym(key)
    person.first_name, person.last_name = name.split(" ", 1)
    person.email = pseudonym_email(key)
    person.set_unusable_password()  # also ends every session the person had open
    person.is_active = person.is_staff = person.is_superuser = False
    person.awaiting_confirmation = False
    person.save()
    person.groups.clear()
    person.user_permissions.clear()

    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=person.pk,
        by=actor,
        source_state="held",
        state="erased",
        transition=PERSON_ERASED,
        description=f"Personal data erased: {reason}",
    )
    return changed
