"""Keeping the map living: claims reviewed and audited, holders' updates
kept as history, suggestions moderated, stale listings flagged and their
owners reminded."""

from datetime import date, datetime, timedelta

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django_fsm_log.models import StateLog

from assets.models import Asset, AssetKind, ClaimState, SuggestionState
from assets.services.upkeep import (
    asset_claim,
    asset_update_by_holder,
    assets_stale,
    claim_review,
    claim_revoke,
    suggestion_make,
    suggestion_moderate,
)
from people import roles
from reminders.models import Reminder
from reminders.services.sweep import reminders_sweep
from tests.organisations.factories import MembershipFactory
from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def asset():
    return Asset.objects.create(
        kind=AssetKind.BUILDING_OR_LAND, name="Millfield Centre", last_confirmed=date(2026, 1, 10)
    )


@pytest.fixture
def officer():
    return UserFactory(roles=[roles.GRANTS_OFFICER])


def test_a_claim_is_reviewed_audited_and_can_be_revoked(asset, officer):
    member = MembershipFactory()
    claim = asset_claim(asset=asset, organisation=member.organisation, actor=member.user)
    with pytest.raises(ValidationError, match="already claimed"):
        asset_claim(asset=asset, organisation=member.organisation, actor=member.user)
    with pytest.raises(PermissionDenied):
        claim_review(claim=claim, actor=member.user, confirm=True)
    claim = claim_review(claim=claim, actor=officer, confirm=True)
    asset.refresh_from_db()
    assert (claim.state, claim.decided_by, asset.organisation) == (
        ClaimState.CONFIRMED,
        officer,
        member.organisation,
    )
    claim = claim_revoke(claim=claim, actor=officer, reason="They no longer run it")
    asset.refresh_from_db()
    assert (claim.state, asset.organisation) == (ClaimState.REVOKED, None)
    assert [row.state for row in StateLog.objects.order_by("pk")] == ["confirmed", "revoked"]


def test_denying_a_claim_needs_a_reason(asset, officer):
    member = MembershipFactory()
    claim = asset_claim(asset=asset, organisation=member.organisation, actor=member.user)
    with pytest.raises(ValidationError):
        claim_review(claim=claim, actor=officer, confirm=False)
    claim.refresh_from_db()
    assert claim.state == ClaimState.UNREVIEWED


def test_the_holder_updates_its_listing_and_the_history_is_kept(asset, officer):
    member = MembershipFactory()
    claim_review(
        claim=asset_claim(asset=asset, organisation=member.organisation, actor=member.user),
        actor=officer,
        confirm=True,
    )
    with time_machine.travel(datetime(2026, 11, 1, 10, tzinfo=timezone.get_current_timezone())):
        asset_update_by_holder(
            asset=asset, actor=member.user, changes={"description": "Open daily, step-free"}
        )
    asset.refresh_from_db()
    assert asset.last_confirmed == date(2026, 11, 1)
    change = asset.changes.get(note="Updated by the holding organisation")
    assert change.fields["description"] == ["", "Open daily, step-free"]
    assert change.changed_by == member.user
    with pytest.raises(PermissionDenied):
        asset_update_by_holder(asset=asset, actor=UserFactory(), changes={"name": "Mine now"})


def test_suggestions_are_moderated_before_they_change_anything(asset, officer):
    correction = suggestion_make(
        asset=asset, proposed={"description": "Closed on Mondays"}, email="neighbour@example.org"
    )
    asset.refresh_from_db()
    assert asset.description == ""
    suggestion_moderate(suggestion=correction, actor=officer, accept=True)
    asset.refresh_from_db()
    assert asset.description == "Closed on Mondays"
    new = suggestion_make(proposed={"name": "Towpath orchard", "kind": "green_space"})
    rejected = suggestion_moderate(
        suggestion=new, actor=officer, accept=False, note="Already listed as Canal gardens"
    )
    assert rejected.state == SuggestionState.REJECTED
    assert not Asset.objects.filter(name="Towpath orchard").exists()
    with pytest.raises(ValidationError):
        suggestion_make(proposed={"name": "No kind given"})


def test_listings_unconfirmed_for_a_year_are_flagged_and_owners_reminded(asset, officer):
    member = MembershipFactory()
    claim_review(
        claim=asset_claim(asset=asset, organisation=member.organisation, actor=member.user),
        actor=officer,
        confirm=True,
    )
    assert list(assets_stale(today=date(2027, 1, 10))) == []
    assert list(assets_stale(today=date(2027, 1, 11))) == [asset]
    at = datetime(2027, 1, 11, 9, tzinfo=timezone.get_current_timezone())
    with time_machine.travel(at, tick=False):
        assert reminders_sweep() == 1
    with time_machine.travel(at + timedelta(days=3), tick=False):
        assert reminders_sweep() == 0
    assert Reminder.objects.get().recipient == member.user
