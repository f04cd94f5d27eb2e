"""Public pages served from a shared cache (Redis in production, the local
memory cache embedded).

Only a visitor who is not signed in is ever answered from it: a request
carrying a session or messages cookie goes past it untouched, and a page is
stored only when it is a GET answered 200 by a view named public (settings
PUBLIC_PAGE_CACHE["URL_NAMES"]), set no cookie (so no CSRF token and no
session were used while drawing it) and said nothing against caching.

What a page shows changes in two ways, and both take it out of the cache:

- someone changes something (a page published, an asset edited, a round
  awarded): the app that owns it calls `public_pages_changed()`, once the
  change is committed, which moves the cache's generation on so every
  stored page is left behind;
- time passes a deadline with nobody acting (a round opens or closes): apps
  register a `boundary` function answering the next such moment, and a
  stored page is served only until then.

Each stored page also lapses after PUBLIC_PAGE_CACHE["SECONDS"] at most.
"""

import hashlib
import logging
from collections.abc import Callable
from datetime import datetime, timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpResponse
from django.utils import timezone
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers

from foundation import generations

logger = logging.getLogger(__name__)

GENERATION_KEY = "public-pages:generation"
BOUNDARY_KEY = "public-pages:boundary:{}"
PAGE_KEY = "public-pages:{}:{}"
# What a browser or a shared proxy may do with a public page: keep it a
# minute, then ask again with its ETag. Vary: Cookie keeps a signed-in
# person's page apart from it.
PUBLIC_CACHE_CONTROL = {"public": True, "max_age": 60}
ACCEPTS_GZIP = "gzip"
# Headers a stored page keeps; the security headers are added afresh by the
# middleware above this one on every answer.
KEPT_HEADERS = (
    "Content-Type",
    "Content-Encoding",
    "Content-Language",
    "ETag",
    "Last-Modified",
    "Vary",
    "Access-Control-Allow-Origin",
    "Link",
    "X-Frame-Options",
)

_boundaries: list[Callable[[datetime], datetime | None]] = []


def _config() -> dict:
    return {"ENABLED": True, "SECONDS": 600, "URL_NAMES": ()} | getattr(
        settings, "PUBLIC_PAGE_CACHE", {}
    )


def boundary(function: Callable[[datetime], datetime | None]):
    """Register `function(now)`, answering the next moment after `now` at
    which some public page changes by itself (a deadline), or None."""
    _boundaries.append(function)
    return function


def public_pages_changed() -> None:
    """Leave every stored public page behind, once the change in hand is
    committed (before then a visitor would store the old page again)."""
    transaction.on_commit(_next_generation)


def _next_generation() -> None:
    # Pages stored before lapse within PUBLIC_PAGE_CACHE["SECONDS"] even if
    # the cache cannot be reached.
    generations.move_on(GENERATION_KEY, "The public pages")


def _generation() -> int:
    return generations.current(GENERATION_KEY)


def next_boundary(now: datetime) -> datetime:
    """The soonest of the registered deadlines after `now`, or the longest
    a page is kept, whichever comes first."""
    latest = now + timedelta(seconds=_config()["SECONDS"])
    found = [moment for function in _boundaries if (moment := function(now)) is not None]
    return min([moment for moment in found if moment > now] + [latest])


def _valid_until(generation: int, now: datetime) -> datetime:
    """The next boundary, worked out once per generation and again only when
    it has passed, so storing a page seldom costs a query."""
    key = BOUNDARY_KEY.format(generation)
    until = cache.get(key)
    if until is None or until <= now:
        until = next_boundary(now)
        cache.set(key, until, timeout=_config()["SECONDS"])
    return until


def _page_key(request, generation: int) -> str:
    gzip = ACCEPTS_GZIP in request.headers.get("Accept-Encoding", "")
    wanted = f"{request.get_host()}|{request.get_full_path()}|{'gzip' if gzip else 'identity'}"
    return PAGE_KEY.format(generation, hashlib.sha256(wanted.encode()).hexdigest())


def _anonymous(request) -> bool:
    """No sign-in and no message can be behind a request without these
    cookies; any other cookie does not change what a page shows."""
    return (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
        and getattr(settings, "MESSAGE_COOKIE_NAME", "messages") not in request.COOKIES
    )


class PublicPageCacheMiddleware:
    """Sits above the session, CSRF and authentication middleware, so an
    answer from the cache costs two cache reads and nothing else."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        config = _config()
        if not config["ENABLED"] or request.method != "GET" or not _anonymous(request):
            response = self.get_response(request)
            return self._private(request, response)
        now = timezone.now()
        try:
            generation = _generation()
            key = _page_key(request, generation)
            stored = cache.get(key)
        except Exception:
            # The cache down is no reason to refuse a page: draw it afresh
            # (/health/ reports the cache).
            logger.warning("The public page cache is unavailable", exc_info=True)
            return self.get_response(request)
        if stored is not None and stored["until"] > now:
            return self._from_store(request, stored)
        response = self.get_response(request)
        if self._storable(request, response, config):
            patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
            patch_vary_headers(response, ["Cookie"])
            try:
                until = _valid_until(generation, now)
                timeout = max(1, int((until - now).total_seconds()))
                cache.set(key, self._stored(response, until), timeout=timeout)
            except Exception:
                logger.warning("The public page cache is unavailable", exc_info=True)
            response["X-Public-Cache"] = "miss"
        return self._private(request, response)

    def _storable(self, request, response, config) -> bool:
        match = getattr(request, "resolver_match", None)
        return (
            response.status_code == 200
            and not response.streaming
            and not response.cookies
            and match is not None
            and match.url_name in config["URL_NAMES"]
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )

    @staticmethod
    def _stored(response, until) -> dict:
        return {
            "until": until,
            "content": response.content,
            "headers": {h: response[h] for h in KEPT_HEADERS if response.has_header(h)},
        }

    @staticmethod
    def _from_store(request, stored) -> HttpResponse:
        headers = stored["headers"]
        not_modified = get_conditional_response(
            request, etag=headers.get("ETag"), last_modified=None
        )
        response = not_modified or HttpResponse(stored["content"])
        for header, value in headers.items():
            if not_modified is None or header != "Content-Type":
                response[header] = value
        if not_modified is None:
            response["Content-Length"] = str(len(stored["content"]))
        patch_cache_control(response, **PUBLIC_CACHE_CONTROL)
        response["X-Public-Cache"] = "hit"
        return response

    @staticmethod
    def _private(request, response):
        """A page for someone signed in (or holding a session) is theirs
        alone: no shared proxy keeps it, whatever the view forgot to say."""
        if not _anonymous(request) and not response.has_header("Cache-Control"):
            patch_cache_control(response, private=True, no_cache=True)
        return response
