"""Reads about people."""

from people.models import User


def person_awaiting_confirmation(*, email: str, password: str) -> User | None:
    """The account signed up with this address and password whose address
    is not yet confirmed, if there is one.

    Asked only after a sign-in has failed, to tell the person why. It needs
    the right password, so it tells nobody else whether the address has an
    account.
    """
    person = User.objects.filter(email__iexact=(email or "").strip(), awaiting_confirmation=True)
    person = person.first()
    if person is not None and person.check_password(password):
        return person
    return None
