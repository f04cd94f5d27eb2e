"""Every form in grants, by concern: applying, the officer's work, and
moving a round's dates."""

from .applying import (
    AcceptOfferForm,
    ApplyingOrganisationForm,
    CoreAnswersForm,
    InformationAnswerForm,
    MonitoringReturnForm,
    RoundApplyForm,
    SubmitForm,
)
from .dates import RoundDateForm
from .officer import (
    ApplicationFilterForm,
    BaseDecisionFormSet,
    DecisionForm,
    DecisionFormSet,
    InformationRequestForm,
    OfferForm,
    PaymentForm,
    ReasonForm,
    SearchInput,
)

__all__ = [
    "AcceptOfferForm",
    "ApplicationFilterForm",
    "ApplyingOrganisationForm",
    "BaseDecisionFormSet",
    "CoreAnswersForm",
    "DecisionForm",
    "DecisionFormSet",
    "InformationAnswerForm",
    "InformationRequestForm",
    "MonitoringReturnForm",
    "OfferForm",
    "PaymentForm",
    "ReasonForm",
    "RoundApplyForm",
    "RoundDateForm",
    "SearchInput",
    "SubmitForm",
]
