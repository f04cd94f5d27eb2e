from dataclasses import dataclass
from decimal import Decimal

import pytest

from people import roles
from social_value.models import CallKind, CriterionKind, PanelRole
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
