from .answers import Answer, AnswerLink, Given, Response
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
