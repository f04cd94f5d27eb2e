"""The payments file for the finance system: approved payments still to
pay, and those paid in a period; masked accounts; no cell a spreadsheet
would run as a formula; only for staff with the export permission."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.urls import reverse

from grants.services import awards
from organisations.models import BankDetails
from people import roles
from tests.grants.factories import RoundFactory
from tests.grants.payments import bank_details_verified
from tests.grants.test_officer_steps import accepted
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace():
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Grace", last_name="Mensah")


@pytest.fixture
def femi():
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Femi", last_name="Adeyemi")


@pytest.fixture
def grant(grace, femi):
    """£3,000 due 1 April 2027, approved and paid on 3 April 2027 as BACS-1;
    £1,500 due 1 October 2027, approved and waiting to be paid."""
    application = accepted(RoundFactory(), grace)
    organisation = application.organisation
    organisation.name = '=HYPERLINK("http://evil.example","Click")'
    organisation.save()
    bank_details_verified(organisation)
    BankDetails.objects.filter(organisation=organisation).update(account_holder="@SUM(A1)")
    first, second = application.award.payments.order_by("due_on")
    awards.payment_approve(payment=first, actor=grace)
    awards.payment_mark_paid(
        payment=first, actor=femi, paid_on=date(2027, 4, 3), reference="BACS-1"
    )
    awards.payment_approve(payment=second, actor=grace)
    return application


def rows_of(response) -> list[dict]:
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    text = response.content.decode().lstrip("\ufeff")
    return list(csv.DictReader(io.StringIO(text)))


def test_the_file_lists_payments_to_make_with_masked_accounts_and_no_formulas(client, grant, femi):
    client.force_login(femi)
    response = client.get(reverse("grants-finance-csv"))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith('attachment; filename="grant-payments-')
    rows = rows_of(response)
    assert rows == [
        {
            "Status": "Approved, to pay",
            "Organisation": '\'=HYPERLINK("http://evil.example","Click")',
            "Organisation identifier": grant.organisation.org_id,
            "Name on the account": "'@SUM(A1)",
            "Account number": "****3445",
            "Bank details verified": "Yes",
            "Grant reference": grant.reference,
            "Amount (GBP)": "1500.00",
            "Due on": "2027-10-01",
            "Approved on": rows[0]["Approved on"],
            "Approved by": "Grace Mensah",
            "Paid on": "",
            "Payment reference": "",
            "Released by": "",
        }
    ]
    assert "00733445" not in response.content.decode()


def test_a_period_adds_the_payments_paid_in_it_and_the_totals_agree(client, grant, femi):
    client.force_login(femi)
    url = reverse("grants-finance-csv")
    rows = rows_of(
        client.get(
            url,
            {
                "paid_from_day": "1",
                "paid_from_month": "4",
                "paid_from_year": "2027",
                "paid_to_day": "30",
                "paid_to_month": "4",
                "paid_to_year": "2027",
            },
        )
    )
    assert [
        (r["Status"], r["Amount (GBP)"], r["Paid on"], r["Payment reference"], r["Released by"])
        for r in rows
    ] == [
        ("Paid", "3000.00", "2027-04-03", "BACS-1", "Femi Adeyemi"),
        ("Approved, to pay", "1500.00", "", "", ""),
    ]
    assert sum(Decimal(r["Amount (GBP)"]) for r in rows) == Decimal("4500.00")
    # A period that ends before the payment was made leaves it out.
    rows = rows_of(
        client.get(
            url,
            {
                "paid_from_day": "1",
                "paid_from_month": "3",
                "paid_from_year": "2027",
                "paid_to_day": "2",
                "paid_to_month": "4",
                "paid_to_year": "2027",
            },
        )
    )
    assert [r["Status"] for r in rows] == ["Approved, to pay"]


def test_the_page_shows_what_is_waiting_and_a_half_given_period_is_refused(client, grant, femi):
    client.force_login(femi)
    page = client.get(reverse("grants-finance")).content.decode()
    assert "1 payment, £1,500 in all." in page
    assert "****3445" in page and "00733445" not in page
    response = client.get(
        reverse("grants-finance-csv"),
        {"paid_from_day": "1", "paid_from_month": "4", "paid_from_year": "2027"},
    )
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    assert "Enter both dates of the period, or neither" in page
    response = client.get(
        reverse("grants-finance-csv"),
        {
            "paid_from_day": "30",
            "paid_from_month": "4",
            "paid_from_year": "2027",
            "paid_to_day": "1",
            "paid_to_month": "4",
            "paid_to_year": "2027",
        },
    )
    assert response.status_code == 400
    assert "Paid to must be the same as or after paid from" in response.content.decode()


def test_a_payment_approved_but_not_accepted_or_unapproved_is_not_in_the_file(client, grace):
    application = accepted(RoundFactory(), grace)
    bank_details_verified(application.organisation)
    client.force_login(grace)
    assert rows_of(client.get(reverse("grants-finance-csv"))) == []


def test_only_staff_with_the_permission_see_the_page_or_the_file(client, grant):
    member = grant.organisation.memberships.first().user
    for person in (
        member,
        UserFactory(roles=[roles.COMMISSIONER]),
        UserFactory(roles=[roles.PANEL_MEMBER]),
        UserFactory(roles=[roles.APPLICANT]),
    ):
        client.force_login(person)
        assert client.get(reverse("grants-finance")).status_code == 403
        assert client.get(reverse("grants-finance-csv")).status_code == 403
    client.force_login(UserFactory(roles=[roles.ADMINISTRATOR]))
    assert client.get(reverse("grants-finance-csv")).status_code == 200
