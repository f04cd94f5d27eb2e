"""The outcomes records that name a person, and those that do not.

Answers to an instrument name nobody: a response holds the grant, the day
and whether the person answered themselves; no name, e-mail address, IP
address or account (outcomes.models.answers). Only the staff and grant
holders who set things up are named: who set a return schedule, who made
an anonymous link; and who set and sent a contract's monitoring returns.
Kept as long as the grant they belong to (grants.personal_data: six years
after it ends); contract returns, like the contract and its delivery
reports (commissioning.personal_data), as long as the account."""

from foundation.personal_data import PersonalRecords, personal_records_register
from grants.personal_data import GRANTS, UNSUCCESSFUL, application_expired

_KINDS = (UNSUCCESSFUL, GRANTS)

RECORDS = [
    PersonalRecords(
        model="outcomes.ReturnSchedule",
        label="Monitoring schedules they set",
        people=("set_by",),
        shown=("every_months", "set_at"),
        retention=_KINDS,
        expired=application_expired("award__application__"),
    ),
    PersonalRecords(
        model="outcomes.AnswerLink",
        label="Links they made for people to answer anonymously",
        people=("created_by",),
        shown=("created_at", "closed_at"),
        retention=_KINDS,
        expired=application_expired("award__application__"),
    ),
    PersonalRecords(
        model="outcomes.ContractReturn",
        label="Contract monitoring returns they set or sent",
        people=("set_by", "submitted_by"),
        shown=("due_on", "submitted_at", "narrative"),
    ),
]


def register() -> None:
    personal_records_register(*RECORDS)
