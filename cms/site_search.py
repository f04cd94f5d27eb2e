"""One search across the public site: pages, calls for partners, services,
community assets and organisations, ranked together.

Each kind is asked for its own best matches, at most as many as the page
being shown needs (so a search never counts or reads every match), and the
lists are merged by one score: the words in the title count most, then the
database's own relevance. On PostgreSQL the assets are matched with
full-text search from their GIN index (assets.selectors) and pages with
Wagtail's database search; on the embedded SQLite every word must appear in
the name or description.
"""

from dataclasses import dataclass, field
from functools import reduce
from operator import and_

from django.db import connection
from django.db.models import Case, IntegerField, Prefetch, Q, QuerySet, Value, When
from django.urls import reverse
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from wagtail.models import Page

from assets.models import Asset, AssetKind
from assets.selectors import DOCUMENT, LIVE, words_match
from cms.call_listing import opened_rounds, published_tenders, without_live_page
from cms.models import CallIndexPage, CallPage
from neighbourhoods.models import Neighbourhood
from organisations.models import Organisation

# The kinds a person can narrow the results to, in the order offered.
KINDS = {
    "services": "Service",
    "assets": "Community asset",
    "calls": "Call for partners",
    "pages": "Page",
    "organisations": "Organisation",
}
# The same kinds, as the links that narrow the results name them.
KINDS_PLURAL = {
    "services": "Services",
    "assets": "Community assets",
    "calls": "Calls for partners",
    "pages": "Pages",
    "organisations": "Organisations",
}
# Assets that are something a person takes part in or is helped by; the
# rest (buildings, green spaces, funding) are places and resources.
SERVICE_KINDS = {
    AssetKind.SERVICE,
    AssetKind.COMMUNITY_GROUP,
    AssetKind.MICRO_ENTERPRISE,
    AssetKind.VOLUNTEERING,
    AssetKind.SKILLS,
}
RESULTS_PER_PAGE = 10
# Past this, a person is better served by other words than by page 21.
MAX_PAGES = 20


@dataclass
class SearchResult:
    kind: str  # a key of KINDS
    title: str
    url: str
    summary: str = ""
    details: list[str] = field(default_factory=list)
    relevance: float = 0.0  # the database's own, from 0 to 1
    score: float = 0.0

    @property
    def kind_label(self) -> str:
        return KINDS[self.kind]


def _words(text: str) -> list[str]:
    return [word for word in text.lower().split() if word]


def _score(result: SearchResult, words: list[str], phrase: str) -> float:
    """The phrase in the title counts most, then each word in it, then the
    database's relevance (which weighs the rest of the text)."""
    title = result.title.lower()
    score = 2.0 if phrase in title else 0.0
    score += sum(word in title for word in words) / len(words)
    return score + min(result.relevance, 1.0)


def _each_word(words: list[str], *fields: str) -> Q:
    """Every word in one or other of the fields (the SQLite fallback)."""
    return reduce(
        and_,
        (reduce(lambda a, b: a | b, (Q(**{f"{f}__icontains": w}) for f in fields)) for w in words),
    )


def _title_first(things: QuerySet, title_field: str, phrase: str) -> QuerySet:
    return things.annotate(
        title_match=Case(
            When(**{f"{title_field}__icontains": phrase}, then=Value(1)),
            default=Value(0),
            output_field=IntegerField(),
        )
    )


def _assets(words: str, *, services: bool, limit: int) -> list[SearchResult]:
    kinds = Q(kind__in=SERVICE_KINDS)
    assets = Asset.objects.filter(LIVE).filter(kinds if services else ~kinds)
    if connection.vendor == "postgresql":
        assets = words_match(assets, words).extra(  # noqa: S610 - the words are a bound parameter
            select={"relevance": f"ts_rank({DOCUMENT}, plainto_tsquery('english', %s))"},
            select_params=[words],
        )
        order = ["-title_match", "-relevance", "name"]
    else:
        assets = assets.filter(_each_word(_words(words), "name", "description"))
        order = ["-title_match", "name"]
    assets = (
        _title_first(assets, "name", words)
        .order_by(*order)
        .only("pk", "name", "kind", "description", "accepts_personal_budgets")
        .prefetch_related(Prefetch("neighbourhoods", Neighbourhood.objects.only("pk", "name")))
    )
    return [
        SearchResult(
            kind="services" if services else "assets",
            title=asset.name,
            url=reverse("asset-detail", args=[asset.pk]),
            summary=Truncator(asset.description).words(30),
            details=[asset.get_kind_display(), *(n.name for n in asset.neighbourhoods.all())]
            + (["Accepts personal budgets"] if asset.accepts_personal_budgets else []),
            relevance=getattr(asset, "relevance", 0.0) or 0.0,
        )
        for asset in assets[:limit]
    ]


