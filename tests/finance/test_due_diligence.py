"""The offer cannot go until each due diligence check the programme asks
for is recorded as done, by whom; a charity or company number is checked
for its format and against the number the organisation gave."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from finance.models import DueDiligenceRecord
from finance.services.due_diligence import due_diligence_record
from grants.models import State
from people import roles
from tests.finance.conftest import approved, offer
from tests.forms import date_typed
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

CHECKS = ["governing_document", "safeguarding", "insurance", "accounts"]


def record_all_but_registration(application, officer):
    for kind in CHECKS:
        due_diligence_record(
            application=application, actor=officer, kind=kind, note=f"Seen the {kind}"
        )


def test_the_offer_cannot_be_sent_until_every_check_is_recorded(officer):
    application, _ = approved(officer, charity_number="1190001")
    with pytest.raises(ValidationError) as refused:
        offer(application, officer)
    assert refused.value.messages == [
        "Due diligence is not finished: record the governing document, safeguarding policy, "
        "insurance, latest accounts, charity or company registration check before sending "
        "the offer."
    ]
    record_all_but_registration(application, officer)
    with pytest.raises(ValidationError) as refused:
        offer(application, officer)
    assert "record the charity or company registration check" in refused.value.messages[0]
    application.refresh_from_db()
    assert application.state == State.APPROVED

    due_diligence_record(
        application=application,
        actor=officer,
        kind="registration",
        note="Charity Commission register, checked today",
        register_number="1190001",
        registered_as="Canal Side Community Kitchen",
    )
    offer(application, officer)
    application.refresh_from_db()
    assert application.state == State.OFFER


def test_a_programme_without_due_diligence_sends_its_offer_straight_away(officer):
    application, _ = approved(officer, checks=False)
    offer(application, officer)
    application.refresh_from_db()
    assert application.state == State.OFFER


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("12AB", "Enter a charity number like 1234567"),
        ("1234567", "gave the number 1190001: check that number on the register"),
    ],
)
def test_a_registration_number_of_the_wrong_form_or_another_charity_is_refused(
    officer, typed, message
):
    application, _ = approved(officer, charity_number="1190001")
    with pytest.raises(ValidationError) as refused:
        due_diligence_record(
            application=application,
            actor=officer,
            kind="registration",
            note="Checked",
            register_number=typed,
            registered_as="Canal Side",
        )
    assert message in refused.value.message_dict["register_number"][0]
    assert not DueDiligenceRecord.objects.exists()


def test_only_a_grants_officer_records_due_diligence(officer):
    application, person = approved(officer)
    for outsider in (person, UserFactory(roles=[roles.FINANCE_OFFICER])):
        with pytest.raises(PermissionDenied):
            due_diligence_record(
                application=application, actor=outsider, kind="insurance", note="Seen"
            )


def test_the_officer_records_each_check_on_the_page_and_sees_who_did_it(client, officer):
    application, _ = approved(officer, charity_number="1190001")
    client.force_login(officer)
    manage = client.get(reverse("application-manage", args=[application.pk])).content.decode()
    url = reverse("finance:due-diligence", args=[application.pk])
    assert f'href="{url}">Due diligence</a>' in manage
    page = client.get(url).content.decode()
    assert "5 still to do." in page
    assert 'value="1190001"' in page  # the organisation's own number, to check

    refused = client.post(url, {"check": "insurance", "insurance-note": ""})
    assert refused.status_code == 400
    assert "Say what you checked" in refused.content.decode()

    response = client.post(
        url, {"check": "insurance", "insurance-note": "Public liability £5m, Aviva, to 2028"}
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Insurance recorded as checked." in page
    assert "by Grace Mensah" in page
    assert "Public liability £5m, Aviva, to 2028" in page
    assert "4 still to do." in page

    # The offer sent from the officer's page is refused with the reason.
    response = client.post(
        reverse("application-offer", args=[application.pk]),
        {
            **date_typed("starts_on", "1/4/2027"),
            **date_typed("ends_on", "31/3/2028"),
            "payments": "1/4/2027, 4500",
            "return_dates": "31/3/2028",
            "terms": "",
        },
    )
    page = client.get(response.url).content.decode()
    assert "Due diligence is not finished" in page
    application.refresh_from_db()
    assert application.state == State.APPROVED
