"""The finance export's period: payments paid between two dates, added to
those approved and waiting to be paid."""

from django import forms

from foundation.widgets import DateField


class FinanceExportForm(forms.Form):
    paid_from = DateField(
        label="Paid from",
        required=False,
        help_text="For example, 1 4 2027. Leave both dates empty for payments to make only.",
    )
    paid_to = DateField(label="Paid to", required=False, help_text="For example, 30 4 2027")

    def clean(self):
        cleaned = super().clean()
        paid_from, paid_to = cleaned.get("paid_from"), cleaned.get("paid_to")
        if self.errors:
            return cleaned
        if bool(paid_from) != bool(paid_to):
            self.add_error(
                "paid_to" if paid_from else "paid_from",
                "Enter both dates of the period, or neither",
            )
        elif paid_from and paid_to < paid_from:
            self.add_error("paid_to", "Paid to must be the same as or after paid from")
        return cleaned
