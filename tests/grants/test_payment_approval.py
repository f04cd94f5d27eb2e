"""Separated duties for money out: one grants officer approves a payment,
another releases it (marks it paid); both audited. A payment to an
organisation whose bank details are missing or not yet verified is held."""

from datetime import date

import pytest
from django.urls import reverse
from django_fsm_log.models import StateLog

from grants.models import State
from organisations.models import MembershipRole
from organisations.services import bank_details
from people import roles
from tests.forms import date_typed
from tests.grants.factories import RoundFactory
from tests.grants.payments import bank_details_verified
from tests.grants.test_officer_steps import accepted
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def grace():
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Grace", last_name="Mensah")


@pytest.fixture
def femi():
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Femi", last_name="Adeyemi")


@pytest.fixture
def grant(grace):
    """An accepted offer of £3,000 due 1 April 2027 and £1,500 due 1 October 2027."""
    application = accepted(RoundFactory(), grace)
    bank_details_verified(application.organisation)
    return application


def manage(client, application) -> str:
    return client.get(reverse("application-manage", args=[application.pk])).content.decode()


def release(client, payment, reference="BACS-1"):
    return client.post(
        reverse("payment-paid", args=[payment.pk]),
        {**date_typed("paid_on", "27/03/2027"), "reference": reference},
    )


def test_the_approver_cannot_release_and_another_officer_can(client, grant, grace, femi):
    first = grant.award.payments.order_by("due_on").first()
    client.force_login(grace)
    page = manage(client, grant)
    assert "Approve payment" in page
    response = client.post(reverse("payment-approve", args=[first.pk]))
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "Payment approved. Another grants officer releases it." in page
    assert (
        "You approved the payment of £3,000 due 1 April 2027,\n      "
        "so another grants officer releases it."
    ) in page
    assert f'action="/grants/manage/payments/{first.pk}/paid/"' not in page

    # Posting anyway (an old page, a second tab) is refused with the reason.
    response = release(client, first)
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert "You approved this payment, so another grants officer must release it." in page
    first.refresh_from_db()
    assert first.paid_on is None

    client.force_login(femi)
    page = manage(client, grant)
    assert "Release the payment of £3,000 due 1 April 2027" in page
    assert "Approved by Grace Mensah." in page
    response = release(client, first)
    page = client.get(response.url).content.decode()
    assert "Payment recorded." in page
    first.refresh_from_db()
    assert (first.paid_on, first.reference) == (date(2027, 3, 27), "BACS-1")
    assert (first.approved_by, first.marked_paid_by) == (grace, femi)
    grant.refresh_from_db()
    assert grant.state == State.ACTIVE

    approve = StateLog.objects.get(object_id=first.pk, transition="approve_payment")
    assert (approve.by, approve.source_state, approve.state) == (grace, "due", "approved")
    assert approve.description == "Payment approved: £3,000 due 1 April 2027"
    released = StateLog.objects.get(object_id=first.pk, transition="release_payment")
    assert (released.by, released.source_state, released.state) == (femi, "approved", "paid")
    assert released.description == (
        "Payment released: £3,000 due 1 April 2027, paid 27 March 2027, reference BACS-1"
    )


def test_a_payment_not_yet_approved_cannot_be_released(client, grant, femi):
    first = grant.award.payments.order_by("due_on").first()
    client.force_login(femi)
    page = manage(client, grant)
    assert f'action="/grants/manage/payments/{first.pk}/paid/"' not in page
    response = release(client, first)
    page = client.get(response.url).content.decode()
    assert "This payment has not been approved: a grants officer approves it, then another" in (
        page
    )
    first.refresh_from_db()
    assert first.paid_on is None
    assert not StateLog.objects.filter(transition="release_payment").exists()


def test_a_second_approval_is_refused(client, grant, grace, femi):
    first = grant.award.payments.order_by("due_on").first()
    client.force_login(grace)
    client.post(reverse("payment-approve", args=[first.pk]))
    client.force_login(femi)
    response = client.post(reverse("payment-approve", args=[first.pk]))
    page = client.get(response.url).content.decode()
    assert "This payment is already approved." in page
    first.refresh_from_db()
    assert first.approved_by == grace
    assert StateLog.objects.filter(transition="approve_payment").count() == 1


def test_changed_bank_details_hold_the_payment_until_verified(client, grant, grace, femi):
    organisation = grant.organisation
    first = grant.award.payments.order_by("due_on").first()
    client.force_login(grace)
    client.post(reverse("payment-approve", args=[first.pk]))

    # One of the organisation's admins changes the account.
    admin = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    details = bank_details.bank_details_save(
        organisation=organisation,
        actor=admin,
        account_holder="Changed Name",
        sort_code="401219",
        account_number="31926819",
    )
    held = (
        f"{organisation.name}&#x27;s bank details have not been verified since they were "
        "entered or changed: payments are held until staff check them by telephone and record it."
    )
    client.force_login(femi)
    page = manage(client, grant)
    assert held in page
    assert f'action="/grants/manage/payments/{first.pk}/paid/"' not in page
    response = release(client, first)
    assert held in client.get(response.url).content.decode()
    first.refresh_from_db()
    assert first.paid_on is None

    # Staff ring the organisation and record it: the payment can go.
    bank_details.bank_details_verify(bank_details=details, actor=grace, note="Rang the treasurer")
    page = manage(client, grant)
    assert held not in page
    release(client, first)
    first.refresh_from_db()
    assert first.paid_on == date(2027, 3, 27)


def test_no_bank_details_at_all_hold_the_payment(client, grace, femi):
    application = accepted(RoundFactory(), grace)
    first = application.award.payments.order_by("due_on").first()
    client.force_login(grace)
    client.post(reverse("payment-approve", args=[first.pk]))
    client.force_login(femi)
    response = release(client, first)
    page = client.get(response.url).content.decode()
    assert f"{application.organisation.name} has not given its bank details yet" in page
    first.refresh_from_db()
    assert first.paid_on is None


def test_approving_and_releasing_are_refused_to_every_other_role(client, grant, grace):
    first = grant.award.payments.order_by("due_on").first()
    member = grant.organisation.memberships.first().user
    others = [
        member,
        UserFactory(roles=[roles.COMMISSIONER]),
        UserFactory(roles=[roles.PANEL_MEMBER]),
        UserFactory(roles=[roles.APPLICANT]),
    ]
    for person in others:
        client.force_login(person)
        assert client.post(reverse("payment-approve", args=[first.pk])).status_code == 403
        assert release(client, first).status_code == 403
    first.refresh_from_db()
    assert (first.approved_at, first.paid_on) == (None, None)
