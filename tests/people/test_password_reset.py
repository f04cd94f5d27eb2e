"""Asking to reset a password tells nobody whether the address has an
account: the same page, the same words, and mail only to a real owner."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from tests.people.factories import UserFactory

pytestmark = pytest.mark.django_db

CSRF = re.compile(r'<input type="hidden" name="csrfmiddlewaretoken" value="[^"]*">')


def _ask(email):
    response = Client().post(reverse("password_reset"), {"email": email}, follow=True)
    return response.redirect_chain, response.status_code, CSRF.sub("", response.content.decode())


def test_a_known_and_an_unknown_address_get_the_same_answer():
    UserFactory(email="known@example.org")
    known = _ask("known@example.org")
    unknown = _ask("nobody@example.org")
    assert known == unknown
    assert known[0] == [(reverse("password_reset_done"), 302)]
    assert "Check your e-mail" in known[2]
    (message,) = mail.outbox
    assert message.to == ["known@example.org"]
