"""The heaviest work pages kept, per person, in the shared cache until
anything is written to the database.

The ranking of a call of 200 bids, its moderation sheet, a panel member's
list of 200 submissions and the application list of a round of 2,000 are
read far more often than anything under them changes. Each of those views
checks who is asking exactly as before, then asks `page()` for the page:
stored, it is sent as it was drawn for this person; otherwise it is drawn
and stored.

What is stored is never trusted past a change:

- **Any write.** Every INSERT, UPDATE or DELETE the site makes, through
  the ORM or not, `save()` or `update()`, in a web process or a worker,
  moves one generation on (a database execute wrapper, so no model, bulk
  write or raw statement can be forgotten), and a page of an older
  generation is drawn afresh. The move happens at once, for what the same
  transaction draws next, and again once the transaction commits, because
  meanwhile another request may have stored a page drawn from what was
  committed before. Only bookkeeping that no cached
  page shows is left out (BOOKKEEPING).
- **The clock.** A view whose page changes as time passes (a deadline, an
  overdue return) says until when it holds (`response.holds_until`); no
  page is kept longer than WORK_PAGE_CACHE["SECONDS"] in any case.
- **The release.** The key holds a fingerprint of the code, templates and
  static manifest, so a page drawn by the release before is never sent by
  this one.
- **The person and the session.** The key holds the person and the
  session's CSRF secret, so a page, with the tokens of its forms, only
  ever goes back to the browser it was drawn for; a new sign-in rotates
  the secret and starts afresh.

A page is neither served nor stored while messages wait to be shown, for
anything but a 200 GET, or when drawing it set a cookie.
"""

import functools
import hashlib
import logging
import os
import re
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.contrib.messages import get_messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils import timezone

from foundation import generations

logger = logging.getLogger(__name__)

GENERATION_KEY = "work-pages:generation"
PAGE_KEY = "work-pages:page:{}"
WRITE = re.compile(r'^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?([\w.]+)"?', re.IGNORECASE)
# Written as people browse or as the worker sends, and shown on no cached
# page: the sessions (when in the database), the sign-in throttle's
# records, API tokens' last use, the outbox and the reminder sweep.
BOOKKEEPING = frozenset(
    {
        "django_session",
        "axes_accessattempt",
        "axes_accesslog",
        "axes_accessfailurelog",
        "api_apitoken",
        "foundation_outgoingemail",
        "reminders_reminder",
        "django_celery_beat_periodictask",
        "django_celery_beat_periodictasks",
    }
)


def _config() -> dict:
    return {"ENABLED": True, "SECONDS": 600} | getattr(settings, "WORK_PAGE_CACHE", {})


# --- Any write moves the generation on ---------------------------------------


def next_generation() -> None:
    # The write itself stands; pages stored before it lapse within
    # WORK_PAGE_CACHE["SECONDS"] if the cache cannot be reached.
    generations.move_on(GENERATION_KEY, "The work pages")


def _writes_shown(sql: str) -> bool:
    found = WRITE.match(sql)
    return found is not None and found[1].rsplit(".", 1)[-1] not in BOOKKEEPING


class _WriteWatcher:
    """The execute wrapper installed on every database connection."""

    def __init__(self, connection):
        self.connection = connection

    def __call__(self, execute, sql, params, many, context):
        result = execute(sql, params, many, context)
        if _writes_shown(sql):
            self.written()
        return result

    def written(self) -> None:
        # At once, for what this same transaction draws next; and once more
        # at its commit, for what other requests drew meanwhile from what
        # was committed before.
        next_generation()
        connection = self.connection
        if connection.in_atomic_block and not any(
            func is next_generation for _, func, _ in connection.run_on_commit
        ):
            connection.on_commit(next_generation)


def watch_writes(sender, connection, **kwargs) -> None:
    """`connection_created`: watch each new connection's statements."""
    if not any(isinstance(w, _WriteWatcher) for w in connection.execute_wrappers):
        connection.execute_wrappers.append(_WriteWatcher(connection))


