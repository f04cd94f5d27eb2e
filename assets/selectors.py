"""Asset search: PostgreSQL full-text search from a GIN index where the
database is PostgreSQL; a plain substring match on the embedded SQLite.

`assets_find` is the one query behind the directory's list and its map, so
the markers are always the assets listed beside them."""

from django.db import connection
from django.db.models import Exists, OuterRef, Q, QuerySet
from django.utils.dateparse import parse_datetime

from assets.models import Asset, AssetKind, AssetStatus
from assets.models.assets import MICRO_FORMS

DOCUMENT = "to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))"
INDEX_SQL = (
    f"CREATE INDEX IF NOT EXISTS assets_asset_search ON assets_asset USING GIN ({DOCUMENT});"
)
DROP_SQL = "DROP INDEX IF EXISTS assets_asset_search;"
# Django's `istartswith` compares UPPER(postcode::text) with LIKE; the
# pattern operator class lets that use the index whatever the collation, so
# the words branch and the postcode branch are both answered from an index
# (a bitmap OR) instead of one of them forcing a read of every row.
POSTCODE_INDEX_SQL = (
    "CREATE INDEX IF NOT EXISTS assets_asset_postcode_start "
    "ON assets_asset (UPPER(postcode::text) text_pattern_ops);"
)
POSTCODE_DROP_SQL = "DROP INDEX IF EXISTS assets_asset_postcode_start;"
LIVE = ~Q(status=AssetStatus.LOST)


def search_index_install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(INDEX_SQL)


def search_index_remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(DROP_SQL)


def postcode_index_install(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTCODE_INDEX_SQL)


def postcode_index_remove(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(POSTCODE_DROP_SQL)


def words_match(assets: QuerySet, words: str) -> QuerySet:
    """Assets whose name or description hold the words."""
    if connection.vendor == "postgresql":
        # The same expression as the index, so PostgreSQL answers from it.
        return assets.extra(  # noqa: S610 - the words are a bound parameter
            where=[f"{DOCUMENT} @@ plainto_tsquery('english', %s)"], params=[words]
        )
    return assets.filter(Q(name__icontains=words) | Q(description__icontains=words))


def _like_start(text: str) -> str:
    """A LIKE pattern for values starting with `text`, its wildcards escaped."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def words_or_postcode(assets: QuerySet, words: str) -> QuerySet:
    """Assets whose name or description hold the words, or whose postcode
    starts with them (typed with or without its space)."""
    upper = words.upper()
    compact = upper.replace(" ", "")
    postcode = compact[:-3] + " " + compact[-3:] if len(compact) > 4 else compact
    if connection.vendor == "postgresql":
        # Each branch alone, as the very expression of its index (the words'
        # GIN index, the postcode's pattern index), then the union of the two
        # lists of ids. In one OR the planner reads both indexes but, unable
        # to prove the LIKE answered by the index, computes to_tsvector again
        # for every row found: 60 ms for "food" at 20,000 assets.
        by_words = words_match(Asset.objects.order_by(), words).values("pk")
        by_postcode = (
            Asset.objects.order_by()
            .extra(
                where=["UPPER(postcode::text) LIKE %s OR UPPER(postcode::text) LIKE %s"],
                params=[_like_start(upper), _like_start(postcode)],
            )
            .values("pk")
        )
        return assets.filter(pk__in=by_words.union(by_postcode))
    return assets.filter(
        Q(name__icontains=words)
        | Q(description__icontains=words)
        | Q(postcode__istartswith=upper)
        | Q(postcode__istartswith=postcode)
    )


def asset_filters(params) -> dict:
    """`assets_find`'s arguments from a query string (the directory's form)."""
    return {
        "words": params.get("q", "").strip(),
        "neighbourhood": params.get("neighbourhood", ""),
        "kind": params.get("kind", ""),
        "tag": params.get("tag", ""),
        "budgets": bool(params.get("budgets")),
        "micro": bool(params.get("micro")),
    }


def assets_find(
    *,
    words: str = "",
    neighbourhood: str = "",
    kind: str = "",
    tag: str = "",
    budgets: bool = False,
    micro: bool = False,
) -> QuerySet[Asset]:
    """Assets still there (not lost) matching every filter given: words or a
    postcode, a neighbourhood's slug, a kind and a tag's slug; with
    `budgets` only those accepting personal budgets or direct payments, with
    `micro` only micro-enterprises' offers."""
    assets = Asset.objects.filter(LIVE)
    words = words.strip()
    if words:
        assets = words_or_postcode(assets, words)
    # EXISTS rather than joins: a join to a many-to-many table repeats an
    # asset once per match, and the DISTINCT that removes the repeats sorts
    # every wide row the filters let through.
    if neighbourhood:
        places = Asset.neighbourhoods.through.objects.filter(
            asset_id=OuterRef("pk"), neighbourhood__slug=neighbourhood
        )
        assets = assets.filter(Exists(places))
    if kind:
        assets = assets.filter(kind=kind)
    if budgets:
        assets = assets.filter(accepts_personal_budgets=True)
    if micro:
        assets = assets.filter(
            Q(kind=AssetKind.MICRO_ENTERPRISE) | Q(organisation__legal_form__in=MICRO_FORMS)
        )
    if tag:
        tagged = Asset.tags.through.objects.filter(
            object_id=OuterRef("pk"),
            content_type__app_label="assets",
            content_type__model="asset",
            tag__slug=tag,
        )
        assets = assets.filter(Exists(tagged))
    return assets


def assets_fingerprint() -> tuple:
    """What changes whenever anything the public sees of any asset changes:
    how many assets and links to neighbourhoods there are, and the newest
    `updated` (which `assets.freshness` keeps true for links and names).
    One query, from indexes."""
    assets = Asset._meta.db_table
    links = Asset.neighbourhoods.through._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {assets}), (SELECT MAX(updated) FROM {assets}), "  # noqa: S608 - table names from the models
            f"(SELECT COUNT(*) FROM {links})"
        )
        count, newest, link_count = cursor.fetchone()
    if isinstance(newest, str):  # SQLite answers a raw MAX() as text
        newest = parse_datetime(newest)
    return count, newest, link_count
