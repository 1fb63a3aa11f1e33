"""F5: the body cap. A declared length over the cap is refused before the body; an endless stream is cut."""

import gzip
import time
import zlib

import pytest

from rumours.fetching.errors import ResponseTooLarge
from rumours.fetching.http import fetch
from rumours.fetching.limits import FetchLimits
from tests.support import hostile_server as hostile

pytestmark = pytest.mark.timeout(60)


def test_a_declared_length_over_the_cap_is_refused_before_reading_the_body(raw_server):
    server = raw_server(hostile.huge_declared(50 * 1024 * 1024))
    started = time.monotonic()

    with pytest.raises(ResponseTooLarge) as caught:
        fetch(server.url("/feed.xml"), allow_private=True)

    assert "Content-Length" in caught.value.reason
    assert caught.value.transient is False
    assert time.monotonic() - started < 5
    # The client hung up: the server's writes failed long before 50 MiB were sent.
    assert server.client_went_away.wait(5)
    assert server.bytes_sent < 50 * 1024 * 1024


def test_an_endless_chunked_stream_is_aborted_at_the_cap_and_the_socket_closed(raw_server):
    server = raw_server(hostile.endless_chunked())
    limits = FetchLimits(max_bytes=1024 * 1024)

    with pytest.raises(ResponseTooLarge) as caught:
        fetch(server.url("/"), limits=limits, allow_private=True)

    assert "cap" in caught.value.reason
    assert server.client_went_away.wait(5)


def test_a_body_exactly_at_the_cap_is_accepted(httpserver):
    httpserver.expect_request("/").respond_with_data(b"a" * 1000)

    result = fetch(httpserver.url_for("/"), limits=FetchLimits(max_bytes=1000), allow_private=True)

    assert len(result.body) == 1000


@pytest.mark.parametrize(
    "encoding,compress",
    [("gzip", gzip.compress), ("deflate", zlib.compress), ("x-gzip", gzip.compress)],
)
def test_compressed_bodies_are_decoded(httpserver, encoding, compress):
    text = "Fictional striker Anton Wagner joins Rovers. " * 200
    httpserver.expect_request("/").respond_with_data(
        compress(text.encode()), headers={"Content-Encoding": encoding}
    )

    result = fetch(httpserver.url_for("/"), allow_private=True)

    assert result.body.decode() == text


def test_the_cap_counts_decoded_bytes_not_wire_bytes(httpserver):
    # 2 MiB of zeros compress to about 2 KiB: small on the wire, over a 1 MiB cap once decoded.
    httpserver.expect_request("/").respond_with_data(
        gzip.compress(bytes(2 * 1024 * 1024)), headers={"Content-Encoding": "gzip"}
    )

    with pytest.raises(ResponseTooLarge):
        fetch(httpserver.url_for("/"), limits=FetchLimits(max_bytes=1024 * 1024), allow_private=True)
