"""Reader pages, feeds and the API are read-only: only GET and HEAD are answered."""

import pytest

pytestmark = pytest.mark.django_db


def urls(scenario) -> list[str]:
    return [
        "/",
        "/search/?q=trent",
        "/search/suggest/?q=trent",
        scenario.trent.get_absolute_url(),
        f"/players/{scenario.trent.slug}/timeline/",
        scenario.liverpool.get_absolute_url(),
        scenario.article.get_absolute_url(),
        scenario.mirror.get_absolute_url(),
        "/feeds/rumours/",
        f"/feeds/players/{scenario.trent.slug}/",
        f"/feeds/clubs/{scenario.liverpool.slug}/",
        "/api/players",
        f"/api/players/{scenario.trent.slug}",
        f"/api/players/{scenario.trent.slug}/timeline",
        "/api/clubs",
        f"/api/clubs/{scenario.liverpool.slug}",
        "/api/rumours",
        f"/api/rumours/{scenario.rumour.pk}",
        "/healthz",
    ]


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_writes_are_refused_with_405(client, scenario, method):
    for url in urls(scenario):
        response = getattr(client, method)(url)
        assert response.status_code == 405, (method, url, response.status_code)


def test_head_is_answered_by_pages_feeds_and_the_api(client, scenario):
    for url in urls(scenario):
        response = client.head(url)
        assert response.status_code in (200, 302), url
        assert response.content == b"", url


def test_api_head_gives_the_headers_get_gives(client, scenario):
    url = f"/api/players/{scenario.trent.slug}"
    got, head = client.get(url), client.head(url)
    assert head.status_code == got.status_code == 200
    assert head["Content-Type"] == got["Content-Type"] == "application/json; charset=utf-8"


def test_nothing_changes_in_the_database_when_pages_are_read(client, scenario, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        for url in urls(scenario):
            client.get(url)
    writes = [
        q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
