from .reminders import Notification, Reminder, ReminderSettings, ReminderState

__all__ = ["Notification", "Reminder", "ReminderSettings", "ReminderState"]
