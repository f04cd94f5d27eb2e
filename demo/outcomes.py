"""Demo outcomes for Ashby Vale: two Key Human Indicator instruments as
editable data, the Connected Communities Fund's monitoring form, and a
finished fund (the Good Neighbours Fund) whose grants reported for two
years, with the answers of the people they supported spread over the
neighbourhoods. One group stays under five people on purpose (Vale Home
Support's capability answers), so the suppression shows.

Grants decided two years ago are recorded as they stood, not replayed
through today's services (which date everything now)."""

import random
from datetime import timedelta
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from demo.grants import CRITERIA, PROGRAMME
from demo.social_value import call_create
from grants.models import Application, Award, MonitoringReturn, Programme, Round, State
from organisations.models import Organisation
from outcomes.models import (
    Answer,
    AnswerLink,
    Given,
    Instrument,
    InstrumentQuestion,
    MonitoringForm,
    QuestionKind,
    Response,
    ReturnAnswers,
    ReturnSchedule,
)
from people.models import User
from social_value.models import CallKind, Framework, Panel

CONNECTIONS = "Connections"
CAPABILITY = "Five capabilities (placeholder levels)"
PAST_FUND = "Good Neighbours Fund"
HOW_HELPS = [
    "It gets in the way",
    "It makes no difference",
    "It helps a little",
    "It helps a lot",
]
ATTRIBUTES = [
    ("Attachment", "Having people to love, and who care about you"),
    ("Stability", "Feeling settled and secure"),
    ("Achievement", "Doing things that make you feel you are getting on"),
    ("Enjoyment", "Having things in your life you enjoy"),
    ("Autonomy", "Deciding things for yourself"),
]
PLACEHOLDERS = ["Placeholder level 1 (lowest)", "Level 2", "Level 3", "Level 4 (highest)"]
SESSIONS, SAID, LED = (
    "d3b0c1a2-0000-4000-8000-000000000001",
    "d3b0c1a2-0000-4000-8000-000000000002",
    "d3b0c1a2-0000-4000-8000-000000000003",
)
RETURN_QUESTIONS = [
    {
        "type": "number",
        "id": SESSIONS,
        "value": {
            "label": "How many sessions did you run in this period?",
            "help_text": "",
            "required": False,
            "min_value": 0,
            "max_value": None,
        },
    },
    {
        "type": "long_text",
        "id": SAID,
        "value": {
            "label": "What do the people who come say about it?",
            "help_text": "In their words, without names.",
            "required": False,
            "word_limit": 200,
        },
    },
    {
        "type": "yes_no",
        "id": LED,
        "value": {
            "label": "Did people who come help to run it?",
            "help_text": "",
            "required": False,
        },
    },
]
# Who held a Good Neighbours grant, and how many people answered each
# quarter: (connections, capability). Vale Home Support's three is the
# group under five.
PAST_GRANTS = [
    ("Heights Together", "Walk and talk", Decimal(6000), (7, 6)),
    ("Millfield Shared Lives CIC", "Shared Lives friendship days", Decimal(9000), (6, 6)),
    ("Old Town Care Co-operative", "Old Town tea dances", Decimal(7500), (6, 5)),
    ("Vale Home Support Ltd", "Home visits with a neighbour", Decimal(4000), (5, 3)),
]


def _levels(words, values=None):
    return [
        {
            "type": "level",
            "value": {"score": n, "words": w, "value": (values or {}).get(n)},
        }
        for n, w in enumerate(words, start=1)
    ]


def _instruments() -> tuple[Instrument, Instrument]:
    connections = Instrument.objects.create(
        name=CONNECTIONS,
        description="A few questions about the people in your life, and whether the "
        "support you get helps you keep them.",
        source="Written for Ashby Vale in the spirit of Shared Lives Plus's outcomes tool. "
        "Edit or replace it freely.",
    )
    InstrumentQuestion.objects.create(
        instrument=connections,
        sort_order=0,
        wording="How many friends do you have?",
        help_text="People you could call on for a chat or a hand.",
        kind=QuestionKind.COUNT,
        largest_count=200,
    )
    InstrumentQuestion.objects.create(
        instrument=connections,
        sort_order=1,
        wording="Does the support you get help you make and keep connections, or get in the way?",
        kind=QuestionKind.SCALE,
        levels=_levels(HOW_HELPS),
    )
    capability = Instrument.objects.create(
        name=CAPABILITY,
        description="Five parts of a good life, each on four levels.",
        source="The levels are placeholders. A council that licenses a capability "
        "instrument enters its wording here and, in each level's value, its value set.",
    )
    for order, (attribute, wording) in enumerate(ATTRIBUTES):
        InstrumentQuestion.objects.create(
            instrument=capability,
            sort_order=order,
            wording=f"{attribute}: {wording}",
            kind=QuestionKind.SCALE,
            levels=_levels(PLACEHOLDERS),
        )
    return connections, capability


def _quarter_days(start, end):
    """The middle of every quarter's worth of days from start to end."""
    day = start + timedelta(days=45)
    while day < end:
        yield day
        day += timedelta(days=91)


