"""Collecting answers to an instrument: entered by the grant holder, or
given by the person through an anonymous link. Nothing that names the
person is stored (outcomes.models.answers)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone

from grants.models import Award, State
from outcomes.access import grant_holder_required
from outcomes.audit import outcomes_audit
from outcomes.models import (
    Answer,
    AnswerLink,
    Given,
    Instrument,
    MonitoringForm,
    QuestionKind,
    Response,
)

# People answer while the grant runs, and for its last return after it ends.
COLLECTING = (State.ACCEPTED, State.ACTIVE, State.COMPLETED)


def _instrument_check(award: Award, instrument: Instrument) -> None:
    form = MonitoringForm.objects.filter(programme_id=award.application.round.programme_id).first()
    if form is None or not form.instruments.filter(pk=instrument.pk).exists():
        raise ValidationError("This programme does not ask these questions.")
    if award.application.state not in COLLECTING:
        raise ValidationError("Answers are collected once the offer is accepted.")


@transaction.atomic
def answer_link_make(*, award: Award, instrument: Instrument, actor) -> AnswerLink:
    """The grant holder's link for people to answer by themselves; asking
    again gives the same link while it is open."""
    grant_holder_required(actor, award)
    _instrument_check(award, instrument)
    link = AnswerLink.objects.filter(award=award, instrument=instrument, closed_at__isnull=True)
    if existing := link.first():
        return existing
    made = AnswerLink.objects.create(award=award, instrument=instrument, created_by=actor)
    outcomes_audit(
        made, actor=actor, transition="make_link", state="open", text=f"Link made for {instrument}"
    )
    return made


@transaction.atomic
def answer_link_close(*, link: AnswerLink, actor) -> AnswerLink:
    """Close a link that has gone further than it should: it stops working."""
    grant_holder_required(actor, link.award)
    link = AnswerLink.objects.select_for_update().get(pk=link.pk)
    if link.closed_at is None:
        link.closed_at = timezone.now()
        link.save(update_fields=["closed_at"])
        outcomes_audit(
            link, actor=actor, transition="close_link", state="closed", text="Link closed"
        )
    return link


def _answers_checked(instrument: Instrument, scores: dict) -> list[Answer]:
    """One Answer per question, each within its scale; every question is
    answered or the whole is refused, with a problem per question."""
    answers, problems = [], {}
    for question in instrument.questions.all():
        score = scores.get(question.pk)
        if score is None:
            problems[f"question_{question.pk}"] = f"Answer this question: {question.wording}"
            continue
        value = None
        if question.kind == QuestionKind.SCALE:
            levels = {level["score"]: level for level in question.level_list()}
            if score not in levels:
                problems[f"question_{question.pk}"] = "Choose one of the answers shown."
                continue
            value = levels[score]["value"]
        elif score < 0 or (question.largest_count is not None and score > question.largest_count):
            problems[f"question_{question.pk}"] = "Enter a number from the range shown."
            continue
        answers.append(Answer(question=question, score=score, value=value))
    if problems:
        raise ValidationError(problems)
    return answers


@transaction.atomic
def response_record(
    *, award: Award, instrument: Instrument, scores: dict, given: str, actor=None, link=None
) -> Response:
    """Store one person's answers (`scores`: question id -> score or number).

    Given by the person, through an open link and signed out: `link` is
    required, `actor` is None. Entered by the grant holder: `actor` must be
    a member of the organisation."""
    if given == Given.PERSON:
        if link is None or link.closed_at is not None or link.award_id != award.pk:
            raise PermissionDenied("This link is closed.")
        actor = None
    else:
        grant_holder_required(actor, award)
    _instrument_check(award, instrument)
    answers = _answers_checked(instrument, scores)
    response = Response.objects.create(award=award, instrument=instrument, given=given)
    for answer in answers:
        answer.response = response
    Answer.objects.bulk_create(answers)
    outcomes_audit(
        response,
        actor=actor,
        transition="record_answers",
        state=given,
        text=f"Answers to {instrument} {Given(given).label.lower()}",
    )
    return response
