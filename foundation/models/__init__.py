from .calendar import BankHoliday
from .deadlines import DeadlineChange
from .outbox import OutgoingEmail, OutgoingEmailState

__all__ = ["BankHoliday", "DeadlineChange", "OutgoingEmail", "OutgoingEmailState"]
