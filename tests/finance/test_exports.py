"""The export of released payments for the finance system: the CSV in its
documented layout and the BACS Standard 18 file, byte for byte; their
totals equal the payments released; the finance system's paid-file records
them paid, all or nothing."""

import csv
import io
from datetime import date
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from django_fsm_log.models import StateLog

from finance.models import PaymentRelease
from finance.services import payments
from grants.models import Payment
from grants.services import awards
from organisations.models import BankDetails
from tests.finance.conftest import approved, offer
from tests.grants.payments import bank_details_verified

pytestmark = pytest.mark.django_db

BACS = {
    "FINANCE_BACS_SORT_CODE": "608371",
    "FINANCE_BACS_ACCOUNT_NUMBER": "21436587",
    "FINANCE_BACS_NAME": "Ashby Vale Council",
}


def released(grant, officer, finance_officer, *, which=(0, 1)):
    chosen = list(grant.award.payments.order_by("due_on"))
    for index in which:
        awards.payment_approve(payment=chosen[index], actor=officer)
        payments.payment_release(payment=chosen[index], actor=finance_officer)
    return [chosen[index] for index in which]


def rows_of(response) -> list[list[str]]:
    text = b"".join(response.streaming_content if response.streaming else [response.content])
    return list(csv.reader(io.StringIO(text.decode("utf-8-sig"))))


def test_the_csv_lists_every_released_payment_and_its_total_equals_them(
    client, grant, officer, finance_officer
):
    first, second = released(grant, officer, finance_officer)
    # A third payment, approved but not released, is not exported.
    other, person = approved(officer, checks=False)
    offer(other, officer)
    awards.offer_accept(application=other, actor=person, signed_name="Sam")
    bank_details_verified(other.organisation)
    awards.payment_approve(payment=other.award.payments.first(), actor=officer)

    client.force_login(finance_officer)
    page = client.get(reverse("finance:payments")).content.decode()
    assert "2 payments, £4,500 in all." in page
    response = client.post(reverse("finance:payments-export"), {"format": "csv"})
    rows = rows_of(response)
    assert rows[0] == [
        "Payment number",
        "Organisation",
        "Organisation identifier",
        "Name on the account",
        "Sort code",
        "Account number",
        "Grant reference",
        "Amount (GBP)",
        "Due on",
        "Approved by",
        "Released on",
        "Released by",
    ]
    organisation = grant.organisation
    assert [row[0] for row in rows[1:]] == [f"GP{first.pk:06d}", f"GP{second.pk:06d}"]
    assert rows[1][1:10] == [
        organisation.name,
        organisation.org_id,
        organisation.name[:70],
        "309430",
        "00733445",
        grant.reference,
        "3000.00",
        "2027-04-01",
        "Grace Mensah",
    ]
    assert rows[2][7:9] == ["1500.00", "2027-10-01"]
    assert sum(Decimal(row[7]) for row in rows[1:]) == Decimal("4500.00")
    assert rows[1][11] == "Femi Adeyemi"

    # Exported once: the next export has nothing new, and each is audited.
    assert PaymentRelease.objects.filter(exported_at__isnull=False).count() == 2
    assert StateLog.objects.filter(transition="export_payment").count() == 2
    page = client.get(reverse("finance:payments")).content.decode()
    assert "No released payment is waiting to be exported." in page


@override_settings(**BACS)
def test_the_bacs_standard_18_file_is_exactly_the_published_layout(
    client, grant, officer, finance_officer
):
    BankDetails.objects.filter(organisation=grant.organisation).update(
        account_holder="Canal Side Community Kitchen"
    )
    first, second = released(grant, officer, finance_officer)
    client.force_login(finance_officer)
    response = client.post(reverse("finance:payments-export"), {"format": "bacs"})
    assert response["Content-Disposition"].startswith('attachment; filename="grant-payments-')
    # Written by hand from the layout: sort code, account, type 0, code 99,
    # the council's sort code and account, four spaces, pence in eleven
    # figures, the council's name, the payment number, the payee's name
    # (each 18, upper case, padded); then the contra, code 17, the total.
    name = "ASHBY VALE COUNCIL"  # 18 characters exactly
    council = "608371" + "21436587"
    expected = (
        ("309430" + "00733445" + "0" + "99" + council + "    " + "00000300000")
        + (name + f"GP{first.pk:06d}".ljust(18) + "CANAL SIDE COMMUNI")
        + "\r\n"
        + ("309430" + "00733445" + "0" + "99" + council + "    " + "00000150000")
        + (name + f"GP{second.pk:06d}".ljust(18) + "CANAL SIDE COMMUNI")
        + "\r\n"
        + (council + "0" + "17" + council + "    " + "00000450000")
        + ("CONTRA            " + "GRANT PAYMENTS    " + name)
        + "\r\n"
    ).encode("ascii")
    assert response.content == expected
    assert all(len(line) == 100 for line in response.content.split(b"\r\n")[:-1])


def test_the_paid_file_records_every_payment_or_none(client, grant, officer, finance_officer):
    first, second = released(grant, officer, finance_officer)
    client.force_login(finance_officer)
    bad = (
        "Payment number,Paid on,Finance reference\n"
        f"GP{first.pk:06d},2027-04-03,FIN-001\n"
        "GP999999,2027-04-03,FIN-002\n"
    )
    response = client.post(
        reverse("finance:paid-file"),
        {"paid_file": SimpleUploadedFile("paid.csv", bad.encode(), content_type="text/csv")},
    )
    assert response.status_code == 400
    assert "Line 3: there is no payment GP999999" in response.content.decode()
    assert not Payment.objects.filter(paid_on__isnull=False).exists()

    good = (
        "Payment number,Paid on,Finance reference\n"
        f"GP{first.pk:06d},2027-04-03,FIN-001\n"
        f"GP{second.pk:06d},2027-10-02,FIN-002\n"
    )
    response = client.post(
        reverse("finance:paid-file"),
        {"paid_file": SimpleUploadedFile("paid.csv", good.encode(), content_type="text/csv")},
    )
    assert response.status_code == 302
    assert "2 payments recorded paid." in client.get(response.url).content.decode()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.paid_on, first.reference) == (date(2027, 4, 3), "FIN-001")
    assert (second.paid_on, second.reference) == (date(2027, 10, 2), "FIN-002")
