"""F7: the total deadline. A server that drips bytes never trips a read timeout; the deadline ends it."""

import time

import pytest

from rumours.fetching.errors import FetchTimeout
from rumours.fetching.http import fetch
from rumours.fetching.limits import FetchLimits
from tests.support import hostile_server as hostile

pytestmark = pytest.mark.timeout(60)

DEADLINE = 2.0
LIMITS = FetchLimits(read_timeout=1.0, total_deadline=DEADLINE)


def test_a_slow_drip_body_fails_at_the_total_deadline(raw_server):
    server = raw_server(hostile.slow_drip(interval=0.5))
    started = time.monotonic()

    with pytest.raises(FetchTimeout) as caught:
        fetch(server.url("/article"), limits=LIMITS, allow_private=True)

    elapsed = time.monotonic() - started
    assert DEADLINE <= elapsed < DEADLINE + 1
    assert caught.value.transient is True
    assert "deadline" in caught.value.reason.lower()
    assert server.client_went_away.wait(5), "the connection should be closed, freeing the worker slot"


def test_slow_drip_headers_fail_at_the_total_deadline(raw_server):
    server = raw_server(hostile.slow_headers(interval=0.5))
    started = time.monotonic()

    with pytest.raises(FetchTimeout):
        fetch(server.url("/article"), limits=LIMITS, allow_private=True)

    assert time.monotonic() - started < DEADLINE + 1


def test_the_deadline_spans_redirects(httpserver, raw_server):
    # Each hop is quick, the last one drips: the budget is for the whole fetch, not per hop.
    drip = raw_server(hostile.slow_drip(interval=0.5))
    httpserver.expect_request("/start").respond_with_data(
        "", status=302, headers={"Location": drip.url("/article")}
    )
    started = time.monotonic()

    with pytest.raises(FetchTimeout):
        fetch(httpserver.url_for("/start"), limits=LIMITS, allow_private=True)

    assert time.monotonic() - started < DEADLINE + 1
