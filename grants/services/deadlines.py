"""Moving an announced round's dates: only by this recorded change, with a
reason, told to every organisation with an application (foundation.
deadlines holds the rule: extensions always, earlier only before anyone has
started and with the minimum notice). Before a round is announced its dates
are edited in the admin like any other detail."""

from datetime import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from foundation.deadlines import deadline_change_check, deadline_change_record, when
from foundation.models import DeadlineChange
from grants import notifications
from grants.models import Application, Round

# The person who runs rounds: the same right that edits them in the admin.
ROUND_MANAGER = "grants.change_round"

# A round's dates, as applicants call them.
ROUND_DATES = {
    "closes_at": "closing date",
    "opens_at": "opening date",
}


@transaction.atomic
def round_date_change(
    *, round_: Round, field: str, new: datetime, reason: str, actor
) -> DeadlineChange:
    if actor is None or not actor.has_perm(ROUND_MANAGER):
        raise PermissionDenied("Only a grants officer can change a round's dates.")
    if field not in ROUND_DATES:
        raise ValidationError({"which": "Choose which date to change."})
    round_ = Round.objects.select_for_update().get(pk=round_.pk)
    now = timezone.now()
    if not round_.is_announced(now=now):
        raise ValidationError(
            "This round has not been announced yet: edit its dates directly in the admin."
        )
    label = ROUND_DATES[field]
    applications = list(
        Application.objects.filter(round=round_).select_related("organisation").order_by("pk")
    )
    errors = {}
    try:
        deadline_change_check(
            label=label,
            current=getattr(round_, field),
            new=new,
            reason=reason,
            started=bool(applications),
            now=now,
        )
    except ValidationError as refused:
        errors = refused.message_dict
    if field == "opens_at" and round_.opens_at <= now:
        errors["new_deadline"] = ["The round has already opened: its opening date cannot change."]
    elif "new_deadline" not in errors and (problem := _out_of_order(round_, field, new)):
        errors["new_deadline"] = [problem]
    if errors:
        raise ValidationError(errors)
    change = deadline_change_record(
        subject=round_, field=field, label=label, new=new, reason=reason, actor=actor
    )
    round_.save(update_fields=[field])
    # One application per organisation is told: the newest, if one withdrew
    # and applied again.
    latest = {a.organisation_id: a for a in applications}
    notifications.round_date_changed_notify(round_, change, latest.values())
    return change


def _out_of_order(round_: Round, field: str, new: datetime) -> str:
    """A round opens before it closes."""
    if field == "opens_at" and new >= round_.closes_at:
        return f"The round must open before it closes, at {when(round_.closes_at)}."
    if field == "closes_at" and new <= round_.opens_at:
        return f"The round must close after it opens, at {when(round_.opens_at)}."
    return ""
