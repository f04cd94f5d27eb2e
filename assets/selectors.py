"""Asset search: PostgreSQL full-text search from a GIN index where the
database is PostgreSQL; a plain substring match on the embedded SQLite.

`assets_find` is the one query behind the directory's list and its map, so
the markers are always the assets listed beside them."""

from django.db import connection
from django.db.models import Q, QuerySet

from assets.models import Asset, AssetStatus

DOCUMENT = "to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))"
INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS assets_asset_search ON assets_asset USING GIN ({DOCUMENT});"
)
DROP_SQL = "DROP INDEX IF EXISTS assets_asset_search;"
LIVE = ~Q(status=AssetStatus.LOST)


def search_index_install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX_SQL)


def search_index_remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


def words_match(assets: QuerySet, words: str) -> QuerySet:
    if connection.vendor == "postgresql":
        # The same expression as the index, so PostgreSQL answers from it.
        return assets.extra(  # noqa: S610 - the words are a bound parameter
            where=[f"{DOCUMENT} @@ plainto_tsquery('english', %s)"], params=[words]
        )
    return assets.filter(Q(name__icontains=words) | Q(description__icontains=words))


def asset_filters(params) -> dict:
    """`assets_find`'s arguments from a query string (the directory's form)."""
    return {
        "words": params.get("q", "").strip(),
        "neighbourhood": params.get("neighbourhood", ""),
        "kind": params.get("kind", ""),
        "tag": params.get("tag", ""),
    }


def assets_find(
    *, words: str = "", neighbourhood: str = "", kind: str = "", tag: str = ""
) -> QuerySet[Asset]:
    """Assets still there (not lost) matching every filter given: words or a
    postcode, a neighbourhood's slug, a kind and a tag's slug."""
    assets = Asset.objects.filter(LIVE)
    words = words.strip()
    if words:
        # A postcode-looking query matches postcodes by their start.
        compact = words.upper().replace(" ", "")
        postcode = compact[:-3] + " " + compact[-3:] if len(compact) > 4 else compact
        by_postcode = assets.filter(
            Q(postcode__istartswith=words.upper()) | Q(postcode__istartswith=postcode)
        )
        assets = words_match(assets, words) | by_postcode
    if neighbourhood:
        assets = assets.filter(neighbourhoods__slug=neighbourhood)
    if kind:
        assets = assets.filter(kind=kind)
    if tag:
        assets = assets.filter(tags__slug=tag)
    return assets.distinct()
