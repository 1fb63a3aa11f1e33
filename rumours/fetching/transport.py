"""An httpx transport that connects only to addresses the guard approved, and never past the total deadline.

Why a network backend rather than rewriting the URL to the IP: httpcore's `NetworkBackend.connect_tcp(host,
port)` is the one place every TCP connection is made. Swapping the host for the pinned IP there leaves the URL
untouched, so the Host header, TLS SNI, certificate verification and connection-pool keys all keep the real
hostname, and a host nobody vetted cannot be connected to at all (it fails closed). The same wrapper bounds
every socket read and write by the time left before the fetch's deadline, which per-operation timeouts cannot
do (a server that drips one byte per second never trips a 10 s read timeout).
"""

from __future__ import annotations

import contextlib
import contextvars
import ssl
import time
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import httpcore
import httpx

from .limits import FetchLimits


@dataclass
class FetchScope:
    """What one `fetch()` call allows: the vetted address of each (host, port), and the wall-clock
    deadline."""

    deadline: float
    pins: dict[tuple[str, int], str] = field(default_factory=dict)

    def remaining(self) -> float:
        return self.deadline - time.monotonic()

    def clamp(self, timeout: float | None) -> float:
        remaining = self.remaining()
        return remaining if timeout is None else min(timeout, remaining)


# A context variable rather than transport state: a client may be reused by fetches one after another, and
# each brings its own pins and deadline (sync httpx runs in the caller's thread and context).
_scope: contextvars.ContextVar[FetchScope | None] = contextvars.ContextVar("fetch_scope", default=None)


@contextlib.contextmanager
def fetch_scope(scope: FetchScope) -> Iterator[FetchScope]:
    token = _scope.set(scope)
    try:
        yield scope
    finally:
        _scope.reset(token)


def _current_scope() -> FetchScope:
    scope = _scope.get()
    if scope is None:
        raise httpcore.ConnectError("Guarded transport used outside fetch(): no address has been vetted.")
    return scope


def _bounded(timeout: float | None, exc_class: type[Exception]) -> float:
    left = _current_scope().clamp(timeout)
    if left <= 0:
        raise exc_class("Total deadline of the fetch reached.")
    return left


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _bounded(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _bounded(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self, ssl_context: ssl.SSLContext, server_hostname: str | None = None, timeout: float | None = None
    ) -> httpcore.NetworkStream:
        tls = self._stream.start_tls(ssl_context, server_hostname, _bounded(timeout, httpcore.ConnectTimeout))
        return _DeadlineStream(tls)

    def get_extra_info(self, info: str) -> typing.Any:
        return self._stream.get_extra_info(info)


class PinnedBackend(httpcore.NetworkBackend):
    """Connects to the IP the guard pinned for (host, port) in the current fetch scope, and to nothing
    else."""

    def __init__(self) -> None:
        self._backend = httpcore.SyncBackend()

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        ip = _current_scope().pins.get((host.lower(), port))
        if ip is None:
            raise httpcore.ConnectError(f"No vetted address for {host}:{port}; refusing to connect.")
        stream = self._backend.connect_tcp(
            ip, port, _bounded(timeout, httpcore.ConnectTimeout), local_address, socket_options
        )
        return _DeadlineStream(stream)

    def connect_unix_socket(
        self,
        path: str,
        timeout: float | None = None,
        socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
    ) -> httpcore.NetworkStream:
        raise httpcore.ConnectError("Unix sockets are never fetched.")

    def sleep(self, seconds: float) -> None:
        time.sleep(seconds)


class GuardedTransport(httpx.HTTPTransport):
    def __init__(self, *, max_connections: int = 10, verify: ssl.SSLContext | bool = True) -> None:
        super().__init__(trust_env=False)
        # httpx.HTTPTransport takes no network backend, so its pool is rebuilt around ours. Everything else
        # (request mapping, exception mapping) stays httpx's own. If a future httpx stopped routing through
        # `_pool`, the pinning tests would fail: connections would go to the resolver's answer, not the pin.
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(verify=verify, trust_env=False),
            max_connections=max_connections,
            max_keepalive_connections=max_connections,
            keepalive_expiry=5.0,
            network_backend=PinnedBackend(),
        )


class GuardedClient(httpx.Client):
    """An httpx.Client whose every connection goes through the address guard. Build it with `build_client`."""


def build_client(limits: FetchLimits | None = None, *, verify: ssl.SSLContext | bool = True) -> GuardedClient:
    """A client to reuse across fetches (keep-alive). Not for sharing between threads.

    `verify`: as httpx's (an SSLContext); tests pass one that trusts their own CA.
    """
    limits = limits or FetchLimits()
    return GuardedClient(
        transport=GuardedTransport(verify=verify),
        # Proxies from the environment would receive the pinned request and connect wherever they like.
        trust_env=False,
        follow_redirects=False,
        timeout=httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout),
        headers={"User-Agent": limits.user_agent},
    )
