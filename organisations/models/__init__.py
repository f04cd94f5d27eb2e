from .bank_details import BankDetails, account_number_mask
from .membership import (
    InvitationState,
    MembershipRole,
    OrganisationInvitation,
    OrganisationMembership,
)
from .organisations import LegalForm, Organisation

__all__ = [
    "BankDetails",
    "InvitationState",
    "LegalForm",
    "MembershipRole",
    "Organisation",
    "OrganisationInvitation",
    "OrganisationMembership",
    "account_number_mask",
]
