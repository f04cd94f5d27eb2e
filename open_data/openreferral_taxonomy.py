"""Taxonomy terms on Open Referral UK services: two taxonomies of our own,
the asset kinds (every service has one) and the tags people search by.

Ids follow openreferral_ids.record_id: the record kind in the first group and
the row in the last, so a term's id leads straight back to its kind or tag.
"""

from django.urls import reverse
from taggit.models import Tag

from assets.models import Asset, AssetKind
from open_data.openreferral_ids import RECORD_KINDS, pk_from, record_id

KIND_TAXONOMY = 1
TAG_TAXONOMY = 2
TAXONOMIES = {
    KIND_TAXONOMY: (
        "Common Ground asset kinds",
        "What kind of asset of the area a service is: a community group, a service run by a "
        "charity or social enterprise, a micro-enterprise, volunteering, or skills and people.",
    ),
    TAG_TAXONOMY: (
        "Common Ground tags",
        "Words people search the asset map by, such as food, dementia or loneliness.",
    ),
}
KINDS = list(AssetKind)


def taxonomy(number: int, request) -> dict:
    name, description = TAXONOMIES[number]
    taxonomy_id = record_id("taxonomy", number)
    return {
        "id": taxonomy_id,
        "name": name,
        "description": description,
        "uri": request.build_absolute_uri(reverse("openreferral-taxonomy", args=[taxonomy_id])),
    }


def kind_term(kind: AssetKind) -> dict:
    return {
        "id": record_id("kind_term", KINDS.index(kind) + 1),
        "name": kind.label,
        "description": f"Assets of the kind “{kind.label}”.",
        "taxonomy": TAXONOMIES[KIND_TAXONOMY][0],
        "taxonomy_id": record_id("taxonomy", KIND_TAXONOMY),
        "term": kind.label,
    }


def tag_term(tag: Tag) -> dict:
    return {
        "id": record_id("tag_term", tag.pk),
        "name": tag.name,
        "description": f"Assets tagged “{tag.name}”.",
        "taxonomy": TAXONOMIES[TAG_TAXONOMY][0],
        "taxonomy_id": record_id("taxonomy", TAG_TAXONOMY),
        "term": tag.name,
    }


def _attribute_id(kind: str, asset_pk: int, term_pk: int) -> str:
    """One attribute per service and term: both rows in the id, as in
    openreferral_ids.service_area_id."""
    low, high = term_pk & 0xFFFF, term_pk >> 16
    return f"{RECORD_KINDS[kind]:08x}-{low:04x}-8{high:03x}-8000-{asset_pk:012x}"


def attributes(asset: Asset, service_uuid: str) -> list[dict]:
    """The service's kind and its tags, each linking the service to a term.
    Tags come from the prefetched `tags`, so a page costs one query for them."""
    terms = [(_attribute_id("kind_attribute", asset.pk, 0), kind_term(AssetKind(asset.kind)))]
    terms += [
        (_attribute_id("tag_attribute", asset.pk, tag.pk), tag_term(tag))
        for tag in sorted(asset.tags.all(), key=lambda tag: tag.name)
    ]
    return [
        {
            "id": attribute_id,
            "link_id": service_uuid,
            "taxonomy_term_id": term["id"],
            "taxonomy_term": term,
        }
        for attribute_id, term in terms
    ]


def term_by_id(value: str) -> dict | None:
    """The taxonomy term with this id, or None."""
    kind_number = pk_from("kind_term", value)
    if kind_number is not None and 1 <= kind_number <= len(KINDS):
        return kind_term(KINDS[kind_number - 1])
    tag_pk = pk_from("tag_term", value)
    if tag_pk is not None:
        tag = Tag.objects.filter(pk=tag_pk).first()
        return tag_term(tag) if tag else None
    return None


def used_tags():
    """The tags on at least one asset, by name."""
    return Tag.objects.filter(taggit_taggeditem_items__isnull=False).distinct().order_by("name")


def services_with_term(services, value: str):
    """`taxonomy_term_id`: the services carrying the term; none for an id
    that is not one of our terms."""
    kind_number = pk_from("kind_term", value)
    if kind_number is not None and 1 <= kind_number <= len(KINDS):
        return services.filter(kind=KINDS[kind_number - 1])
    tag_pk = pk_from("tag_term", value)
    if tag_pk is not None:
        return services.filter(tags__pk=tag_pk)
    return services.none()


def services_in_taxonomy(services, value: str):
    """`taxonomy_id`: the services with any term of the taxonomy."""
    number = pk_from("taxonomy", value)
    if number == KIND_TAXONOMY:
        return services
    if number == TAG_TAXONOMY:
        return services.filter(tags__isnull=False)
    return services.none()
