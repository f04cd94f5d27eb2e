"""The grants records that name a person, and how long they are kept.

Unsuccessful applications are kept two years after the decision, so an
applicant can ask why and the next round can learn from it; grants six
years after they end (the Limitation Act 1980 period for claims under the
grant agreement). See foundation.personal_data.
"""

from datetime import datetime

from django.db.models import Q

from foundation.personal_data import (
    PersonalRecords,
    RetentionKind,
    personal_records_register,
    retention_kinds_register,
)

UNSUCCESSFUL = "grants.unsuccessful_applications"
GRANTS = "grants.grants"
UNSUCCESSFUL_STATES = ["ineligible", "declined", "refused", "withdrawn"]

KINDS = [
    RetentionKind(
        key=UNSUCCESSFUL,
        label="Grant applications that were not funded",
        months=24,
        starts="after the decision",
        purpose="so that we can explain a decision and answer a complaint about it",
    ),
    RetentionKind(
        key=GRANTS,
        label="Grants awarded, with their payments and monitoring returns",
        months=72,
        starts="after the grant ends",
        purpose="to account for public money and answer any claim under the grant agreement",
    ),
]


def application_expired(prefix: str = ""):
    """Records of applications past their retention period; `prefix` leads
    from a related record to its application ("application__")."""

    def expired(cutoffs: dict[str, datetime]) -> Q:
        unsuccessful = Q(**{f"{prefix}state__in": UNSUCCESSFUL_STATES}) & (
            Q(**{f"{prefix}decided_at__lt": cutoffs[UNSUCCESSFUL]})
            | Q(
                **{
                    f"{prefix}decided_at__isnull": True,
                    f"{prefix}updated_at__lt": cutoffs[UNSUCCESSFUL],
                }
            )
        )
        ended = Q(
            **{
                f"{prefix}state": "completed",
                f"{prefix}award__ends_on__lt": cutoffs[GRANTS].date(),
            }
        )
        return unsuccessful | ended

    return expired


_KINDS = (UNSUCCESSFUL, GRANTS)
RECORDS = [
    PersonalRecords(
        model="grants.Application",
        label="Grant applications they started or edited",
        people=("created_by", "updated_by"),
        shown=("reference", "project_title", "state", "submitted_at", "decided_at"),
        retention=_KINDS,
        expired=application_expired(),
    ),
    PersonalRecords(
        model="grants.ApplicationDocument",
        label="Files they uploaded to grant applications",
        people=("uploaded_by",),
        shown=("original_name", "size", "uploaded_at"),
        erase={"original_name": "File removed"},
        retention=_KINDS,
        expired=application_expired("application__"),
    ),
    PersonalRecords(
        model="grants.InformationRequest",
        label="Questions asked or answered while assessing",
        people=("requested_by", "answered_by"),
        shown=("question", "requested_at", "answer", "answered_at"),
        retention=_KINDS,
        expired=application_expired("application__"),
    ),
    PersonalRecords(
        model="grants.Award",
        label="Grant offers they accepted",
        people=("accepted_by",),
        shown=("amount", "accepted_at", "accepted_name"),
        erase={"accepted_name": "{pseudonym}"},
        retention=_KINDS,
        expired=application_expired("application__"),
    ),
    PersonalRecords(
        model="grants.Payment",
        label="Grant payments they approved or marked paid",
        people=("approved_by", "marked_paid_by"),
        shown=("amount", "due_on", "paid_on", "reference"),
    ),
    PersonalRecords(
        model="grants.MonitoringReturn",
        label="Monitoring returns they sent or reviewed",
        people=("submitted_by", "reviewed_by"),
        shown=("due_on", "submitted_at", "narrative", "outcomes"),
        retention=_KINDS,
        expired=application_expired("award__application__"),
    ),
    PersonalRecords(
        model="grants.Programme",
        label="Grant programmes they own",
        people=("owner",),
        shown=("name",),
    ),
    PersonalRecords(
        model="grants.RoundLaunch",
        label="Grant round launches they sent for approval",
        people=("sent_for_approval_by",),
        shown=("state",),
    ),
]


def register() -> None:
    retention_kinds_register(*KINDS)
    personal_records_register(*RECORDS)
