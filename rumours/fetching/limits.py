"""Budgets for one fetch. Settings map onto these; the defaults suit a feed poller."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_USER_AGENT = "Touchline/0.1 (+https://github.com/touchline; transfer-rumour tracker)"


@dataclass(frozen=True)
class FetchLimits:
    connect_timeout: float = 5.0
    read_timeout: float = 10.0
    # Wall-clock budget for the whole fetch, redirects included: a server dripping one byte per second never
    # trips the read timeout, so only this bounds how long a worker slot is held.
    total_deadline: float = 30.0
    # Cap on the *decoded* body: a 10 KiB gzip body can expand to gigabytes.
    max_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = DEFAULT_USER_AGENT