# --- Pages kept per person -----------------------------------------------------


def _generation() -> int:
    return generations.current(GENERATION_KEY)


def _messages_waiting(request) -> bool:
    return len(get_messages(request)) > 0  # loads them; shows none


def _usable(request) -> bool:
    return (
        _config()["ENABLED"]
        and request.method in ("GET", "HEAD")
        and request.user.is_authenticated
        and not _messages_waiting(request)
    )


# Folders holding no code or template of the site's own.
NOT_THE_RELEASE = {"node_modules", "var", "tests", "benchmarks", "media", "frontend"}


@functools.cache
def release() -> str:
    """A fingerprint of the running code: every Python file and template
    (name, size and time written), and the static files' manifest."""
    digest = hashlib.sha256()
    root = Path(settings.BASE_DIR)
    for folder, folders, files in os.walk(root):
        folders[:] = sorted(
            f for f in folders if not f.startswith(".") and f not in NOT_THE_RELEASE
        )
        for name in sorted(files):
            if name.endswith((".py", ".html", ".txt")):
                path = Path(folder, name)
                found = path.stat()
                digest.update(
                    f"{path.relative_to(root)}|{found.st_size}|{found.st_mtime_ns}\n".encode()
                )
    manifest = Path(settings.STATIC_ROOT or root, "staticfiles.json")
    if manifest.exists():
        digest.update(manifest.read_bytes())
    return digest.hexdigest()[:16]


def _key(request, secret: str) -> str:
    wanted = "|".join((release(), str(request.user.pk), secret, request.get_full_path()))
    return PAGE_KEY.format(hashlib.sha256(wanted.encode()).hexdigest())


def _sets_no_cookie(response, secret: str) -> bool:
    """Django sends the CSRF cookie again with every page that holds a
    token, to renew it; that alone changes nothing."""
    return all(
        name == settings.CSRF_COOKIE_NAME and morsel.value == secret
        for name, morsel in response.cookies.items()
    )


def _storable(request, response, secret: str) -> bool:
    return (
        response.status_code == 200
        and _sets_no_cookie(response, secret)
        and not getattr(response, "streaming", False)
        and not _messages_waiting(request)
    )


def page(request, draw) -> HttpResponse:
    """The page `draw()` answers, from the cache when it still holds.

    Call it only once the view has checked who is asking: what it keeps is
    the page as drawn for this person, not the right to see it."""
    if not _usable(request):
        return draw()
    # No CSRF cookie yet (the first page after signing in elsewhere): the
    # page is drawn, and stored under the secret it sends the browser.
    secret = request.META.get("CSRF_COOKIE") or ""
    key = _key(request, secret)
    try:
        found = cache.get_many([GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or _generation()
    except Exception:
        logger.error("The work pages' cache could not be read", exc_info=True)
        return draw()
    now = timezone.now()
    stored = found.get(key) if secret else None
    if stored and stored["generation"] == generation and now < stored["until"]:
        # The page holds this session's CSRF tokens: marked as drawing one,
        # so it is sent uncompressed (foundation.compression) and the
        # cookie renewed, as when it was drawn.
        get_token(request)
        return HttpResponse(stored["content"], content_type=stored["content_type"])
    response = draw()
    if not secret:
        secret = request.META.get("CSRF_COOKIE") or ""
        key = _key(request, secret)
    if secret and _storable(request, response, secret):
        longest = now + timedelta(seconds=_config()["SECONDS"])
        until = min(getattr(response, "holds_until", None) or longest, longest)
        entry = {
            "generation": generation,
            "until": until,
            "content": response.content,
            "content_type": response["Content-Type"],
        }
        try:
            cache.set(key, entry, timeout=max(1, int((until - now).total_seconds())))
        except Exception:
            logger.error("A work page could not be stored", exc_info=True)
    return response
