"""Reading lists of support: one by its private link, a link worker's
recommended lists, and a list's entries with what people need to choose."""

from django.db.models import Count, QuerySet

from assets.models import Asset
from assets.selectors import LIVE
from support_lists.links import token_hash, token_matches, token_well_formed
from support_lists.models import ListKind, SupportList, SupportListItem


def list_by_token(token: str) -> SupportList | None:
    """The list this private link opens, revoked or not; None for a link
    that opens no list."""
    if not token_well_formed(token):
        return None
    found = SupportList.objects.filter(token_hash=token_hash(token)).first()
    if found is None or not token_matches(token, found.token_hash):
        return None
    return found


def list_items(support_list: SupportList) -> QuerySet[SupportListItem]:
    """The entries still on the map (an asset since lost drops out), with
    their assets' organisations for the micro-enterprise flag."""
    return (
        support_list.items.filter(asset__in=_live_assets())
        .select_related("asset", "asset__organisation")
        .prefetch_related("asset__neighbourhoods")
    )


def _live_assets():
    return Asset.objects.filter(LIVE).values("pk")


def lists_recommended_by(user) -> QuerySet[SupportList]:
    return (
        SupportList.objects.filter(kind=ListKind.RECOMMENDED, made_by=user, revoked__isnull=True)
        .annotate(entries=Count("items"))
        .order_by("-updated", "pk")
    )
