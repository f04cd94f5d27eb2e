"""Writing lists of support. A saved list belongs to whoever holds its
private link: they add and remove entries, share and revoke it. A
recommended list is changed only by the link worker who made it; the
person it is for opens it by its link. Every change is audited; the
person holding a saved list's link has no account, so those entries name
nobody as the actor."""

from datetime import timedelta

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django_fsm_log.models import StateLog

from assets.models import Asset
from assets.selectors import LIVE
from foundation.outbox import email_queue
from support_lists.links import token_new
from support_lists.models import ListKind, SupportList, SupportListItem

RECOMMEND = "support_lists.recommend"
# A shared list's e-mail goes to any address typed: a few a day is plenty
# for a person and their family, and too few to make the site a spammer.
SHARES_PER_DAY = 10
MAX_ITEMS = 100


def _audit(support_list: SupportList, *, actor, transition: str, text: str) -> None:
    StateLog.objects.create(
        content_type=ContentType.objects.get_for_model(SupportList),
        object_id=support_list.pk,
        by=actor if actor is not None and actor.is_authenticated else None,
        source_state=None,
        state="revoked" if support_list.revoked else "open",
        transition=transition,
        description=text[:1000],
    )


def _may_change(support_list: SupportList, actor) -> None:
    if support_list.revoked:
        raise ValidationError("This list has been deleted.")
    if support_list.kind == ListKind.RECOMMENDED and not (
        actor is not None
        and actor.is_authenticated
        and actor.pk == support_list.made_by_id
        and actor.has_perm(RECOMMEND)
    ):
        raise PermissionDenied("Only the link worker who made this list can change it.")


@transaction.atomic
def list_start(*, actor=None) -> tuple[SupportList, str]:
    """A new saved list; returns it and its private token, shown only now."""
    token, hashed = token_new()
    support_list = SupportList.objects.create(kind=ListKind.PERSONAL, token_hash=hashed)
    _audit(support_list, actor=actor, transition="list_started", text="Saved list started")
    return support_list, token


@transaction.atomic
def recommended_list_start(*, actor, made_for: str) -> tuple[SupportList, str]:
    """A link worker's new recommended list for the person they support."""
    if not actor.has_perm(RECOMMEND):
        raise PermissionDenied("Only link workers build recommended lists.")
    made_for = made_for.strip()
    if not made_for:
        raise ValidationError({"made_for": "Enter a first name or a reference"})
    token, hashed = token_new()
    support_list = SupportList.objects.create(
        kind=ListKind.RECOMMENDED, token_hash=hashed, made_by=actor, made_for=made_for
    )
    _audit(support_list, actor=actor, transition="list_started", text="Recommended list started")
    return support_list, token


@transaction.atomic
def list_link_renew(*, support_list: SupportList, actor) -> str:
    """A new private link for a recommended list; the old one stops working.
    Only a hash is kept, so a link worker who needs the link again gets a
    new one."""
    _may_change(support_list, actor)
    token, support_list.token_hash = token_new()
    support_list.save(update_fields=["token_hash", "updated"])
    _audit(support_list, actor=actor, transition="link_renewed", text="New private link made")
    return token


@transaction.atomic
def item_add(
    *, support_list: SupportList, asset: Asset, actor=None, note: str = ""
) -> SupportListItem:
    """Put an asset on the list, or change its note if it is there already."""
    support_list = SupportList.objects.select_for_update().get(pk=support_list.pk)
    _may_change(support_list, actor)
    if not Asset.objects.filter(LIVE, pk=asset.pk).exists():
        raise ValidationError("This is no longer on the map.")
    if support_list.kind == ListKind.PERSONAL:
        note = ""  # notes are the link worker's; a saved list holds no words about anyone
    item = SupportListItem.objects.filter(support_list=support_list, asset=asset).first()
    if item is None:
        if support_list.items.count() >= MAX_ITEMS:
            raise ValidationError(f"A list holds up to {MAX_ITEMS} entries.")
        item = SupportListItem.objects.create(support_list=support_list, asset=asset, note=note)
        text = f"Added {asset.name}"
    else:
        item.note = note
        item.save(update_fields=["note"])
        text = f"Note changed on {asset.name}"
    support_list.save(update_fields=["updated"])
    _audit(support_list, actor=actor, transition="item_added", text=text)
    return item


@transaction.atomic
def item_remove(*, item: SupportListItem, actor=None) -> None:
    support_list = SupportList.objects.select_for_update().get(pk=item.support_list_id)
    _may_change(support_list, actor)
    name = item.asset.name
    item.delete()
    support_list.save(update_fields=["updated"])
    _audit(support_list, actor=actor, transition="item_removed", text=f"Removed {name}")


@transaction.atomic
def list_revoke(*, support_list: SupportList, actor=None) -> SupportList:
    """Delete the list: its link then opens nothing. The entries go; the
    row stays, so the link answers "deleted" rather than "never existed"."""
    support_list = SupportList.objects.select_for_update().get(pk=support_list.pk)
    _may_change(support_list, actor)
    support_list.items.all().delete()
    support_list.revoked = timezone.now()
    support_list.made_for = ""
    support_list.save(update_fields=["revoked", "made_for", "updated"])
    _audit(support_list, actor=actor, transition="list_revoked", text="List deleted")
    return support_list


@transaction.atomic
def list_share(
    *,
    support_list: SupportList,
    link: str,
    to: str,
    sender: str = "",
    message: str = "",
    actor=None,
) -> None:
    """E-mail the list's private link to a family carer, a friend or a link
    worker, through the outbox."""
    if support_list.revoked:
        raise ValidationError("This list has been deleted.")
    since = timezone.now() - timedelta(days=1)
    shares = StateLog.objects.filter(
        content_type=ContentType.objects.get_for_model(SupportList),
        object_id=support_list.pk,
        transition="list_shared",
        timestamp__gte=since,
    ).count()
    if shares >= SHARES_PER_DAY:
        raise ValidationError(
            "This list has been sent by e-mail many times today. Copy the link instead."
        )
    who = sender.strip() or "Someone"
    lines = [
        f"{who} has shared a list of local support with you.",
        "",
        "Open it here:",
        link,
        "",
    ]
    if message.strip():
        lines += ["Their message:", message.strip(), ""]
    lines += [
        "Anyone with this link can see the list, so share it only with people you trust.",
    ]
    email_queue(
        to=to,
        subject="A list of local support shared with you",
        body="\n".join(lines),
        topic="support_list_shared",
        source=f"support_lists.SupportList:{support_list.pk}",
        sensitive=True,
    )
    _audit(support_list, actor=actor, transition="list_shared", text="Shared by e-mail")
