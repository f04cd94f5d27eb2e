"""Signing up: an account is only opened by the person who can read the
e-mail sent to its address.

Sign-up answers the same way whether or not the address already has an
account, so the page cannot be used to find out who has one. A new address
gets an inactive account and a link to confirm it; an address that already
has an account gets nothing new, and its owner an e-mail saying someone
tried. E-mail is queued in the outbox inside the transaction and sent by a
worker once it has committed, so a mail server that is down never fails a
sign-up.
"""

from django.contrib.auth.hashers import make_password
from django.contrib.auth.tokens import default_token_generator
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.encoding import force_str
from django.utils.http import urlsafe_base64_decode

from people import mail
from people.models import User


@transaction.atomic
def person_sign_up(
    *, email: str, first_name: str, last_name: str, password: str, next_path: str = ""
) -> None:
    """Open an unconfirmed account for a new address, or tell the owner of a
    known one. Returns nothing: the caller must not answer differently.

    `next_path` is where the confirmation link sends the person afterwards;
    it must already have been checked as on this site.
    """
    email = User.objects.normalize_email(email).strip().lower()
    person = User.objects.filter(email__iexact=email).first()
    if person is None:
        person = User(
            email=email,
            first_name=first_name,
            last_name=last_name,
            is_active=False,
            awaiting_confirmation=True,
        )
        person.set_password(password)
        try:
            with transaction.atomic():
                person.save()
        except IntegrityError:
            # Someone signed up with the same address a moment earlier.
            person = User.objects.get(email__iexact=email)
        else:
            _confirmation_send_later(person=person, next_path=next_path)
            return
    # Hash the password we will not keep, so that a known address takes as
    # long to answer as a new one: the delay must not give the answer away.
    make_password(password)
    if person.awaiting_confirmation:
        # Signed up before and the link went astray: send it again. The
        # account keeps the password chosen first; nobody but the owner of
        # the address can change anything about it.
        _confirmation_send_later(person=person, next_path=next_path)
    else:
        mail.signup_attempt_send(person_id=person.pk)


def confirmation_resend(*, email: str) -> None:
    """Send the confirmation link again to an account still waiting for it.
    Does nothing, visibly the same, for any other address."""
    person = User.objects.filter(
        email__iexact=(email or "").strip(), awaiting_confirmation=True
    ).first()
    if person is not None:
        _confirmation_send_later(person=person)


def _confirmation_send_later(*, person: User, next_path: str = "") -> None:
    # Queued now, sent by a worker once the transaction commits.
    mail.confirmation_send(person_id=person.pk, next_path=next_path)


def _person_from_link(uidb64: str) -> User | None:
    try:
        return User.objects.get(pk=force_str(urlsafe_base64_decode(uidb64)))
    except (TypeError, ValueError, OverflowError, ValidationError, User.DoesNotExist):
        return None


@transaction.atomic
def signup_confirm(*, uidb64: str, token: str) -> User | None:
    """Confirm the address from the e-mailed link and activate the account;
    the view then signs the person in. Returns None, changing nothing, when
    the link is not one we sent, has lapsed or has been used.
    """
    person = _person_from_link(uidb64)
    if (
        person is None
        or not person.awaiting_confirmation
        or not default_token_generator.check_token(person, token)
    ):
        return None
    person = User.objects.select_for_update().get(pk=person.pk)
    if not person.awaiting_confirmation:  # confirmed by a request racing this one
        return None
    person.is_active = True
    person.awaiting_confirmation = False
    person.save(update_fields=["is_active", "awaiting_confirmation"])
    return person