def _pages(words: str, *, calls: bool, limit: int, request) -> list[SearchResult]:
    pages = Page.objects.live().public()
    pages = pages.type(CallPage) if calls else pages.not_type(CallPage).exclude(depth__lte=1)
    found = pages.specific().search(words).annotate_score("relevance")[:limit]
    return [
        SearchResult(
            kind="calls" if calls else "pages",
            title=page.title,
            url=page.get_url(request),
            summary=page.search_description
            or Truncator(strip_tags(str(getattr(page, "intro", "") or ""))).words(30),
            relevance=(page.relevance or 0.0) / 10,
        )
        for page in found
    ]


def _record_calls(words: str, *, limit: int) -> list[SearchResult]:
    """Published tenders and opened rounds no editor's page tells: they
    have a page generated from their record under "Calls for partners"."""
    index = CallIndexPage.objects.live().public().first()
    if index is None:
        return []
    terms = _words(words)
    found = []
    for kind, records in (
        ("tender", without_live_page(published_tenders())),
        ("round", without_live_page(opened_rounds(timezone.now()))),
    ):
        for record in records.filter(_each_word(terms, "title")).order_by("title")[:limit]:
            details = ["Tender" if kind == "tender" else "Grant round"]
            found.append(
                SearchResult("calls", record.title, index.record_url(kind, record.pk), "", details)
            )
    return found


def _organisations(words: str, *, limit: int) -> list[SearchResult]:
    organisations = (
        _title_first(Organisation.objects.filter(_each_word(_words(words), "name")), "name", words)
        .order_by("-title_match", "name")
        .only("pk", "name", "legal_form", "website")
        .prefetch_related(
            Prefetch("neighbourhoods", Neighbourhood.objects.only("pk", "name", "slug"))
        )
    )
    results = []
    for organisation in organisations[:limit]:
        places = list(organisation.neighbourhoods.all())
        # No page of its own: its website, or the neighbourhood page that lists it.
        url = organisation.website or (
            reverse("neighbourhood-detail", args=[places[0].slug]) + "#organisations"
            if places
            else ""
        )
        if not url:
            continue
        results.append(
            SearchResult(
                "organisations",
                organisation.name,
                url,
                "",
                [organisation.get_legal_form_display(), *(f"Serves {p.name}" for p in places)],
            )
        )
    return results


def site_search(words: str, *, kind: str = "", page: int = 1, request=None):
    """The results for one page of a search, best first, and whether there
    is a next page. `kind` narrows to one of KINDS."""
    words = words.strip()
    terms = _words(words)
    if not terms:
        return [], False
    page = max(1, min(page, MAX_PAGES))
    # Enough of each kind to fill this page and to tell whether one follows.
    limit = page * RESULTS_PER_PAGE + 1
    wanted = set(KINDS) if kind not in KINDS else {kind}
    results = []
    if "services" in wanted:
        results += _assets(words, services=True, limit=limit)
    if "assets" in wanted:
        results += _assets(words, services=False, limit=limit)
    if "calls" in wanted:
        results += _pages(words, calls=True, limit=limit, request=request)
        results += _record_calls(words, limit=limit)
    if "pages" in wanted:
        results += _pages(words, calls=False, limit=limit, request=request)
    if "organisations" in wanted:
        results += _organisations(words, limit=limit)
    order = list(KINDS)
    phrase = " ".join(terms)
    for result in results:
        result.score = _score(result, terms, phrase)
    results.sort(key=lambda r: (-r.score, order.index(r.kind), r.title.lower()))
    start = (page - 1) * RESULTS_PER_PAGE
    shown = results[start : start + RESULTS_PER_PAGE]
    return shown, len(results) > start + RESULTS_PER_PAGE and page < MAX_PAGES
