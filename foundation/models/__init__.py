from .calendar import BankHoliday

__all__ = ["BankHoliday"]
