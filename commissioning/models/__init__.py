from .appraisal import Commission, ExpressionOfInterest, Option, OptionsAppraisal
from .bids import Bid, BidDocument, BidState, BidVersion, Contract
from .contracts import DeliveryReport, KeyPerformanceIndicator, LetterKind, OutcomeLetter
from .tenders import (
    BEFORE_AWARD,
    UNPUBLISHED,
    Clarification,
    Interest,
    Lot,
    Procedure,
    Tender,
    TenderDocument,
    TenderState,
)

__all__ = [
    "BEFORE_AWARD",
    "UNPUBLISHED",
    "Bid",
    "BidDocument",
    "BidState",
    "BidVersion",
    "Clarification",
    "Commission",
    "Contract",
    "DeliveryReport",
    "ExpressionOfInterest",
    "Interest",
    "KeyPerformanceIndicator",
    "LetterKind",
    "Lot",
    "Option",
    "OptionsAppraisal",
    "OutcomeLetter",
    "Procedure",
    "Tender",
    "TenderDocument",
    "TenderState",
]
