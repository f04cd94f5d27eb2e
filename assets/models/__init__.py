from .asset_upkeep import (
    AssetChange,
    AssetClaim,
    AssetSuggestion,
    ClaimState,
    SuggestionState,
)
from .assets import AcvDecision, AcvListing, Asset, AssetCost, AssetKind, AssetStatus
from .events import AssetEvent

__all__ = [
    "AcvDecision",
    "AcvListing",
    "Asset",
    "AssetChange",
    "AssetClaim",
    "AssetCost",
    "AssetEvent",
    "AssetKind",
    "AssetStatus",
    "AssetSuggestion",
    "ClaimState",
    "SuggestionState",
]
