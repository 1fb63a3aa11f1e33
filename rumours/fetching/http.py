"""fetch(): one guarded HTTP GET with conditional headers, manual redirects, size and time budgets.

The rules follow Miniflux and NewsBlur, the most trusted feed fetchers: a clear User-Agent, validators sent, a
bounded body, a bounded redirect chain with every hop checked, and errors sorted into transient (retry with
backoff) and permanent (record and stop).
"""

from __future__ import annotations

import email.utils
import random
import ssl
import time
import zlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import httpx

from .errors import (
    BlockedAddress,
    ContentDecodingError,
    FetchError,
    FetchTimeout,
    HTTPStatusError,
    ResponseTooLarge,
    TooManyRedirects,
    TransportError,
)
from .guard import IPPolicy, Resolver, resolve_public
from .limits import FetchLimits
from .transport import FetchScope, GuardedClient, build_client, fetch_scope
from .urls import DEFAULT_PORTS, validate_fetch_url

DEFAULT_LIMITS = FetchLimits()
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})
# Only what we can decode with a bounded output buffer (zlib's max_length). No br/zstd: not installed
# everywhere, and a server that sends them unasked gets a clear ContentDecodingError.
ACCEPT_ENCODING = "gzip, deflate"


@dataclass
class FetchResult:
    url: str  # as requested
    final_url: str  # after redirects
    status: int
    headers: dict[str, str] = field(repr=False)  # lower-cased names
    body: bytes = field(repr=False)  # decoded (Content-Encoding undone); empty when not_modified
    encoding: str | None  # charset from Content-Type, if any
    etag: str
    last_modified: str
    not_modified: bool


def fetch(
    url: str,
    *,
    etag: str = "",
    last_modified: str = "",
    limits: FetchLimits = DEFAULT_LIMITS,
    allow_private: bool = False,
    resolver: Resolver | None = None,
    ip_policy: IPPolicy | None = None,
    client: httpx.Client | None = None,
) -> FetchResult:
    """GET `url` within `limits`, or raise a `FetchError` subclass (never an httpx or socket exception).

    `client`: a client from `build_client()` to reuse connections across fetches. Any other httpx.Client (a
    MockTransport in tests, say) bypasses the address guard, so it is accepted only with `allow_private=True`.
    """
    scope = FetchScope(deadline=time.monotonic() + limits.total_deadline)
    current = validate_fetch_url(url)
    if client is not None and not isinstance(client, GuardedClient) and not allow_private:
        raise ValueError("fetch() needs a client from build_client(); another client would bypass the guard.")
    own_client = client is None
    http = client or build_client(limits)
    seen = {current}
    try:
        with fetch_scope(scope):
            for hop in range(limits.max_redirects + 1):
                response = _send(
                    http, current, scope, etag, last_modified, limits, resolver, ip_policy, allow_private
                )
                try:
                    if response.status_code in REDIRECT_STATUSES:
                        current = _next_hop(response, current, seen, hop, limits)
                        continue
                    return _result(url, current, response, etag, last_modified, limits, scope)
                finally:
                    # Closing an unread or partly read response drops its connection, which is what an
                    # aborted download (over the cap, past the deadline) must do.
                    response.close()
            raise AssertionError("unreachable: the loop returns or raises")  # pragma: no cover
    except httpx.HTTPError as exc:
        raise _translate(exc, scope) from exc
    finally:
        if own_client:
            http.close()


def _send(
    http: httpx.Client,
    url: str,
    scope: FetchScope,
    etag: str,
    last_modified: str,
    limits: FetchLimits,
    resolver: Resolver | None,
    ip_policy: IPPolicy | None,
    allow_private: bool,
) -> httpx.Response:
    target = httpx.URL(url)
    host = target.raw_host.decode("ascii")
    port = target.port or DEFAULT_PORTS[target.scheme]
    if isinstance(http, GuardedClient):
        # Resolved and checked before any connection; the transport connects to exactly this address.
        scope.pins[(host.lower(), port)] = resolve_public(
            host, port, resolver=resolver, ip_policy=ip_policy, allow_private=allow_private
        )
    headers = {"User-Agent": limits.user_agent, "Accept-Encoding": ACCEPT_ENCODING}
    if _header_safe(etag):
        headers["If-None-Match"] = etag
    if _header_safe(last_modified):
        headers["If-Modified-Since"] = last_modified
    timeout = httpx.Timeout(limits.read_timeout, connect=limits.connect_timeout)
    request = http.build_request("GET", target, headers=headers, timeout=timeout)
    return http.send(request, stream=True, follow_redirects=False)


