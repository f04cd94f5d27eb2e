from dataclasses import dataclass
from decimal import Decimal

import pytest

from people import roles
from social_value.models import CallKind, CriterionKind, PanelRole
from social_value.services.calls import call_open_scoring
from social_value.services.moderation import call_open_moderation
from social_value.services.panels import assignments_generate
from tests.people.factories import UserFactory
from tests.social_value.factories import (
    CallFactory,
    CriterionFactory,
    PanelMemberFactory,
    SubmissionFactory,
)


@dataclass
class Tender:
    call: object
    officer: object
    chair: object
    member: object
    lived: object
    quality: object
    social_value: object
    price: object
    gateway: object
    submissions: list


@pytest.fixture
def officer(db):
    return UserFactory(roles=[roles.COMMISSIONER])


@pytest.fixture
def tender(db, officer) -> Tender:
    """A tender: gateway, quality 50, social value 20, price 30, three
    scorers (chair, member, lived-experience member), three bids."""
    call = CallFactory(kind=CallKind.TENDER, members_per_submission=3)
    chair = PanelMemberFactory(panel=call.panel, role=PanelRole.CHAIR)
    member = PanelMemberFactory(panel=call.panel, role=PanelRole.MEMBER)
    lived = PanelMemberFactory(panel=call.panel, role=PanelRole.LIVED_EXPERIENCE)
    gateway = CriterionFactory(
        call=call, kind=CriterionKind.GATEWAY, weight=0, title="Insurance in place"
    )
    quality = CriterionFactory(call=call, title="Method statement", weight=Decimal(50))
    social_value = CriterionFactory(
        call=call, title="Social value", weight=Decimal(20), is_social_value=True
    )
    price = CriterionFactory(call=call, kind=CriterionKind.PRICE, title="Price", weight=Decimal(30))
    submissions = [
        SubmissionFactory(call=call, price=Decimal(price_)) for price_ in (90000, 100000, 120000)
    ]
    return Tender(
        call, officer, chair, member, lived, quality, social_value, price, gateway, submissions
    )


@pytest.fixture
def scoring(tender):
    """Scoring open and every submission assigned."""
    call_open_scoring(call=tender.call, actor=tender.officer)
    assignments_generate(call=tender.call, actor=tender.officer)
    return tender


@pytest.fixture
def moderating(scoring):
    """Every score in: the chair and the member disagree on quality."""
    from tests.social_value.test_moderation import score_everything

    score_everything(
        scoring, {scoring.chair: (4, 3), scoring.member: (2, 3), scoring.lived: (4, 4)}
    )
    call_open_moderation(call=scoring.call, actor=scoring.chair.user)
    return scoring
