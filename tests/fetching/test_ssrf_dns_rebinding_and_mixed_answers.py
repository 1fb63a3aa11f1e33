"""S3: the address checked is the address connected to; mixed and empty answers fail closed."""

import pytest

from rumours.fetching.errors import BlockedAddress
from rumours.fetching.http import fetch

from .conftest import public_policy

pytestmark = pytest.mark.timeout(60)


class RebindingResolver:
    """First answer public (127.0.0.2), every later answer loopback (127.0.0.1): a DNS rebinding attack."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls += 1
        return ["127.0.0.2"] if self.calls == 1 else ["127.0.0.1"]


def test_the_connection_goes_to_the_pinned_first_answer_with_the_real_host_header(twin_servers):
    public, canary = twin_servers
    public.expect_request("/feed.xml").respond_with_data("from the pinned address")
    resolver = RebindingResolver()

    result = fetch(
        f"http://news.example.test:{public.port}/feed.xml", resolver=resolver, ip_policy=public_policy
    )

    assert result.body == b"from the pinned address"
    assert resolver.calls == 1
    assert len(canary.log) == 0
    request, _ = public.log[0]
    assert request.headers["Host"] == f"news.example.test:{public.port}"


def test_a_redirect_to_the_same_name_is_resolved_again_and_refused_once_it_rebinds(twin_servers):
    public, canary = twin_servers
    public.expect_request("/feed.xml").respond_with_data("", status=302, headers={"Location": "/next"})
    resolver = RebindingResolver()

    with pytest.raises(BlockedAddress):
        fetch(f"http://news.example.test:{public.port}/feed.xml", resolver=resolver, ip_policy=public_policy)

    assert resolver.calls == 2
    assert len(public.log) == 1
    assert len(canary.log) == 0


def test_a_host_with_one_private_answer_among_public_ones_is_refused(twin_servers):
    public, canary = twin_servers

    with pytest.raises(BlockedAddress) as caught:
        fetch(
            f"http://mixed.example.test:{public.port}/",
            resolver=lambda host, port: ["127.0.0.2", "127.0.0.1"],
            ip_policy=public_policy,
        )

    assert "127.0.0.1" in caught.value.reason
    assert len(public.log) == 0
    assert len(canary.log) == 0


def test_an_empty_answer_fails_closed(twin_servers):
    public, canary = twin_servers

    with pytest.raises(BlockedAddress) as caught:
        fetch(
            f"http://empty.example.test:{public.port}/",
            resolver=lambda host, port: [],
            ip_policy=public_policy,
        )

    assert "no address" in caught.value.reason
    assert len(public.log) == 0
    assert len(canary.log) == 0


def test_a_resolver_may_answer_with_getaddrinfo_tuples(twin_servers):
    public, _ = twin_servers
    public.expect_request("/").respond_with_data("ok")

    def resolver(host: str, port: int):
        return [(2, 1, 6, "", ("127.0.0.2", port))]

    assert (
        fetch(f"http://tuple.example.test:{public.port}/", resolver=resolver, ip_policy=public_policy).body
        == b"ok"
    )
