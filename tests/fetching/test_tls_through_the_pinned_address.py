"""Pinning keeps TLS honest: SNI and the certificate check use the hostname; the socket, the pinned IP."""

import shutil
import ssl
import subprocess

import pytest
from pytest_httpserver import HTTPServer

from rumours.fetching.errors import TransportError
from rumours.fetching.http import fetch
from rumours.fetching.transport import build_client

from .conftest import PUBLIC_TEST_IP, public_policy

pytestmark = [
    pytest.mark.timeout(60),
    pytest.mark.skipif(
        shutil.which("openssl") is None, reason="needs the openssl command to make certificates"
    ),
]

HOST = "news.example.test"


def openssl(*args: str, cwd) -> None:
    subprocess.run(["openssl", *args], cwd=cwd, check=True, capture_output=True, timeout=30)


@pytest.fixture(scope="module")
def certificates(tmp_path_factory):
    """A throwaway CA and a certificate it signed for news.example.test."""
    d = tmp_path_factory.mktemp("tls")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", "ca.key", "-out", "ca.pem",
            "-days", "2", "-subj", "/CN=Touchline test CA", "-addext", "basicConstraints=critical,CA:TRUE",
            "-addext", "keyUsage=critical,keyCertSign,cRLSign", cwd=d)  # fmt: skip
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", "server.key", "-out", "server.csr",
            "-subj", f"/CN={HOST}", cwd=d)  # fmt: skip
    (d / "ext.cnf").write_text(f"subjectAltName=DNS:{HOST}\n")
    openssl("x509", "-req", "-in", "server.csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
            "-out", "server.pem", "-days", "2", "-extfile", "ext.cnf", cwd=d)  # fmt: skip
    return d


@pytest.fixture
def tls_server(certificates):
    seen_sni: list[str | None] = []
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(certificates / "server.pem", certificates / "server.key")
    context.sni_callback = lambda sock, name, ctx: seen_sni.append(name)
    server = HTTPServer(host=str(PUBLIC_TEST_IP), port=0, ssl_context=context)
    server.start()
    server.seen_sni = seen_sni
    yield server
    server.clear()
    server.stop()


def test_https_goes_to_the_pinned_ip_with_the_real_sni_host_header_and_certificate_check(
    tls_server, certificates
):
    tls_server.expect_request("/feed.xml").respond_with_data("secure")

    with build_client(verify=ssl.create_default_context(cafile=certificates / "ca.pem")) as client:
        result = fetch(
            f"https://{HOST}:{tls_server.port}/feed.xml",
            client=client,
            resolver=lambda host, port: [str(PUBLIC_TEST_IP)],
            ip_policy=public_policy,
        )

    assert result.body == b"secure"
    assert tls_server.seen_sni == [HOST]
    assert tls_server.log[0][0].headers["Host"] == f"{HOST}:{tls_server.port}"


def test_a_certificate_for_another_name_is_refused_permanently(tls_server, certificates):
    tls_server.expect_request("/").respond_with_data("should not be read")

    with (
        build_client(verify=ssl.create_default_context(cafile=certificates / "ca.pem")) as client,
        pytest.raises(TransportError) as caught,
    ):
        fetch(
            f"https://other.example.test:{tls_server.port}/",
            client=client,
            resolver=lambda host, port: [str(PUBLIC_TEST_IP)],
            ip_policy=public_policy,
        )

    assert caught.value.transient is False
    assert "certificate" in caught.value.reason.lower()
    assert len(tls_server.log) == 0
