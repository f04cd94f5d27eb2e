"""Claims waiting for approval, payments waiting for release and bank
changes waiting for verification: reminders through the engine, once each,
to the people who can act, and counts on the staff home."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from finance.services import claims
from grants.services import awards
from organisations.models import MembershipRole
from organisations.services import bank_details
from reminders.models import Reminder
from reminders.services.sweep import reminders_sweep
from tests.organisations.factories import MembershipFactory

pytestmark = pytest.mark.django_db


def test_each_waiting_step_reminds_the_people_who_act_once(grant, officer, finance_officer):
    first, second = grant.award.payments.order_by("due_on")
    claims.claim_submit(
        payment=first,
        actor=grant.member,
        spend={"Food": 3000},
        evidence=SimpleUploadedFile("i.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    awards.payment_approve(payment=second, actor=officer)
    admin = MembershipFactory(organisation=grant.organisation, role=MembershipRole.ADMIN).user
    bank_details.bank_details_save(
        organisation=grant.organisation,
        actor=admin,
        account_holder="Canal Side",
        sort_code="401219",
        account_number="31926819",
    )
    reminders_sweep()
    reminders_sweep()  # a second sweep sends nothing more
    sent = set(Reminder.objects.values_list("kind", "recipient__email"))
    assert ("finance_claim_waiting", officer.email) in sent
    assert ("finance_release_waiting", finance_officer.email) in sent
    assert ("finance_bank_details_waiting", finance_officer.email) in sent
    assert ("finance_bank_details_waiting", officer.email) in sent
    assert ("finance_release_waiting", officer.email) not in sent  # not theirs to release
    assert Reminder.objects.filter(kind="finance_release_waiting").count() == 1


def test_the_staff_home_counts_what_waits(client, grant, officer, finance_officer):
    first, second = grant.award.payments.order_by("due_on")
    claims.claim_submit(
        payment=first,
        actor=grant.member,
        spend={"Food": 3000},
        evidence=SimpleUploadedFile("i.pdf", b"%PDF-1.4\n%%EOF\n", "application/pdf"),
    )
    awards.payment_approve(payment=second, actor=officer)
    client.force_login(officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>1</strong> claims waiting for approval" in home
    client.force_login(finance_officer)
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "<strong>1</strong> payments waiting for release" in home
    assert "<strong>0</strong> bank detail changes waiting for verification" in home
    assert "claims waiting for approval" not in home
