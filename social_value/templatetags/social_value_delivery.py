"""`{% delivery_table submission %}`: social value promised and delivered,
side by side, on every page that shows a grant or a contract."""

from django import template

from foundation.money import format_money
from social_value.selectors import commitments_delivery, delivery_totals

register = template.Library()


@register.inclusion_tag("social_value/includes/delivery_table.html")
def delivery_table(submission, heading="Social value: promised and delivered"):
    lines = commitments_delivery(submission=submission) if submission else []
    totals = delivery_totals(lines)
    return {
        "heading": heading,
        "lines": lines,
        "totals": {name: format_money(value) for name, value in totals.items()},
        "money": {
            line.commitment.pk: {
                "promised": format_money(line.promised_value),
                "delivered": format_money(line.delivered_value),
                "shortfall": format_money(line.shortfall_value),
            }
            for line in lines
        },
    }


@register.filter
def get_line(money: dict, key):
    return money.get(key, {})