def _header_safe(value: str) -> bool:
    # Validators come back from the database as servers sent them. One that cannot go into a header
    # (non-ASCII, CR/LF) is dropped: an unconditional GET is correct, a request that fails to encode is not.
    return bool(value) and value.isascii() and value.isprintable()


def _next_hop(response: httpx.Response, current: str, seen: set[str], hop: int, limits: FetchLimits) -> str:
    location = response.headers.get("location", "").strip()
    if not location:
        raise HTTPStatusError(
            f"HTTP {response.status_code} redirect without a Location header.", status=response.status_code
        )
    try:
        target = str(httpx.URL(current).join(location))
    except (httpx.InvalidURL, ValueError):
        raise BlockedAddress(f"Redirect to an invalid URL: {location[:200]!r}.") from None
    try:
        target = validate_fetch_url(target)
    except BlockedAddress as exc:
        raise BlockedAddress(f"Redirect refused: {exc.reason}") from None
    if target in seen:
        raise TooManyRedirects(f"Redirect loop: {target} was already visited.")
    if hop >= limits.max_redirects:
        raise TooManyRedirects(f"More than {limits.max_redirects} redirects (last: {target}).")
    seen.add(target)
    return target


def _result(
    url: str,
    final_url: str,
    response: httpx.Response,
    etag: str,
    last_modified: str,
    limits: FetchLimits,
    scope: FetchScope,
) -> FetchResult:
    status = response.status_code
    headers = {name.lower(): value for name, value in response.headers.items()}
    if status == 304:
        # A 304 may omit the validators; the ones we sent are still current.
        return FetchResult(
            url=url,
            final_url=final_url,
            status=status,
            headers=headers,
            body=b"",
            encoding=None,
            etag=headers.get("etag", etag),
            last_modified=headers.get("last-modified", last_modified),
            not_modified=True,
        )
    if status >= 300:
        # 4xx/5xx, and the 3xx that are not redirects (300 Multiple Choices, 305 Use Proxy).
        retry_after = parse_retry_after(headers.get("retry-after", ""))
        reason = f"HTTP {status} {response.reason_phrase}".strip() + "."
        raise HTTPStatusError(reason, status=status, retry_after=retry_after)
    declared = headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limits.max_bytes:
        raise ResponseTooLarge(
            f"Content-Length {declared} is over the {limits.max_bytes}-byte cap; not downloaded."
        )
    body = _read_body(response, limits, scope)
    return FetchResult(
        url=url,
        final_url=final_url,
        status=status,
        headers=headers,
        body=body,
        encoding=response.charset_encoding,
        etag=headers.get("etag", ""),
        last_modified=headers.get("last-modified", ""),
        not_modified=False,
    )


def _decoder(content_encoding: str) -> Any:  # a zlib Decompress object (no public type) or None
    codings = [c.strip().lower() for c in content_encoding.split(",")]
    codings = [c for c in codings if c not in ("", "identity")]
    if not codings:
        return None
    if len(codings) > 1:
        raise ContentDecodingError(f"Unsupported stacked Content-Encoding: {content_encoding}.")
    if codings[0] in ("gzip", "x-gzip"):
        return zlib.decompressobj(16 + zlib.MAX_WBITS)
    if codings[0] == "deflate":
        # "deflate" means zlib-wrapped; 32 + MAX_WBITS also accepts a gzip header, which some servers send.
        return zlib.decompressobj(32 + zlib.MAX_WBITS)
    raise ContentDecodingError(f"Unsupported Content-Encoding: {content_encoding}.")


