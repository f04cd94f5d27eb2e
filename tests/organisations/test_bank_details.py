"""Bank details: entered by an organisation admin, checked for their form,
kept encrypted, shown masked; a change is told to the other admins,
audited, and waits for staff to verify it by telephone."""

import pytest
from django.core import mail
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse
from django_fsm_log.models import StateLog

from foundation.models import OutgoingEmail
from organisations.models import BankDetails, MembershipRole
from organisations.selectors import bank_details_payable
from organisations.services import bank_details as services
from people import roles
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

TYPED = {
    "account_holder": "Canal Side Kitchen",
    "sort_code": "30-94-30",
    "account_number": "0073 3445",
}


@pytest.fixture
def org_admin():
    membership = MembershipFactory(role=MembershipRole.ADMIN)
    membership.organisation.email = "hello@canalside.example"
    membership.organisation.save()
    return membership


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER], first_name="Grace", last_name="Mensah")


def page_url(membership) -> str:
    return reverse("bank-details", args=[membership.organisation_id])


def test_an_admin_enters_them_with_dashes_and_spaces_and_sees_them_masked(client, org_admin):
    client.force_login(org_admin.user)
    response = client.post(page_url(org_admin), TYPED)
    assert response.status_code == 302
    details = BankDetails.objects.get(organisation=org_admin.organisation)
    assert (details.sort_code, details.account_number) == ("309430", "00733445")
    page = client.get(response.url).content.decode()
    assert "Your bank details are saved." in page
    assert "****3445" in page
    assert "00733445" not in page and "0073 3445" not in page
    assert "Not yet: payments wait until we have checked these details" in page


@pytest.mark.parametrize(
    ("field", "typed", "message"),
    [
        ("sort_code", "30-94-3", "Enter a valid sort code like 309430"),
        ("sort_code", "30943O", "Enter a valid sort code like 309430"),
        ("account_number", "0073344", "Enter a valid account number like 00733445"),
        ("account_number", "007334451", "Enter a valid account number like 00733445"),
        ("account_holder", "", "Enter the name on the account"),
    ],
)
def test_a_number_of_the_wrong_form_is_refused_and_nothing_is_saved(
    client, org_admin, field, typed, message
):
    client.force_login(org_admin.user)
    response = client.post(page_url(org_admin), {**TYPED, field: typed})
    page = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: " in page
    assert f'<a href="#id_{field}">{message}</a>' in page
    # What was typed is kept to correct.
    if typed:
        assert f'value="{typed}"' in page
    assert not BankDetails.objects.exists()


def test_the_database_holds_the_numbers_encrypted(org_admin):
    services.bank_details_save(
        organisation=org_admin.organisation,
        actor=org_admin.user,
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT sort_code, account_number FROM {BankDetails._meta.db_table}"  # noqa: S608
        )
        sort_code, account_number = cursor.fetchone()
    assert "00733445" not in account_number and "309430" not in sort_code
    assert account_number.startswith("gAAAA")  # a Fernet token
    # The same number saved again is encrypted differently: nothing to match on.
    details = BankDetails.objects.get()
    details.save()
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT account_number FROM {BankDetails._meta.db_table}")  # noqa: S608
        assert cursor.fetchone()[0] != account_number
    details.refresh_from_db()
    assert details.account_number == "00733445"


def test_a_change_is_told_to_the_other_admins_audited_and_holds_payments(
    org_admin, officer, django_capture_on_commit_callbacks
):
    organisation = org_admin.organisation
    other_admin = MembershipFactory(organisation=organisation, role=MembershipRole.ADMIN).user
    plain_member = MembershipFactory(organisation=organisation).user
    with django_capture_on_commit_callbacks(execute=True):
        details = services.bank_details_save(
            organisation=organisation,
            actor=org_admin.user,
            account_holder="Canal Side Kitchen",
            sort_code="309430",
            account_number="00733445",
        )
    assert sorted(message.to[0] for message in mail.outbox) == sorted(
        [other_admin.email, "hello@canalside.example"]
    )
    message = mail.outbox[0]
    assert message.subject == f"{organisation.name}'s bank details were changed"
    assert "****3445" in message.body
    assert "00733445" not in message.body and "309430" not in message.body
    assert plain_member.email not in {m.to[0] for m in mail.outbox}
    assert OutgoingEmail.objects.filter(topic="Bank details changed").count() == 2

    row = StateLog.objects.get(transition="bank_details_change", object_id=details.pk)
    assert row.by == org_admin.user
    assert row.description == "Bank details entered: account ****3445"
    assert "have not been verified since they were entered or changed" in bank_details_payable(
        organisation=organisation
    )

    services.bank_details_verify(bank_details=details, actor=officer, note="Rang 01632 960000")
    assert bank_details_payable(organisation=organisation) == ""

    # A change later clears the verification: payments wait again.
    services.bank_details_save(
        organisation=organisation,
        actor=other_admin,
        account_holder="Canal Side Kitchen",
        sort_code="401219",
        account_number="31926819",
    )
    details.refresh_from_db()
    assert not details.is_verified
    assert "have not been verified since they were entered or changed" in bank_details_payable(
        organisation=organisation
    )
    changed = StateLog.objects.filter(transition="bank_details_change").order_by("pk").last()
    assert changed.description == "Bank details changed: account ****3445 is now ****6819"
    for row in StateLog.objects.all():
        assert "00733445" not in (row.description or "")
        assert "31926819" not in (row.description or "")


