"""The asset pages' forms: every field rendered by the GOV.UK field tag,
bad input answered with a GOV.UK message, nothing typed lost, never a 500."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from assets.models import Asset, AssetClaim, AssetKind, AssetSuggestion, ClaimState
from assets.services.imports import MAX_BYTES
from people import roles
from tests.neighbourhoods.factories import NeighbourhoodFactory
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER])


@pytest.fixture
def hall():
    return Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND,
        name="Millfield community hall",
        last_confirmed=timezone.localdate(),
    )


def test_the_directory_filters_are_a_form_through_the_field_tag(client):
    NeighbourhoodFactory(name="Canal Side")
    Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Towpath gardens").tags.add("food")

    html = client.get(reverse("asset-directory")).content.decode()

    assert '<label class="govuk-label govuk-label--s" for="id_q">Words or postcode</label>' in html
    assert 'type="search" name="q"' in html
    assert (
        'name="neighbourhood" class="govuk-!-width-full govuk-select" id="id_neighbourhood"' in html
    )
    assert '<option value="canal-side">Canal Side</option>' in html
    assert '<option value="green_space">Green space</option>' in html
    assert '<option value="food">food</option>' in html
    assert html.count('<option value="" selected>All</option>') == 3
    assert "(optional)" not in html  # every filter is optional: the labels need not say so


def test_a_filter_that_does_not_validate_is_named_and_the_rest_still_apply(client):
    Asset.objects.create(kind=AssetKind.GREEN_SPACE, name="Towpath gardens")
    Asset.objects.create(kind=AssetKind.SERVICE, name="Towpath lunch club")

    response = client.get(
        reverse("asset-directory"), {"q": "towpath", "kind": "castle", "neighbourhood": "atlantis"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "<title>Error: Community assets" in html
    assert '<a href="#id_kind">Select a kind of asset from the list</a>' in html
    assert '<a href="#id_neighbourhood">Select a neighbourhood from the list</a>' in html
    assert 'value="towpath"' in html  # what was typed stays in the box
    assert "2 assets." in html  # the words still filter; the bad choices do not
    # The map asks for the same assets as the list: the words, not the bad choices.
    assert 'data-geojson="/open-data/assets.geojson?q=towpath"' in html


def test_the_import_page_asks_for_a_file_through_the_field_tag(client, officer):
    client.force_login(officer)

    page = client.get(reverse("asset-import")).content.decode()
    missing = client.post(reverse("asset-import"), {})
    too_big = client.post(
        reverse("asset-import"),
        {"file": SimpleUploadedFile("big.csv", b"x" * (MAX_BYTES + 1), "text/csv")},
    )

    assert 'type="file" name="file"' in page and 'accept=".csv,text/csv"' in page
    assert 'class="govuk-file-upload"' in page
    assert '<div class="govuk-hint" id="id_file-hint">A .csv file saved from a spreadsheet' in page
    assert missing.status_code == 400
    assert '<a href="#id_file">Select a CSV file</a>' in missing.content.decode()
    assert too_big.status_code == 400
    assert "The selected file must be smaller than 5 MB" in too_big.content.decode()
    assert not Asset.objects.exists()


def test_each_review_row_is_its_own_form_with_its_own_ids(client, hall, officer):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    suggestion = AssetSuggestion.objects.create(asset=hall, proposed={"name": "Hall"})
    client.force_login(officer)

    html = client.get(reverse("asset-review")).content.decode()

    assert (
        f'<input type="hidden" name="claim" value="{claim.pk}" id="claim-{claim.pk}-claim">' in html
    )
    assert f'for="claim-{claim.pk}-reason">Reason (needed to deny or revoke)</label>' in html
    assert (
        f'name="reason" cols="40" rows="2" class="govuk-textarea" id="claim-{claim.pk}-reason"'
        in html
    )
    assert (
        f'<input type="hidden" name="suggestion" value="{suggestion.pk}" '
        f'id="suggestion-{suggestion.pk}-suggestion">'
    ) in html
    assert f'for="suggestion-{suggestion.pk}-reason">Note (optional)</label>' in html


def test_a_refused_decision_keeps_what_was_typed(client, hall, officer):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    client.force_login(officer)

    # An unreviewed claim cannot be revoked: it is confirmed or denied.
    response = client.post(
        reverse("asset-review"),
        {"claim": claim.pk, "action": "revoke", "reason": "Typed with care"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "This cannot be done while it is “waiting for review”." in html
    assert ">\nTyped with care</textarea>" in html
    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED


@pytest.mark.parametrize(
    ("posted", "message"),
    [
        ({"action": "confirm"}, "Choose a claim or a suggestion to decide on."),
        ({"claim": "999999", "action": "confirm"}, "That claim is no longer there to review."),
        ({"claim": "not-a-number", "action": "deny"}, "That claim is no longer there to review."),
        ({"suggestion": "999999", "action": "accept"}, "no longer there to review."),
        ({"claim": "{claim}", "action": "destroy"}, "Choose what to do."),
        ({"claim": "{claim}"}, "Choose what to do."),
    ],
    ids=[
        "nothing chosen",
        "unknown claim",
        "garbled claim",
        "unknown suggestion",
        "bad action",
        "no action",
    ],
)
def test_a_bad_decision_post_is_answered_at_the_top_of_the_page(
    client, hall, officer, posted, message
):
    claim = AssetClaim.objects.create(
        asset=hall, organisation=MembershipFactory().organisation, claimed_by=UserFactory()
    )
    client.force_login(officer)

    response = client.post(
        reverse("asset-review"),
        {name: value.format(claim=claim.pk) for name, value in posted.items()},
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED
