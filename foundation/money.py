"""Money in pounds and pence, one way everywhere.

- An amount a person types is whole pence or it is refused: 1250, 1250.5,
  1,250.50 and £1,250 are read; 0.004, -5, NaN, Infinity and amounts too
  large to be right are refused with a message, never stored rounded.
- Every amount the product computes (a share, a proxy value times a
  quantity, a mean) is rounded once, half up to the penny (`money_round`):
  £2.625 is £2.63, as people and spreadsheets round, not to the even penny.
- Shown with a pound sign and thousands commas (`format_money`).
"""

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError

from foundation.templatetags.uk import pounds

PENNY = Decimal("0.01")
MONEY = re.compile(r"^(\d{1,3}(,\d{3})+|\d+)(\.\d{1,2})?$", re.ASCII)
# As DecimalField(max_digits=12, decimal_places=2): ten figures of pounds.
MONEY_LIMIT = Decimal("10000000000")
ENTER_MONEY = "Enter an amount in pounds and pence, like £1,250.50."
TOO_LARGE = "Check this amount: it is too large to be right."
NOT_NEGATIVE = "Enter an amount of £0 or more."


def money_round(value) -> Decimal:
    """A computed amount to the penny, half up: the one rounding rule."""
    return Decimal(value).quantize(PENNY, rounding=ROUND_HALF_UP)


def money_check(amount: Decimal) -> Decimal:
    """The amount itself if it is a storable sum of money: finite, whole
    pence, £0 or more and below the limit. Raise ValidationError otherwise."""
    if not isinstance(amount, Decimal):
        try:
            amount = Decimal(str(amount))
        except (InvalidOperation, ValueError):
            raise ValidationError(ENTER_MONEY, code="invalid") from None
    if not amount.is_finite():
        raise ValidationError(ENTER_MONEY, code="invalid")
    if amount < 0:
        raise ValidationError(NOT_NEGATIVE, code="min_value")
    if amount >= MONEY_LIMIT:
        raise ValidationError(TOO_LARGE, code="max_digits")
    if amount != amount.quantize(PENNY):
        raise ValidationError(ENTER_MONEY, code="invalid")
    return amount


def parse_money(text) -> Decimal | None:
    """Pounds as people write them: 1250, 1250.5, 1,250.50 or £1,250.

    None for anything else, including negative amounts, fractions of a
    penny, NaN and infinity (the pattern admits digits only).
    """
    text = str(text or "").strip().removeprefix("£").strip()
    if not MONEY.match(text):
        return None
    return Decimal(text.replace(",", ""))


def format_money(value) -> str:
    """ "£1,250", "£1,250.50": pence only when there are some."""
    return pounds(money_round(value))


class MoneyField(forms.DecimalField):
    """A DecimalField (12 digits, 2 places, at least 0) that also accepts £
    and thousands commas, as treasurers type them, and refuses fractions of
    a penny rather than rounding them. A text input, because a number input
    refuses "1,250"."""

    widget = forms.TextInput(attrs={"inputmode": "decimal"})
    default_error_messages = {
        "invalid": ENTER_MONEY,
        "max_digits": TOO_LARGE,
        "max_whole_digits": TOO_LARGE,
        "max_decimal_places": ENTER_MONEY,
        "min_value": NOT_NEGATIVE,
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
        if isinstance(value, Decimal | int):
            amount = Decimal(value)
        else:
            amount = parse_money(value)
            if amount is None:
                negative = str(value).startswith("-") and parse_money(str(value)[1:]) is not None
                code = "min_value" if negative else "invalid"
                raise forms.ValidationError(self.error_messages[code], code=code)
        try:
            return money_check(amount)
        except ValidationError as error:
            raise forms.ValidationError(
                self.error_messages.get(error.code, ENTER_MONEY), code=error.code
            ) from None
