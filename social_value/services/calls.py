"""Setting a call up and opening it for scoring."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction

from social_value.models import Call, CallState
from social_value.permissions import can_manage
from social_value.services.panels import panel_problems


def call_criteria_problems(*, call: Call) -> list[str]:
    """Everything wrong with a call's criteria (the rule is the call's own)."""
    return call.criteria_problems()


@transaction.atomic
def call_open_scoring(*, call: Call, actor) -> Call:
    if not can_manage(call=call, user=actor):
        raise PermissionDenied("Only an officer can open scoring.")
    call = Call.objects.select_for_update().get(pk=call.pk)
    if call.state != CallState.SETUP:
        raise ValidationError("Scoring has already been opened for this call.")
    problems = call_criteria_problems(call=call) + panel_problems(call=call)
    if problems:
        raise ValidationError(problems)
    call.open_scoring(by=actor, description="Scoring opened")
    call.save()
    return call
