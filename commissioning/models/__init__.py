from .appraisal import Commission, ExpressionOfInterest, Option, OptionsAppraisal
from .bids import Bid, BidDocument, BidState, BidVersion, Contract
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
    "ExpressionOfInterest",
    "Interest",
    "Lot",
    "Option",
    "OptionsAppraisal",
    "Procedure",
    "Tender",
    "TenderDocument",
    "TenderState",
]
