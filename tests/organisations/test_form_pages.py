"""The organisation form: every field through the GOV.UK field tag, each
box as wide as its answer."""

import re

import pytest
from django.urls import reverse

from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db


def test_the_registration_form_sizes_boxes_to_their_answers(client):
    client.force_login(UserFactory())

    html = client.get(reverse("organisation-create")).content.decode()

    def classes(name):
        return re.search(rf'<input type="\w+" name="{name}"[^>]*class="([^"]+)"', html)[1]

    assert classes("postcode") == "govuk-input govuk-input--width-10"
    assert classes("charity_number") == "govuk-input govuk-input--width-10"
    assert classes("staff_count") == "govuk-input govuk-input--width-5"
    assert classes("name") == "govuk-input"
