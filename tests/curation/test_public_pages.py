"""Public pages never expose admin actions, even to a logged-in curator, and accept no writes."""

from __future__ import annotations

import pytest
from django.test import Client


@pytest.fixture
def pages(world) -> list[str]:
    return [
        "/",
        world.trent.get_absolute_url(),
        world.liverpool.get_absolute_url(),
        world.article_bbc.get_absolute_url(),
        world.bbc.get_absolute_url(),
        "/search/?q=Trent",
    ]


def test_a_curator_sees_no_admin_controls_on_public_pages(curator_client, pages):
    for url in pages:
        response = curator_client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert "/admin/" not in html, url
        assert 'method="post"' not in html.lower(), url


def test_public_pages_refuse_writes(curator, pages):
    client = Client(enforce_csrf_checks=False)
    client.force_login(curator)

    for url in pages:
        assert client.post(url, {"action": "approve"}).status_code == 405, url
