"""The report records that name a person: who made each export. See
foundation.personal_data."""

from foundation.personal_data import PersonalRecords, personal_records_register

RECORDS = [
    PersonalRecords(
        model="reports.Export",
        label="Exports of data they made",
        people=("made_by",),
        shown=("dataset", "file_format", "made_at"),
    ),
]


def register() -> None:
    personal_records_register(*RECORDS)
