"""A person's choice of reminders, on their dashboard."""

from django import forms

from reminders.models import ReminderSettings


class ReminderSettingsForm(forms.ModelForm):
    """Optional reminders only: reminders about deadlines for things the
    person started always come, so they are not offered here."""

    class Meta:
        model = ReminderSettings
        fields = ["optional_reminders"]
        labels = {
            "optional_reminders": (
                "Send me optional reminders too (clarification deadlines, unanswered "
                "questions, standstill and contract dates)"
            )
        }
        help_texts = {
            "optional_reminders": "Reminders about deadlines for things you started always come."
        }
