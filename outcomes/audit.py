"""Every outcomes step in the audit trail, as the other apps write theirs.
An answer given through an anonymous link is recorded with no person as
`by` (foundation.audit.SYSTEM): the trail, like the answer, names nobody."""

from django.contrib.contenttypes.models import ContentType
from django_fsm_log.models import StateLog


def outcomes_audit(record, *, actor, transition: str, state: str, text: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(record),
        object_id=record.pk,
        by=actor,
        source_state="",
        state=state,
        transition=transition,
        description=text[:1000],
    )
