from finance.models.agreements import Agreement, AgreementTemplate
from finance.models.claims import Claim, ClaimLine, ClaimState
from finance.models.due_diligence import (
    CHECKS,
    DueDiligenceCheck,
    DueDiligenceRecord,
    ProgrammeFinance,
)
from finance.models.payments import PaymentRelease

__all__ = [
    "CHECKS",
    "Agreement",
    "AgreementTemplate",
    "Claim",
    "ClaimLine",
    "ClaimState",
    "DueDiligenceCheck",
    "DueDiligenceRecord",
    "PaymentRelease",
    "ProgrammeFinance",
]
