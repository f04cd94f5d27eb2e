"""Claims, holders' updates and suggestions from the asset page, and the
officer's review: every decision through the services, every one kept."""

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_fsm_log.models import StateLog

from assets.models import (
    Asset,
    AssetChange,
    AssetClaim,
    AssetKind,
    AssetSuggestion,
    ClaimState,
    SuggestionState,
)
from people import roles
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

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
    [logged] = StateLog.objects.all()
    assert (logged.by, logged.transition, logged.state) == (officer, "confirm", "confirmed")
    assert AssetChange.objects.get(asset=hall).note == "Claim confirmed"

    client.force_login(membership.user)
    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    assert "Update these details" in page and "Claim this listing" not in page


def test_a_denial_needs_a_reason_and_changes_nothing_without_one(client, hall, officer):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    client.force_login(officer)

    response = client.post(
        reverse("asset-review"), {"claim": claim.pk, "action": "deny", "reason": "  "}
    )

    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED
    assert not StateLog.objects.exists()
    # The page is shown again with the GOV.UK error summary linking to the box.
    html = response.content.decode()
    assert response.status_code == 400
    assert "<title>Error: Claims and suggestions to review" in html
    assert f'<a href="#claim-{claim.pk}-reason">Say why the claim is denied.</a>' in html
    assert f'class="govuk-error-message" id="claim-{claim.pk}-reason-error"' in html
    # The row's own form, rendered by the GOV.UK field tag: the box keeps
    # its id, is marked in error and points at its message.
    assert (
        f'<input type="hidden" name="claim" value="{claim.pk}" id="claim-{claim.pk}-claim">' in html
    )
    assert f'aria-describedby="claim-{claim.pk}-reason-error"' in html

    client.post(
        reverse("asset-review"),
        {"claim": claim.pk, "action": "deny", "reason": "Not known to the hall committee"},
    )
    claim.refresh_from_db()
    assert claim.state == ClaimState.DENIED
    assert StateLog.objects.get().description == "Not known to the hall committee"


def test_an_officer_revokes_a_confirmed_claim_with_a_reason(client, hall, officer):
    holder = MembershipFactory()
    claim = AssetClaim.objects.create(
        asset=hall, organisation=holder.organisation, claimed_by=holder.user
    )
    client.force_login(officer)
    client.post(reverse("asset-review"), {"claim": claim.pk, "action": "confirm"})

    refused = client.post(reverse("asset-review"), {"claim": claim.pk, "action": "revoke"})
    client.post(
        reverse("asset-review"),
        {"claim": claim.pk, "action": "revoke", "reason": "The group has closed"},
    )

    assert "Say why the claim is revoked." in refused.content.decode()
    claim.refresh_from_db()
    hall.refresh_from_db()
    assert claim.state == ClaimState.REVOKED and hall.organisation is None
    assert [log.state for log in StateLog.objects.order_by("pk")] == ["confirmed", "revoked"]
    client.force_login(holder.user)
    assert client.get(reverse("asset-update", args=[hall.pk])).status_code == 403


def test_a_member_cannot_claim_for_an_organisation_they_do_not_belong_to(client, hall):
    mine = MembershipFactory()
    theirs = MembershipFactory()
    client.force_login(mine.user)

    response = client.post(
        reverse("asset-claim", args=[hall.pk]),
        {"organisation": theirs.organisation.pk},
        follow=True,
    )

    assert "Choose one of your organisations." in response.content.decode()
    assert not AssetClaim.objects.exists()


def test_a_claim_waits_for_review_and_cannot_be_made_twice(client, hall):
    membership = MembershipFactory(organisation__name="Millfield Residents")
    client.force_login(membership.user)
    client.post(
        reverse("asset-claim", args=[hall.pk]), {"organisation": membership.organisation.pk}
    )

    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    again = client.post(
        reverse("asset-claim", args=[hall.pk]),
        {"organisation": membership.organisation.pk},
        follow=True,
    )

    assert "A claim to this listing by Millfield Residents is waiting" in page
    assert "Claim this listing" not in page
    assert "already claimed" in again.content.decode()
    assert AssetClaim.objects.count() == 1


def test_signed_out_people_are_asked_to_sign_in_to_claim(client, hall):
    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    response = client.post(reverse("asset-claim", args=[hall.pk]), {"organisation": 1})

    assert "Sign in to claim this listing" in page
    assert f"?next=/assets/{hall.pk}/" in page
    assert response.status_code == 302 and "/accounts/sign-in/" in response["Location"]
    assert not AssetClaim.objects.exists()


def test_a_signed_in_person_without_an_organisation_is_told_to_register_one(client, hall):
    client.force_login(UserFactory())

    page = client.get(reverse("asset-detail", args=[hall.pk])).content.decode()

    assert "Register your organisation" in page and "Claim this listing" not in page


