"""Every finance step in the audit trail, as the other apps write theirs:
who, when, from, to, what. No row ever holds more of a bank account than
its last four digits."""

from django.contrib.contenttypes.models import ContentType
from django_fsm_log.models import StateLog


def finance_audit(record, *, actor, transition: str, source: str, state: str, text: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        by=actor,
        source_state=source,
        state=state,
        transition=transition,
        description=text[:1000],
    )
