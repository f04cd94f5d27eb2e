"""Moving a published tender's deadlines: only by this recorded change,
with a reason, announced to every organisation taking part (foundation.
deadlines holds the rule: extensions always, earlier only before anyone
has started and with the minimum notice)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse

from commissioning import notifications
from commissioning.models import Tender, TenderState
from commissioning.models.tenders import COMMISSIONER
from foundation.deadlines import deadline_change_check, deadline_change_record, when
from organisations.models import OrganisationMembership
from reminders.models import Notification

# The deadlines a published tender has, as bidders call them.
TENDER_DEADLINES = {
    "submission_deadline": "closing date for bids",
    "clarification_deadline": "deadline for clarification questions",
}


def _taking_part(tender: Tender) -> set[int]:
    """Organisations with a bid (a draft counts) or an expression of interest."""
    return set(tender.bids.values_list("organisation_id", flat=True)) | set(
        tender.interests.values_list("organisation_id", flat=True)
    )


@transaction.atomic
def tender_deadline_change(*, tender: Tender, field: str, new, reason: str, actor):
    if actor is None or not actor.has_perm(COMMISSIONER):
        raise PermissionDenied("Only a commissioner can change a tender's deadline.")
    if field not in TENDER_DEADLINES:
        raise ValidationError({"which": "Choose which deadline to change."})
    tender = Tender.objects.select_for_update().get(pk=tender.pk)
    if tender.state != TenderState.PUBLISHED:
        raise ValidationError(
            "Only an open tender's deadlines change this way. Before it is published, edit "
            "them in the tender's details; once it has closed they cannot change."
        )
    label = TENDER_DEADLINES[field]
    organisations = _taking_part(tender)
    deadline_change_check(
        label=label,
        current=getattr(tender, field),
        new=new,
        reason=reason,
        started=bool(organisations),
    )
    if field == "clarification_deadline" and new > tender.submission_deadline:
        raise ValidationError(
            {
                "new_deadline": "Questions must close before bids do, "
                f"at {when(tender.submission_deadline)} or earlier."
            }
        )
    if field == "submission_deadline" and new < tender.clarification_deadline:
        raise ValidationError(
            {
                "new_deadline": "Bids cannot close before questions do, "
                f"at {when(tender.clarification_deadline)}."
            }
        )
    change = deadline_change_record(
        subject=tender, field=field, label=label, new=new, reason=reason, actor=actor
    )
    tender.save(update_fields=[field])
    _announce(tender, change, organisations)
    return change


def _announce(tender: Tender, change, organisations: set[int]) -> None:
    """Tell every member of every organisation taking part: on their
    dashboard at once, and by e-mail once the change is committed."""
    text = (
        f"{tender.title}: the {change.label} has moved from {when(change.old_value)} "
        f"to {when(change.new_value)}. {change.reason}"
    )
    link = reverse("tender-public", args=[tender.pk])
    members = OrganisationMembership.objects.filter(organisation__in=organisations)
    Notification.objects.bulk_create(
        Notification(user_id=user_id, text=text[:300], link=link)
        for user_id in sorted(set(members.values_list("user_id", flat=True)))
    )
    notifications.organisations_notify(
        organisations,
        tender=tender,
        subject=f"Deadline changed: {tender.title}",
        body=text,
    )
