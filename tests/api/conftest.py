"""The records the API tests read: two partner organisations, each with a
member and applications, one grant with an approved payment waiting to be
released, and one contract."""

from datetime import date
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.utils import timezone

from api.services.tokens import token_create
from commissioning.models import Bid, Contract, TenderState
from grants.models import Application, Award, Payment, State
from organisations.models import MembershipRole
from people import roles
from tests.commissioning.conftest import tender_make
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory


def _member(name):
    organisation = OrganisationFactory(name=name)
    user = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    return organisation, user


@pytest.fixture
def records(db):
    grant_round = RoundFactory(title="Connected Communities 2027", slug="connected-2027")
    kitchen, kitchen_member = _member("Canal Side Community Kitchen")
    walkers, walkers_member = _member("Towpath Walkers")
    kitchen_grant = Application.objects.create(
        round=grant_round,
        organisation=kitchen,
        created_by=kitchen_member,
        reference="CC-0001",
        project_title="Cook-and-share lunch club",
        amount_requested=Decimal(4500),
        state=State.ACTIVE,
        submitted_at=timezone.now(),
        decided_at=timezone.now(),
        approved_amount=Decimal(4500),
    )
    Application.objects.create(
        round=RoundFactory(title="Growing Together 2027", slug="growing-2027"),
        organisation=kitchen,
        created_by=kitchen_member,
        reference="CC-0002",
        project_title="Kitchen garden (not yet sent)",
        amount_requested=Decimal(900),
    )
    Application.objects.create(
        round=grant_round,
        organisation=walkers,
        created_by=walkers_member,
        reference="CC-0003",
        project_title="Dementia-friendly walks",
        amount_requested=Decimal(2000),
        state=State.ASSESSMENT,
        submitted_at=timezone.now(),
    )
    award = Award.objects.create(
        application=kitchen_grant,
        amount=Decimal(4500),
        starts_on=date(2027, 4, 1),
        ends_on=date(2028, 3, 31),
    )
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    Payment.objects.create(
        award=award,
        due_on=date(2027, 4, 1),
        amount=Decimal(3000),
        approved_at=timezone.now(),
        approved_by=officer,
    )
    commissioner = UserFactory(roles=[roles.COMMISSIONER])
    tender = tender_make(commissioner, lots=1)
    Tender = type(tender)
    Tender.objects.filter(pk=tender.pk).update(state=TenderState.CONTRACTED)
    lot = tender.lots.get()
    bid = Bid.objects.create(
        tender=tender, lot=lot, organisation=walkers, reference="T-0001", state="successful"
    )
    lot.winner = bid
    lot.save(update_fields=["winner"])
    Contract.objects.create(
        lot=lot,
        bid=bid,
        supplier=walkers,
        value=Decimal(430000),
        starts_on=date(2027, 4, 1),
        ends_on=date(2030, 3, 31),
        recorded_by=commissioner,
    )
    return {
        "kitchen_member": kitchen_member,
        "walkers_member": walkers_member,
        "officer": officer,
        "commissioner": commissioner,
        "finance": UserFactory(roles=[roles.FINANCE_OFFICER]),
        "panel": UserFactory(roles=[roles.PANEL_MEMBER]),
        "administrator": UserFactory(roles=[roles.ADMINISTRATOR]),
    }


def token_for(user, administrator) -> str:
    return token_create(user=user, name="Integration", actor=administrator)[1]


@pytest.fixture(autouse=True)
def _throttles_counted_afresh():
    """Each test starts with no calls counted against the throttles."""
    cache.clear()
    yield
    cache.clear()
