from cms.blocks import BodyBlock
from cms.models.approaches import ApproachIndexPage, ApproachPage, ApproachPageTag
from cms.models.awards import AwardsPage
from cms.models.calls import CallIndexPage, CallPage
from cms.models.pages import HomePage, StandardPage

__all__ = [
    "ApproachIndexPage",
    "ApproachPage",
    "ApproachPageTag",
    "AwardsPage",
    "BodyBlock",
    "CallIndexPage",
    "CallPage",
    "HomePage",
    "StandardPage",
]
