"""Finding the real services tests need, and what to do when one is missing.

Under CI=true a missing service is a failure, never a skip: CI must prove the code against real PostgreSQL,
Redis and Celery. On a developer's machine with nothing running the same tests are skipped with a reason.
"""

import os
import socket
from urllib.parse import urlparse

import pytest

IN_CI = os.environ.get("CI", "").lower() in {"1", "true", "yes"}


def missing(reason: str) -> None:
    if IN_CI:
        pytest.fail(f"{reason} (CI=true: tests that need a service fail when it is missing)", pytrace=False)
    pytest.skip(reason)


def port_open(host: str, port: int, timeout: float = 0.5) -> bool:
    try:
        with socket.create_connection((host, port), timeout=timeout):
            return True
    except OSError:
        return False


def redis_url() -> str:
    """REDIS_URL if set, else the machine's default Redis if it answers."""
    url = os.environ.get("REDIS_URL") or "redis://127.0.0.1:6379/0"
    parsed = urlparse(url)
    if not port_open(parsed.hostname or "127.0.0.1", parsed.port or 6379):
        missing(f"Redis is not reachable at {url}")
    return url


def require_postgresql(connection) -> None:
    if connection.vendor != "postgresql":
        missing("this test needs PostgreSQL: set DATABASE_URL=postgres://…")
