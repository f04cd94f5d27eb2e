from .membership import (
    InvitationState,
    MembershipRole,
    OrganisationInvitation,
    OrganisationMembership,
)
from .organisations import LegalForm, Organisation

__all__ = [
    "InvitationState",
    "LegalForm",
    "MembershipRole",
    "Organisation",
    "OrganisationInvitation",
    "OrganisationMembership",
]
