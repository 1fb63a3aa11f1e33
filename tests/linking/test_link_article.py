import datetime as dt

import pytest

from players.models import Club
from rumours import cache as page_cache
from rumours.extraction import EXTRACTION_VERSION
from rumours.gazetteer_snapshot import current_snapshot
from rumours.linking import link_article
from rumours.models import Article, ArticleStatus, Mention, MentionKind, Rumour, Stage
from tests.linking.conftest import SAKA_BID, SAKA_INTEREST, make_article

pytestmark = pytest.mark.django_db


def test_it_creates_the_rumour_with_its_evidence(world):
    article = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")

    summary = link_article(article)

    rumour = Rumour.objects.get()
    assert (rumour.player, rumour.from_club, rumour.to_club) == (world.saka, world.arsenal, world.chelsea)
    assert rumour.window == "2025 January"
    assert rumour.stage == Stage.INTEREST
    assert rumour.first_seen == rumour.last_seen == article.published_at
    mention = Mention.objects.get()
    assert (mention.kind, mention.rumour, mention.player, mention.club) == (
        MentionKind.RUMOUR,
        rumour,
        world.saka,
        world.chelsea,
    )
    assert mention.stance == Stage.INTEREST
    assert article.text[mention.span_start : mention.span_end] == mention.sentence
    assert mention.sentence.startswith("Chelsea are interested in signing Bukayo Saka")
    assert summary["rumour_ids"] == [rumour.pk]
    assert summary["rumours_created"] == 1
    assert summary["player_ids"] == [world.saka.pk]


def test_it_marks_the_article_extracted_with_the_extraction_version(world):
    article = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")

    link_article(article)

    article.refresh_from_db()
    assert article.status == ArticleStatus.EXTRACTED
    assert article.extraction_version == EXTRACTION_VERSION
    assert article.extracted_at is not None


def test_relinking_an_article_replaces_only_its_own_mentions(world):
    interest = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")
    bid = make_article(SAKA_BID, "2025-01-05", stem="saka-bid")
    link_article(interest)
    link_article(bid)
    interest_mention = Mention.objects.get(article=interest)
    assert Mention.objects.count() == 2

    link_article(bid)
    link_article(bid)

    assert Mention.objects.count() == 2
    assert Mention.objects.filter(article=bid).count() == 1
    assert Mention.objects.get(article=interest).pk == interest_mention.pk
    assert Rumour.objects.count() == 1


def test_relinking_changes_nothing_when_the_text_is_the_same(world):
    article = make_article(SAKA_BID, "2025-01-05", stem="saka-bid")
    link_article(article)
    before = list(Rumour.objects.values())
    history = Rumour.history.count()

    link_article(article)

    assert list(Rumour.objects.values()) == before
    assert Rumour.history.count() == history


def test_an_edited_article_loses_the_facts_it_no_longer_states(world):
    article = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")
    link_article(article)
    rumour = Rumour.objects.get()

    Article.objects.filter(pk=article.pk).update(text="Arsenal drew 1-1 at Villa Park on Saturday.")
    summary = link_article(article)

    assert not Mention.objects.filter(article=article).exists()
    # The rumour is left for curators and the rescore step, which the summary names.
    assert Rumour.objects.filter(pk=rumour.pk).exists()
    assert summary["rumour_ids"] == [rumour.pk]


def test_the_from_club_is_set_only_when_the_rumour_has_none(world):
    kept = Rumour.objects.create(
        player=world.saka, from_club=world.liverpool, to_club=world.chelsea, window="2025 January"
    )
    link_article(make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest"))
    kept.refresh_from_db()
    assert kept.from_club == world.liverpool

    Rumour.objects.filter(pk=kept.pk).update(from_club=None)
    link_article(make_article(SAKA_BID, "2025-01-05", stem="saka-bid"))
    kept.refresh_from_db()
    assert kept.from_club == world.arsenal


def test_first_and_last_seen_span_the_articles_whatever_the_order_they_are_linked_in(world):
    later = make_article(SAKA_BID, "2025-01-05", stem="saka-bid")
    earlier = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")

    link_article(later)
    link_article(earlier)

    rumour = Rumour.objects.get()
    assert rumour.first_seen == earlier.published_at
    assert rumour.last_seen == later.published_at


def test_the_fee_of_a_bid_fills_the_rumour(world):
    link_article(make_article(SAKA_BID, "2025-01-05", stem="saka-bid"))

    rumour = Rumour.objects.get()
    assert (rumour.fee_amount, rumour.fee_currency) == (70_000_000, "GBP")


@pytest.mark.parametrize(
    ("cited", "expected"),
    [("Fichajes.net", "fichajes"), ("FICHAJES", "fichajes"), ("L'Equipe", "equipe"), ("Marca", None)],
)
def test_the_cited_outlet_is_mapped_to_a_source_by_folded_name_or_alias(world, cited, expected):
    text = f"Chelsea are interested in signing Bukayo Saka, according to {cited}."
    link_article(make_article(text, "2024-12-01", stem="saka-cited"))

    mention = Mention.objects.get()
    source = getattr(world, expected) if expected else None
    assert mention.cited_source == source
    # Extraction may report the outlet as written or by the name it knows it under.
    assert mention.cited_outlet in {cited, source.name if source else cited}


def test_a_club_gone_since_the_snapshot_costs_the_fact_not_the_transaction(world):
    current_snapshot()  # built while Chelsea still exists
    Club.objects.filter(pk=world.chelsea.pk).delete()

    summary = link_article(make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest"))

    assert summary["rumour_ids"] == []
    assert not Rumour.objects.exists()


def test_the_pages_of_the_players_it_touched_are_refreshed_after_commit(
    world, django_capture_on_commit_callbacks
):
    before = page_cache.player_version(world.saka.pk)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        link_article(make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest"))
    assert page_cache.player_version(world.saka.pk) == before  # nothing before the commit

    for callback in callbacks:
        callback()

    assert page_cache.player_version(world.saka.pk) != before


def test_window_fallback_follows_the_calendar():
    from rumours.linking import window_for

    assert window_for(dt.date(2025, 1, 20)) == "2025 January"
    assert window_for(dt.date(2025, 5, 2)) == "2025 summer"
    assert window_for(dt.date(2024, 10, 6)) == "2025 January"


def test_evidence_found_again_goes_to_the_rumour_a_curator_merged_it_into(world):
    article = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")
    link_article(article)
    merged = Rumour.objects.get()
    survivor = Rumour.objects.create(player=world.saka, to_club=world.chelsea, window="2025 summer")
    Rumour.objects.filter(pk=merged.pk).update(merged_into=survivor)
    Mention.objects.filter(rumour=merged).update(rumour=survivor)

    summary = link_article(article)

    assert list(Mention.objects.values_list("rumour", flat=True)) == [survivor.pk]
    assert summary["rumour_ids"] == [survivor.pk]
    survivor.refresh_from_db()
    assert survivor.stage == Stage.INTEREST
