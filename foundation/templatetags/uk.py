"""Dates and times as people read them in the UK."""

from django import template

from foundation.deadlines import when

register = template.Library()


@register.filter
def moment(value) -> str:
    """ "5:00pm on Friday 15 January 2027" (UK time)."""
    return when(value) if value else ""
