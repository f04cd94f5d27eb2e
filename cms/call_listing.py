"""Calls for partners straight from the records: publishing is publishing.

A tender appears on the public site the moment it is published, and a
grant round the moment it opens (a round has no publishing step of its own:
its dates are its announcement, as on the grants pages), without anyone
making a page. Each has a page generated from its record under "Calls for
partners"; an editor who wants to tell the story of a call makes a call
page linked to it, and that page takes the record's place. Cancelling or
closing shows at once, because every listing is worked out from the record.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from cms.call_status import CallStatus
from cms.live_calls import LiveCall, from_round, from_tender
from commissioning.models import Tender, TenderState
from grants.models import Round

# "Open now" lists the calls closing soon as well.
OPEN_STATUSES = {CallStatus.OPEN, CallStatus.CLOSING}


@dataclass
class CallEntry:
    """One call in a listing, whether an editor's page or a record's."""

    title: str
    url: str
    live_call: LiveCall

    @property
    def deadline(self) -> datetime | None:
        return self.live_call.closes_at


def published_tenders():
    """Every tender ever published, cancelled ones included: a tender
    cancelled before publishing was never public. The closing date as
    published is set by publishing (commissioning.services.tenders)."""
    return Tender.objects.filter(deadline_as_published__isnull=False)


def opened_rounds(now: datetime):
    """Rounds public by their dates, once their launch is approved."""
    return Round.objects.filter(opens_at__lte=now).exclude(
        launch__state__in=["draft", "awaiting_approval"]
    )


def without_live_page(records):
    """The records no published editor's page tells (a draft page does not)."""
    return records.exclude(call_page__live=True)


def status_matches(wanted: str, status: CallStatus) -> bool:
    if wanted == CallStatus.OPEN:
        return status in OPEN_STATUSES
    if wanted == CallStatus.CLOSED:
        return status in (CallStatus.CLOSED, CallStatus.CANCELLED)
    if wanted in CallStatus.values:
        return status == wanted
    return True


def record_calls(*, kind: str, neighbourhood, status: str, now: datetime, url_for) -> list:
    """The published tenders and opened rounds that no editor's page tells,
    as listing entries; `url_for(kind, pk)` gives each one's page."""
    if status == CallStatus.UPCOMING:
        return []  # Nothing is listed from a record before it is public.
    tenders = without_live_page(published_tenders())
    rounds = without_live_page(opened_rounds(now))
    if status in OPEN_STATUSES:
        tenders = tenders.filter(state=TenderState.PUBLISHED, submission_deadline__gt=now)
        rounds = rounds.filter(closes_at__gt=now)
    elif status == CallStatus.CLOSED:
        tenders = tenders.exclude(Q(state=TenderState.PUBLISHED, submission_deadline__gt=now))
        rounds = rounds.filter(closes_at__lte=now)
    if neighbourhood is not None:
        tenders = tenders.filter(commission__neighbourhoods=neighbourhood).distinct()
        rounds = rounds.filter(neighbourhoods=neighbourhood).distinct()
    entries = []
    if kind != "grant":
        for tender in tenders.select_related("commission").prefetch_related(
            "commission__neighbourhoods"
        ):
            live = from_tender(tender, full=False)
            entries.append(CallEntry(tender.title, url_for("tender", tender.pk), live))
    if kind != "tender":
        for round_ in rounds.prefetch_related("neighbourhoods"):
            live = from_round(round_, full=False)
            entries.append(CallEntry(round_.title, url_for("round", round_.pk), live))
    return [entry for entry in entries if status_matches(status, entry.live_call.status)]


@dataclass
class GeneratedCallPage:
    """What the call page template needs of a page, for a call told from
    its record alone: its title, no story, and its place under the index."""

    title: str
    index: object
    intro: str = ""
    body: tuple = ()

    def get_ancestors(self):
        return self.index.get_ancestors(inclusive=True)
