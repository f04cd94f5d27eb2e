from .applications import (
    BEFORE_DECISION,
    Application,
    ApplicationDocument,
    InformationRequest,
    State,
)
from .awards import Award, MonitoringReturn, Payment
from .programmes import Programme, Round

__all__ = [
    "BEFORE_DECISION",
    "Application",
    "ApplicationDocument",
    "Award",
    "InformationRequest",
    "MonitoringReturn",
    "Payment",
    "Programme",
    "Round",
    "State",
]
