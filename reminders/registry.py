"""Reminder kinds: each app declares its own in a `reminders.py` module.

A kind finds what is due at a moment and says, for each person, what to
say. It reads in a fixed number of queries however much is due.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from django.conf import settings
from django.db import models

from foundation.templatetags.uk import moment


@dataclass(frozen=True)
class Due:
    kind: str
    recipient_id: int
    subject: models.Model
    due_on: date
    subject_line: str
    body: str
    link: str


@dataclass(frozen=True)
class Kind:
    name: str
    # Deadline reminders for something the person started cannot be switched off.
    essential: bool
    find: Callable[[datetime], Iterable[Due]]


KINDS: dict[str, Kind] = {}


def reminder_kind(name: str, *, essential: bool):
    def register(find):
        KINDS[name] = Kind(name=name, essential=essential, find=find)
        return find

    return register


def timing(key: str):
    return settings.REMINDERS[key]


def when(value: datetime) -> str:
    """A deadline in a reminder, written as every page writes it
    ("5:00pm on Friday 15 January 2027", "midday on …")."""
    return f"{moment(value)} (UK time)"


def absolute(path: str) -> str:
    return settings.WAGTAILADMIN_BASE_URL.rstrip("/") + path
