"""F9: redirects are followed by hand, bounded, loop-checked, and every hop's scheme is checked again."""

import pytest

from rumours.fetching.errors import BlockedAddress, HTTPStatusError, TooManyRedirects
from rumours.fetching.http import fetch
from rumours.fetching.limits import FetchLimits

pytestmark = pytest.mark.timeout(60)


def chain(httpserver, hops: int) -> str:
    """/hop0 -> /hop1 -> ... -> /hop{hops}, which answers 200. Returns the first URL."""
    for i in range(hops):
        httpserver.expect_request(f"/hop{i}").respond_with_data(
            "", status=302 if i % 2 else 301, headers={"Location": f"/hop{i + 1}"}
        )
    httpserver.expect_request(f"/hop{hops}").respond_with_data("arrived")
    return httpserver.url_for("/hop0")


def test_a_chain_of_five_redirects_is_followed_and_the_final_url_recorded(httpserver):
    start = chain(httpserver, 5)

    result = fetch(start, allow_private=True)

    assert result.body == b"arrived"
    assert result.url == start
    assert result.final_url == httpserver.url_for("/hop5")


def test_a_chain_of_six_redirects_is_too_many(httpserver):
    start = chain(httpserver, 6)

    with pytest.raises(TooManyRedirects) as caught:
        fetch(start, allow_private=True)

    assert caught.value.transient is False
    assert "More than 5 redirects" in caught.value.reason
    assert len(httpserver.log) == 6  # the sixth Location is never requested


def test_the_redirect_limit_is_configurable(httpserver):
    start = chain(httpserver, 2)

    with pytest.raises(TooManyRedirects):
        fetch(start, limits=FetchLimits(max_redirects=1), allow_private=True)


def test_a_redirect_loop_is_reported_as_a_loop(httpserver):
    httpserver.expect_request("/a").respond_with_data("", status=302, headers={"Location": "/b"})
    httpserver.expect_request("/b").respond_with_data("", status=302, headers={"Location": "/a"})

    with pytest.raises(TooManyRedirects) as caught:
        fetch(httpserver.url_for("/a"), allow_private=True)

    assert "loop" in caught.value.reason
    assert len(httpserver.log) == 2


def test_a_redirect_to_ftp_is_refused(httpserver):
    httpserver.expect_request("/feed").respond_with_data(
        "", status=301, headers={"Location": "ftp://files.example.test/feed.xml"}
    )

    with pytest.raises(BlockedAddress) as caught:
        fetch(httpserver.url_for("/feed"), allow_private=True)

    assert "Redirect refused" in caught.value.reason
    assert "ftp" in caught.value.reason


@pytest.mark.parametrize("status", [303, 307, 308])
def test_every_redirect_status_is_followed(httpserver, status):
    httpserver.expect_request("/old").respond_with_data("", status=status, headers={"Location": "/new"})
    httpserver.expect_request("/new").respond_with_data("moved")

    result = fetch(httpserver.url_for("/old"), allow_private=True)

    assert result.final_url == httpserver.url_for("/new")


def test_a_redirect_without_location_is_a_permanent_http_error(httpserver):
    httpserver.expect_request("/odd").respond_with_data("", status=302)

    with pytest.raises(HTTPStatusError) as caught:
        fetch(httpserver.url_for("/odd"), allow_private=True)

    assert caught.value.status == 302
    assert caught.value.transient is False
