"""Query counts do not grow with the data: the same with 5 rumours as with 200 and 2,000 mentions."""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from rumours.models import Mention, Rumour
from tests.pages.builders import player_with_rumours

pytestmark = pytest.mark.django_db

# Ceilings, so a new query on a page is a conscious decision rather than an accident.
PLAYER_PAGE_MAX = 14
LIST_PAGE_MAX = 8


def queries_for(client, url: str, *, headers: dict | None = None) -> int:
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, headers=headers or {})
    assert response.status_code == 200, url
    return len(queries)


@pytest.fixture
def small_and_big():
    small = player_with_rumours(rumours=5, mentions_per_rumour=2, label="Small")
    big = player_with_rumours(rumours=200, mentions_per_rumour=10, label="Big")
    assert Rumour.objects.filter(player=big).count() == 200
    assert Mention.objects.filter(player=big).count() == 2_000
    return small, big


def test_the_player_page_costs_the_same_for_5_rumours_and_for_200_with_2000_mentions(client, small_and_big):
    small, big = small_and_big
    small_count = queries_for(client, small.get_absolute_url())
    big_count = queries_for(client, big.get_absolute_url())
    assert small_count == big_count
    assert big_count <= PLAYER_PAGE_MAX


def test_the_timeline_partial_and_its_older_pages_cost_the_same_for_both(client, small_and_big):
    small, big = small_and_big
    htmx = {"HX-Request": "true", "HX-Target": "timeline-results"}
    for kind in ("all", "rumour", "injury"):
        counts = {
            queries_for(client, f"/players/{p.slug}/timeline/?kind={kind}", headers=htmx)
            for p in (small, big)
        }
        assert len(counts) == 1, kind
    response = client.get(f"/players/{big.slug}/timeline/", headers=htmx)
    cursor = response.content.decode().split("before=")[1].split('"')[0].split("#")[0]
    older = queries_for(client, f"/players/{big.slug}/timeline/?before={cursor}", headers=htmx)
    first = queries_for(client, f"/players/{big.slug}/timeline/", headers=htmx)
    assert older == first


def test_list_pages_cost_the_same_with_few_and_many_rows(client, django_assert_max_num_queries):
    small = player_with_rumours(rumours=3, mentions_per_rumour=1, label="Few")
    club = small.contracts.order_by("-start_date").first().club
    urls = [
        "/",
        "/?sort=likely",
        "/?stage=interest&min=10",
        club.get_absolute_url(),
        "/search/?q=player",
        "/search/suggest/?q=pla",
        "/feeds/rumours/",
        f"/feeds/players/{small.slug}/",
        f"/feeds/clubs/{club.slug}/",
    ]
    source = small.mentions.first().article.source
    article = small.mentions.first().article
    urls += [source.get_absolute_url(), article.get_absolute_url()]
    few = {url: queries_for(client, url) for url in urls}

    big = player_with_rumours(rumours=120, mentions_per_rumour=3, label="Many")
    # The same club gets a large squad and many rumours in and out.
    for other in range(30):
        player_with_rumours(rumours=2, mentions_per_rumour=1, label=f"Squad{other}")
    for rumour in Rumour.objects.filter(player=big)[:60]:
        Rumour.objects.filter(pk=rumour.pk).update(from_club=club)
    many = {url: queries_for(client, url) for url in urls}
    assert many == few
    for url, count in many.items():
        assert count <= LIST_PAGE_MAX, (url, count)


def test_the_api_costs_the_same_for_both(client, small_and_big):
    small, big = small_and_big
    for template in (
        "/api/players/{slug}",
        "/api/players/{slug}/timeline",
        "/api/rumours?player={slug}&limit=100",
    ):
        counts = [queries_for(client, template.format(slug=p.slug)) for p in (small, big)]
        assert counts[0] == counts[1], template
    assert queries_for(client, "/api/players?limit=100") == queries_for(client, "/api/players?limit=2")


def test_a_cached_player_page_needs_no_query(client, small_and_big, django_assert_num_queries):
    _, big = small_and_big
    client.get(big.get_absolute_url())
    with django_assert_num_queries(0):
        assert client.get(big.get_absolute_url()).status_code == 200
    client.get("/")
    with django_assert_num_queries(0):
        assert client.get("/").status_code == 200
