"""Errors raised by the fetching layer.

Every failure a caller can act on is a `FetchError` with two things a task needs: `transient` (retry later
with backoff) and `reason` (a sentence a curator can read in the admin). Callers never need to catch httpx or
socket exceptions: `fetch()` translates all of them.
"""

from __future__ import annotations


class FetchError(Exception):
    transient: bool = False

    def __init__(self, reason: str, *, transient: bool | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        if transient is not None:
            self.transient = transient


class BlockedAddress(FetchError):
    """A non-public address, a scheme other than http(s), or a URL that is not a URL. Never retried."""


class TooManyRedirects(FetchError):
    """More hops than `FetchLimits.max_redirects`, or a redirect loop."""


class ResponseTooLarge(FetchError):
    """The declared or the decoded body passed `FetchLimits.max_bytes`."""


class ContentDecodingError(FetchError):
    """A Content-Encoding we did not ask for, or a compressed body that is corrupt."""


class FetchTimeout(FetchError):
    """A connect or read timeout, or the total deadline of the whole fetch (redirects included)."""

    transient = True


class TransportError(FetchError):
    """Connection refused or reset, truncated body, protocol violation, DNS failure."""

    transient = True


class HTTPStatusError(FetchError):
    """The server answered with an error status.

    5xx, 429 and 408 are transient; any other 4xx is permanent. `retry_after` is the server's Retry-After in
    seconds (from a number or an HTTP-date), or None when absent or unreadable.
    """

    def __init__(self, reason: str, *, status: int, retry_after: float | None = None) -> None:
        super().__init__(reason, transient=status >= 500 or status in (408, 429))
        self.status = status
        self.retry_after = retry_after

    @property
    def gone(self) -> bool:
        # 410 means "stop asking": callers pause the feed rather than back off.
        return self.status == 410


class ParseError(Exception):
    """The body is not a feed or page we can read. Counted as a failure by the caller; never retried as-is."""

    @property
    def reason(self) -> str:
        return str(self)
