"""A small hand-built set of grants and answers, so every figure can be
worked out on paper (the sums are written in each test).

- Canal Kitchen (a charity serving Canal Side) holds a Lunch Clubs grant;
- Heights Garden (a CIC serving The Heights) holds a Green Spaces grant;
- both programmes ask the Connections instrument: "How many friends do you
  have?" (a number) and "Does the support help you make and keep
  connections?" (1 Gets in the way … 5 Helps a lot, the last two with
  values 0.8 and 1.0 in a made-up value set).
"""

from datetime import date
from decimal import Decimal

import pytest

from grants.models import Application, Award, MonitoringReturn, State
from organisations.models import LegalForm, MembershipRole, Organisation
from outcomes.models import (
    Answer,
    Given,
    Instrument,
    InstrumentQuestion,
    MonitoringForm,
    QuestionKind,
    Response,
)
from people import roles
from tests.grants.factories import ProgrammeFactory, RoundFactory
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

LEVELS = [
    {"type": "level", "value": {"score": 1, "words": "It gets in the way", "value": None}},
    {"type": "level", "value": {"score": 2, "words": "It does not help", "value": None}},
    {"type": "level", "value": {"score": 3, "words": "It helps a little", "value": None}},
    {"type": "level", "value": {"score": 4, "words": "It helps", "value": "0.8"}},
    {"type": "level", "value": {"score": 5, "words": "It helps a lot", "value": "1.0"}},
]
HOW_DID_IT_GO = "7a1b1c55-7d1c-4c38-9a57-1b2f1f7c0a01"
RETURN_QUESTIONS = [
    {
        "type": "number",
        "id": HOW_DID_IT_GO,
        "value": {
            "label": "How many lunches did you serve?",
            "help_text": "",
            "required": True,
            "min_value": 0,
            "max_value": None,
        },
    }
]


class Setting:
    pass


def answers_add(award, instrument, on: date, scores: dict, given=Given.GRANT_HOLDER):
    """One person's answers, stored as the services store them."""
    response = Response.objects.create(
        award=award, instrument=instrument, collected_on=on, given=given
    )
    for question, score in scores.items():
        value = (
            {4: Decimal("0.8"), 5: Decimal("1.0")}.get(score) if question.kind == "scale" else None
        )
        Answer.objects.create(response=response, question=question, score=score, value=value)
    return response


@pytest.fixture
def setting(db):
    s = Setting()
    s.canal = NeighbourhoodFactory(name="Canal Side")
    s.heights = NeighbourhoodFactory(name="The Heights")
    s.lunch = ProgrammeFactory(name="Lunch Clubs")
    s.green = ProgrammeFactory(name="Green Spaces")
    s.lunch_round = RoundFactory(programme=s.lunch, title="Lunch Clubs 2026")
    s.green_round = RoundFactory(programme=s.green, title="Green Spaces 2026")
    s.kitchen = Organisation.objects.create(name="Canal Kitchen", legal_form=LegalForm.CHARITY)
    s.kitchen.neighbourhoods.set([s.canal])
    s.garden = Organisation.objects.create(name="Heights Garden", legal_form=LegalForm.CIC)
    s.garden.neighbourhoods.set([s.heights])
    s.member = MembershipFactory(organisation=s.kitchen, role=MembershipRole.ADMIN).user
    s.officer = UserFactory(roles=[roles.GRANTS_OFFICER])

    def grant(round_, org, reference):
        application = Application.objects.create(
            round=round_,
            organisation=org,
            created_by=s.member,
            reference=reference,
            project_title="Project",
            amount_requested=Decimal(1000),
            approved_amount=Decimal(1000),
            state=State.ACTIVE,
        )
        return Award.objects.create(
            application=application,
            amount=Decimal(1000),
            starts_on=date(2026, 1, 1),
            ends_on=date(2026, 12, 31),
        )

    s.kitchen_award = grant(s.lunch_round, s.kitchen, "AV-0001")
    s.garden_award = grant(s.green_round, s.garden, "AV-0002")
    s.kitchen_return = MonitoringReturn.objects.create(
        award=s.kitchen_award, due_on=date(2026, 6, 30)
    )

    s.connections = Instrument.objects.create(name="Connections")
    s.friends = InstrumentQuestion.objects.create(
        instrument=s.connections,
        sort_order=0,
        wording="How many friends do you have?",
        kind=QuestionKind.COUNT,
        largest_count=100,
    )
    s.helps = InstrumentQuestion.objects.create(
        instrument=s.connections,
        sort_order=1,
        wording="Does the support help you make and keep connections?",
        kind=QuestionKind.SCALE,
        levels=LEVELS,
    )
    for programme in (s.lunch, s.green):
        form = MonitoringForm.objects.create(programme=programme, questions=RETURN_QUESTIONS)
        form.instruments.set([s.connections])
    return s
