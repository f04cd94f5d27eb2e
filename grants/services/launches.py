"""A round's launch: one officer sends it for approval, another approves it
with a reason recorded in the audit trail, or sends it back saying what to
change. Nobody launches a round on their own say-so."""

from django.core.exceptions import ValidationError
from django.db import transaction

from foundation.transitions import transition_apply
from grants.models import LaunchState, Round, RoundLaunch


def round_launch_start(*, round_: Round) -> RoundLaunch:
    """A new round waits for its launch to be approved."""
    launch, _ = RoundLaunch.objects.get_or_create(round=round_)
    return launch


def round_launch_problems(round_: Round) -> list[str]:
    """What stops a round's launch going for approval, in an officer's words."""
    problems = list(round_.call.criteria_problems())
    if not round_.questions:
        problems.append("Add the questions applicants answer.")
    if round_.closes_at <= round_.opens_at:
        problems.append("The round must close after it opens.")
    return problems


def _locked(round_: Round) -> RoundLaunch:
    round_launch_start(round_=round_)
    return RoundLaunch.objects.select_for_update().get(round=round_)


@transaction.atomic
def round_launch_send_for_approval(*, round_: Round, actor) -> RoundLaunch:
    launch = _locked(round_)
    problems = round_launch_problems(round_)
    if problems:
        raise ValidationError(problems)
    transition_apply(
        launch,
        "send_for_approval",
        actor=actor,
        refused="This round's launch has already been sent for approval.",
        description="Launch sent for approval",
    )
    launch.save()
    return launch


@transaction.atomic
def round_launch_approve(*, round_: Round, actor, reason: str) -> RoundLaunch:
    """Separation of duties: approval is by an officer other than the one
    who sent the launch for approval, with the reason in the audit trail."""
    launch = _locked(round_)
    if actor is not None and launch.sent_for_approval_by_id == actor.pk:
        raise ValidationError(
            "You sent this round's launch for approval, so you cannot approve it: "
            "another officer must."
        )
    if not reason.strip():
        raise ValidationError({"reason": "Give the reason for approving: it is recorded."})
    if launch.state == LaunchState.AWAITING_APPROVAL:
        problems = round_launch_problems(round_)
        if problems:
            raise ValidationError(problems)
    transition_apply(
        launch,
        "approve",
        actor=actor,
        refused="Only a launch sent for approval can be approved.",
        description=f"Launch approved: {reason.strip()}",
    )
    launch.save()
    return launch


@transaction.atomic
def round_launch_send_back(*, round_: Round, actor, reason: str) -> RoundLaunch:
    launch = _locked(round_)
    if not reason.strip():
        raise ValidationError({"reason": "Say what needs to change before approval."})
    transition_apply(
        launch,
        "send_back",
        actor=actor,
        refused="Only a launch sent for approval can be sent back.",
        description=f"Launch sent back: {reason.strip()}",
    )
    launch.save()
    return launch
