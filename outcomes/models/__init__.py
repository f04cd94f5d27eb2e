from .answers import Answer, AnswerLink, Given, Response
from .contract_returns import ContractReturn
from .instruments import Instrument, InstrumentQuestion, LevelBlock, QuestionKind
from .monitoring import (
    Frequency,
    MonitoringForm,
    ReturnAnswers,
    ReturnQuestionsBlock,
    ReturnSchedule,
)

__all__ = [
    "Answer",
    "AnswerLink",
    "ContractReturn",
    "Frequency",
    "Given",
    "Instrument",
    "InstrumentQuestion",
    "LevelBlock",
    "MonitoringForm",
    "QuestionKind",
    "Response",
    "ReturnAnswers",
    "ReturnQuestionsBlock",
    "ReturnSchedule",
]
