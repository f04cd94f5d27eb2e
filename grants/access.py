"""Who may read a file attached to an application: its organisation's
members; once it is submitted, the grants officers; and a panel member
scoring it who has declared no conflict."""

from grants.models import ApplicationDocument, State
from organisations.selectors import membership_for

ASSESS = "grants.assess_application"


def application_document_readable_by(document: ApplicationDocument, user) -> bool:
    application = document.application
    if membership_for(user=user, organisation=application.organisation) is not None:
        return True
    if application.state == State.DRAFT:
        return False
    if user.has_perm(ASSESS):
        return True
    return (
        application.submission_id is not None
        and application.submission.assignments.filter(
            member__user=user, state__in=["scoring", "submitted"]
        ).exists()
    )
