import xml.etree.ElementTree as ET

import pytest

from tests.factories import ArticleFactory, MentionFactory

pytestmark = pytest.mark.django_db


def items(response) -> list[dict[str, str]]:
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = ET.fromstring(response.content)
    return [{child.tag: (child.text or "") for child in item} for item in root.iter("item")]


def test_the_all_rumours_feed_has_one_item_per_rumour(client, scenario):
    [item] = items(client.get("/feeds/rumours/"))
    assert item["title"] == "Trent Alexander-Arnold from Liverpool to Real Madrid: bid (72%)"
    assert item["link"].endswith(f"/players/trent-alexander-arnold/#rumour-{scenario.rumour.pk}")
    assert item["guid"] == f"touchline:rumour:{scenario.rumour.pk}:bid"


def test_a_player_feed_carries_each_piece_of_evidence(client, scenario):
    found = items(client.get(f"/feeds/players/{scenario.trent.slug}/"))
    assert {i["title"] for i in found} == {"Real Madrid: bid", "Contract: no new deal agreed"}
    assert any("according to Fichajes" in i["description"] for i in found)


def test_a_club_feed_has_its_rumours_in_and_out(client, scenario):
    assert len(items(client.get(f"/feeds/clubs/{scenario.liverpool.slug}/"))) == 1
    assert len(items(client.get(f"/feeds/clubs/{scenario.madrid.slug}/"))) == 1


def test_markup_in_evidence_stays_text_in_the_feed(client, scenario):
    MentionFactory(
        rumour=scenario.rumour, article=ArticleFactory(), sentence="<script>alert(1)</script> & more"
    )
    raw = client.get(f"/feeds/players/{scenario.trent.slug}/").content.decode()
    assert "<script>" not in raw
    assert "&lt;script&gt;" in raw
    assert any(
        "<script>alert(1)</script>" in i["description"]
        for i in items(client.get(f"/feeds/players/{scenario.trent.slug}/"))
    )


def test_unknown_feeds_are_404(client, db):
    assert client.get("/feeds/players/nobody/").status_code == 404
    assert client.get("/feeds/clubs/nowhere/").status_code == 404
