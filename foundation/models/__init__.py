from .calendar import BankHoliday
from .deadlines import DeadlineChange

__all__ = ["BankHoliday", "DeadlineChange"]
