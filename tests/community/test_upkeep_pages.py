"""Claims, holders' updates and suggestions from the asset page, and the
officer's review: every decision through the services, every one kept."""

import pytest
from django.urls import reverse
from django.utils import timezone

from community import roles
from community.models import (
    Asset,
    AssetChange,
    AssetClaim,
    AssetKind,
    AssetSuggestion,
    ClaimState,
    SuggestionState,
)
from tests.community.factories import MembershipFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hall():
    return Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="Millfield community hall",
        postcode="AV2 1AA",
        last_confirmed=timezone.localdate().replace(year=2024),
    )


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def test_a_member_claims_a_listing_and_an_officer_confirms_it(client, hall, officer):
    membership = MembershipFactory()
    client.force_login(membership.user)
    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    assert "Claim this listing" in page

    client.post(
        reverse("asset-claim", args=[hall.pk]), {"organisation": membership.organisation.pk}
    )
    claim = AssetClaim.objects.get()
    assert claim.state == ClaimState.UNREVIEWED

    client.force_login(officer)
    review = client.get(reverse("asset-review")).content.decode()
    assert "Millfield community hall" in review
    client.post(reverse("asset-review"), {"claim": claim.pk, "action": "confirm"})

    claim.refresh_from_db()
    hall.refresh_from_db()
    assert claim.state == ClaimState.CONFIRMED and claim.decided_by == officer
    assert hall.organisation == membership.organisation


def test_a_denial_needs_a_reason_and_changes_nothing_without_one(client, hall, officer):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    client.force_login(officer)

    response = client.post(
        reverse("asset-review"), {"claim": claim.pk, "action": "deny"}, follow=True
    )

    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED
    assert "Say why the claim is denied." in response.content.decode()


def test_only_the_holder_updates_and_confirms_a_listing(client, hall):
    holder = MembershipFactory()
    hall.organisation = holder.organisation
    hall.save()
    stranger = MembershipFactory()

    client.force_login(stranger.user)
    assert client.get(reverse("asset-update", args=[hall.pk])).status_code == 403
    assert client.post(reverse("asset-confirm", args=[hall.pk])).status_code == 403

    client.force_login(holder.user)
    response = client.post(
        reverse("asset-update", args=[hall.pk]),
        {
            "name": "Millfield community hall",
            "kind": AssetKind.BUILDING_OR_LAND,
            "postcode": "AV2 1AA",
            "status": "active",
            "availability": "Weekdays 9am to 9pm",
            "cost": "low",
            "contact_email": "not-an-email",
        },
    )
    assert response.status_code == 400
    assert "Enter a valid email address." in response.content.decode()

    client.post(
        reverse("asset-update", args=[hall.pk]),
        {
            "name": "Millfield community hall",
            "kind": AssetKind.BUILDING_OR_LAND,
            "postcode": "AV2 1AA",
            "status": "active",
            "availability": "Weekdays 9am to 9pm",
            "cost": "low",
        },
    )
    hall.refresh_from_db()
    assert hall.availability == "Weekdays 9am to 9pm"
    assert hall.last_confirmed == timezone.localdate()
    change = AssetChange.objects.get(asset=hall)
    assert change.fields["availability"] == ["", "Weekdays 9am to 9pm"]
    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    assert "Weekdays 9am to 9pm" in page and "Low cost" in page


def test_anyone_can_suggest_a_correction_which_an_officer_accepts(client, hall, officer):
    response = client.post(
        reverse("asset-suggest", args=[hall.pk]),
        {
            "name": "Millfield community hall",
            "kind": AssetKind.BUILDING_OR_LAND,
            "postcode": "AV2 1AA",
            "status": "active",
            "accessibility": "Step-free entrance at the side",
            "suggested_by_name": "Pat",
            "suggested_by_email": "pat@example.org",
        },
    )
    assert response.status_code == 302
    suggestion = AssetSuggestion.objects.get()
    assert suggestion.proposed == {"accessibility": "Step-free entrance at the side"}

    client.force_login(officer)
    client.post(reverse("asset-review"), {"suggestion": suggestion.pk, "action": "accept"})

    hall.refresh_from_db()
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.ACCEPTED
    assert hall.accessibility == "Step-free entrance at the side"


def test_a_new_asset_suggestion_needs_a_name_kind_and_email(client):
    response = client.post(reverse("asset-suggest-new"), {"suggested_by_name": "Pat"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter name" in html and "Select kind" in html and "Enter your e-mail address" in html
    assert not AssetSuggestion.objects.exists()


def test_the_review_page_is_for_officers_only(client):
    client.force_login(MembershipFactory().user)
    assert client.get(reverse("asset-review")).status_code == 403
