"""Filing a return with its programme's questions, and the schedule of
returns an officer sets for a grant."""

from datetime import date
from decimal import Decimal

from dateutil.relativedelta import relativedelta
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from grants.models import Award, MonitoringReturn
from grants.questions import submission_problems
from grants.services.awards import monitoring_return_submit
from outcomes.access import grant_holder_required, officer_required
from outcomes.audit import outcomes_audit
from outcomes.models import MonitoringForm, ReturnAnswers, ReturnSchedule


@transaction.atomic
def monitoring_return_file(
    *,
    monitoring_return: MonitoringReturn,
    actor,
    narrative: str,
    spend_to_date: Decimal | None,
    outcomes: str,
    connections_helped: int | None,
    delivered: dict | None,
    answers: dict,
) -> MonitoringReturn:
    """The standard parts (grants' own return: what happened, spend, social
    value delivered) and the programme's questions, sent together: every
    problem in either is reported at once, and nothing is kept unless all
    is well."""
    award = monitoring_return.award
    grant_holder_required(actor, award)
    form = MonitoringForm.objects.filter(programme_id=award.application.round.programme_id).first()
    questions = form.questions if form else []
    problems = submission_problems(questions, answers, files_present=set(), amount_requested=None)
    try:
        sent = monitoring_return_submit(
            monitoring_return=monitoring_return,
            actor=actor,
            narrative=narrative,
            spend_to_date=spend_to_date,
            outcomes=outcomes,
            connections_helped=connections_helped,
            delivered=delivered,
        )
    except ValidationError as error:
        if not problems or not hasattr(error, "error_dict"):
            raise
        raise ValidationError({**error.message_dict, **problems}) from error
    if problems:
        raise ValidationError(problems)
    ReturnAnswers.objects.update_or_create(monitoring_return=sent, defaults={"answers": answers})
    outcomes_audit(
        sent,
        actor=actor,
        transition="file_return",
        state="sent",
        text=f"Monitoring return due {sent.due_on.isoformat()} sent with "
        f"{len(answers)} answers to the programme's questions",
    )
    return sent


def _due_dates(starts_on: date, ends_on: date, every_months: int) -> list[date]:
    """Every `every_months` from the start, and always one at the end."""
    dates, step = [], 1
    while (due := starts_on + relativedelta(months=every_months * step)) < ends_on:
        dates.append(due)
        step += 1
    return [*dates, ends_on]


@transaction.atomic
def return_schedule_set(*, award: Award, every_months: int, actor) -> ReturnSchedule:
    """Set how often the grant reports. Returns already sent stay as they
    are; those not yet sent are replaced by the new schedule's, from the
    first due after the last one sent."""
    officer_required(actor)
    award = Award.objects.select_for_update().get(pk=award.pk)
    last_sent = award.returns.filter(submitted_at__isnull=False).order_by("-due_on").first()
    due = [
        d
        for d in _due_dates(award.starts_on, award.ends_on, every_months)
        if last_sent is None or d > last_sent.due_on
    ]
    award.returns.filter(submitted_at__isnull=True).delete()
    MonitoringReturn.objects.bulk_create(MonitoringReturn(award=award, due_on=d) for d in due)
    schedule, _ = ReturnSchedule.objects.update_or_create(
        award=award,
        defaults={"every_months": every_months, "set_by": actor, "set_at": timezone.now()},
    )
    outcomes_audit(
        schedule,
        actor=actor,
        transition="set_schedule",
        state=str(every_months),
        text=f"Monitoring returns set to {schedule.get_every_months_display().lower()}: "
        f"{len(due)} returns to come",
    )
    return schedule
