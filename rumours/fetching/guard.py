"""The address guard: which IP addresses a fetch may connect to, decided after DNS resolution.

The check runs on every hop of a redirect chain, and the address it approved is the one the connection uses
(`http.py` pins it), so a DNS answer that changes between check and connect (rebinding) cannot move the
request.
"""

from __future__ import annotations

import ipaddress
import re
import socket
from collections.abc import Callable, Iterable
from typing import Any

from .errors import BlockedAddress, TransportError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
Resolver = Callable[[str, int], Iterable[Any]]
IPPolicy = Callable[[IPAddress], bool]

_CGNAT = ipaddress.ip_network("100.64.0.0/10")
_NAT64 = ipaddress.ip_network("64:ff9b::/96")
# What inet_aton accepts besides dotted quads: "2130706433", "0x7f.1", "0177.0.0.1". No DNS name looks like
# this (a top-level label is never all-numeric), so such a host is always read as an address, never resolved.
_NUMERIC_HOST = re.compile(r"(0x[0-9a-f]*|[0-9]+)(\.(0x[0-9a-f]*|[0-9]+)){0,3}\.?", re.IGNORECASE)


def ip_is_public(ip: IPAddress) -> bool:
    """True for a globally routable unicast address.

    Refuses private, loopback, link-local (cloud metadata at 169.254.169.254), multicast, reserved,
    unspecified, shared CGNAT space (100.64.0.0/10), documentation ranges, and IPv6 forms that embed one of
    those IPv4 addresses (IPv4-mapped, 6to4, NAT64).
    """
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.scope_id:
            return False
        embedded = ip.ipv4_mapped or ip.sixtofour
        if embedded is None and ip in _NAT64:
            embedded = ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
        if embedded is not None and not ip_is_public(embedded):
            return False
    if ip in _CGNAT:
        return False
    return ip.is_global and not (
        ip.is_private
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_unspecified
    )


def literal_ip(host: str) -> IPAddress | None:
    """The address a host names literally, in any form a resolver would accept; None for a DNS name."""
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if _NUMERIC_HOST.fullmatch(host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host.rstrip(".")))
        except OSError:
            # Numeric but out of range ("99999999999"): no resolver should be asked to make sense of it.
            raise BlockedAddress(f"{host!r} is not a valid address.") from None
    return None


def _is_localhost(host: str) -> bool:
    name = host.strip().rstrip(".").lower()
    return name in ("localhost", "localhost.localdomain") or name.endswith(".localhost")


def default_resolver(host: str, port: int) -> list[str]:
    try:
        answers = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise TransportError(f"Could not resolve {host}: {exc}.") from None
    return [str(sockaddr[0]) for _family, _type, _proto, _name, sockaddr in answers]


def _as_ip(answer: Any) -> IPAddress:
    # A resolver may return address strings, ip_address objects or getaddrinfo tuples.
    if isinstance(answer, tuple):
        answer = answer[4][0]
    return ipaddress.ip_address(str(answer).split("%")[0] if isinstance(answer, str) else answer)


def resolve_public(
    host: str,
    port: int,
    *,
    resolver: Resolver | None = None,
    ip_policy: IPPolicy | None = None,
    allow_private: bool = False,
) -> str:
    """Resolve `host` and return the one IP address to connect to, or raise `BlockedAddress`.

    A host with ANY non-public answer is refused, not just filtered: an attacker who controls a DNS zone would
    otherwise put a private address beside a public one. An empty answer fails closed. `allow_private` lifts
    the policy (tests, local demos) but keeps the pinning.
    """
    policy = ip_policy or ip_is_public
    literal = literal_ip(host)
    if literal is not None:
        answers: list[IPAddress] = [literal]
    elif _is_localhost(host):
        # RFC 6761: never sent to DNS, always loopback.
        answers = [ipaddress.ip_address("127.0.0.1")]
    else:
        try:
            answers = [_as_ip(a) for a in (resolver or default_resolver)(host, port)]
        except (ValueError, TypeError, IndexError) as exc:
            raise BlockedAddress(f"The resolver gave an unreadable answer for {host}: {exc}.") from None
    if not answers:
        raise BlockedAddress(f"{host} resolved to no address.")
    if not allow_private:
        refused = [ip for ip in answers if not policy(ip)]
        if refused:
            raise BlockedAddress(f"{host} resolves to a non-public address ({refused[0]}); refused.")
    return str(answers[0])
