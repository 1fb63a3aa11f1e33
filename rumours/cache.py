"""Versioned cache keys for reader pages: what changes only when evidence arrives is rendered once a version.

How it works. Every cached page fragment's key contains a version number read from the cache:

- one version per player (the player page, its timeline pages, the player's API detail), and
- one site-wide version (home, club, article and source pages, lists, feeds), because those pages show
  many players at once.

Nothing is ever deleted: bumping a version makes the old keys unreachable and they expire on their own
(``PAGE_CACHE_SECONDS``). A version that is missing from the cache (a cold or flushed cache, an eviction) is
re-created from the clock rather than from 1, so an evicted version can never point back at old fragments.

FOR COLLEAGUES WHO WRITE SERVICES (linking, scoring, curation, imports). After a transaction that changes
what a reader sees about a player - a new or changed Rumour, Mention, Injury or Contract, a curator's
approve / reject / merge / stage fix, a rescore, an alias or name change - call, once it has committed::

    from rumours.cache import bump_player
    transaction.on_commit(lambda: bump_player(player.pk))

``bump_player`` also bumps the site-wide version, so the lists that show the player are refreshed too. A
change that touches no particular player (a club or source renamed, a source's tier or track record updated)
calls ``bump_site()``. Both are cheap (one cache INCR each) and safe to call more than once. Call them
explicitly from the service - never from ``save()`` or a signal (STYLE.md) - and after commit, or a reader
could cache the old rows under the new version.

With REDIS_URL set the cache is shared by every process, so a bump made by a Celery worker is seen by every
web process at once. Without it (local-memory cache, development) each process has its own versions;
fragments then still expire after PAGE_CACHE_SECONDS, which bounds how stale a page can be.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache

KEY_PREFIX = "touchline:pages:v1"
SITE_VERSION_KEY = f"{KEY_PREFIX}:version:site"


# How long a page may go on using a player's row (id, last edit, merge) without reading it again; any bump
# refreshes it sooner. Only an edit that bypasses the services waits this long.
PLAYER_LOOKUP_SECONDS = 60


def page_cache_seconds() -> int:
    return int(getattr(settings, "TOUCHLINE_PAGE_CACHE_SECONDS", 600))


def _player_version_key(player_id: int) -> str:
    return f"{KEY_PREFIX}:version:player:{player_id}"


def _fresh_version() -> int:
    # Microseconds since the epoch: larger than any version handed out before a flush, so a re-created version
    # never collides with fragments cached under an earlier one.
    return time.time_ns() // 1000


def _bump(key: str) -> int:
    try:
        return cache.incr(key)
    except ValueError:
        # Missing (never set, evicted or flushed): start a new, never-used number.
        version = _fresh_version()
        cache.set(key, version, timeout=None)
        return version


def bump_site() -> int:
    """Invalidate every site-wide fragment (home, clubs, articles, sources, lists, feeds)."""
    return _bump(SITE_VERSION_KEY)


def bump_player(player_id: int) -> int:
    """Invalidate everything cached about one player, and the site-wide lists that show players."""
    bump_site()
    return _bump(_player_version_key(player_id))


def _versions(keys: list[str]) -> list[int]:
    found = cache.get_many(keys)
    missing = {key: _fresh_version() for key in keys if key not in found}
    for key, version in missing.items():
        # add() keeps a version another process set in the meantime; then read what won.
        if not cache.add(key, version, timeout=None):
            missing[key] = cache.get(key, version)
    return [found.get(key, missing.get(key)) for key in keys]


def site_version() -> int:
    return _versions([SITE_VERSION_KEY])[0]


def player_version(player_id: int) -> int:
    return _versions([_player_version_key(player_id)])[0]


def fragment_key(kind: str, *parts: object) -> str:
    """A cache key from a page kind and the things it depends on (ids, versions, filters, the day)."""
    return ":".join([KEY_PREFIX, kind, *(str(part) for part in parts)])


def cached(key: str, build: Callable[[], str]) -> str:
    """The cached string under `key`, built and stored on a miss."""
    value = cache.get(key)
    if value is None:
        value = build()
        cache.set(key, value, timeout=page_cache_seconds())
    return value
