"""Settings meet the fetching layer: the one place that turns TOUCHLINE_FETCH_* into fetch() arguments."""

from __future__ import annotations

import contextlib
import os
import threading
from urllib.parse import urlsplit

from django.conf import settings

from rumours.fetching.errors import TransportError
from rumours.fetching.guard import IPPolicy, resolve_public
from rumours.fetching.http import FetchResult, fetch
from rumours.fetching.limits import FetchLimits
from rumours.fetching.transport import GuardedClient, build_client
from rumours.fetching.urls import DEFAULT_PORTS, validate_fetch_url


def fetch_limits() -> FetchLimits:
    timeout = float(settings.TOUCHLINE_FETCH_TIMEOUT)
    return FetchLimits(
        connect_timeout=min(5.0, timeout),
        read_timeout=timeout,
        # The whole fetch, redirects included; the task's soft time limit is the backstop behind it.
        total_deadline=float(getattr(settings, "TOUCHLINE_FETCH_DEADLINE", 3 * timeout)),
        max_bytes=settings.TOUCHLINE_FETCH_MAX_BYTES,
    )


_local = threading.local()


def reset_clients() -> None:
    """Drop this thread's clients (after a time limit interrupted a fetch, their pool may be half-used)."""
    _local.__dict__.clear()


# A forked worker process must not share its parent's sockets.
os.register_at_fork(after_in_child=reset_clients)


def _client(limits: FetchLimits) -> GuardedClient:
    """One guarded client per thread and limits: building one costs ~30 ms (its TLS context)."""
    clients = _local.__dict__.setdefault("clients", {})
    if limits not in clients:
        clients[limits] = build_client(limits)
    return clients[limits]


def http_get(url: str, *, etag: str = "", last_modified: str = "") -> FetchResult:
    """fetch() with the project's limits and address guard. Raises FetchError subclasses only."""
    limits = fetch_limits()
    return fetch(
        url,
        etag=etag,
        last_modified=last_modified,
        client=_client(limits),
        limits=limits,
        allow_private=settings.TOUCHLINE_FETCH_ALLOW_PRIVATE,
        ip_policy=ip_policy(),
    )


def ip_policy() -> IPPolicy | None:
    """An optional `TOUCHLINE_FETCH_IP_POLICY(ip) -> bool` replacing "is public" (an allow-listed mirror,
    or tests that treat a second loopback address as the internet); None means the guard's own rule."""
    return getattr(settings, "TOUCHLINE_FETCH_IP_POLICY", None)


def check_url(url: str) -> str:
    """Refuse a URL a user typed before anything is stored: bad scheme, or a host with a non-public address.

    Raises BlockedAddress with a sentence for the user. A host that does not resolve right now is let through:
    the fetch decides, and records why it failed.
    """
    url = validate_fetch_url(url)
    parts = urlsplit(url)
    with contextlib.suppress(TransportError):
        resolve_public(
            parts.hostname or "",
            parts.port or DEFAULT_PORTS[parts.scheme.lower()],
            allow_private=settings.TOUCHLINE_FETCH_ALLOW_PRIVATE,
            ip_policy=ip_policy(),
        )
    return url
