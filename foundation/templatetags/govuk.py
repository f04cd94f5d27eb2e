"""Template tags that render Django forms and navigation in GOV.UK markup.

Every form in the site goes through `govuk_field` and `govuk_error_summary`,
so labels, hints, errors and their `aria-describedby` links are the same
everywhere and match the GOV.UK Design System.
"""

from django import forms, template

from foundation.widgets import DateInput

register = template.Library()

INPUT_CLASSES = {
    "input": "govuk-input",
    "select": "govuk-select",
    "textarea": "govuk-textarea",
    "file": "govuk-file-upload",
}


def field_kind(field) -> str:
    widget = field.field.widget
    if isinstance(widget, forms.HiddenInput):
        return "hidden"
    if isinstance(widget, DateInput):
        return "date"
    # CheckboxSelectMultiple is a kind of RadioSelect in Django: ask first.
    if isinstance(widget, forms.CheckboxSelectMultiple):
        return "checkboxes"
    if isinstance(widget, forms.RadioSelect):
        return "radios"
    if isinstance(widget, forms.CheckboxInput):
        return "checkbox"
    if isinstance(widget, forms.Select):
        return "select"
    if isinstance(widget, forms.Textarea):
        return "textarea"
    if isinstance(widget, forms.FileInput):
        return "file"
    if isinstance(widget, forms.widgets.Input):
        return "input"
    return "custom"


def described_by(field) -> str:
    ids = []
    if field.help_text:
        ids.append(f"{field.auto_id}-hint")
    if field.errors:
        ids.append(f"{field.auto_id}-error")
    return " ".join(ids)


REQUIRED = "This field is required."


def error_text(field, error: str) -> str:
    """Django's generic "This field is required." said as GOV.UK asks: what
    to do, naming the field ("Enter your postcode", "Select a score")."""
    if str(error) != REQUIRED:
        return error
    label = str(field.label or "an answer")
    label = label[0].lower() + label[1:] if not label[:2].isupper() else label
    verb = (
        "Select" if field_kind(field) in ("radios", "checkboxes", "select", "checkbox") else "Enter"
    )
    return f"{verb} {label}"


def field_errors(field) -> list[str]:
    return [error_text(field, error) for error in field.errors]


def error_target(field) -> str:
    """The id the error summary links to: the field, or its first box."""
    kind = field_kind(field)
    if kind in ("radios", "checkboxes"):
        return f"{field.auto_id}_0"
    return field.field.widget.id_for_label(field.auto_id) or field.auto_id


@register.inclusion_tag("govuk/field.html")
def govuk_field(field, label_size="", width=""):
    """One form field as a GOV.UK form group.

    `label_size` ("s", "m", "l") turns the label or legend into the page's
    question; `width` ("2", "5", "10", "20" or "one-half") sets an input's width.
    """
    kind = field_kind(field)
    described = described_by(field)
    rendered = None
    if kind in INPUT_CLASSES or kind in ("date", "custom", "hidden"):
        attrs = {}
        if kind in INPUT_CLASSES:
            classes = [field.field.widget.attrs.get("class", ""), INPUT_CLASSES[kind]]
            if field.errors:
                classes.append(f"{INPUT_CLASSES[kind]}--error")
            if width and kind == "input":
                classes.append(
                    f"govuk-input--width-{width}" if width.isdigit() else f"govuk-!-width-{width}"
                )
            attrs["class"] = " ".join(c for c in classes if c)
        if described and kind != "date":
            attrs["aria-describedby"] = described
        rendered = field.as_widget(attrs=attrs)
    options = []
    if kind in ("radios", "checkboxes"):
        for index, option in enumerate(field.subwidgets):
            options.append(
                {
                    "id": f"{field.auto_id}_{index}",
                    "value": option.data["value"],
                    "label": option.choice_label,
                    "checked": option.data["selected"],
                }
            )
    return {
        "field": field,
        "errors": field_errors(field),
        "kind": kind,
        "rendered": rendered,
        "options": options,
        "described_by": described,
        "label_size": label_size,
        "optional": not field.field.required and not getattr(field.field, "hide_optional", False),
        "checked": kind == "checkbox" and bool(field.value()),
    }


@register.inclusion_tag("govuk/error_summary.html")
def govuk_error_summary(*forms_with_errors):
    """The GOV.UK error summary for one or more forms, linking to each field."""
    problems = []
    for form in forms_with_errors:
        if not form or not getattr(form, "errors", None):
            continue
        problems.extend(("", error) for error in form.non_field_errors())
        for field in form:
            problems.extend((error_target(field), error) for error in field_errors(field))
    return {"problems": problems}


@register.inclusion_tag("govuk/nav_item.html")
def nav_item(href, text, path):
    """A service navigation link, marked current on its own section."""
    current = path == href
    active = not current and href != "/" and path.startswith(href)
    return {"href": href, "text": text, "current": current, "active": active}


@register.filter
def startswith(value, prefix):
    return str(value).startswith(str(prefix))


TAG_COLOURS = {
    "grey": {"draft", "setup", "withdrawn", "recused", "cancelled", "completed", "revoked"},
    "blue": {"submitted", "opened", "eligibility", "assessment", "panel", "published", "scoring"},
    "yellow": {
        "more_info",
        "offer",
        "awaiting_declaration",
        "waitlisted",
        "moderation",
        "standstill",
    },
    "green": {"approved", "accepted", "active", "compliant", "successful", "awarded", "ranked"},
    "red": {"declined", "ineligible", "refused", "non_compliant", "unsuccessful", "denied"},
}
STATE_COLOURS = {state: colour for colour, states in TAG_COLOURS.items() for state in states}


@register.filter
def tag_colour(state) -> str:
    """The GOV.UK tag colour for a workflow state, so a status reads at a glance."""
    colour = STATE_COLOURS.get(str(state))
    return f"govuk-tag--{colour}" if colour else ""
