"""fetch(): the result it returns, client reuse, and the guard failing closed when bypassed."""

import gzip

import httpx
import pytest

from rumours.fetching.errors import ContentDecodingError, TransportError
from rumours.fetching.http import fetch
from rumours.fetching.transport import build_client
from tests.support import hostile_server as hostile

from .conftest import public_policy

pytestmark = pytest.mark.timeout(60)


def test_the_result_carries_status_lowercased_headers_and_charset(httpserver):
    httpserver.expect_request("/page").respond_with_data(
        "<p>Wagner</p>", content_type="text/html; charset=ISO-8859-1", headers={"X-Custom": "yes"}
    )

    result = fetch(httpserver.url_for("/page"), allow_private=True)

    assert result.status == 200
    assert result.headers["x-custom"] == "yes"
    assert result.headers["content-type"] == "text/html; charset=ISO-8859-1"
    assert result.encoding == "iso-8859-1"
    assert result.final_url == result.url == httpserver.url_for("/page")


def test_a_client_from_build_client_can_be_reused_across_fetches(public_server):
    public_server.expect_request("/a").respond_with_data("a")
    public_server.expect_request("/b").respond_with_data("b")

    with build_client() as client:
        first = fetch(public_server.url_for("/a"), client=client, ip_policy=public_policy)
        second = fetch(public_server.url_for("/b"), client=client, ip_policy=public_policy)

    assert (first.body, second.body) == (b"a", b"b")


def test_a_guarded_client_used_outside_fetch_connects_nowhere(canary):
    with build_client() as client, pytest.raises(httpx.ConnectError, match="vetted"):
        client.get(f"http://127.0.0.1:{canary.port}/")

    assert len(canary.log) == 0


def test_a_foreign_client_is_accepted_when_private_addresses_are_allowed():
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=b"mocked", headers={"ETag": '"m"'})

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        result = fetch("https://feeds.example.test/rss", client=client, allow_private=True)

    assert (result.body, result.etag) == (b"mocked", '"m"')


def test_a_content_encoding_we_did_not_ask_for_is_a_permanent_error(httpserver):
    httpserver.expect_request("/").respond_with_data(b"\x00\x01", headers={"Content-Encoding": "br"})

    with pytest.raises(ContentDecodingError) as caught:
        fetch(httpserver.url_for("/"), allow_private=True)

    assert caught.value.transient is False


def test_a_corrupt_gzip_body_is_a_permanent_decoding_error(httpserver):
    httpserver.expect_request("/").respond_with_data(b"not gzip at all", headers={"Content-Encoding": "gzip"})

    with pytest.raises(ContentDecodingError):
        fetch(httpserver.url_for("/"), allow_private=True)


def test_a_gzip_body_cut_short_is_a_transient_transport_error(raw_server):
    compressed = gzip.compress(b"Wagner joins Rovers. " * 5000)
    cut = compressed[: len(compressed) // 2]

    async def handler(server, reader, writer):
        response = hostile.head(Content_Encoding="gzip", Connection="close")
        await server.send(writer, response + cut)

    server = raw_server(handler)

    with pytest.raises(TransportError) as caught:
        fetch(server.url(), allow_private=True)

    assert caught.value.transient is True
