"""The bidder's forms on a published tender: ask a question, register
interest, start a bid, each for one of the bidder's own organisations."""

import pytest
from django.urls import reverse

from commissioning.models import Bid, Clarification, Interest
from commissioning.services.tenders import tender_publish
from organisations.models import MembershipRole
from tests.commissioning.conftest import bidder_make, tender_approved
from tests.organisations.factories import MembershipFactory, OrganisationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def open_tender(tender, commissioner):
    tender_approved(tender, commissioner)
    return tender_publish(tender=tender, actor=commissioner)


@pytest.fixture
def bidder(client):
    user = bidder_make("Asker CIC")
    client.force_login(user)
    return user


def test_an_empty_question_is_refused_on_the_page(client, open_tender, bidder):
    organisation = bidder.memberships.get().organisation
    url = reverse("tender-ask", args=[open_tender.pk])
    response = client.post(url, {"organisation": organisation.pk, "question": "   "})
    assert response.status_code == 400
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#ask-question">Write your question.</a>' in html
    assert 'id="ask-question-error"' in html
    assert not Clarification.objects.exists()

    response = client.post(url, {"organisation": organisation.pk, "question": "Is TUPE in scope?"})
    assert response.status_code == 302
    assert Clarification.objects.get().question == "Is TUPE in scope?"


def test_a_late_question_keeps_what_was_typed(client, open_tender, bidder):
    type(open_tender).objects.filter(pk=open_tender.pk).update(
        clarification_deadline=open_tender.clarification_deadline.replace(year=2000)
    )
    response = client.post(
        reverse("tender-ask", args=[open_tender.pk]),
        {"organisation": bidder.memberships.get().organisation_id, "question": "Is it late?"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert "The deadline for clarification questions has passed." in html
    assert "Is it late?</textarea>" in html


def test_one_organisation_is_carried_hidden_and_another_is_refused(client, open_tender, bidder):
    organisation = bidder.memberships.get().organisation
    html = client.get(reverse("tender-public", args=[open_tender.pk])).content.decode()
    lot = open_tender.lots.first()
    assert f'type="hidden" name="organisation" value="{organisation.pk}"' in html
    assert f'id="lot-{lot.pk}-organisation"' in html

    stranger = bidder_make("Not mine").memberships.get().organisation
    response = client.post(reverse("bid-start", args=[lot.pk]), {"organisation": stranger.pk})
    assert response.status_code == 400
    assert "You can act only for an organisation you belong to." in response.content.decode()
    assert not Bid.objects.exists()

    response = client.post(reverse("bid-start", args=[lot.pk]), {"organisation": organisation.pk})
    assert response.url == reverse("bid-edit", args=[Bid.objects.get().pk])


def test_a_member_of_two_organisations_chooses_which_to_bid_for(client, open_tender, bidder):
    second = OrganisationFactory(name="Second Co-op")
    MembershipFactory(organisation=second, user=bidder, role=MembershipRole.ADMIN)
    lot = open_tender.lots.first()
    html = client.get(reverse("tender-public", args=[open_tender.pk])).content.decode()
    assert f'<label class="govuk-label" for="lot-{lot.pk}-organisation">Bid for</label>' in html
    assert f'<option value="{second.pk}">Second Co-op</option>' in html

    client.post(reverse("bid-start", args=[lot.pk]), {"organisation": second.pk})
    assert Bid.objects.get().organisation == second


def test_registering_interest(client, open_tender, bidder):
    organisation = bidder.memberships.get().organisation
    response = client.post(
        reverse("tender-interest", args=[open_tender.pk]), {"organisation": organisation.pk}
    )
    assert response.status_code == 302
    assert Interest.objects.get().organisation == organisation
