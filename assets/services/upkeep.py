"""Services that keep the asset map living: claims, updates by the
holding organisation (each one kept as a change), suggestions moderated by
an officer, and the listings nobody has confirmed for a year."""

from datetime import date, timedelta

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from assets.models import (
    Asset,
    AssetChange,
    AssetClaim,
    AssetKind,
    AssetSuggestion,
    SuggestionState,
)
from foundation.transitions import transition_apply
from organisations.selectors import membership_for

STALE_AFTER = timedelta(days=365)
EDITABLE = [
    "name",
    "description",
    "kind",
    "address",
    "postcode",
    "status",
    "availability",
    "getting_there",
    "accessibility",
    "cost",
    "cost_details",
    "accepts_personal_budgets",
    "volunteering",
    "contact_name",
    "contact_email",
    "contact_phone",
    "website",
]


def assets_stale(*, today: date | None = None) -> QuerySet[Asset]:
    """Listings not confirmed for twelve months: flagged for their owners."""
    today = today or timezone.localdate()
    return Asset.objects.filter(last_confirmed__lt=today - STALE_AFTER).exclude(status="lost")


@transaction.atomic
def asset_claim(*, asset: Asset, organisation, actor) -> AssetClaim:
    if membership_for(user=actor, organisation=organisation) is None:
        raise PermissionDenied("Claim listings only for your own organisation.")
    if asset.claims.filter(
        organisation=organisation, state__in=["unreviewed", "confirmed"]
    ).exists():
        raise ValidationError("Your organisation has already claimed this listing.")
    return AssetClaim.objects.create(asset=asset, organisation=organisation, claimed_by=actor)


@transaction.atomic
def claim_review(*, claim: AssetClaim, actor, confirm: bool, reason: str = "") -> AssetClaim:
    claim = AssetClaim.objects.select_for_update().get(pk=claim.pk)
    if not confirm and not reason.strip():
        raise ValidationError({"reason": "Say why the claim is denied."})
    transition_apply(
        claim,
        "confirm" if confirm else "deny",
        actor=actor,
        reason=reason.strip(),
        description=reason.strip() or "Claim confirmed",
    )
    claim.save()
    if confirm:
        asset_change(
            asset=claim.asset,
            actor=actor,
            changes={"organisation_id": claim.organisation_id},
            note="Claim confirmed",
        )
    return claim


@transaction.atomic
def claim_revoke(*, claim: AssetClaim, actor, reason: str) -> AssetClaim:
    claim = AssetClaim.objects.select_for_update().get(pk=claim.pk)
    if not reason.strip():
        raise ValidationError({"reason": "Say why the claim is revoked."})
    transition_apply(claim, "revoke", actor=actor, reason=reason.strip(), description=reason)
    claim.save()
    if claim.asset.organisation_id == claim.organisation_id:
        asset_change(
            asset=claim.asset, actor=actor, changes={"organisation_id": None}, note="Claim revoked"
        )
    return claim


def asset_change(*, asset: Asset, actor, changes: dict, note: str = "") -> AssetChange | None:
    """Apply field changes and keep them, old and new, as one change."""
    diff = {}
    for field, value in changes.items():
        old = getattr(asset, field)
        if old != value:
            diff[field] = [None if old is None else str(old), None if value is None else str(value)]
            setattr(asset, field, value)
    if not diff:
        return None
    asset.save()
    return AssetChange.objects.create(asset=asset, changed_by=actor, fields=diff, note=note)


@transaction.atomic
def asset_update_by_holder(*, asset: Asset, actor, changes: dict) -> Asset:
    """The holding organisation updates its own listing; that confirms it too."""
    asset = Asset.objects.select_for_update().get(pk=asset.pk)
    if (
        asset.organisation_id is None
        or membership_for(user=actor, organisation=asset.organisation) is None
    ):
        raise PermissionDenied("Only the organisation that holds this listing can update it.")
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise ValidationError(f"These cannot be changed here: {', '.join(sorted(unknown))}.")
    asset_change(
        asset=asset,
        actor=actor,
        changes={**changes, "last_confirmed": timezone.localdate()},
        note="Updated by the holding organisation",
    )
    return asset


def suggestion_make(
    *, proposed: dict, asset: Asset | None = None, name: str = "", email: str = ""
) -> AssetSuggestion:
    proposed = {k: v for k, v in proposed.items() if k in EDITABLE and str(v).strip()}
    if asset is None and not proposed.get("name"):
        raise ValidationError({"name": "Give the asset's name."})
    if asset is None and proposed.get("kind") not in AssetKind.values:
        raise ValidationError({"kind": "Choose what kind of asset it is."})
    if not proposed:
        raise ValidationError("Say what should change.")
    return AssetSuggestion.objects.create(
        asset=asset, proposed=proposed, suggested_by_name=name, suggested_by_email=email
    )


@transaction.atomic
def suggestion_moderate(
    *, suggestion: AssetSuggestion, actor, accept: bool, note: str = ""
) -> AssetSuggestion:
    if not actor.has_perm("assets.change_asset"):
        raise PermissionDenied("Only an officer moderates suggestions.")
    suggestion = AssetSuggestion.objects.select_for_update().get(pk=suggestion.pk)
    if suggestion.state != SuggestionState.PENDING:
        raise ValidationError("This suggestion has already been moderated.")
    if accept:
        asset = suggestion.asset or Asset(
            kind=suggestion.proposed["kind"], name=suggestion.proposed["name"]
        )
        if asset.pk is None:
            asset.save()
        asset_change(
            asset=asset, actor=actor, changes=suggestion.proposed, note="From a suggestion"
        )
        suggestion.asset = asset
    suggestion.state = SuggestionState.ACCEPTED if accept else SuggestionState.REJECTED
    suggestion.moderated_by, suggestion.moderated_at = actor, timezone.now()
    suggestion.moderation_note = note
    suggestion.save()
    return suggestion
