"""Form widgets in the GOV.UK Design System's patterns."""

from datetime import date

from django import forms


class DateInput(forms.MultiWidget):
    """The GOV.UK date input: day, month and year typed in three boxes.

    People type dates as they say them, so the three parts are joined here
    and the form field parses the result; a part left out or a day that does
    not exist reaches the field as text it refuses with a clear message.
    """

    template_name = "govuk/date_input.html"
    parts = ("day", "month", "year")

    def __init__(self, attrs=None):
        part = {"inputmode": "numeric", "autocomplete": "off"}
        super().__init__({name: forms.TextInput(attrs=part) for name in self.parts}, attrs)

    def decompress(self, value):
        if isinstance(value, date):
            return [value.day, value.month, value.year]
        if isinstance(value, str) and value.count("-") == 2:
            year, month, day = value.split("-")
            return [day, month, year]
        return [None, None, None]

    def value_from_datadict(self, data, files, name):
        day, month, year = ((data.get(f"{name}_{part}") or "").strip() for part in self.parts)
        if not (day or month or year):
            return None
        if day.isdigit() and month.isdigit() and year.isdigit() and len(year) == 4:
            return f"{year}-{int(month):02d}-{int(day):02d}"
        return f"{year}-{month}-{day}"

    def value_omitted_from_data(self, data, files, name):
        return all(f"{name}_{part}" not in data for part in self.parts)

    def id_for_label(self, id_):
        # The error summary links to the first box (the day), as GOV.UK asks;
        # MultiWidget numbers its boxes' ids from 0.
        return f"{id_}_0" if id_ else ""


class DateField(forms.DateField):
    """A date typed in the GOV.UK date input, with the pattern's messages."""

    widget = DateInput

    def __init__(self, **kwargs):
        kwargs.setdefault("input_formats", ["%Y-%m-%d"])
        super().__init__(**kwargs)
        self.error_messages["invalid"] = (
            f"{self.label or 'The date'} must be a real date, for example 27 3 2027"
        )
