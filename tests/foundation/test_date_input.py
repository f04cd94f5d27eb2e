"""The GOV.UK date input: a problem in the error summary links to the
day box, which must exist on the page under that id."""

import re

from django import forms
from django.template import Context, Template

from foundation.widgets import DateField


class WhenForm(forms.Form):
    paid_on = DateField(label="Date paid")


def test_the_error_summary_links_to_the_day_box_on_the_page():
    form = WhenForm({"paid_on_day": "31", "paid_on_month": "2", "paid_on_year": "2027"})
    assert not form.is_valid()
    html = Template(
        "{% load govuk %}{% govuk_error_summary form %}{% govuk_field form.paid_on %}"
    ).render(Context({"form": form}))
    target = re.search(r'<a href="#([^"]+)">', html)[1]
    assert f'id="{target}"' in html
    assert re.search(rf'<label[^>]*for="{target}"[^>]*>\s*Day', html)
