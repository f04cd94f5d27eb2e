"""The retention schedule and the monthly sweep that anonymises what has
passed its period (UK GDPR Article 5(1)(e), storage limitation).

Each app declares its kinds of record and their default periods in its
`personal_data.py`; an administrator may change a period in the admin
(people.RetentionRule). The sweep, run monthly by Celery beat, does two
things, both safe to repeat:

1. records past their period lose the words they hold about a person (a
   name or e-mail address typed into a form, an uploaded file's name, an
   e-mail's text), or are deleted where nothing in them is worth keeping;
2. a person whose account nobody has signed in to for the dormant-account
   period, and whose every record has passed its own period, is erased
   (`people.services.erasure`): the account stays under a pseudonym, so the
   audit trail keeps every row.

Superusers are never erased by the sweep: someone must be left to sign in.
"""

from dataclasses import dataclass
from datetime import date, datetime, time

from dateutil.relativedelta import relativedelta
from django.db import transaction
from django.utils import timezone

from foundation.personal_data import (
    OnErasure,
    PersonalRecords,
    personal_records,
    retention_kinds,
)
from people.models import RetentionRule, User
from people.services.erasure import ERASED_DOMAIN, person_erase

RETENTION_ENDED = "retention period ended"


@dataclass(frozen=True)
class ScheduleEntry:
    key: str
    label: str
    months: int
    starts: str
    purpose: str

    @property
    def period(self) -> str:
        years, months = divmod(self.months, 12)
        if months:
            return f"{self.months} months"
        return "1 year" if years == 1 else f"{years} years"


def retention_schedule() -> list[ScheduleEntry]:
    """Every kind with the period in force: the administrator's, or the
    declared default until one is set."""
    months = dict(RetentionRule.objects.values_list("kind", "months"))
    return [
        ScheduleEntry(
            key=kind.key,
            label=kind.label,
            months=months.get(kind.key, kind.months),
            starts=kind.starts,
            purpose=kind.purpose,
        )
        for kind in retention_kinds()
    ]


def retention_cutoffs(*, today: date) -> dict[str, datetime]:
    """For each kind, the moment before which its period has run out."""
    tz = timezone.get_current_timezone()
    return {
        entry.key: datetime.combine(today - relativedelta(months=entry.months), time.min, tz)
        for entry in retention_schedule()
    }


def _expired_records(declaration: PersonalRecords, cutoffs):
    model = declaration.model_class
    return model._default_manager.filter(
        pk__in=model._default_manager.filter(declaration.expired(cutoffs)).values("pk")
    )


def _records_scrub(declaration: PersonalRecords, cutoffs) -> int:
    records = _expired_records(declaration, cutoffs)
    if declaration.on_erasure == OnErasure.DELETE:
        count, _ = records.delete()
        return count
    count = 0
    fields = list(declaration.erase)
    for row in records.values("pk", *fields):
        # Each record gets its own stable pseudonym; a record already
        # scrubbed is left alone, so the count is of records changed now.
        replacements = declaration.replacements(f"{declaration.model}:{row['pk']}")
        if any(row[name] != value for name, value in replacements.items()):
            records.filter(pk=row["pk"]).update(**replacements)
            count += 1
    return count


def _still_held(person: User, cutoffs) -> bool:
    """Whether any record naming `person` is still within its period."""
    for declaration in personal_records():
        if declaration.expired is None or declaration.model_class is User:
            continue
        if declaration.records_for(person).exclude(declaration.expired(cutoffs)).exists():
            return True
    return False


@transaction.atomic
def retention_sweep(*, today: date) -> dict[str, int]:
    """Anonymise what has passed its period on `today`; returns how many
    records of each kind changed (and "People erased")."""
    cutoffs = retention_cutoffs(today=today)
    changed: dict[str, int] = {}
    for declaration in personal_records():
        if declaration.expired is None or declaration.model_class is User:
            continue
        if not (declaration.erase or declaration.on_erasure == OnErasure.DELETE):
            continue
        count = _records_scrub(declaration, cutoffs)
        if count:
            changed[declaration.label] = count

    account = next(d for d in personal_records() if d.model_class is User)
    dormant = (
        User.objects.filter(account.expired(cutoffs))
        .exclude(is_superuser=True)
        .exclude(email__endswith=ERASED_DOMAIN)
    )
    erased = 0
    for person in dormant:
        if not _still_held(person, cutoffs):
            person_erase(actor=None, person=person, reason=RETENTION_ENDED)
            erased += 1
    if erased:
        changed["People erased"] = erased
    return changed
