"""F4 at this layer: error statuses are classified, Retry-After is read, 410 Gone is flagged."""

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from rumours.fetching.errors import HTTPStatusError
from rumours.fetching.http import fetch, parse_retry_after

pytestmark = pytest.mark.timeout(60)


def failing(httpserver, status: int, headers: dict | None = None) -> HTTPStatusError:
    httpserver.expect_request("/feed").respond_with_data("nope", status=status, headers=headers or {})
    with pytest.raises(HTTPStatusError) as caught:
        fetch(httpserver.url_for("/feed"), allow_private=True)
    return caught.value


def test_429_with_retry_after_seconds_is_transient_and_carries_the_delay(httpserver):
    error = failing(httpserver, 429, {"Retry-After": "120"})

    assert (error.status, error.transient, error.retry_after) == (429, True, 120.0)


def test_503_with_an_http_date_retry_after_gives_the_seconds_until_then(httpserver):
    when = datetime.now(UTC) + timedelta(minutes=10)

    error = failing(httpserver, 503, {"Retry-After": format_datetime(when, usegmt=True)})

    assert error.transient is True
    assert 590 <= error.retry_after <= 600


def test_410_gone_is_permanent_and_flagged(httpserver):
    error = failing(httpserver, 410)

    assert error.transient is False
    assert error.gone is True
    assert "410" in error.reason


@pytest.mark.parametrize("status", [400, 401, 403, 404, 451])
def test_other_4xx_are_permanent(httpserver, status):
    error = failing(httpserver, status)

    assert error.transient is False
    assert error.gone is False


@pytest.mark.parametrize("status", [408, 500, 502, 503, 504])
def test_5xx_and_408_are_transient(httpserver, status):
    assert failing(httpserver, status).transient is True


def test_a_3xx_that_is_not_a_redirect_is_a_permanent_error(httpserver):
    error = failing(httpserver, 300)

    assert (error.status, error.transient) == (300, False)


@pytest.mark.parametrize(
    "value,expected",
    [
        ("", None),
        ("0", 0.0),
        ("  7 ", 7.0),
        ("-5", None),
        ("soon", None),
        ("1.5", None),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # in the past: retry now
    ],
)
def test_retry_after_values(value, expected):
    assert parse_retry_after(value) == expected


def test_retry_after_http_date_is_measured_from_now():
    now = datetime(2025, 1, 14, 10, 0, tzinfo=UTC)

    assert parse_retry_after("Tue, 14 Jan 2025 10:02:00 GMT", now=now) == 120.0
