"""Subject access (UK GDPR Article 15): everything held about one person,
gathered from every app's declaration (`<app>/personal_data.py`), as data
for the JSON download and the printable page. Each export is audited: who
asked for whose data, and when."""

from dataclasses import asdict, dataclass, field
from datetime import date, datetime

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import models, transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.personal_data import PersonalRecords, personal_records
from foundation.templatetags.uk import date_and_time, long_date
from people.models import User
from people.services.erasure import personal_data_manager

SUBJECT_ACCESS_EXPORTED = "subject_access_exported"


@dataclass
class Section:
    label: str
    model: str
    columns: list[str]
    headings: list[str]
    rows: list[dict[str, str]] = field(default_factory=list)

    def table(self) -> list[list[str]]:
        """The rows as cells in the order of `headings`, for the page."""
        return [[row[name] for name in self.columns] for row in self.rows]


@dataclass
class SubjectAccessExport:
    person: str
    email: str
    generated_at: str
    sections: list[Section]

    def as_json(self) -> dict:
        return asdict(self)


def _shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return date_and_time(value)
    if isinstance(value, date):
        return long_date(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _row(record: models.Model, names: tuple[str, ...]) -> dict[str, str]:
    row = {"record": str(record)}
    for name in names:
        display = getattr(record, f"get_{name}_display", None)
        row[name] = _shown(display() if display else getattr(record, name))
    return row


def _headings(model: type[models.Model], names) -> list[str]:
    return ["Record"] + [
        str(model._meta.get_field(name).verbose_name).capitalize() for name in names
    ]


def _section(declaration: PersonalRecords, person: User) -> Section:
    model = declaration.model_class
    records = model._default_manager.filter(pk__in=declaration.records_for(person).values("pk"))
    return Section(
        label=declaration.label,
        model=model._meta.label,
        columns=["record", *declaration.shown],
        headings=_headings(model, declaration.shown),
        rows=[_row(record, declaration.shown) for record in records.order_by("pk")],
    )


def _account_history(person: User) -> Section:
    """The audit trail's entries about the account itself: roles given,
    locks lifted, exports made, an erasure."""
    entries = StateLog.objects.filter(
        content_type=ContentType.objects.get_for_model(User), object_id=person.pk
    ).select_related("by")
    shown = ("timestamp", "transition", "by", "description")
    return Section(
        label="Audit trail entries about their account",
        model="django_fsm_log.StateLog",
        columns=["record", *shown],
        headings=_headings(StateLog, shown),
        rows=[_row(entry, shown) for entry in entries.order_by("timestamp", "pk")],
    )


@transaction.atomic
def subject_access_export(*, actor: User, person: User) -> SubjectAccessExport:
    if not personal_data_manager(actor):
        raise PermissionDenied("Only an administrator can see everything held about a person.")
    sections = [_section(declaration, person) for declaration in personal_records()]
    sections.append(_account_history(person))
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_id=person.pk,
        by=actor,
        source_state="held",
        state="held",
        transition=SUBJECT_ACCESS_EXPORTED,
        description="Everything held about this person was exported.",
    )
    return SubjectAccessExport(
        person=str(person),
        email=person.email,
        generated_at=date_and_time(timezone.now()),
        sections=[section for section in sections if section.rows],
    )
