from .asset_upkeep import (
    AssetChange,
    AssetClaim,
    AssetSuggestion,
    ClaimState,
    SuggestionState,
)
from .assets import AcvDecision, AcvListing, Asset, AssetCost, AssetKind, AssetStatus
from .membership import (
    InvitationState,
    MembershipRole,
    OrganisationInvitation,
    OrganisationMembership,
)
from .neighbourhoods import Neighbourhood
from .organisations import LegalForm, Organisation
from .people import User
from .reminders import Notification, Reminder, ReminderSettings, ReminderState

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
    "InvitationState",
    "LegalForm",
    "MembershipRole",
    "Neighbourhood",
    "Notification",
    "Organisation",
    "OrganisationInvitation",
    "OrganisationMembership",
    "Reminder",
    "ReminderSettings",
    "ReminderState",
    "SuggestionState",
    "User",
]
