"""The finance records that name a person: kept as long as the grant they
belong to (grants.personal_data: six years after it ends)."""

from foundation.personal_data import PersonalRecords, personal_records_register
from grants.personal_data import GRANTS, UNSUCCESSFUL, application_expired

_KINDS = (UNSUCCESSFUL, GRANTS)
RECORDS = [
    PersonalRecords(
        model="finance.DueDiligenceRecord",
        label="Due diligence checks they recorded",
        people=("done_by",),
        shown=("kind", "note", "register_number", "registered_as", "done_at"),
        retention=_KINDS,
        expired=application_expired("application__"),
    ),
    PersonalRecords(
        model="finance.Agreement",
        label="Grant agreements they accepted",
        people=("accepted_by",),
        shown=("accepted_name", "accepted_role", "accepted_at", "accepted_ip"),
        erase={"accepted_name": "{pseudonym}", "accepted_role": "", "accepted_ip": ""},
        retention=_KINDS,
        expired=application_expired("award__application__"),
    ),
    PersonalRecords(
        model="finance.Claim",
        label="Grant claims they made or decided",
        people=("submitted_by", "decided_by"),
        shown=("submitted_at", "state", "decided_at", "return_reason"),
        erase={"evidence_name": "File removed"},
        retention=_KINDS,
        expired=application_expired("payment__award__application__"),
    ),
    PersonalRecords(
        model="finance.PaymentRelease",
        label="Grant payments they released",
        people=("released_by",),
        shown=("released_at", "exported_at"),
    ),
]


def register() -> None:
    personal_records_register(*RECORDS)
