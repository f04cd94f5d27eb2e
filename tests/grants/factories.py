from datetime import timedelta
from decimal import Decimal

import factory
from django.utils import timezone

from grants.models import Programme, Round
from social_value.models import CallKind
from tests.people.factories import UserFactory
from tests.social_value.factories import CallFactory

WHAT_ID = "6c1b1c55-7d1c-4c38-9a57-1b2f1f7c0a01"
BUDGET_ID = "6c1b1c55-7d1c-4c38-9a57-1b2f1f7c0a02"
ACCOUNTS_ID = "6c1b1c55-7d1c-4c38-9a57-1b2f1f7c0a03"

QUESTIONS = [
    {
        "type": "long_text",
        "id": WHAT_ID,
        "value": {
            "label": "What will you do?",
            "help_text": "",
            "required": True,
            "word_limit": 50,
        },
    },
    {
        "type": "budget_table",
        "id": BUDGET_ID,
        "value": {"label": "Your budget", "help_text": "", "required": True},
    },
    {
        "type": "file",
        "id": ACCOUNTS_ID,
        "value": {
            "label": "Your latest accounts",
            "help_text": "",
            "required": False,
            "allowed_types": ["pdf"],
            "max_size_mb": 1,
        },
    },
]


class ProgrammeFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Programme

    name = factory.Sequence(lambda n: f"Connected Communities Fund {n}")
    outcomes_sought = "People keep connections with friends, neighbours and family."
    budget = Decimal("100000")
    owner = factory.SubFactory(UserFactory)


class RoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Round

    programme = factory.SubFactory(ProgrammeFactory)
    title = factory.Sequence(lambda n: f"Round {n}")
    slug = factory.Sequence(lambda n: f"round-{n}")
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=10))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=10))
    budget = Decimal("20000")
    minimum_award = Decimal("500")
    maximum_award = Decimal("10000")
    call = factory.LazyFunction(lambda: CallFactory(kind=CallKind.GRANT_ROUND))
    questions = QUESTIONS
