"""What takes the public pages out of the shared cache (foundation.public_cache).

The public site shows CMS pages, calls (grant rounds and tenders, with their
deadlines and clarifications), the grants awarded, the asset map and the
neighbourhoods. Any change to one of those, once committed, leaves every
cached page behind; so does a deadline passing with nobody acting (a round
opening, closing or starting its last fortnight), through `next_deadline`.
"""

from datetime import datetime

from django.db.models import Min, Q
from django.db.models.signals import m2m_changed, post_delete, post_save
from django_fsm.signals import post_transition
from wagtail.signals import page_published, page_unpublished, post_page_move

from assets.models import Asset, AssetEvent
from cms.call_status import CLOSING_SOON
from commissioning.models import Clarification, Lot, Tender, TenderDocument
from foundation.models import DeadlineChange
from foundation.public_cache import boundary, public_pages_changed
from grants.models import Application, Programme, Round
from grants.services.assessment import AWARDED
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation

# Everything saved or deleted in these shows on some public page.
SHOWN = [
    Programme,
    Round,
    Tender,
    Lot,
    TenderDocument,
    Clarification,
    DeadlineChange,
    Asset,
    AssetEvent,
    Neighbourhood,
    Organisation,
]
LINKS = [Asset.neighbourhoods.through, Asset.tags.through, Round.neighbourhoods.through]


def changed(sender=None, **kwargs) -> None:
    public_pages_changed()


def application_saved(sender, instance, **kwargs) -> None:
    """Of an application, only a grant awarded (or no longer so) is public:
    the many saves of drafts and assessments leave the cache alone."""
    if instance.state in AWARDED or getattr(instance, "_public_award_changed", False):
        public_pages_changed()


def application_moved(sender, instance, name, source, target, **kwargs) -> None:
    if source in AWARDED or target in AWARDED:
        instance._public_award_changed = True


@boundary
def next_deadline(now: datetime) -> datetime | None:
    """The next moment a call changes status by the clock alone: a round
    opening or closing, a tender's clarification or submission deadline,
    or either entering its closing fortnight."""
    soon = now + CLOSING_SOON
    rounds = Round.objects.aggregate(
        opens=Min("opens_at", filter=Q(opens_at__gt=now)),
        closes=Min("closes_at", filter=Q(closes_at__gt=now)),
        closing=Min("closes_at", filter=Q(closes_at__gt=soon)),
    )
    tenders = Tender.objects.aggregate(
        clarification=Min("clarification_deadline", filter=Q(clarification_deadline__gt=now)),
        closes=Min("submission_deadline", filter=Q(submission_deadline__gt=now)),
        closing=Min("submission_deadline", filter=Q(submission_deadline__gt=soon)),
    )
    moments = [rounds["opens"], rounds["closes"], tenders["clarification"], tenders["closes"]]
    moments += [m - CLOSING_SOON for m in (rounds["closing"], tenders["closing"]) if m]
    moments = [m for m in moments if m is not None]
    return min(moments) if moments else None


def connect() -> None:
    for model in SHOWN:
        post_save.connect(changed, sender=model, dispatch_uid=f"public-pages-{model.__name__}")
        post_delete.connect(changed, sender=model, dispatch_uid=f"public-pages-{model.__name__}-d")
    for through in LINKS:
        m2m_changed.connect(changed, sender=through, dispatch_uid=f"public-pages-{through}")
    post_save.connect(application_saved, sender=Application, dispatch_uid="public-pages-app")
    post_delete.connect(application_saved, sender=Application, dispatch_uid="public-pages-app-d")
    post_transition.connect(application_moved, sender=Application, dispatch_uid="public-pages-fsm")
    # Every page type: published, unpublished (deleted pages are unpublished
    # first) or moved.
    page_published.connect(changed, dispatch_uid="public-pages-published")
    page_unpublished.connect(changed, dispatch_uid="public-pages-unpublished")
    post_page_move.connect(changed, dispatch_uid="public-pages-moved")
