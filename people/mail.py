"""The e-mails of signing up. Services queue them in the outbox inside
their own transaction, so nothing is sent for an account that was never
saved, and a mail server that is down delays them without failing the
sign-up (a worker sends them once it is back)."""

from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.tokens import default_token_generator
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from foundation.outbox import email_queue
from people.models import User


def _absolute(path: str) -> str:
    # The configured address, never the request's Host header: a forged
    # Host must not put someone else's site into our e-mails.
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path


def confirmation_link(*, person: User, next_path: str = "") -> str:
    """The link that confirms the address. The token is Django's own: it
    lapses after PASSWORD_RESET_TIMEOUT and stops working once the person has
    signed in (it hashes the last sign-in time)."""
    path = reverse(
        "account-confirm",
        args=[
            urlsafe_base64_encode(force_bytes(person.pk)),
            default_token_generator.make_token(person),
        ],
    )
    if next_path:
        path += "?" + urlencode({"next": next_path})
    return _absolute(path)


def _send(
    *, person: User, subject: str, template: str, topic: str, sensitive: bool, **context
) -> None:
    context = {
        "person": person,
        "site_name": settings.WAGTAIL_SITE_NAME,
        **context,
    }
    email_queue(
        to=person.email,
        subject=subject,
        body=render_to_string(template, context),
        topic=topic,
        # A confirmation link signs its holder in: erased once sent, never shown.
        sensitive=sensitive,
    )


def confirmation_send(*, person_id: int, next_path: str = "") -> None:
    """E-mail the link that confirms a new account's address."""
    person = User.objects.filter(pk=person_id, awaiting_confirmation=True).first()
    if person is None:  # confirmed meanwhile: nothing left to confirm
        return
    _send(
        person=person,
        subject=f"Confirm your e-mail address for {settings.WAGTAIL_SITE_NAME}",
        template="people/email/signup_confirm.txt",
        topic="Sign-up: confirm your address",
        sensitive=True,
        confirm_url=confirmation_link(person=person, next_path=next_path),
        valid_days=max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    )


def signup_attempt_send(*, person_id: int) -> None:
    """Tell the owner of an address that someone tried to sign up with it."""
    person = User.objects.get(pk=person_id)
    _send(
        person=person,
        subject=f"Someone tried to create an account on {settings.WAGTAIL_SITE_NAME} "
        "with your e-mail address",
        template="people/email/signup_existing.txt",
        topic="Sign-up: someone used your address",
        sensitive=False,
        sign_in_url=_absolute(reverse("account-login")),
        reset_url=_absolute(reverse("password_reset")),
    )


def password_reset_send(*, person: User, uidb64: str, token: str) -> None:
    """E-mail the link that lets a person choose a new password."""
    _send(
        person=person,
        subject=f"Reset your password for {settings.WAGTAIL_SITE_NAME}",
        template="people/email/password_reset.txt",
        topic="Password reset link",
        sensitive=True,
        reset_url=_absolute(reverse("password_reset_confirm", args=[uidb64, token])),
        valid_days=max(1, settings.PASSWORD_RESET_TIMEOUT // 86400),
    )
