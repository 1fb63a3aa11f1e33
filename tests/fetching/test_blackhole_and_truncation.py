"""F8: silent servers, lying Content-Length, reset mid-body. All transient, none returns a partial body."""

import time

import pytest

from rumours.fetching.errors import FetchTimeout, TransportError
from rumours.fetching.http import fetch
from rumours.fetching.limits import FetchLimits
from tests.support import hostile_server as hostile

pytestmark = pytest.mark.timeout(60)


def test_a_server_that_accepts_and_never_answers_times_out(raw_server):
    server = raw_server(hostile.silence())
    started = time.monotonic()

    with pytest.raises(FetchTimeout) as caught:
        fetch(server.url(), limits=FetchLimits(read_timeout=1.0), allow_private=True)

    assert caught.value.transient is True
    assert time.monotonic() - started < 3
    assert server.client_went_away.wait(5)


def test_a_body_shorter_than_its_content_length_is_a_transient_transport_error(raw_server):
    server = raw_server(hostile.truncated(declared=1000, sent=300))

    with pytest.raises(TransportError) as caught:
        fetch(server.url(), allow_private=True)

    assert caught.value.transient is True


def test_a_reset_mid_body_is_a_transient_transport_error(raw_server):
    server = raw_server(hostile.reset_mid_body())

    with pytest.raises(TransportError) as caught:
        fetch(server.url(), allow_private=True)

    assert caught.value.transient is True


def test_a_refused_connection_is_a_transient_transport_error(raw_server):
    server = raw_server(hostile.silence())
    url = server.url()
    server.stop()  # nothing listens on the port any more

    with pytest.raises(TransportError) as caught:
        fetch(url, allow_private=True)

    assert caught.value.transient is True
    assert "connect" in caught.value.reason.lower()
