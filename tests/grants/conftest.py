from decimal import Decimal

import pytest

from grants.services import applying
from organisations.models import LegalForm, MembershipRole
from people import roles
from tests.grants.factories import BUDGET_ID, WHAT_ID, RoundFactory
from tests.organisations.factories import MembershipFactory, OrganisationFactory
from tests.people.factories import UserFactory


@pytest.fixture
def grant_round(db):
    return RoundFactory()


@pytest.fixture
def member(db):
    organisation = OrganisationFactory(legal_form=LegalForm.UNINCORPORATED_GROUP)
    return MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user


@pytest.fixture
def organisation(member):
    return member.memberships.get().organisation


@pytest.fixture
def officer(db):
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def complete_answers(amount=Decimal("4500")):
    return {
        WHAT_ID: "A weekly lunch club where neighbours cook together.",
        BUDGET_ID: [
            {"item": "Food", "amount": "3000.00"},
            {"item": "Hall hire", "amount": f"{amount - Decimal(3000):.2f}"},
        ],
    }


def draft(grant_round, organisation, member, *, amount=Decimal("4500"), answers=None):
    application = applying.application_start(
        round_=grant_round, organisation=organisation, actor=member
    )
    return applying.application_save(
        application=application,
        actor=member,
        expected_version=application.version,
        changes=applying.DraftChanges(
            project_title="Lunch club",
            amount_requested=amount,
            annual_income=Decimal("25000"),
            answers=complete_answers(amount) if answers is None else answers,
            files={},
        ),
    )


@pytest.fixture
def submitted(grant_round, organisation, member):
    application = draft(grant_round, organisation, member)
    return applying.application_submit(application=application, actor=member)
