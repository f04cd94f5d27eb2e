"""One money type: amounts are whole pence or refused, never rounded on
the way in; every computed amount is rounded half up to the penny."""

from decimal import Decimal

import pytest
from django import forms
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from foundation.money import (
    ENTER_MONEY,
    MoneyField,
    format_money,
    money_check,
    money_round,
)
from grants.models import Programme
from tests.people.factories import UserFactory


@pytest.mark.parametrize(
    ("typed", "amount"),
    [
        ("1250", Decimal("1250")),
        ("1,250.50", Decimal("1250.50")),
        ("£1,250", Decimal("1250")),
        (" £ 12.5 ", Decimal("12.5")),
        ("0.01", Decimal("0.01")),
        ("9999999999.99", Decimal("9999999999.99")),
    ],
)
def test_amounts_people_type_are_read_exactly(typed, amount):
    assert MoneyField().clean(typed) == amount


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("0.004", ENTER_MONEY),
        ("249.995", ENTER_MONEY),
        ("NaN", ENTER_MONEY),
        ("nan", ENTER_MONEY),
        ("Infinity", ENTER_MONEY),
        ("-inf", ENTER_MONEY),
        ("1e3", ENTER_MONEY),
        ("twelve", ENTER_MONEY),
        ("1,25", ENTER_MONEY),
        ("-50", "Enter an amount of £0 or more."),
        ("10000000000", "Check this amount: it is too large to be right."),
        (Decimal("NaN"), ENTER_MONEY),
        (Decimal("0.004"), ENTER_MONEY),
        (Decimal("-1"), "Enter an amount of £0 or more."),
    ],
)
def test_anything_else_is_refused_with_a_message(typed, message):
    with pytest.raises(forms.ValidationError) as error:
        MoneyField().clean(typed)
    assert error.value.messages == [message]


def test_the_message_gives_an_example():
    assert ENTER_MONEY == "Enter an amount in pounds and pence, like £1,250.50."


@pytest.mark.parametrize(
    ("computed", "rounded"),
    [
        (Decimal("2.625"), Decimal("2.63")),  # 10.50 × £0.25: half up, not to even
        (Decimal("2.635"), Decimal("2.64")),
        (Decimal("0.125"), Decimal("0.13")),
        (Decimal("0.0049"), Decimal("0.00")),
        (Decimal("1249.995"), Decimal("1250.00")),
    ],
)
def test_computed_amounts_round_half_up_to_the_penny(computed, rounded):
    assert money_round(computed) == rounded


def test_format_money_rounds_the_same_way():
    assert format_money(Decimal("2.625")) == "£2.63"
    assert format_money(Decimal("1250.5")) == "£1,250.50"


# Amounts as people might type them: whole pounds, pence, fractions of a
# penny, with or without £ and thousands commas; and things that are not.
pounds = st.decimals(
    min_value=Decimal("-100"), max_value=Decimal("2e10"), places=3, allow_nan=False
)


def typed(amount: Decimal, pound_sign: bool, commas: bool) -> str:
    text = f"{amount:,}" if commas else str(amount)
    return ("£" if pound_sign else "") + text


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.one_of(
        st.builds(typed, pounds, st.booleans(), st.booleans()),
        st.text(max_size=14),
        st.sampled_from(["NaN", "sNaN", "Infinity", "-Infinity", "1e9", "0x10", "½"]),
    )
)
@pytest.mark.django_db
def test_any_accepted_amount_is_stored_exactly(db, text):
    try:
        amount = MoneyField().clean(text)
    except forms.ValidationError:
        return  # refused with a message: nothing to store
    assert money_check(amount) == amount
    assert amount == amount.quantize(Decimal("0.01"))  # whole pence, nothing rounded away
    assert amount == Decimal(text.strip().removeprefix("£").strip().replace(",", ""))
    programme = Programme.objects.create(
        name=f"Fund {text}", outcomes_sought="Connections", budget=amount, owner=UserFactory()
    )
    programme.refresh_from_db()
    assert programme.budget == amount
