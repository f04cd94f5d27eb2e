"""The doors of a contract's monitoring pages, and what each person meets
behind them: the commissioner sets the due dates and reads what was sent
on the contract page; only the supplier's members file; everyone else is
turned away."""

from datetime import date
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from commissioning.models import DeliveryReport
from outcomes.models import ContractReturn
from outcomes.services.contract_returns import contract_return_add, contract_return_file
from people import roles
from tests.outcomes.contracts import HOW_MANY, contract_setting
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def s(db):
    s = contract_setting(UserFactory(roles=[roles.COMMISSIONER]))
    s.officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    s.due = contract_return_add(contract=s.contract, due_on=date(2027, 9, 30), actor=s.commissioner)
    return s


def _schedule(s):
    return reverse("outcomes:contract-schedule", args=[s.contract.pk])


def _return(s):
    return reverse("outcomes:contract-return", args=[s.due.pk])


def test_the_schedule_is_the_commissioners_alone(client, s):
    url = _schedule(s)
    assert client.get(url)["Location"].startswith("/accounts/sign-in/")
    for person in (s.supplier, s.outsider, s.officer):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert client.post(url, {"remove": s.due.pk}).status_code == 403
    assert ContractReturn.objects.filter(pk=s.due.pk).exists()
    client.force_login(s.commissioner)
    assert client.get(url).status_code == 200
    assert client.get(reverse("outcomes:contract-schedule", args=[999999])).status_code == 404
    assert client.post(url, {"remove": "not-a-number"}).status_code == 404


def test_the_return_page_is_the_suppliers_alone(client, s):
    url = _return(s)
    assert client.get(url)["Location"].startswith("/accounts/sign-in/")
    for person in (s.commissioner, s.outsider, s.officer):
        client.force_login(person)
        assert client.get(url).status_code == 403
        assert client.post(url, {"narrative": "Not ours"}).status_code == 403
    client.force_login(s.supplier)
    assert client.get(url).status_code == 200
    assert client.get(reverse("outcomes:contract-return", args=[999999])).status_code == 404


def test_the_commissioner_adds_a_due_date_with_the_date_input(client, s):
    client.force_login(s.commissioner)
    contract_page = client.get(reverse("contract-detail", args=[s.contract.pk])).content.decode()
    assert _schedule(s) in contract_page
    wrong = client.post(
        _schedule(s), {"due_on_day": "31", "due_on_month": "2", "due_on_year": "2028"}
    )
    assert wrong.status_code == 400
    assert "must be a real date" in wrong.content.decode()
    early = client.post(
        _schedule(s), {"due_on_day": "1", "due_on_month": "1", "due_on_year": "2027"}
    )
    assert early.status_code == 400
    assert "The return must be due after the contract starts (1 April 2027)" in (
        early.content.decode()
    )
    # What was typed is still there to correct.
    assert 'value="2027"' in early.content.decode()
    added = client.post(
        _schedule(s), {"due_on_day": "31", "due_on_month": "3", "due_on_year": "2028"}
    )
    assert added.status_code == 302
    page = client.get(_schedule(s)).content.decode()
    assert "30 September 2027" in page
    assert "31 March 2028" in page


def test_the_supplier_files_and_the_commissioner_reads_it_on_the_contract_page(client, s):
    client.force_login(s.supplier)
    contract_url = reverse("contract-detail", args=[s.contract.pk])
    assert _return(s) in client.get(contract_url).content.decode()
    empty = client.post(_return(s), {"narrative": "Connectors started"})
    assert empty.status_code == 400
    shown = empty.content.decode()
    assert "Enter how much of the contract&#x27;s value you have spent so far." in shown
    assert "Enter what was achieved, 0 or more: Older people visited" in shown
    assert "Answer this question: How many people did you support?" in shown
    assert "Connectors started" in shown
    sent = client.post(
        _return(s),
        {
            "narrative": "Two connectors started in May.",
            "spend_to_date": "£52,000",
            f"achieved_{s.visits.pk}": "45",
            f"delivered_{s.commitment.pk}": "90",
            f"evidence_{s.commitment.pk}": "Signed timesheets",
            f"q_{HOW_MANY}": "38",
        },
    )
    assert sent.status_code == 302
    assert sent["Location"] == contract_url + "#monitoring-returns"
    # A second visit is sent back: it is filed.
    assert client.get(_return(s)).status_code == 302
    report = DeliveryReport.objects.get()
    assert (report.period_ending, report.achieved) == (date(2027, 9, 30), Decimal(45))

    client.force_login(s.commissioner)
    page = client.get(contract_url).content.decode()
    assert "45 people to 30 September 2027" in page  # the indicator's table
    assert "Two connectors started in May." in page
    assert "£52,000" in page
    assert "How many people did you support?" in page
    assert "90 hours delivered: Signed timesheets" in page
    # The supplier's page shows it sent, without a way to file it again.
    client.force_login(s.supplier)
    assert _return(s) not in client.get(contract_url).content.decode()


def _portal(client, person, day) -> str:
    # Signed in on the day itself: a session from today would have lapsed.
    with time_machine.travel(day, tick=False):
        client.force_login(person)
        page = client.get("/portal/")
    assert page.status_code == 200
    return page.content.decode()


def test_a_return_due_within_a_month_waits_in_the_suppliers_portal(client, s):
    assert "contract monitoring return" not in _portal(client, s.supplier, date(2027, 8, 15))
    page = _portal(client, s.supplier, date(2027, 9, 1))
    assert "Send your contract monitoring return" in page
    assert _return(s) in page
    assert "contract monitoring return" not in _portal(client, s.outsider, date(2027, 9, 1))


def test_a_return_already_sent_cannot_be_filed_twice(client, s):
    contract_return_file(
        contract_return=s.due,
        actor=s.supplier,
        narrative="Done",
        spend_to_date=Decimal(1),
        delivered={},
        achieved={s.visits.pk: Decimal(1)},
        answers={HOW_MANY: 1},
    )
    client.force_login(s.supplier)
    again = client.post(_return(s), {"narrative": "Again"})
    assert again.status_code == 302
    assert DeliveryReport.objects.count() == 1
