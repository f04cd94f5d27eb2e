from .asset_upkeep import (
    AssetChange,
    AssetClaim,
    AssetSuggestion,
    ClaimState,
    SuggestionState,
)
from .assets import AcvDecision, AcvListing, Asset, AssetCost, AssetKind, AssetStatus

__all__ = [
    "AcvDecision",
    "AcvListing",
    "Asset",
    "AssetChange",
    "AssetClaim",
    "AssetCost",
    "AssetKind",
    "AssetStatus",
    "AssetSuggestion",
    "ClaimState",
    "SuggestionState",
]
