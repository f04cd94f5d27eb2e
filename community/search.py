"""Asset search: PostgreSQL full-text search from a GIN index where the
database is PostgreSQL; a plain substring match on the embedded SQLite."""

from django.db import connection
from django.db.models import Q, QuerySet

DOCUMENT = "to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))"
INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS community_asset_search ON community_asset USING GIN ({DOCUMENT});"
)
DROP_SQL = "DROP INDEX IF EXISTS community_asset_search;"


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
