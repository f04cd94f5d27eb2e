"""Forms every app can use."""

import re
from datetime import datetime, time

from django import forms
from django.utils import timezone

from foundation.widgets import DateField

TIME_PATTERN = re.compile(r"^(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm)?$")


def time_parse(text: str) -> time:
    """A time as people write it: 12:00, 17:30, 5:30pm, 5pm, 9.15am, noon."""
    text = text.strip().lower().replace(" ", "")
    if text in ("noon", "midday", "12noon", "12midday"):
        return time(12, 0)
    if "midnight" in text:
        raise forms.ValidationError(
            "Midnight is easy to misread: give a time such as 11:59pm on the day before, "
            "or 12:01am."
        )
    match = TIME_PATTERN.match(text)
    if not match:
        raise forms.ValidationError("Enter a time, for example 12:00 or 5:30pm")
    hour, minute, half = int(match[1]), int(match[2] or 0), match[3]
    if half:
        if not 1 <= hour <= 12:
            raise forms.ValidationError("With am or pm, the hour is from 1 to 12")
        hour = hour % 12 + (12 if half == "pm" else 0)
    if hour > 23 or minute > 59:
        raise forms.ValidationError("Enter a real time, for example 12:00 or 5:30pm")
    return time(hour, minute)


class DeadlineChangeForm(forms.Form):
    """Which published deadline moves, to when, and why. The new moment is
    `cleaned_data["new_deadline"]`, in UK time."""

    which = forms.ChoiceField(
        label="Which deadline is changing?",
        widget=forms.RadioSelect,
        error_messages={"required": "Select which deadline is changing"},
    )
    new_date = DateField(
        label="New date",
        help_text="For example, 27 3 2027",
        error_messages={"required": "Enter the new date"},
    )
    new_time = forms.CharField(
        label="New time",
        help_text="For example 12:00 or 5:30pm, UK time",
        max_length=20,
        error_messages={"required": "Enter the time, for example 12:00 or 5:30pm"},
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
    )
    reason = forms.CharField(
        label="Why is it changing?",
        help_text="Every organisation taking part is sent this with the new time.",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
        error_messages={"required": "Say why the deadline is changing"},
    )

    def __init__(self, *args, deadlines: dict[str, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["which"].choices = [
            (field, label[:1].upper() + label[1:]) for field, label in deadlines.items()
        ]

    def clean_new_time(self):
        return time_parse(self.cleaned_data["new_time"])

    def clean(self):
        data = super().clean()
        if data.get("new_date") and data.get("new_time") is not None:
            data["new_deadline"] = timezone.make_aware(
                datetime.combine(data["new_date"], data["new_time"])
            )
        return data

    def errors_from(self, error) -> None:
        """A service's refusal, next to the field it is about."""
        fields = {"new_deadline": "new_date", "which": "which", "reason": "reason"}
        problems = error.message_dict if hasattr(error, "error_dict") else {None: error.messages}
        for key, messages in problems.items():
            self.add_error(fields.get(key), messages)
