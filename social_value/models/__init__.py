from .calls import Call, CallKind, CallState, Criterion, CriterionKind
from .commitments import Commitment, DeliveryReport
from .framework import Framework, FrameworkState, Measure, Outcome, Theme, Unit
from .panels import (
    ASSIGNMENT_DONE,
    COMMUNITY_VOICE_ROLES,
    SCORING_ROLES,
    Assignment,
    AssignmentState,
    Panel,
    PanelMember,
    PanelRole,
)
from .scoring import ModeratedScore, Ranking, Score, Submission

__all__ = [
    "ASSIGNMENT_DONE",
    "COMMUNITY_VOICE_ROLES",
    "SCORING_ROLES",
    "Assignment",
    "AssignmentState",
    "Call",
    "CallKind",
    "CallState",
    "Commitment",
    "Criterion",
    "CriterionKind",
    "DeliveryReport",
    "Framework",
    "FrameworkState",
    "Measure",
    "ModeratedScore",
    "Outcome",
    "Panel",
    "PanelMember",
    "PanelRole",
    "Ranking",
    "Score",
    "Submission",
    "Theme",
    "Unit",
]
