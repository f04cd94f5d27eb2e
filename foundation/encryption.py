"""Model fields encrypted at rest with Fernet (the `cryptography` package).

The key is FIELD_ENCRYPTION_KEY: one Fernet key, or several separated by
commas to rotate keys (the first encrypts, every one decrypts). A database
copy, a backup or a log of queries then holds only ciphertext: the value
is readable only by a process that holds the key.
"""

from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models


@cache
def _fernet(keys: str) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.strip()) for key in keys.split(",") if key.strip()])
    except ValueError as error:
        raise ImproperlyConfigured(
            "FIELD_ENCRYPTION_KEY must be one or more Fernet keys, separated by commas."
        ) from error


def fernet() -> MultiFernet:
    return _fernet(settings.FIELD_ENCRYPTION_KEY)


class EncryptedCharField(models.TextField):
    """A short text kept encrypted in the database; Python code sees the
    plain text. It cannot be searched or sorted by the database: the same
    value encrypts differently each time."""

    def __init__(self, *args, plain_max_length: int = 100, **kwargs):
        self.plain_max_length = plain_max_length
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["plain_max_length"] = self.plain_max_length
        return name, path, args, kwargs

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return fernet().encrypt(str(value).encode()).decode()

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        try:
            return fernet().decrypt(value.encode()).decode()
        except InvalidToken as error:
            raise ImproperlyConfigured(
                "An encrypted value cannot be read with FIELD_ENCRYPTION_KEY: "
                "was the key changed without keeping the old one after it?"
            ) from error