def _answers(award, instruments, start, end, people, rng, *, last_few=None):
    """Each quarter, `people` answer each instrument; answers get a little
    better as the grant goes on, as the demo's story has it."""
    days = list(_quarter_days(start, end))
    responses, scores = [], []
    for step, day in enumerate(days):
        better = step / max(len(days) - 1, 1)
        for instrument, count in zip(instruments, people, strict=True):
            if last_few is not None and step == len(days) - 1:
                count = last_few
            for person in range(count):
                responses.append(
                    Response(
                        award=award,
                        instrument=instrument,
                        collected_on=day,
                        given=Given.PERSON if person % 2 else Given.GRANT_HOLDER,
                    )
                )
                row = []
                for question in instrument.questions.all():
                    if question.kind == QuestionKind.COUNT:
                        score = rng.randint(0, 3) + round(4 * better) + rng.randint(0, 2)
                    else:
                        score = min(4, max(1, round(1.6 + 2 * better + rng.uniform(-1, 1))))
                    row.append((question, score))
                scores.append(row)
    Response.objects.bulk_create(responses)
    Answer.objects.bulk_create(
        Answer(response=response, question=question, score=score)
        for response, row in zip(responses, scores, strict=True)
        for question, score in row
    )


def _past_fund(instruments, officer, rng) -> None:
    today = timezone.localdate()
    now = timezone.now()
    framework = Framework.objects.filter(state="published").order_by("-version").first()
    panel = Panel.objects.get(name="Connected Communities panel")
    programme = Programme.objects.create(
        name=PAST_FUND,
        budget=Decimal(30000),
        owner=officer,
        outcomes_sought="Neighbours who look out for each other.",
    )
    form = MonitoringForm.objects.create(programme=programme, questions=RETURN_QUESTIONS)
    form.instruments.set(instruments)
    round_ = Round.objects.create(
        programme=programme,
        title="Good Neighbours Fund, 2024 to 2026",
        slug="good-neighbours-fund",
        opens_at=now - timedelta(days=820),
        closes_at=now - timedelta(days=790),
        budget=Decimal(30000),
        maximum_award=Decimal(10000),
        call=call_create(PAST_FUND, CallKind.GRANT_ROUND, CRITERIA, framework, panel),
    )
    start, end = today - timedelta(days=760), today - timedelta(days=30)
    for number, (name, title, amount, people) in enumerate(PAST_GRANTS, start=1):
        organisation = Organisation.objects.get(name=name)
        member = User.objects.filter(memberships__organisation=organisation).first() or officer
        application = Application.objects.create(
            round=round_,
            organisation=organisation,
            created_by=member,
            reference=f"GN-{number:04d}",
            project_title=title,
            amount_requested=amount,
            approved_amount=amount,
            state=State.COMPLETED,
            submitted_at=now - timedelta(days=795),
            decided_at=now - timedelta(days=775),
        )
        award = Award.objects.create(
            application=application,
            amount=amount,
            starts_on=start,
            ends_on=end,
            offer_sent_at=now - timedelta(days=770),
            accepted_at=now - timedelta(days=765),
        )
        ReturnSchedule.objects.create(award=award, every_months=6, set_by=officer)
        for half in range(1, 5):
            due = start + timedelta(days=182 * half) if half < 4 else end
            sent = MonitoringReturn.objects.create(
                award=award,
                due_on=due,
                submitted_at=now - (today - due),
                narrative=f"{title}: another six months, {10 + 3 * half} regulars.",
                spend_to_date=amount * half / 4,
                outcomes="People say they see more of their neighbours.",
                connections_helped=8 + 4 * half,
            )
            ReturnAnswers.objects.create(
                monitoring_return=sent,
                answers={SESSIONS: 20 + 2 * half, SAID: "It gets me out of the house.", LED: True},
            )
        _answers(award, instruments, start, end, people, rng)


@transaction.atomic
def demo_outcomes_load() -> None:
    if Instrument.objects.filter(name=CONNECTIONS).exists():
        return
    # Made-up answers, the same on every load: no secret here.
    rng = random.Random(19)  # noqa: S311
    officer = User.objects.get(email="grants@ashbyvale.example")
    instruments = _instruments()
    current = Programme.objects.get(name=PROGRAMME)
    form = MonitoringForm.objects.create(programme=current, questions=RETURN_QUESTIONS)
    form.instruments.set(instruments)
    _past_fund(instruments, officer, rng)
    # Northgate Neighbours' grant under way: answers since it began, the
    # latest quarter only three people so far, and a link to give out.
    for award in Award.objects.filter(application__round__programme=current):
        holder = User.objects.filter(
            memberships__organisation=award.application.organisation
        ).first()
        _answers(award, instruments, award.starts_on, timezone.localdate(), (6, 5), rng, last_few=3)
        AnswerLink.objects.create(award=award, instrument=instruments[0], created_by=holder)
    # The other funds' grants ask the same instruments, so the reports
    # across programmes have answers in every neighbourhood they fund.
    for programme in Programme.objects.filter(monitoring_form__isnull=True):
        form = MonitoringForm.objects.create(programme=programme)
        form.instruments.set(instruments)
        funded = Award.objects.filter(
            application__round__programme=programme,
            application__state__in=[State.ACTIVE, State.COMPLETED],
        )
        for award in funded:
            end = min(award.ends_on, timezone.localdate())
            _answers(award, instruments, award.starts_on, end, (5, 5), rng)