def _read_body(response: httpx.Response, limits: FetchLimits, scope: FetchScope) -> bytes:
    """Read the body, undoing Content-Encoding ourselves so that no step can produce more than the cap.

    httpx's own decoder inflates a whole network chunk at once (64 KiB of zlib zeros is 64 MiB); zlib's
    `max_length` bounds each step to what is left of the cap plus one byte.
    """
    decoder = _decoder(response.headers.get("content-encoding", ""))
    parts: list[bytes] = []
    size = 0

    def take(data: bytes) -> None:
        nonlocal size
        size += len(data)
        if size > limits.max_bytes:
            raise ResponseTooLarge(f"The body passed the {limits.max_bytes}-byte cap; download aborted.")
        parts.append(data)

    for raw in _raw_chunks(response):
        if scope.remaining() <= 0:
            raise FetchTimeout(f"Total deadline of {limits.total_deadline:g} s reached reading the body.")
        if decoder is None:
            take(raw)
            continue
        data = raw
        while data and not decoder.eof:
            try:
                take(decoder.decompress(data, limits.max_bytes - size + 1))
            except zlib.error as exc:
                raise ContentDecodingError(f"Corrupt compressed body: {exc}.") from None
            data = decoder.unconsumed_tail
    if decoder is not None:
        if not decoder.eof:
            raise TransportError("The compressed body ended early (truncated download).")
        take(decoder.flush(limits.max_bytes - size + 1))
    return b"".join(parts)


def _raw_chunks(response: httpx.Response) -> Iterator[bytes]:
    try:
        yield from response.iter_raw()
    except httpx.StreamConsumed:
        # Only a foreign client's response (httpx.MockTransport with `content=`) arrives already read.
        yield response.content


def _caused_by(exc: BaseException, kind: type[BaseException]) -> bool:
    # httpx wraps httpcore's exception, which wraps the ssl module's: walk the chain a few links down.
    seen: BaseException | None = exc
    for _ in range(5):
        if seen is None:
            return False
        if isinstance(seen, kind):
            return True
        seen = seen.__cause__ or seen.__context__
    return False


def _translate(exc: httpx.HTTPError, scope: FetchScope) -> FetchError:
    detail = str(exc) or type(exc).__name__
    if isinstance(exc, httpx.TimeoutException):
        if scope.remaining() <= 0:
            return FetchTimeout(f"Total deadline reached ({detail}).")
        return FetchTimeout(f"Timed out: {detail}.")
    if isinstance(exc, httpx.UnsupportedProtocol):
        return BlockedAddress(f"Unsupported protocol: {detail}.")
    if isinstance(exc, httpx.ConnectError) and _caused_by(exc, ssl.SSLCertVerificationError):
        return TransportError(f"TLS certificate rejected: {detail}.", transient=False)
    if isinstance(exc, httpx.ConnectError):
        return TransportError(f"Could not connect: {detail}.")
    if isinstance(exc, httpx.RemoteProtocolError):
        return TransportError(f"The server broke the HTTP protocol or closed early: {detail}.")
    if isinstance(exc, httpx.TransportError):
        return TransportError(f"Network error: {detail}.")
    return TransportError(f"HTTP error: {detail}.")


def parse_retry_after(value: str, *, now: datetime | None = None) -> float | None:
    """Seconds to wait from a Retry-After value (delta-seconds or HTTP-date); None if absent or unreadable."""
    value = value.strip()
    if not value:
        return None
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - (now or datetime.now(UTC))).total_seconds())


def backoff_delay(
    attempt: int, *, base: float, cap: float, rng: random.Random, full_jitter: bool = False
) -> float:
    """Delay before retry number `attempt` (0 for the first retry).

    Exponential: `min(cap, base * 2**attempt)`, then jittered so that many feeds failing together do not retry
    together. Default: ±20 % proportional jitter (the delay stays within [0.8, 1.2] × the exponential value,
    so it may exceed `cap` by up to 20 %), which keeps feed poll intervals predictable (NewsBlur-style
    geometric backoff). `full_jitter=True`: uniform in [0, exponential value], AWS "full jitter", best for
    task retries.
    """
    if attempt < 0:
        raise ValueError("attempt must be >= 0")
    exponential = cap if attempt >= 64 else min(cap, base * 2.0**attempt)
    if full_jitter:
        return rng.uniform(0.0, exponential)
    return exponential * rng.uniform(0.8, 1.2)
