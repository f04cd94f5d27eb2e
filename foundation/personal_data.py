"""Personal data: which records name a person, how long each kind is kept,
and what erasing a person changes in them.

UK GDPR gives a person the right to a copy of everything held about them
(subject access, Article 15) and to erasure (Article 17), and keeps data no
longer than its purpose needs (storage limitation, Article 5(1)(e)). The
registry lives here, at the bottom of the stack, and each app declares its
own records in its `personal_data.py`, registered from its
`AppConfig.ready()`: no lower app needs to know the higher ones, and a test
walks every model that points at a person or holds an e-mail address or a
name and fails when no declaration covers it.

Erasure keeps the audit trail whole: no row is deleted, so counts and
transitions stay as they were. The person's own account is replaced by a
stable pseudonym (`pseudonym`), which every record pointing at the account
then shows, and the words a record holds about the person (a name typed
into a form, an e-mail address, an uploaded file's name) are replaced too.
"""

import hashlib
import hmac
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from django.apps import apps
from django.conf import settings
from django.db import models
from django.db.models import Q


class OnErasure(StrEnum):
    KEEP = "keep"  # the row stays; the fields in `erase` are replaced
    DELETE = "delete"  # nothing worth keeping once the person is gone


@dataclass(frozen=True)
class RetentionKind:
    """One kind of record kept for a period, as the privacy page states it.

    `months` is the default; administrators may change it in the admin
    (people.RetentionRule). `starts` says from when the period runs.
    """

    key: str
    label: str
    months: int
    starts: str
    purpose: str


@dataclass(frozen=True)
class PersonalRecords:
    """Records of one model that name a person.

    - `people`: lookups from the model to the person ("created_by",
      "member__user");
    - `emails`: fields holding an e-mail address, matched to the person's;
    - `shown`: the fields a subject access export lists (plus the record
      itself as people read it);
    - `erase`: field -> replacement, `{pseudonym}` standing for the
      person's pseudonym, applied when the person is erased and, for records
      past their retention period, by the monthly sweep;
    - `retention`: the kinds this model's records fall under, and `expired`,
      given the cutoff date of each kind, the records whose period has run
      out. A model without `retention` is kept as long as the account.
    """

    model: str
    label: str
    people: tuple[str, ...] = ()
    emails: tuple[str, ...] = ()
    shown: tuple[str, ...] = ()
    erase: Mapping[str, str] = field(default_factory=dict)
    on_erasure: OnErasure = OnErasure.KEEP
    retention: tuple[str, ...] = ()
    expired: Callable[[Mapping[str, datetime]], Q] | None = None

    @property
    def installed(self) -> bool:
        try:
            apps.get_model(self.model)
        except LookupError:
            return False
        return True

    @property
    def model_class(self) -> type[models.Model]:
        return apps.get_model(self.model)

    def covered_fields(self) -> set[str]:
        """The model's own fields this declaration accounts for."""
        return (
            {lookup.split("__")[0] for lookup in self.people} | set(self.emails) | set(self.erase)
        )

    def naming(self, person) -> Q:
        condition = Q(pk__in=[])
        for lookup in self.people:
            condition |= Q(**{lookup: person.pk})
        if person.email:
            for name in self.emails:
                condition |= Q(**{f"{name}__iexact": person.email})
        return condition

    def records_for(self, person) -> models.QuerySet:
        return self.model_class._default_manager.filter(self.naming(person)).distinct()

    def erasable_for(self, person) -> models.QuerySet:
        """The records whose `erase` fields hold words about `person`. Where
        the words are given with an e-mail address (a suggestion, an
        invitation), only the records with the person's address: a
        suggestion an officer moderated holds the suggester's name, not the
        officer's."""
        manager = self.model_class._default_manager
        if self.emails:
            if not person.email:
                return manager.none()
            by_address = Q(pk__in=[])
            for name in self.emails:
                by_address |= Q(**{f"{name}__iexact": person.email})
            return manager.filter(by_address)
        return manager.filter(pk__in=self.records_for(person).values("pk"))

    def replacements(self, key: str) -> dict[str, str]:
        """The `erase` values for the person (or record) known by `key`."""
        names = {"pseudonym": pseudonym(key), "pseudonym_email": pseudonym_email(key)}
        return {name: value.format(**names) for name, value in self.erase.items()}


_records: dict[str, PersonalRecords] = {}
_kinds: dict[str, RetentionKind] = {}


def personal_records_register(*declarations: PersonalRecords) -> None:
    for declaration in declarations:
        _records[declaration.model] = declaration


def retention_kinds_register(*kinds: RetentionKind) -> None:
    for kind in kinds:
        _kinds[kind.key] = kind


def personal_records() -> list[PersonalRecords]:
    """Every declaration whose model is installed, in registration order."""
    return [declaration for declaration in _records.values() if declaration.installed]


def retention_kinds() -> list[RetentionKind]:
    return list(_kinds.values())


def _digest(key: str) -> str:
    return hmac.new(settings.SECRET_KEY.encode(), key.encode(), hashlib.sha256).hexdigest()[:10]


def person_key(person_pk: int) -> str:
    return f"person:{person_pk}"


def pseudonym(key: str) -> str:
    """ "Person 7f3a1c2b9d": the same for the same person every time, and
    not to be turned back into the id without the site's secret key."""
    return f"Person {_digest(key)}"


def pseudonym_email(key: str) -> str:
    # .invalid is reserved (RFC 2606): nothing is ever delivered there.
    return f"person-{_digest(key)}@erased.invalid"


# The foundation's own records: the audit trail and moved deadlines.
AUDIT_TRAIL = PersonalRecords(
    model="django_fsm_log.StateLog",
    label="Audit trail entries made by them",
    people=("by",),
    shown=("timestamp", "transition", "source_state", "state", "description"),
)
DEADLINE_CHANGES = PersonalRecords(
    model="foundation.DeadlineChange",
    label="Published deadlines they moved",
    people=("changed_by",),
    shown=("label", "old_value", "new_value", "reason", "changed_at"),
)

SENT_EMAIL = "foundation.sent_email"
SENT_EMAIL_KIND = RetentionKind(
    key=SENT_EMAIL,
    label="E-mails we sent you",
    months=12,
    starts="after they were sent",
    purpose="so that we can show what we told you and when",
)


def _sent_before(cutoffs: Mapping[str, datetime]) -> Q:
    # The period runs from sending, however long the e-mail waited to go;
    # one that never could be sent, from when it was written. A row is only
    # scrubbed, never deleted: a reminder points at its e-mail, and the row
    # is what stops the same e-mail being sent twice.
    cutoff = cutoffs[SENT_EMAIL]
    return Q(state="sent", sent_at__lt=cutoff) | Q(state="failed", created_at__lt=cutoff)


OUTBOX = PersonalRecords(
    model="foundation.OutgoingEmail",
    label="E-mails sent to them",
    emails=("to",),
    shown=("subject", "created_at", "sent_at", "state"),
    erase={"to": "{pseudonym_email}", "subject": "Removed", "body": ""},
    retention=(SENT_EMAIL,),
    expired=_sent_before,
)


def foundation_records_register() -> None:
    retention_kinds_register(SENT_EMAIL_KIND)
    personal_records_register(AUDIT_TRAIL, DEADLINE_CHANGES, OUTBOX)
