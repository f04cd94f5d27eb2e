from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """A value from a dict by a key held in a variable."""
    return mapping.get(key, "")
