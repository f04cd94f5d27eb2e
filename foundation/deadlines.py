"""The rule for moving a published deadline, the same for a tender's and a
round's dates.

Under the Procurement Act 2023 a change to a tender is published to every
supplier, suppliers are treated equally and given reasonable time; a funder
that shortens an open round breaks its promise to every applicant. So:

- an extension is always allowed, with a reason, recorded and announced;
- bringing a deadline earlier is refused once anyone has started (a draft,
  a bid, an expression of interest), and before that needs at least the
  minimum notice (setting DEADLINE_EARLIER_MINIMUM_NOTICE_DAYS);
- every move is recorded (old and new time, reason, who) as a
  DeadlineChange and in the audit trail.

Who has started and whom to tell belong to each app's own service.
"""

from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django_fsm_log.models import StateLog

from foundation.models import DeadlineChange
from foundation.templatetags.uk import moment


def when(value: datetime) -> str:
    """A moment as people read it in the UK: "midday on Friday 15 January
    2027", written by the one module every page and e-mail uses."""
    return moment(value)


def minimum_notice() -> timedelta:
    return timedelta(days=settings.DEADLINE_EARLIER_MINIMUM_NOTICE_DAYS)


def deadline_change_check(
    *, label: str, current: datetime, new: datetime, reason: str, started: bool, now=None
) -> None:
    """Refuse a move the rule does not allow, with words the officer can act on."""
    now = now or timezone.now()
    errors = {}
    if not reason.strip():
        errors["reason"] = (
            "Say why the deadline is changing: every organisation taking part is told."
        )
    if new == current:
        errors["new_deadline"] = f"The {label} is already {when(current)}."
    elif new <= now:
        errors["new_deadline"] = f"The new {label} must be in the future."
    elif new < current and started:
        errors["new_deadline"] = (
            f"The {label} cannot be brought earlier: organisations have already started. "
            "You can extend it."
        )
    elif new < current and new < now + minimum_notice():
        errors["new_deadline"] = (
            f"Bringing the {label} earlier needs at least {minimum_notice().days} days' notice: "
            f"choose {when(now + minimum_notice())} or later."
        )
    if errors:
        raise ValidationError(errors)


def deadline_change_record(
    *, subject: models.Model, field: str, label: str, new: datetime, reason: str, actor
) -> DeadlineChange:
    """Record the move and set the new time on `subject` (the caller saves,
    in the same transaction). The audit trail gets a row with both times."""
    old = getattr(subject, field)
    change = DeadlineChange.objects.create(
        content_type=ContentType.objects.get_for_model(subject),
        object_id=subject.pk,
        field=field,
        label=label,
        old_value=old,
        new_value=new,
        reason=reason.strip(),
        changed_by=actor,
    )
    state = getattr(subject, "state", "") or "unchanged"
    StateLog.objects.create(
        content_object=subject,
        by=actor,
        source_state=state,
        state=state,
        transition="deadline_change",
        description=f"The {label} moved from {when(old)} to {when(new)}: {reason.strip()}",
    )
    setattr(subject, field, new)
    return change


def deadline_changes(subject: models.Model):
    """Every notice for `subject`, oldest first."""
    return DeadlineChange.objects.filter(
        content_type=ContentType.objects.get_for_model(subject), object_id=subject.pk
    ).select_related("changed_by")


def deadline_advertised(subject: models.Model, field: str, as_published: datetime) -> datetime:
    """The deadline as people were told it: the latest notice's time, or the
    one first published when there was none."""
    latest = deadline_changes(subject).filter(field=field).last()
    return latest.new_value if latest else as_published
