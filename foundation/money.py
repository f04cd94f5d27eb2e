"""Money in pounds and pence, one way everywhere: read as people write it
(1250, 1,250.50, £1,250) and shown with a pound sign and thousands commas."""

import re
from decimal import Decimal

from django import forms

MONEY = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$", re.ASCII)
# As DecimalField(max_digits=12, decimal_places=2): ten figures of pounds.
MONEY_LIMIT = Decimal("10000000000")
TOO_LARGE = "Check this amount: it is too large to be right."


def parse_money(text) -> Decimal | None:
    """Pounds as people write them: 1250, 1250.5, 1,250.50 or £1,250.

    None for anything else, including negative amounts and fractions of a penny.
    """
    text = str(text or "").strip().removeprefix("£").strip()
    if not MONEY.match(text):
        return None
    return Decimal(text.replace(",", ""))


def format_money(value) -> str:
    return f"£{Decimal(value):,.2f}"


class MoneyField(forms.DecimalField):
    """A DecimalField (12 digits, 2 places, at least 0) that also accepts £
    and thousands commas, as treasurers type them. A text input, because a
    number input refuses "1,250"."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "invalid": "Enter an amount in pounds, like 1250 or 1,250.50.",
        "max_digits": TOO_LARGE,
        "max_whole_digits": TOO_LARGE,
        "min_value": "Enter an amount of £0 or more.",
    }

    def __init__(self, *, max_digits=12, decimal_places=2, min_value=0, **kwargs):
        super().__init__(
            max_digits=max_digits, decimal_places=decimal_places, min_value=min_value, **kwargs
        )

    def to_python(self, value):
        if isinstance(value, str):
            value = value.strip()
        if value in self.empty_values:
            return None
        if isinstance(value, Decimal):
            return value
        amount = parse_money(value)
        if amount is None:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid")
        return amount
