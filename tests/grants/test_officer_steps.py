"""The officer's steps through the real pages: a payment recorded with what
the page itself offers, and an application decided once only, whoever
sends a decision second and however close together."""

import re
import threading
from datetime import date
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse
from django_fsm_log.models import StateLog

from grants.models import Application, Payment, State
from grants.services import applying, assessment, awards
from people import roles
from tests.grants.conftest import draft
from tests.grants.factories import RoundFactory
from tests.grants.payments import approved_by_another
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


def payment_form_fields(page: str, payment: Payment) -> list[str]:
    """The names of the boxes in the page's form for this payment."""
    action = reverse("payment-paid", args=[payment.pk])
    form = re.search(rf'<form method="post" action="{action}".*?</form>', page, re.DOTALL)
    assert form, "the page has no form to record this payment"
    names = re.findall(r'<input[^>]*name="([^"]+)"', form[0])
    return [name for name in names if name != "csrfmiddlewaretoken"]


def typed(name: str) -> str:
    """What an officer types in the box of that name: 27 March 2027, BACS-1."""
    for ending, value in (("_day", "27"), ("_month", "3"), ("_year", "2027")):
        if name.endswith(ending):
            return value
    return "BACS-1" if "reference" in name else "27 March 2027"


@pytest.mark.django_db
def test_a_payment_is_recorded_through_the_boxes_the_page_shows(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    application = accepted(RoundFactory(), officer)
    approved_by_another(application)
    client.force_login(officer)
    page = client.get(reverse("application-manage", args=[application.pk])).content.decode()
    first = application.award.payments.order_by("due_on").first()
    names = payment_form_fields(page, first)
    # The GOV.UK date input: day, month and year, each labelled.
    assert sorted(names) == ["paid_on_day", "paid_on_month", "paid_on_year", "reference"]
    for label in ("Day", "Month", "Year"):
        assert re.search(rf"<label[^>]*>\s*{label}\s*</label>", page)

    response = client.post(
        reverse("payment-paid", args=[first.pk]), {name: typed(name) for name in names}
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.paid_on, first.reference) == (date(2027, 3, 27), "BACS-1")
    page = client.get(response.url).content.decode()
    assert "Payment recorded." in page
    application.refresh_from_db()
    assert application.state == State.ACTIVE


@pytest.mark.django_db
def test_a_payment_date_that_does_not_exist_is_refused_and_nothing_is_paid(client):
    officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    application = accepted(RoundFactory(), officer)
    approved_by_another(application)
    first = application.award.payments.order_by("due_on").first()
    client.force_login(officer)
    response = client.post(
        reverse("payment-paid", args=[first.pk]),
        {"paid_on_day": "31", "paid_on_month": "2", "paid_on_year": "2027", "reference": "B-1"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    box = f"id_payment-{first.pk}-paid_on_0"
    assert f'<a href="#{box}">Paid on must be a real date, for example 27 3 2027</a>' in page
    assert f'id="{box}"' in page
    # What was typed is still there to correct.
    assert 'value="31"' in page and 'value="B-1"' in page
    first.refresh_from_db()
    assert first.paid_on is None


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
