"""The officer's steps through the real pages: an application decided once
only, whoever sends a decision second and however close together."""

import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_fsm_log.models import StateLog

from grants.models import Application, State
from grants.services import applying, assessment, awards
from people import roles
from tests.grants.conftest import draft
from tests.grants.factories import RoundFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory


def at_panel(grant_round, officer):
    person = MembershipFactory().user
    application = applying.application_submit(
        application=draft(grant_round, person.memberships.get().organisation, person),
        actor=person,
    )
    assessment.eligibility_decide(application=application, actor=officer, eligible=True)
    return assessment.panel_send(application=application, actor=officer), person


def accepted(grant_round, officer):
    """An application approved for £4,500, its offer of two payments accepted."""
    application, person = at_panel(grant_round, officer)
    assessment.decisions_record(
        round_=grant_round,
        actor=officer,
        decisions=[assessment.Decision(application.pk, "approve", "Clear need", Decimal(4500))],
    )
    application.refresh_from_db()
    awards.offer_send(
        application=application,
        actor=officer,
        starts_on=date(2027, 4, 1),
        ends_on=date(2028, 3, 31),
        payments=[(date(2027, 4, 1), Decimal(3000)), (date(2027, 10, 1), Decimal(1500))],
        return_dates=[date(2027, 9, 30), date(2028, 3, 31)],
    )
    awards.offer_accept(application=application, actor=person, signed_name="Sam Okoro")
    return application


def decide(client, application, outcome="approve"):
    return client.post(
        reverse("grants-decisions", args=[application.round_id]),
        {
            f"outcome-{application.pk}": outcome,
            f"amount-{application.pk}": "4500",
            f"reason-{application.pk}": "Clear local need",
        },
    )


@pytest.mark.django_db
def test_a_second_decision_on_a_decided_application_is_refused_in_plain_words(client):
    grant_round = RoundFactory()
    first_officer, second_officer = (UserFactory(roles=[roles.GRANTS_OFFICER]) for _ in "ab")
    application, _person = at_panel(grant_round, first_officer)
    client.force_login(first_officer)
    assert decide(client, application).status_code == 302

    # The second officer's page was read before the first decision.
    client.force_login(second_officer)
    response = decide(client, application, outcome="decline")
    page = response.content.decode()
    assert response.status_code == 400
    assert (
        f"{application.reference} already has a decision: approved. Yours was not recorded." in page
    )
    application.refresh_from_db()
    assert application.state == State.APPROVED
    assert StateLog.objects.filter(transition__in=["approve", "decline"]).count() == 1


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_two_officers_approving_at_the_same_moment_make_one_decision_and_no_error():
    grant_round = RoundFactory(budget=Decimal(20000))
    officers = [UserFactory(roles=[roles.GRANTS_OFFICER]) for _ in range(2)]
    application, _person = at_panel(grant_round, officers[0])
    clients = []
    for officer in officers:
        client = Client(raise_request_exception=False)
        client.force_login(officer)
        clients.append(client)
    start, statuses = threading.Barrier(2), {}

    def approve(index):
        try:
            start.wait()
            statuses[index] = decide(clients[index], application).status_code
        finally:
            connection.close()  # each thread's own connection

    threads = [threading.Thread(target=approve, args=(index,)) for index in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(statuses.values()) == [302, 400]
    application.refresh_from_db()
    assert (application.state, application.approved_amount) == (State.APPROVED, Decimal(4500))
    assert StateLog.objects.filter(transition="approve").count() == 1
    assert Application.objects.filter(round=grant_round, state=State.APPROVED).count() == 1


def test_a_second_waiting_list_decision_is_a_refusal_not_an_error(db):
    grant_round = RoundFactory()
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    application, _person = at_panel(grant_round, officer)
    waitlist = assessment.Decision(application.pk, "waitlist", "Next in line")
    assessment.decisions_record(round_=grant_round, actor=officer, decisions=[waitlist])
    with pytest.raises(ValidationError) as refused:
        assessment.decisions_record(round_=grant_round, actor=officer, decisions=[waitlist])
    assert refused.value.message_dict == {
        f"decision-{application.pk}": [f"{application.reference} is already on the waiting list."]
    }
