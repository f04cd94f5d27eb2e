"""Money at the grant decision: whole pence only, within the round's
smallest and largest grant, and neither the round's nor the programme's
budget ever overspent."""

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Sum
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foundation.money import MoneyField
from grants.models import Application, State
from grants.services import applying, assessment
from people import roles
from tests.grants.conftest import draft
from tests.grants.factories import ProgrammeFactory, RoundFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def at_panel(grant_round, officer, count):
    applications = []
    for _ in range(count):
        person = MembershipFactory().user
        application = applying.application_submit(
            application=draft(grant_round, person.memberships.get().organisation, person),
            actor=person,
        )
        assessment.eligibility_decide(application=application, actor=officer, eligible=True)
        applications.append(assessment.panel_send(application=application, actor=officer))
    return applications


@pytest.fixture
def fifteen_thousand(officer):
    """A £15,000 round (grants from £500 to £10,000) with four applications at the panel."""
    grant_round = RoundFactory(
        budget=Decimal("15000.00"), minimum_award=Decimal("500"), maximum_award=Decimal("10000")
    )
    return grant_round, at_panel(grant_round, officer, 4)


def approve(grant_round, officer, application, amount):
    return assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Good", amount)],
    )


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        (Decimal("249.995"), "Enter an amount in pounds and pence"),
        (Decimal("0.004"), "Enter an amount in pounds and pence"),
        (Decimal("0"), "enter the amount to award"),
        (Decimal("0.01"), "below the round's smallest grant, £500"),
        (Decimal("499.99"), "below the round's smallest grant, £500"),
        (Decimal("10000.01"), "above the round's largest grant, £10,000"),
        (Decimal("NaN"), "Enter an amount in pounds and pence"),
    ],
)
def test_an_amount_the_round_does_not_allow_cannot_be_approved(
    fifteen_thousand, officer, amount, message
):
    grant_round, (application, *_) = fifteen_thousand
    with pytest.raises(ValidationError) as error:
        approve(grant_round, officer, application, amount)
    assert any(message in text for text in error.value.messages)
    application.refresh_from_db()
    assert (application.state, application.approved_amount) == (State.PANEL, None)


def test_fractions_of_a_penny_cannot_creep_past_the_budget(fifteen_thousand, officer):
    # The four approvals: 249.995 × 3 and 250.015 once came to £15,000.02.
    grant_round, applications = fifteen_thousand
    for application in applications[:3]:
        approve(grant_round, officer, application, Decimal("4999.99"))
    with pytest.raises(ValidationError, match=r"only £0\.03 of the round's budget remains"):
        approve(grant_round, officer, applications[3], Decimal("500.00"))
    total = Application.objects.aggregate(total=Sum("approved_amount"))["total"]
    assert total == Decimal("14999.97")


def test_the_programme_budget_is_never_overspent_across_its_rounds(officer):
    programme = ProgrammeFactory(budget=Decimal("15000.00"))
    spring = RoundFactory(programme=programme, budget=Decimal("10000"))
    autumn = RoundFactory(programme=programme, budget=Decimal("10000"))
    [first] = at_panel(spring, officer, 1)
    [second] = at_panel(autumn, officer, 1)
    approve(spring, officer, first, Decimal("9000.00"))
    with pytest.raises(ValidationError) as error:
        approve(autumn, officer, second, Decimal("7000.00"))
    assert (
        f"only £6,000 of the {programme.name} programme's budget remains" in error.value.messages[0]
    )
    second.refresh_from_db()
    assert second.state == State.PANEL
    approve(autumn, officer, second, Decimal("6000.00"))


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0.004", "enter the amount in pounds, like 4500 or 4,500.00."),
        ("NaN", "enter the amount in pounds, like 4500 or 4,500.00."),
        ("499.99", "below the round&#x27;s smallest grant, £500."),
        ("10,000.01", "above the round&#x27;s largest grant, £10,000."),
    ],
)
def test_a_bad_amount_on_the_decisions_page_is_explained_and_nothing_stored(
    client, fifteen_thousand, officer, typed, message
):
    grant_round, (application, *_) = fifteen_thousand
    client.force_login(officer)
    response = client.post(
        reverse("grants-decisions", args=[grant_round.pk]),
        {
            f"outcome-{application.pk}": "approve",
            f"amount-{application.pk}": typed,
            f"reason-{application.pk}": "Clear local need",
        },
    )
    assert response.status_code == 400
    assert message in response.content.decode()
    application.refresh_from_db()
    assert (application.state, application.approved_amount) == (State.PANEL, None)


amounts = st.one_of(
    st.decimals(min_value=Decimal("0"), max_value=Decimal("12000"), places=3, allow_nan=False),
    st.decimals(min_value=Decimal("400"), max_value=Decimal("6000"), places=2, allow_nan=False),
    st.sampled_from(["NaN", "Infinity", "-5", "£5,000", "4,999.995"]),
)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.lists(amounts, min_size=4, max_size=4))
def test_any_sequence_of_approvals_stores_exact_amounts_within_the_budget(
    fifteen_thousand, officer, typed_amounts
):
    grant_round, applications = fifteen_thousand
    with transaction.atomic():
        accepted = {}
        for application, typed in zip(applications, typed_amounts, strict=True):
            try:
                amount = MoneyField().clean(str(typed))
                approve(grant_round, officer, application, amount)
            except (forms.ValidationError, ValidationError):
                continue
            accepted[application.pk] = amount
        stored = dict(
            Application.objects.filter(state=State.APPROVED).values_list("pk", "approved_amount")
        )
        assert stored == accepted  # each exactly as accepted, nothing rounded
        assert sum(stored.values(), Decimal(0)) <= grant_round.budget
        assert all(Decimal(500) <= amount <= Decimal(10000) for amount in stored.values())
        transaction.set_rollback(True)
