from datetime import date
from decimal import Decimal

import pytest

from finance.models import AgreementTemplate, ProgrammeFinance
from grants.services import assessment, awards
from organisations.models import MembershipRole
from people import roles
from tests.grants.factories import RoundFactory
from tests.grants.payments import bank_details_verified
from tests.grants.test_officer_steps import at_panel
from tests.people.factories import UserFactory

FIRST_DUE, SECOND_DUE = date(2027, 4, 1), date(2027, 10, 1)


@pytest.fixture
def officer(db):
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Grace", last_name="Mensah")


@pytest.fixture
def finance_officer(db):
    return UserFactory(roles=[roles.FINANCE_OFFICER], first_name="Femi", last_name="Adeyemi")


def template() -> AgreementTemplate:
    return AgreementTemplate.objects.create(
        name="Standard grant agreement",
        title="Grant agreement",
        introduction="This agreement sets out how the grant is paid and used.",
        conditions="Keep receipts for six years.\n\nCredit the council in publicity.",
        closing="Signed for the council by the grants team.",
    )


def approved(officer, *, checks=True, agreement=False, charity_number=""):
    """An application approved for £4,500 (budget: Food £3,000, Hall hire
    £1,500) in a programme asking for every due diligence check, or none."""
    grant_round = RoundFactory()
    if checks or agreement:
        ProgrammeFinance.objects.create(
            programme=grant_round.programme,
            agreement_template=template() if agreement else None,
            **(
                {}
                if checks
                else {
                    f"needs_{name}": False
                    for name in (
                        "governing_document",
                        "safeguarding",
                        "insurance",
                        "accounts",
                        "registration",
                    )
                }
            ),
        )
    application, person = at_panel(grant_round, officer)
    if charity_number:
        application.organisation.charity_number = charity_number
        application.organisation.save()
    assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Clear need", Decimal(4500))],
    )
    application.refresh_from_db()
    application.organisation.memberships.filter(user=person).update(role=MembershipRole.ADMIN)
    return application, person


def offer(application, officer):
    return awards.offer_send(
        application=application,
        actor=officer,
        starts_on=date(2027, 4, 1),
        ends_on=date(2028, 3, 31),
        payments=[(FIRST_DUE, Decimal(3000)), (SECOND_DUE, Decimal(1500))],
        return_dates=[date(2027, 9, 30), date(2028, 3, 31)],
    )


@pytest.fixture
def grant(officer):
    """An accepted grant (no agreement, no checks), bank details verified."""
    application, person = approved(officer, checks=False)
    offer(application, officer)
    awards.offer_accept(application=application, actor=person, signed_name="Sam Okoro")
    bank_details_verified(application.organisation)
    application.refresh_from_db()
    application.member = person
    return application
