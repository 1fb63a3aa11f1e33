"""S1: literal private targets, in every spelling, are refused before any connection is made."""

import pytest

from rumours.fetching.errors import BlockedAddress
from rumours.fetching.http import fetch

pytestmark = pytest.mark.timeout(60)

TARGETS = [
    "http://127.0.0.1:{port}/",
    "http://[::1]:{port}/",
    "http://169.254.169.254/latest/meta-data/",
    "http://10.0.0.1:{port}/",
    "http://0.0.0.0:{port}/",
    "http://2130706433:{port}/",
    "http://0x7f.1:{port}/",
    "http://0177.0.0.1:{port}/",
    "http://127.1:{port}/",
    "http://[::ffff:127.0.0.1]:{port}/",
    "http://[::ffff:7f00:1]:{port}/",
    "http://100.64.0.1:{port}/",
    "http://localhost:{port}/",
    "http://LOCALHOST.:{port}/",
    "http://anything.localhost:{port}/",
    "https://192.168.1.1/",
    "http://[fe80::1]/",
    "http://224.0.0.1/",
]


class SpyResolver:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append(host)
        return ["93.184.216.34"]


@pytest.mark.parametrize("template", TARGETS)
def test_a_literal_private_target_is_refused_before_connecting(canary, template):
    resolver = SpyResolver()

    with pytest.raises(BlockedAddress) as caught:
        fetch(template.format(port=canary.port), allow_private=False, resolver=resolver)

    # httpx cannot even represent some spellings ("0177.0.0.1"): those are refused as invalid URLs.
    assert "non-public address" in caught.value.reason or "Not a valid URL" in caught.value.reason
    assert caught.value.transient is False
    assert len(canary.log) == 0
    # A literal address is never handed to DNS, where a stub could "resolve" it to something public.
    assert resolver.calls == []


def test_the_same_target_is_reachable_when_private_addresses_are_allowed(canary):
    result = fetch(f"http://127.0.0.1:{canary.port}/", allow_private=True)

    assert result.body == b"canary"
    assert len(canary.log) == 1
