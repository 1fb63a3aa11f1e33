"""The guard's address policy and resolution rules as units (SSRF tests use them end to end)."""

import ipaddress

import pytest

from rumours.fetching.errors import BlockedAddress, TransportError
from rumours.fetching.guard import ip_is_public, literal_ip, resolve_public

pytestmark = pytest.mark.timeout(60)

REFUSED = [
    "127.0.0.1", "127.255.255.254", "10.1.2.3", "172.16.0.1", "172.31.255.255", "192.168.0.1",
    "169.254.169.254", "0.0.0.0", "100.64.0.1", "100.127.255.255", "224.0.0.251", "239.255.255.250",
    "240.0.0.1", "255.255.255.255", "192.0.2.1", "198.18.0.1", "::1", "::", "fe80::1", "fc00::1",
    "fd12:3456::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254",
    "2002:7f00:1::", "2002:a00:1::", "64:ff9b::7f00:1", "2001:db8::1",
]  # fmt: skip
ALLOWED = ["93.184.216.34", "8.8.8.8", "1.1.1.1", "100.128.0.1", "2606:4700:4700::1111", "2a00:1450:4001::"]


@pytest.mark.parametrize("address", REFUSED)
def test_non_public_addresses_are_refused(address):
    assert ip_is_public(ipaddress.ip_address(address)) is False


@pytest.mark.parametrize("address", ALLOWED)
def test_public_addresses_are_allowed(address):
    assert ip_is_public(ipaddress.ip_address(address)) is True


@pytest.mark.parametrize(
    "host,address",
    [
        ("2130706433", "127.0.0.1"),
        ("0x7f.1", "127.0.0.1"),
        ("0x7F000001", "127.0.0.1"),
        ("0177.0.0.1", "127.0.0.1"),
        ("127.1", "127.0.0.1"),
        ("[::ffff:127.0.0.1]", "::ffff:127.0.0.1"),
        ("::1", "::1"),
        ("10.0.0.1.", "10.0.0.1"),
    ],
)
def test_every_literal_spelling_of_an_address_is_recognised(host, address):
    assert literal_ip(host) == ipaddress.ip_address(address)


@pytest.mark.parametrize("host", ["example.test", "0x7f.example", "1.2.3.4.example", "xn--bcher-kva.de"])
def test_names_are_not_mistaken_for_addresses(host):
    assert literal_ip(host) is None


def test_a_numeric_host_out_of_range_is_refused_not_resolved():
    with pytest.raises(BlockedAddress):
        resolve_public("99999999999", 80, resolver=lambda h, p: pytest.fail("resolver called"))


def test_the_first_answer_is_pinned_when_all_answers_are_public():
    pinned = resolve_public(
        "news.example.test", 443, resolver=lambda h, p: ["93.184.216.34", "93.184.216.35"]
    )

    assert pinned == "93.184.216.34"


def test_allow_private_lifts_the_policy_but_still_resolves_and_pins():
    assert resolve_public("db.internal.test", 80, resolver=lambda h, p: ["10.0.0.5"], allow_private=True) == (
        "10.0.0.5"
    )


def test_an_unreadable_answer_fails_closed():
    with pytest.raises(BlockedAddress):
        resolve_public("odd.example.test", 80, resolver=lambda h, p: ["not-an-ip"])


def test_a_dns_failure_is_a_transient_transport_error():
    with pytest.raises(TransportError) as caught:
        resolve_public("does-not-exist.invalid", 80)

    assert caught.value.transient is True
