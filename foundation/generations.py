"""Generations in the shared cache: a number kept under a key, moved on
whenever what was stored under the old number may no longer hold.

A cache keeps what it stores beside the generation it was stored under
(the public pages, the work pages, each person's permissions) and uses it
only while that is still the current one: moving the generation on sets
everything stored before aside at once, in every process and on every
machine sharing the cache, without finding and deleting each entry.
"""

import logging

from django.core.cache import cache
from django.utils import timezone

logger = logging.getLogger(__name__)


def _fresh() -> int:
    # Any new number will do; a time never repeats one used before an
    # eviction or a restart of the cache.
    return int(timezone.now().timestamp() * 1000)


def current(key: str) -> int:
    generation = cache.get(key)
    if generation is None:
        cache.add(key, _fresh(), timeout=None)
        generation = cache.get(key, _fresh())
    return generation


def move_on(key: str, what: str) -> None:
    """Never raises: the change that asked for it stands regardless, and
    what was stored lapses on its own timeout. `what` names it in the log."""
    try:
        try:
            cache.incr(key)
        except ValueError:  # not there yet (or evicted)
            cache.set(key, _fresh(), timeout=None)
    except Exception:
        logger.error("%s could not be set aside", what, exc_info=True)
