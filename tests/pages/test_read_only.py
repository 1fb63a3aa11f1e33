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


def test_head_is_answered_by_pages_and_feeds(client, scenario):
    for url in [u for u in urls(scenario) if not u.startswith("/api/")]:
        assert client.head(url).status_code in (200, 302), url


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
