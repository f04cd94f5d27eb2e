"""What's on: the holding organisation adds, changes and takes down its
asset's events; officers may do the same for any asset. Each change is
written to the audit trail."""

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django_fsm_log.models import StateLog

from assets.models import Asset, AssetEvent
from organisations.selectors import membership_for

EVENT_FIELDS = [
    "title",
    "description",
    "date",
    "starts",
    "ends",
    "place",
    "cost",
    "booking_link",
]
OFFICER = "assets.change_assetevent"


def event_may_edit(*, asset: Asset, actor) -> bool:
    """A member of the organisation holding the asset, or an officer."""
    if actor is None or not actor.is_authenticated:
        return False
    if actor.has_perm(OFFICER):
        return True
    return (
        asset.organisation_id is not None
        and membership_for(user=actor, organisation=asset.organisation) is not None
    )


def _audit(event: AssetEvent, *, actor, transition: str, text: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(AssetEvent),
        object_id=event.pk,
        by=actor,
        source_state=None,
        state="listed" if transition != "event_removed" else "removed",
        transition=transition,
        description=text[:1000],
    )


@transaction.atomic
def event_save(*, asset: Asset, actor, data: dict, event: AssetEvent | None = None) -> AssetEvent:
    """Add an event to the asset's What's on, or change one of its events."""
    if not event_may_edit(asset=asset, actor=actor):
        raise PermissionDenied("Only the organisation that holds this listing can add events.")
    if event is not None and event.asset_id != asset.pk:
        raise PermissionDenied("That event belongs to another listing.")
    event = event or AssetEvent(asset=asset)
    for field in EVENT_FIELDS:
        if field in data:
            setattr(event, field, data[field])
    added = event.pk is None
    event.full_clean()
    event.save()
    _audit(
        event,
        actor=actor,
        transition="event_added" if added else "event_changed",
        text=f"{event.title} on {event.date:%d/%m/%Y} at {asset.name}",
    )
    return event


@transaction.atomic
def event_remove(*, event: AssetEvent, actor) -> None:
    """Take an event off What's on (cancelled, or added by mistake)."""
    if not event_may_edit(asset=event.asset, actor=actor):
        raise PermissionDenied("Only the organisation that holds this listing can remove events.")
    _audit(event, actor=actor, transition="event_removed", text=f"{event.title} removed")
    event.delete()
