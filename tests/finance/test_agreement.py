"""The grant agreement: made as a PDF from the programme's template when the
offer is sent; accepted online with name, role, time, address and the
SHA-256 fingerprint of the document; the document downloaded later by
either side has that same fingerprint."""

import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django_fsm_log.models import StateLog

from finance.models import Agreement
from grants.models import State
from grants.services import awards
from people import roles
from tests.finance.conftest import approved, offer
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def downloaded(response) -> bytes:
    return b"".join(response.streaming_content)


@pytest.fixture
def offered(officer):
    application, person = approved(officer, checks=False, agreement=True)
    offer(application, officer)
    application.refresh_from_db()
    return application, person


def test_the_offer_makes_the_agreement_pdf_from_the_template(offered):
    application, _ = offered
    agreement = Agreement.objects.get(award__application=application)
    data = agreement.document.open("rb").read()
    assert data.startswith(b"%PDF-")
    assert agreement.sha256 == hashlib.sha256(data).hexdigest()


def test_the_grantee_accepts_and_both_sides_download_the_same_document(client, offered, officer):
    application, person = offered
    agreement = Agreement.objects.get(award__application=application)
    client.force_login(person)
    detail = client.get(reverse("application-detail", args=[application.pk])).content.decode()
    url = reverse("finance:agreement", args=[application.pk])
    assert f'href="{url}">Read and accept your grant agreement</a>' in detail
    assert "Your full name" not in detail  # not accepted by a typed name alone

    page = client.get(url).content.decode()
    assert agreement.sha256 in page
    refused = client.post(url, {"fingerprint": agreement.sha256, "name": "Sam Okoro"})
    assert refused.status_code == 400
    assert "Enter your role in the organisation" in refused.content.decode()
    assert "Confirm you have read and accept the agreement" in refused.content.decode()

    response = client.post(
        url,
        {
            "fingerprint": agreement.sha256,
            "name": "Sam Okoro",
            "role": "Treasurer",
            "confirm": "on",
        },
        REMOTE_ADDR="203.0.113.9",
    )
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "Thank you: the agreement and the offer are accepted." in page
    assert "by Sam Okoro, Treasurer" in page
    assert "203.0.113.9" in page
    agreement.refresh_from_db()
    application.refresh_from_db()
    assert application.state == State.ACCEPTED
    assert (agreement.accepted_name, agreement.accepted_role, agreement.accepted_ip) == (
        "Sam Okoro",
        "Treasurer",
        "203.0.113.9",
    )
    assert agreement.accepted_by == person
    assert agreement.accepted_at is not None
    assert StateLog.objects.filter(transition="agreement_accept", by=person).exists()

    download = reverse("finance:agreement-download", args=[agreement.pk])
    grantee_copy = downloaded(client.get(download))
    client.force_login(officer)
    officer_copy = downloaded(client.get(download))
    assert hashlib.sha256(grantee_copy).hexdigest() == agreement.accepted_sha256
    assert hashlib.sha256(officer_copy).hexdigest() == agreement.accepted_sha256
    assert agreement.accepted_sha256 == agreement.sha256


def test_a_changed_document_is_not_accepted(client, offered):
    application, person = offered
    client.force_login(person)
    response = client.post(
        reverse("finance:agreement", args=[application.pk]),
        {"fingerprint": "0" * 64, "name": "Sam Okoro", "role": "Treasurer", "confirm": "on"},
    )
    assert response.status_code == 400
    assert "The agreement has changed since you opened it" in response.content.decode()
    application.refresh_from_db()
    assert application.state == State.OFFER


def test_an_offer_with_an_agreement_is_not_accepted_by_a_typed_name(offered):
    application, person = offered
    with pytest.raises(ValidationError) as refused:
        awards.offer_accept(application=application, actor=person, signed_name="Sam Okoro")
    assert refused.value.messages == ["Accept the grant agreement to accept the offer."]


def test_people_of_other_organisations_cannot_read_or_accept_it(client, offered):
    application, _ = offered
    agreement = Agreement.objects.get(award__application=application)
    for outsider in (MembershipFactory().user, UserFactory(roles=[roles.PANEL_MEMBER])):
        client.force_login(outsider)
        assert client.get(reverse("finance:agreement", args=[application.pk])).status_code == 403
        download = reverse("finance:agreement-download", args=[agreement.pk])
        assert client.get(download).status_code == 403
