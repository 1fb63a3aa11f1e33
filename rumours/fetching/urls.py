"""URL canonicalisation (the dedupe key for articles) and the scheme check in front of every fetch."""

from __future__ import annotations

import re
from urllib.parse import parse_qsl, urlsplit, urlunsplit

import httpx

from .errors import BlockedAddress

# Parameters that identify the click, not the document. Compared case-insensitively; `utm_*` by prefix.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid",
        "mc_eid", "ref", "ref_src", "ref_url", "referrer", "cmpid", "cmp", "icid", "ito", "ocid", "_ga",
        "_gl",
        "__twitter_impression", "at_medium", "at_campaign", "at_custom1", "at_custom2", "at_custom3",
        "at_custom4", "xtor", "s_cid", "ns_mchannel", "ns_source", "ns_campaign", "ns_linkname", "ns_fee",
        "sr_share", "share", "guccounter", "spm", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "mkt_tok",
    }
)  # fmt: skip
TRACKING_PREFIXES = ("utm_", "hsa_", "pk_", "mtm_")
DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
# Characters left as they are in a path or query (RFC 3986 sub-delims, ":" and "@", plus "/" in paths).
_PATH_SAFE = _UNRESERVED | frozenset("!$&'()*+,;=:@/")
_QUERY_SAFE = _UNRESERVED | frozenset("!$'()*,;:@/?")
_HOST = re.compile(r"[^\s/?#@\[\]\\%]+")
_PCT = re.compile(r"%([0-9A-Fa-f]{2})")


def _normalise_escapes(component: str, safe: frozenset[str]) -> str:
    """Decode escapes of unreserved characters, upper-case the others, escape what must be escaped."""
    out: list[str] = []
    i = 0
    while i < len(component):
        ch = component[i]
        if ch == "%":
            match = _PCT.match(component, i)
            if match:
                decoded = chr(int(match.group(1), 16))
                out.append(decoded if decoded in _UNRESERVED else "%" + match.group(1).upper())
                i += 3
                continue
            out.append("%25")
        elif ch in safe:
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
        i += 1
    return "".join(out)


def _remove_dot_segments(path: str) -> str:
    # RFC 3986 section 5.2.4, on whole segments.
    segments = path.split("/")
    out: list[str] = []
    for segment in segments[1:]:
        if segment == "..":
            if out:
                out.pop()
        elif segment != ".":
            out.append(segment)
    if segments[-1] in (".", ".."):
        out.append("")
    return "/" + "/".join(out)


def _is_tracking(name: str) -> bool:
    name = name.lower()
    return name in TRACKING_PARAMS or name.startswith(TRACKING_PREFIXES)


def canonicalize_url(url: str) -> str:
    """The form of an http(s) URL under which two links to the same article are equal.

    Lower-cases scheme and host, drops the default port, the fragment, tracking parameters and a trailing
    slash (except the root path), resolves dot segments, sorts the remaining query and normalises
    percent-escapes. Idempotent, and never raises on a `str`: a URL that is not http(s), or that cannot be
    parsed, is returned stripped of surrounding whitespace and otherwise unchanged, so that it still works as
    a (weaker) key.
    """
    stripped = url.strip()
    try:
        canonical = _canonicalize(stripped)
        # Only a fixed point is returned: this makes the function idempotent by construction, whatever odd
        # input (a "#" inside userinfo, an escape that decodes to a delimiter) a hand-written rule would miss.
        if canonical == canonical.strip() and _canonicalize(canonical) == canonical:
            return canonical
    except (ValueError, UnicodeError):
        pass
    return stripped


def _canonicalize(url: str) -> str:
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS or not parts.hostname:
        return url
    host = parts.hostname.lower().rstrip(".")
    if not _HOST.fullmatch(host):
        return url
    if ":" in host:  # IPv6 literal: urlsplit removed the brackets
        host = f"[{host}]"
    netloc = host
    port = parts.port
    if port is not None and port != DEFAULT_PORTS[scheme]:
        netloc = f"{host}:{port}"
    if parts.username is not None or parts.password is not None:
        userinfo = parts.netloc.rpartition("@")[0]
        netloc = f"{userinfo}@{netloc}"
    path = _remove_dot_segments(_normalise_escapes(parts.path or "/", _PATH_SAFE))
    if len(path) > 1:
        path = path.rstrip("/") or "/"
    pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = "&".join(
        f"{_normalise_escapes(k, _QUERY_SAFE)}={_normalise_escapes(v, _QUERY_SAFE)}" if v else
        _normalise_escapes(k, _QUERY_SAFE)
        for k, v in sorted(pairs)
    )  # fmt: skip
    return urlunsplit((scheme, netloc, path, query, ""))


def validate_fetch_url(url: str) -> str:
    """Return the URL stripped, or raise `BlockedAddress` for anything other than an absolute http(s) URL.

    Refuses file:, gopher:, data:, javascript:, ftp: and every other scheme, bare paths such as "/etc/passwd",
    URLs with whitespace or control characters inside, and URLs without a host or with an invalid port.
    """
    if not isinstance(url, str):
        raise BlockedAddress(f"A URL must be text, not {type(url).__name__}.")
    url = url.strip()
    if any(ord(ch) < 0x21 or ord(ch) == 0x7F for ch in url):
        raise BlockedAddress("The URL contains spaces or control characters.")
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as exc:
        raise BlockedAddress(f"Not a valid URL: {exc}.") from None
    scheme = parts.scheme.lower()
    if scheme not in DEFAULT_PORTS:
        shown = f"{scheme}:" if scheme else "a bare path"
        raise BlockedAddress(f"Only http and https URLs can be fetched, not {shown}.")
    if not parts.hostname:
        raise BlockedAddress("The URL has no host.")
    if port == 0:
        raise BlockedAddress("The URL has an invalid port.")
    try:
        # httpx is stricter than urlsplit (it refuses "0177.0.0.1", a bad IDNA label): whatever it cannot
        # represent, fetch() could not request either.
        httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise BlockedAddress(f"Not a valid URL: {exc}.") from None
    return url
