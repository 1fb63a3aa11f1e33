import ipaddress

import pytest
from pytest_httpserver import HTTPServer

from rumours.fetching.guard import ip_is_public
from tests.support.hostile_server import RawServer

# Addresses the tests treat as "the public internet": a second loopback address, so that servers bound there
# are reachable while 127.0.0.1 stays private and can serve as the canary that must never be hit.
PUBLIC_TEST_IP = ipaddress.ip_address("127.0.0.2")


def public_policy(ip) -> bool:
    return ip == PUBLIC_TEST_IP or ip_is_public(ip)


@pytest.fixture(scope="session")
def httpserver_listen_address():
    return ("127.0.0.1", 0)


@pytest.fixture
def raw_server():
    """Factory: raw_server(handler, host="127.0.0.1") -> a started RawServer, stopped after the test."""
    started: list[RawServer] = []

    def make(handler, host: str = "127.0.0.1", port: int = 0) -> RawServer:
        server = RawServer(handler, host, port).start()
        started.append(server)
        return server

    yield make
    for server in started:
        server.stop()


def _http_server(host: str, port: int = 0) -> HTTPServer:
    server = HTTPServer(host=host, port=port)
    server.start()
    return server


@pytest.fixture
def canary():
    """A server on 127.0.0.1 that no guarded fetch may ever reach: tests assert its hit count is 0."""
    server = _http_server("127.0.0.1")
    server.expect_request("/").respond_with_data("canary")
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def public_server():
    """A server on 127.0.0.2, which `public_policy` treats as a public address."""
    server = _http_server(str(PUBLIC_TEST_IP))
    yield server
    server.clear()
    server.stop()


@pytest.fixture
def twin_servers():
    """(public, canary) on the same port: 127.0.0.2:P is "public", 127.0.0.1:P is the canary.

    A connection that ignored the pinned address and re-resolved to 127.0.0.1 would land on the canary.
    """
    for _ in range(20):
        public = _http_server(str(PUBLIC_TEST_IP))
        try:
            canary = _http_server("127.0.0.1", public.port)
        except OSError:  # port taken on 127.0.0.1: try another
            public.stop()
            continue
        canary.expect_request("/").respond_with_data("canary")
        yield public, canary
        public.stop()
        canary.stop()
        return
    pytest.fail("could not bind twin servers on one port")
