"""The lists of support's records that could name a person. A saved list
holds no personal data: it belongs to whoever holds its private link. A
link worker's recommended list names the link worker, and the person it
is for only by a first name or a reference the link worker chooses; its
notes may say more. Both are cleared two years after the list last
changed. See foundation.personal_data."""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

LISTS = "support_lists.lists"

KINDS = [
    RetentionKind(
        key=LISTS,
        label="Who a recommended list of support is for (a first name or reference) and its notes",
        months=24,
        starts="after the list was last changed",
        purpose="so that a person and their link worker can come back to the list",
    ),
]


def _lists_unchanged_since(cutoffs: dict[str, datetime]) -> Q:
    return Q(updated__lt=cutoffs[LISTS])


def _items_unchanged_since(cutoffs: dict[str, datetime]) -> Q:
    return Q(support_list__updated__lt=cutoffs[LISTS])


RECORDS = [
    PersonalRecords(
        model="support_lists.SupportList",
        label="Recommended lists of support they made",
        people=("made_by",),
        shown=("made_for", "kind", "created", "updated", "revoked"),
        erase={"made_for": ""},
        retention=(LISTS,),
        expired=_lists_unchanged_since,
    ),
    PersonalRecords(
        model="support_lists.SupportListItem",
        label="Notes on the recommended lists they made",
        people=("support_list__made_by",),
        shown=("asset", "note", "added"),
        erase={"note": ""},
        retention=(LISTS,),
        expired=_items_unchanged_since,
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
