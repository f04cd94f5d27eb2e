"""The asset map's records that name a person. A suggestion from the public
carries the suggester's name and e-mail address, kept a year after it was
moderated (to answer a question about it); an asset's contact is shown as
long as the asset is listed. See foundation.personal_data.
"""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

SUGGESTIONS = "assets.suggestions"

KINDS = [
    RetentionKind(
        key=SUGGESTIONS,
        label="Names and e-mail addresses given with a suggestion for the asset map",
        months=12,
        starts="after the suggestion was accepted or rejected",
        purpose="so that we can answer a question about the change",
    ),
]


def _moderated_before(cutoffs: dict[str, datetime]) -> Q:
    return Q(moderated_at__lt=cutoffs[SUGGESTIONS])


RECORDS = [
    PersonalRecords(
        model="assets.AssetSuggestion",
        label="Suggestions for the asset map",
        people=("moderated_by",),
        emails=("suggested_by_email",),
        shown=("suggested_by_name", "suggested_by_email", "suggested_at", "state"),
        erase={"suggested_by_name": "{pseudonym}", "suggested_by_email": ""},
        retention=(SUGGESTIONS,),
        expired=_moderated_before,
    ),
    PersonalRecords(
        model="assets.Asset",
        label="Assets listing them as the contact",
        emails=("contact_email",),
        shown=("name", "contact_name", "contact_email", "contact_phone"),
        erase={"contact_name": "", "contact_email": "", "contact_phone": ""},
    ),
    PersonalRecords(
        model="assets.AssetClaim",
        label="Claims to hold or run an asset",
        people=("claimed_by", "decided_by"),
        shown=("asset", "organisation", "state", "claimed_at", "decided_at"),
    ),
    PersonalRecords(
        model="assets.AssetChange",
        label="Changes they made to assets",
        people=("changed_by",),
        shown=("asset",),
    ),
    PersonalRecords(
        model="assets.AcvListing",
        label="Asset of Community Value listings they handled",
        people=("officer",),
        shown=("asset",),
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
