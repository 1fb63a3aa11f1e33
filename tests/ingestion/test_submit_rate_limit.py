"""The admin "add article" form is rate-limited per user, in the cache every web process shares (D6).

Past TOUCHLINE_SUBMIT_PER_MINUTE submissions in a minute the answer is 429 with the reason on the form, a
Retry-After header, and nothing stored. The count is django-ratelimit's, kept in the default cache: Redis
when REDIS_URL is set, so two gunicorn processes count together. (Failed admin logins are django-axes's, in
the database: tests/curation/test_csrf_and_login.py.)
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import redis
from django.contrib.auth.models import User
from django.core.cache import cache
from django.test import Client
from django.urls import reverse
from pytest_httpserver import HTTPServer

from rumours import ingestion_admin
from rumours.models import Article
from tests.support.celery_worker import REPO, RedisServer, free_port, wait_for
from tests.support.news import page, story
from tests.support.services import port_open

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.timeout(60)]

SUBMIT = "admin:rumours_article_submit"
PASSWORD = "a long enough test password"


@pytest.fixture(autouse=True)
def _fresh_counters() -> Iterator[None]:
    # Counters are keyed by user id, which a rolled-back database may hand out again.
    cache.clear()
    yield
    cache.clear()


def serve_stories(server: HTTPServer, count: int) -> list[str]:
    for n in range(count):
        server.expect_request(f"/story/{n}").respond_with_data(
            page(f"S{n}", story(n)), content_type="text/html"
        )
    return [server.url_for(f"/story/{n}") for n in range(count)]


def curator(name: str = "alice") -> Client:
    client = Client()
    client.force_login(User.objects.create_superuser(name, f"{name}@example.com", PASSWORD))
    return client


def test_submissions_past_the_limit_get_429_with_the_reason_and_store_nothing(
    settings, httpserver: HTTPServer
) -> None:
    settings.TOUCHLINE_SUBMIT_PER_MINUTE = 3
    client = curator()
    urls = serve_stories(httpserver, 4)
    statuses = [client.post(reverse(SUBMIT), {"url": url}).status_code for url in urls]

    assert statuses == [302, 302, 302, 429]
    blocked = client.post(reverse(SUBMIT), {"url": urls[3]})
    assert blocked.status_code == 429
    body = blocked.content.decode()
    assert "Too many submissions: at most 3 a minute." in body and "Nothing was added" in body
    assert urls[3] in body, "what was typed is still on the form"
    assert 1 <= int(blocked["Retry-After"]) <= 60
    assert Article.objects.count() == 3 and not Article.objects.filter(url=urls[3]).exists()
    # Looking at the form is not a submission, and another curator has an allowance of their own.
    assert client.get(reverse(SUBMIT)).status_code == 200
    assert curator("bob").post(reverse(SUBMIT), {"url": urls[3]}).status_code == 302


def test_the_default_is_30_a_minute_and_every_post_counts(settings) -> None:
    assert settings.TOUCHLINE_SUBMIT_PER_MINUTE == 30
    client = curator()

    # Empty forms are refused by the form itself, but each one still counts toward the limit.
    statuses = [client.post(reverse(SUBMIT), {}).status_code for _ in range(31)]

    assert statuses == [200] * 30 + [429]


def test_a_cache_that_cannot_be_reached_lets_the_submission_through(
    monkeypatch, caplog, httpserver: HTTPServer
) -> None:
    def cache_down(*args: object, **kwargs: object) -> None:
        raise redis.ConnectionError("Error 111 connecting to 127.0.0.1:6379. Connection refused.")

    monkeypatch.setattr(ingestion_admin, "get_usage", cache_down)
    serve_stories(httpserver, 1)
    client = curator()

    response = client.post(reverse(SUBMIT), {"url": httpserver.url_for("/story/0")})

    assert response.status_code == 302 and Article.objects.count() == 1
    assert any("rate limit not checked (ConnectionError" in r.getMessage() for r in caplog.records)


def start_gunicorn(port: int, env: dict[str, str], log: Path) -> subprocess.Popen:
    process = subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "-w", "1", "-b", f"127.0.0.1:{port}", "config.wsgi:application"],
        cwd=REPO,
        env={**os.environ, **env},
        stdout=open(log, "ab"),  # noqa: SIM115 - the child owns it
        stderr=subprocess.STDOUT,
    )

    def up() -> bool:
        if process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        return port_open("127.0.0.1", port)

    wait_for(up, timeout=20, what=f"gunicorn on port {port}")
    return process


@pytest.mark.services
def test_the_limit_is_shared_by_two_gunicorn_processes_through_redis(
    live_database_url: str, broker: RedisServer, httpserver: HTTPServer, tmp_path: Path
) -> None:
    User.objects.create_superuser("alice", "alice@example.com", PASSWORD)
    env = {
        "DATABASE_URL": live_database_url,
        "REDIS_URL": broker.url,  # cache and broker: the private Redis (no worker: submissions just queue)
        "DJANGO_SETTINGS_MODULE": "config.settings",
        "SECRET_KEY": "rate-limit-test-" + "k" * 40,  # both processes must read the same session cookie
        "TOUCHLINE_FETCH_ALLOW_PRIVATE": "1",
        "TOUCHLINE_SUBMIT_PER_MINUTE": "30",
    }
    ports = [free_port(), free_port()]
    servers = [start_gunicorn(port, env, tmp_path / f"gunicorn-{port}.log") for port in ports]
    try:
        with httpx.Client(timeout=10) as http:
            login = f"http://127.0.0.1:{ports[0]}/admin/login/"
            form = http.get(login)
            token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
            logged_in = http.post(
                login, data={"username": "alice", "password": PASSWORD, "csrfmiddlewaretoken": token}
            )
            assert logged_in.status_code == 302, logged_in.text[-2000:]

            def submit(port: int, n: int) -> int:
                return http.post(
                    f"http://127.0.0.1:{port}/admin/rumours/article/submit/",
                    data={
                        "url": httpserver.url_for(f"/story/{n}"),
                        "csrfmiddlewaretoken": http.cookies["csrftoken"],
                    },
                ).status_code

            # 15 each, alternating: neither process alone has reached 30.
            statuses = [submit(ports[n % 2], n) for n in range(30)]
            assert statuses == [302] * 30
            over = [submit(ports[0], 30), submit(ports[1], 31)]
    finally:
        for server in servers:
            server.terminate()
            server.wait(10)

    assert over == [429, 429], "each process saw the other's submissions"
    assert broker.client().keys("*rl:*"), "the counter lives in Redis"
    assert Article.objects.count() == 30
