"""S2: a public server that redirects to loopback: the first hop is allowed, the second refused."""

import pytest

from rumours.fetching.errors import BlockedAddress
from rumours.fetching.http import fetch

from .conftest import public_policy

pytestmark = pytest.mark.timeout(60)


def test_a_redirect_from_a_public_host_to_loopback_is_refused(public_server, canary):
    public_server.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": f"http://127.0.0.1:{canary.port}/"}
    )

    with pytest.raises(BlockedAddress) as caught:
        fetch(public_server.url_for("/feed"), allow_private=False, ip_policy=public_policy)

    assert "non-public address" in caught.value.reason
    assert len(public_server.log) == 1
    assert len(canary.log) == 0


def test_a_redirect_to_a_name_that_resolves_to_loopback_is_refused(public_server, canary):
    public_server.expect_request("/feed").respond_with_data(
        "", status=302, headers={"Location": f"http://internal.example.test:{canary.port}/"}
    )

    def resolver(host: str, port: int) -> list[str]:
        return ["127.0.0.1"] if host == "internal.example.test" else ["127.0.0.2"]

    with pytest.raises(BlockedAddress):
        fetch(public_server.url_for("/feed"), ip_policy=public_policy, resolver=resolver)

    assert len(canary.log) == 0


def test_a_public_to_public_redirect_is_followed(public_server):
    public_server.expect_request("/old").respond_with_data("", status=301, headers={"Location": "/new"})
    public_server.expect_request("/new").respond_with_data("fine")

    result = fetch(public_server.url_for("/old"), ip_policy=public_policy)

    assert result.body == b"fine"
    assert result.final_url == public_server.url_for("/new")
