"""Separated duties for money out: a grants officer approves a payment, the
finance team releases it, never the person who approved it; a payment to an
organisation whose bank details are missing or changed and not verified is
held; only a released payment is recorded paid."""

from datetime import date

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django_fsm_log.models import StateLog

from finance.exports import releases_to_export
from finance.models import PaymentRelease
from finance.services import payments
from grants.models import State
from grants.services import awards
from organisations.models import MembershipRole
from organisations.services import bank_details
from people import roles
from tests.finance.conftest import approved, offer
from tests.forms import date_typed
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def first_of(grant):
    return grant.award.payments.order_by("due_on").first()


def test_the_approver_cannot_release_even_holding_the_finance_role(grant, officer):
    both = UserFactory(roles=[roles.GRANTS_OFFICER, roles.FINANCE_OFFICER])
    first = first_of(grant)
    awards.payment_approve(payment=first, actor=both)
    with pytest.raises(ValidationError) as refused:
        payments.payment_release(payment=first, actor=both)
    assert refused.value.messages == ["You approved this payment, so someone else must release it."]
    assert not PaymentRelease.objects.exists()


def test_a_grants_officer_cannot_release_or_record_paid(client, grant, officer):
    first = first_of(grant)
    awards.payment_approve(payment=first, actor=officer)
    other_officer = UserFactory(roles=[roles.GRANTS_OFFICER])
    with pytest.raises(PermissionDenied):
        payments.payment_release(payment=first, actor=other_officer)
    with pytest.raises(PermissionDenied):
        awards.payment_mark_paid(
            payment=first, actor=other_officer, paid_on=date(2027, 4, 1), reference="X"
        )
    client.force_login(other_officer)
    assert client.get(reverse("finance:payments")).status_code == 403
    assert client.post(reverse("finance:payment-release", args=[first.pk])).status_code == 403


def test_the_finance_team_releases_then_records_paid_and_the_grant_becomes_active(
    client, grant, officer, finance_officer
):
    first = first_of(grant)
    client.force_login(officer)
    manage = client.get(reverse("application-manage", args=[grant.pk])).content.decode()
    assert "Approve payment" in manage
    response = client.post(reverse("payment-approve", args=[first.pk]))
    page = client.get(response.url).content.decode()
    assert "Payment approved. The finance team releases it." in page
    assert "was approved\n      by Grace Mensah (you)" in page

    client.force_login(finance_officer)
    page = client.get(reverse("finance:payments")).content.decode()
    assert 'Release<span class="govuk-visually-hidden"> £3,000 to' in page
    # Recording it paid before the release is refused.
    response = client.post(
        reverse("finance:payment-paid", args=[first.pk]),
        {**date_typed("paid_on", "2/4/2027"), "reference": "FIN-1"},
    )
    assert response.status_code == 400
    assert "The finance team releases a payment before it is recorded paid." in (
        response.content.decode()
    )

    response = client.post(reverse("finance:payment-release", args=[first.pk]))
    page = client.get(response.url).content.decode()
    assert f"Payment GP{first.pk:06d} released." in page

    response = client.post(
        reverse("finance:payment-paid", args=[first.pk]),
        {**date_typed("paid_on", "2/4/2027"), "reference": "FIN-1"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert (first.paid_on, first.reference, first.marked_paid_by) == (
        date(2027, 4, 2),
        "FIN-1",
        finance_officer,
    )
    grant.refresh_from_db()
    assert grant.state == State.ACTIVE
    trail = list(
        StateLog.objects.filter(object_id=first.pk, content_type__model="payment")
        .order_by("pk")
        .values_list("transition", "by", "state")
    )
    assert trail == [
        ("approve_payment", officer.pk, "approved"),
        ("release_payment", finance_officer.pk, "released"),
        ("release_payment", finance_officer.pk, "paid"),
    ]


def test_an_unverified_bank_change_holds_release_until_verified(grant, officer, finance_officer):
    first = first_of(grant)
    awards.payment_approve(payment=first, actor=officer)
    admin = MembershipFactory(organisation=grant.organisation, role=MembershipRole.ADMIN).user
    details = bank_details.bank_details_save(
        organisation=grant.organisation,
        actor=admin,
        account_holder="Changed Name",
        sort_code="401219",
        account_number="31926819",
    )
    held = f"{grant.organisation.name}'s bank details have not been verified since they were"
    with pytest.raises(ValidationError) as refused:
        payments.payment_release(payment=first, actor=finance_officer)
    assert refused.value.messages[0].startswith(held)

    bank_details.bank_details_verify(
        bank_details=details, actor=finance_officer, note="Rang the treasurer on the known number"
    )
    payments.payment_release(payment=first, actor=finance_officer)

    # A change after the release holds it again: not exported, not paid.
    bank_details.bank_details_save(
        organisation=grant.organisation,
        actor=admin,
        account_holder="Changed Again",
        sort_code="309430",
        account_number="12345678",
    )
    assert list(releases_to_export()) == []
    with pytest.raises(ValidationError) as refused:
        payments.payment_paid_record(
            payment=first, actor=finance_officer, paid_on=date(2027, 4, 2), reference="FIN-1"
        )
    assert refused.value.messages[0].startswith(held)
    first.refresh_from_db()
    assert first.paid_on is None


def test_no_bank_details_at_all_hold_the_payment(officer, finance_officer):
    application, person = approved(officer, checks=False)
    offer(application, officer)
    awards.offer_accept(application=application, actor=person, signed_name="Sam")
    first = application.award.payments.order_by("due_on").first()
    awards.payment_approve(payment=first, actor=officer)
    with pytest.raises(ValidationError) as refused:
        payments.payment_release(payment=first, actor=finance_officer)
    assert "has not given its bank details yet" in refused.value.messages[0]


def test_a_payment_not_approved_is_not_released(grant, finance_officer):
    with pytest.raises(ValidationError) as refused:
        payments.payment_release(payment=first_of(grant), actor=finance_officer)
    assert refused.value.messages == ["A grants officer approves a payment before it is released."]


def test_each_released_payment_has_its_own_date_boxes(client, grant, officer, finance_officer):
    for payment in grant.award.payments.all():
        awards.payment_approve(payment=payment, actor=officer)
        payments.payment_release(payment=payment, actor=finance_officer)
    client.force_login(finance_officer)
    page = client.get(reverse("finance:payments")).content.decode()
    # One form per instalment: the same field names, ids of its own.
    assert page.count('name="paid_on_day"') == 2
    for payment in grant.award.payments.all():
        assert f'id="id_paid-{payment.pk}-paid_on-field"' in page
        assert f'action="/finance/payments/{payment.pk}/paid/"' in page
