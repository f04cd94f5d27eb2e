"""A bank account is never shown whole on a page, in an e-mail, a log line
or an audit row: only its last four digits. The one place it leaves whole is
the finance export (CSV or BACS file), for the finance system to pay into."""

import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django_fsm_log.models import StateLog

from finance.services import payments
from foundation.models import OutgoingEmail
from organisations.models import MembershipRole
from organisations.services import bank_details
from reminders.services.sweep import reminders_sweep
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db

ACCOUNT, SORT_CODE = "31926819", "401219"


def test_the_account_is_whole_only_in_the_finance_export(
    client, grant, officer, finance_officer, caplog
):
    caplog.set_level(logging.DEBUG)
    organisation = grant.organisation
    admin = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN)  # told by e-mail
    client.force_login(admin)
    response = client.post(
        reverse("bank-details", args=[organisation.pk]),
        {"account_holder": "Canal Side", "sort_code": "40-12-19", "account_number": ACCOUNT},
    )
    assert response.status_code == 302
    details = organisation.bank_details
    details.refresh_from_db()
    assert details.account_number == ACCOUNT

    first = grant.award.payments.order_by("due_on").first()
    client.force_login(grant.member)
    client.post(
        reverse("finance:claim-new", args=[first.pk]),
        {
            "line_0": "3000",
            "evidence": SimpleUploadedFile("i.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
        },
    )
    reminders_sweep()  # bank details and claims waiting: e-mails to staff
    client.force_login(officer)
    decide = reverse("finance:claim-decide", args=[first.claims.get().pk])
    client.post(decide, {"decision": "approve"})
    reminders_sweep()  # the payment waiting for release

    pages = []
    for person, urls in (
        (
            admin,
            [
                reverse("bank-details", args=[organisation.pk]),
                reverse("finance:grant", args=[grant.pk]),
                reverse("application-detail", args=[grant.pk]),
            ],
        ),
        (
            officer,
            [
                reverse("application-manage", args=[grant.pk]),
                reverse("finance:grant", args=[grant.pk]),
                reverse("bank-details-to-verify"),
                reverse("wagtailadmin_home"),
            ],
        ),
        (finance_officer, [reverse("finance:payments"), reverse("wagtailadmin_home")]),
    ):
        client.force_login(person)
        for url in urls:
            response = client.get(url)
            assert response.status_code == 200, url
            pages.append((url, response.content.decode()))
    assert "****6819" in dict(pages)[reverse("bank-details-to-verify")]
    bank_details.bank_details_verify(bank_details=details, actor=officer, note="Rang them")
    payments.payment_release(payment=first, actor=finance_officer)
    client.force_login(finance_officer)
    pages.append(("payments", client.get(reverse("finance:payments")).content.decode()))

    assert any("****6819" in text for _, text in pages)
    for url, text in pages:
        # The sort code (the bank's branch) is shown to whoever checks it;
        # the account number never.
        assert ACCOUNT not in text, url
    emails = list(OutgoingEmail.objects.values_list("subject", "body"))
    assert len(emails) >= 3
    for subject, body in emails:
        assert ACCOUNT not in subject + body and SORT_CODE not in body
    for row in StateLog.objects.values_list("description", flat=True):
        assert ACCOUNT not in (row or "") and SORT_CODE not in (row or "")
    assert ACCOUNT not in caplog.text and SORT_CODE not in caplog.text

    # The finance export: whole, as the finance system needs.
    csv_file = client.post(reverse("finance:payments-export"), {"format": "csv"})
    assert ACCOUNT in csv_file.content.decode() and SORT_CODE in csv_file.content.decode()
    for row in StateLog.objects.values_list("description", flat=True):
        assert ACCOUNT not in (row or "")