def test_no_details_at_all_also_holds_payments(org_admin):
    assert "has not given its bank details yet" in bank_details_payable(
        organisation=org_admin.organisation
    )


def test_staff_verify_a_change_on_their_page_and_it_is_audited(client, org_admin, officer):
    details = services.bank_details_save(
        organisation=org_admin.organisation,
        actor=org_admin.user,
        **{
            "account_holder": "Canal Side Kitchen",
            "sort_code": "309430",
            "account_number": "00733445",
        },
    )
    client.force_login(officer)
    page = client.get(reverse("bank-details-to-verify")).content.decode()
    assert org_admin.organisation.name in page
    assert "30-94-30" in page and "****3445" in page
    assert "00733445" not in page

    url = reverse("bank-details-verify", args=[details.pk])
    empty = client.post(url, {"note": " "})
    assert empty.status_code == 400
    assert "Say how you checked the bank details" in empty.content.decode()
    details.refresh_from_db()
    assert not details.is_verified

    response = client.post(url, {"note": "Rang 01632 960000, spoke to the treasurer"})
    assert response.status_code == 302
    page = client.get(response.url).content.decode()
    assert f"{org_admin.organisation.name}&#x27;s bank details are verified." in page
    assert "No bank details are waiting to be verified." in page
    details.refresh_from_db()
    assert details.verified_by == officer
    row = StateLog.objects.get(transition="bank_details_verify")
    assert row.by == officer
    assert row.description == (
        "Bank details verified (account ****3445): Rang 01632 960000, spoke to the treasurer"
    )


def test_whoever_entered_them_cannot_verify_them(org_admin):
    # An administrator who is also the organisation's admin: someone else checks.
    org_admin.user.groups.add(*UserFactory(roles=[roles.ADMINISTRATOR]).groups.all())
    details = services.bank_details_save(
        organisation=org_admin.organisation,
        actor=org_admin.user,
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
    )
    with pytest.raises(ValidationError, match="You entered these bank details"):
        services.bank_details_verify(bank_details=details, actor=org_admin.user, note="Rang")
    details.refresh_from_db()
    assert not details.is_verified


def test_only_an_admin_of_the_organisation_changes_them(org_admin, officer):
    member = MembershipFactory(organisation=org_admin.organisation).user
    for person in (member, officer, MembershipFactory(role=MembershipRole.ADMIN).user):
        with pytest.raises(PermissionDenied):
            services.bank_details_save(
                organisation=org_admin.organisation,
                actor=person,
                account_holder="Someone Else",
                sort_code="309430",
                account_number="12345678",
            )
    assert not BankDetails.objects.exists()
    with pytest.raises(PermissionDenied):
        details = services.bank_details_save(
            organisation=org_admin.organisation,
            actor=org_admin.user,
            account_holder="Canal Side Kitchen",
            sort_code="309430",
            account_number="00733445",
        )
        services.bank_details_verify(bank_details=details, actor=member, note="Rang")


def test_each_page_is_refused_to_everyone_else(client, org_admin, officer):
    details = services.bank_details_save(
        organisation=org_admin.organisation,
        actor=org_admin.user,
        account_holder="Canal Side Kitchen",
        sort_code="309430",
        account_number="00733445",
    )
    member = MembershipFactory(organisation=org_admin.organisation).user
    other_admin = MembershipFactory(role=MembershipRole.ADMIN).user
    commissioner = UserFactory(roles=[roles.COMMISSIONER])
    panel = UserFactory(roles=[roles.PANEL_MEMBER])
    own_page = page_url(org_admin)
    to_verify = reverse("bank-details-to-verify")
    verify = reverse("bank-details-verify", args=[details.pk])
    for person in (member, other_admin, officer, commissioner, panel):
        client.force_login(person)
        assert client.get(own_page).status_code == 403, person
        assert client.post(own_page, TYPED).status_code == 403, person
    for person in (org_admin.user, member, commissioner, panel):
        client.force_login(person)
        assert client.get(to_verify).status_code == 403, person
        assert client.post(verify, {"note": "Rang"}).status_code == 403, person
    client.logout()
    assert client.get(own_page).status_code == 302
    assert client.get(to_verify).status_code in (302, 403)
    details.refresh_from_db()
    assert not details.is_verified
    assert details.account_number == "00733445"
