"""Keeping `Asset.updated` true when what is shown of an asset changes
outside its own row: its neighbourhoods or tags, or a neighbourhood's name.
The map's cached GeoJSON is keyed on the newest `updated`, so a change that
left it behind would keep serving stale markers."""

from django.db.models.signals import m2m_changed, post_save
from django.utils import timezone

from assets.models import Asset
from neighbourhoods.models import Neighbourhood


def _touch(asset_ids) -> None:
    Asset.objects.filter(pk__in=list(asset_ids)).update(updated=timezone.now())


def links_changed(sender, instance, action, reverse, pk_set, **kwargs):
    if action not in ("post_add", "post_remove", "post_clear", "pre_clear"):
        return
    if not reverse and isinstance(instance, Asset):
        _touch([instance.pk])
    elif reverse and isinstance(instance, Neighbourhood):
        # A neighbourhood's assets changed: those named, or all before a clear.
        _touch(pk_set if pk_set else instance.assets.values_list("pk", flat=True))


def neighbourhood_saved(sender, instance, created, **kwargs):
    if not created:
        _touch(instance.assets.values_list("pk", flat=True))


def connect() -> None:
    m2m_changed.connect(links_changed, sender=Asset.neighbourhoods.through)
    m2m_changed.connect(links_changed, sender=Asset.tags.through)
    post_save.connect(neighbourhood_saved, sender=Neighbourhood)