def test_pages_refuse_a_post_without_the_csrf_token(hall):
    holder = MembershipFactory()
    hall.organisation = holder.organisation
    hall.save()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(holder.user)

    assert browser.post(reverse("asset-confirm", args=[hall.pk])).status_code == 403
    hall.refresh_from_db()
    assert hall.last_confirmed.year == 2024


def test_only_the_holder_updates_and_confirms_a_listing(client, hall):
    holder = MembershipFactory()
    hall.organisation = holder.organisation
    hall.save()
    stranger = MembershipFactory()

    client.force_login(stranger.user)
    assert client.get(reverse("asset-update", args=[hall.pk])).status_code == 403
    assert client.post(reverse("asset-confirm", args=[hall.pk])).status_code == 403
    refused = client.post(
        reverse("asset-update", args=[hall.pk]),
        {"name": "Taken over", "kind": AssetKind.BUILDING_OR_LAND, "status": "active"},
    )
    assert refused.status_code == 403
    hall.refresh_from_db()
    assert hall.name == "Millfield community hall" and hall.last_confirmed.year == 2024
    assert (
        "Update these details"
        not in client.get(reverse("asset-detail", args=[hall.pk])).content.decode()
    )

    client.force_login(holder.user)
    client.post(reverse("asset-confirm", args=[hall.pk]))
    hall.refresh_from_db()
    assert hall.last_confirmed == timezone.localdate()  # confirmed, nothing else changed

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
    change = AssetChange.objects.filter(asset=hall).first()  # the newest
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
    review = client.get(reverse("asset-review")).content.decode()
    assert "Listed now" in review and "Accessibility" in review
    assert "Step-free entrance at the side" in review and "pat@example.org" in review
    client.post(reverse("asset-review"), {"suggestion": suggestion.pk, "action": "accept"})

    hall.refresh_from_db()
    suggestion.refresh_from_db()
    assert suggestion.state == SuggestionState.ACCEPTED
    assert suggestion.moderated_by == officer
    assert hall.accessibility == "Step-free entrance at the side"
    change = AssetChange.objects.get(asset=hall)
    assert (change.changed_by, change.note) == (officer, "From a suggestion")


def test_a_new_asset_suggested_by_anyone_is_listed_once_accepted(client, officer):
    client.post(
        reverse("asset-suggest-new"),
        {
            "name": "Heights repair café",
            "kind": AssetKind.COMMUNITY_GROUP,
            "status": "active",
            "availability": "First Saturday of the month",
            "cost": "free",
            "suggested_by_name": "Sam",
            "suggested_by_email": "sam@example.org",
        },
    )
    suggestion = AssetSuggestion.objects.get()
    assert not Asset.objects.filter(name="Heights repair café").exists()  # not yet

    client.force_login(officer)
    client.post(reverse("asset-review"), {"suggestion": suggestion.pk, "action": "accept"})

    cafe = Asset.objects.get(name="Heights repair café")
    assert (cafe.kind, cafe.availability, cafe.cost) == (
        AssetKind.COMMUNITY_GROUP,
        "First Saturday of the month",
        "free",
    )
    client.logout()
    assert "Heights repair café" in client.get(reverse("asset-directory")).content.decode()


def test_a_rejected_suggestion_changes_nothing(client, hall, officer):
    suggestion = AssetSuggestion.objects.create(
        asset=hall, proposed={"name": "Hall of fame"}, suggested_by_email="x@example.org"
    )
    client.force_login(officer)

    client.post(
        reverse("asset-review"),
        {"suggestion": suggestion.pk, "action": "reject", "reason": "Not its name"},
    )
    again = client.post(reverse("asset-review"), {"suggestion": suggestion.pk, "action": "accept"})

    suggestion.refresh_from_db()
    hall.refresh_from_db()
    assert (suggestion.state, suggestion.moderation_note) == (
        SuggestionState.REJECTED,
        "Not its name",
    )
    assert hall.name == "Millfield community hall"
    assert "already been moderated" in again.content.decode()


def test_a_new_asset_suggestion_needs_a_name_kind_and_email(client):
    response = client.post(reverse("asset-suggest-new"), {"suggested_by_name": "Pat"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "Enter name" in html and "Select kind" in html and "Enter your e-mail address" in html
    assert not AssetSuggestion.objects.exists()


def test_the_review_page_is_for_officers_only(client, hall):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    client.force_login(MembershipFactory().user)

    assert client.get(reverse("asset-review")).status_code == 403
    assert (
        client.post(reverse("asset-review"), {"claim": claim.pk, "action": "confirm"}).status_code
        == 403
    )
    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED
    client.logout()
    assert client.get(reverse("asset-review")).status_code in (302, 403)
