"""The API's records that name a person: the API tokens made for them or
by them. A token is deleted with its person's erasure: revoked, it is of
no use to anyone. See foundation.personal_data."""

from foundation.personal_data import OnErasure, PersonalRecords, personal_records_register

RECORDS = [
    PersonalRecords(
        model="api.ApiToken",
        label="API tokens made for them",
        people=("user", "created_by"),
        shown=("name", "prefix", "created_at", "last_used_at", "revoked_at"),
        on_erasure=OnErasure.DELETE,
    ),
]


def register() -> None:
    personal_records_register(*RECORDS)
