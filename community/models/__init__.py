from .membership import (
    InvitationState,
    MembershipRole,
    OrganisationInvitation,
    OrganisationMembership,
)
from .neighbourhoods import Neighbourhood
from .organisations import LegalForm, Organisation
from .people import User

__all__ = [
    "InvitationState",
    "LegalForm",
    "MembershipRole",
    "Neighbourhood",
    "Organisation",
    "OrganisationInvitation",
    "OrganisationMembership",
    "User",
]
