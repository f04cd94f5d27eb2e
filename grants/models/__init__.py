from .applications import (
    BEFORE_DECISION,
    Application,
    ApplicationDocument,
    InformationRequest,
    State,
)
from .awards import Award, MonitoringReturn, Payment
from .launches import LaunchState, RoundLaunch
from .programmes import Programme, Round

__all__ = [
    "BEFORE_DECISION",
    "Application",
    "ApplicationDocument",
    "Award",
    "InformationRequest",
    "LaunchState",
    "MonitoringReturn",
    "Payment",
    "Programme",
    "Round",
    "RoundLaunch",
    "State",
]
