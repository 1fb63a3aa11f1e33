"""Curator edits win over the machine: extracting an article again never undoes a curator's decision.

These run the real pipeline (rumours.linking.link_article over rumours.extraction) on a real article text.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from players.gazetteer import bump_gazetteer_version
from rumours import curation
from rumours.models import Article, ArticleStatus, CuratorState, Rumour, Stage
from tests.factories import ArticleFactory, ClubFactory, ContractFactory, PlayerFactory, SourceFactory

linking = pytest.importorskip(
    "rumours.linking", reason="rumours.linking (a colleague's issue) is not there yet"
)

INTEREST = (
    "Real Madrid are weighing up an approach for Liverpool defender Trent Alexander-Arnold in January, "
    "according to BBC Sport."
)
AGREED = "Real Madrid have agreed a deal with Liverpool for Trent Alexander-Arnold, according to BBC Sport."


@pytest.fixture
def story(db):
    liverpool = ClubFactory(name="Liverpool")
    ClubFactory(name="Real Madrid", country="Spain", league="La Liga")
    SourceFactory(name="BBC Sport", reliability_tier=1)
    trent = PlayerFactory(name="Trent Alexander-Arnold", position="defender")
    ContractFactory(
        player=trent, club=liverpool, start_date=dt.date(2016, 7, 1), end_date=dt.date(2025, 6, 30)
    )
    # The gazetteer snapshot is per process; tell it the names changed (each test has new ids).
    bump_gazetteer_version()
    article = ArticleFactory(
        title="Madrid weigh Trent move",
        text=INTEREST,
        published_at=timezone.make_aware(dt.datetime(2024, 12, 10, 12)),
    )
    linking.link_article(article)
    return article


def the_rumour() -> Rumour:
    return Rumour.objects.select_related("to_club").get(player__name="Trent Alexander-Arnold")


def test_extraction_made_the_rumour(story):
    rumour = the_rumour()
    assert (rumour.to_club.name, rumour.stage, rumour.curator_state) == (
        "Real Madrid",
        Stage.INTEREST,
        "unreviewed",
    )
    assert rumour.mentions.count() == 1


def test_reextracting_keeps_a_rejection(story, curator):
    curation.rumour_reject(rumour=the_rumour(), user=curator, reason="BBC corrected the story")

    linking.link_article(Article.objects.get(pk=story.pk))

    rumour = the_rumour()
    assert (rumour.curator_state, rumour.curator_note) == (CuratorState.REJECTED, "BBC corrected the story")
    assert rumour.stage == Stage.INTEREST
    assert rumour.mentions.count() == 1
    assert Rumour.objects.count() == 1
    assert Rumour.objects.visible().count() == 0


def test_a_rejected_rumour_stays_rejected_when_the_article_now_says_more(story, curator):
    curation.rumour_reject(rumour=the_rumour(), user=curator, reason="Not credible")
    Article.objects.filter(pk=story.pk).update(text=AGREED)

    linking.link_article(Article.objects.get(pk=story.pk))

    rumour = the_rumour()
    assert (rumour.curator_state, rumour.stage) == (CuratorState.REJECTED, Stage.INTEREST)


def test_a_stage_set_by_a_curator_survives_reextraction(story, curator):
    curation.rumour_set_stage(rumour=the_rumour(), stage=Stage.TALKS, user=curator)
    Article.objects.filter(pk=story.pk).update(text=AGREED)

    linking.link_article(Article.objects.get(pk=story.pk))

    rumour = the_rumour()
    assert (rumour.stage, rumour.stage_set_by_curator, rumour.curator_state) == (
        Stage.TALKS,
        True,
        "unreviewed",
    )


def test_the_re_extract_button_keeps_the_rejection(
    story, curator, curator_client, django_capture_on_commit_callbacks
):
    rumour = the_rumour()
    curation.rumour_reject(rumour=rumour, user=curator, reason="Made up")
    Article.objects.filter(pk=story.pk).update(text=AGREED, extracted_at=None)
    url = reverse("admin:rumours_rumour_reextract", args=[rumour.pk, story.pk])

    with django_capture_on_commit_callbacks(execute=True):
        response = curator_client.post(url)

    assert response.status_code == 302
    assert response["Location"] == reverse("admin:rumours_rumour_change", args=[rumour.pk])
    article = Article.objects.get(pk=story.pk)
    assert article.extracted_at is not None  # the task really ran (inline in tests)
    rumour = the_rumour()
    assert (rumour.curator_state, rumour.stage) == (CuratorState.REJECTED, Stage.INTEREST)
    assert rumour.mentions.get().stance == Stage.AGREED  # the evidence is new; the decision is not


def test_the_change_page_offers_re_extraction_for_each_article(story, curator_client):
    rumour = the_rumour()

    html = curator_client.get(reverse("admin:rumours_rumour_change", args=[rumour.pk])).content.decode()

    action = reverse("admin:rumours_rumour_reextract", args=[rumour.pk, story.pk])
    assert f'<form method="post" action="{action}">' in html
    # The button's form sits outside the change form: Enter in a field saves, it never re-extracts.
    assert html.index(f'action="{action}"') > html.index("</form>")
    assert "<mark>Trent Alexander-Arnold</mark>" in html


def test_re_extraction_is_post_only(story, curator_client):
    url = reverse("admin:rumours_rumour_reextract", args=[the_rumour().pk, story.pk])

    assert curator_client.get(url).status_code == 405


def test_an_article_without_text_is_not_queued(story, curator_client, django_capture_on_commit_callbacks):
    Article.objects.filter(pk=story.pk).update(status=ArticleStatus.FAILED, extracted_at=None)
    url = reverse("admin:rumours_rumour_reextract", args=[the_rumour().pk, story.pk])

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = curator_client.post(url, follow=True)

    assert callbacks == []
    assert "nothing to extract" in response.content.decode()
    assert Article.objects.get(pk=story.pk).extracted_at is None


def test_reextracting_after_a_merge_keeps_the_evidence_on_the_survivor(story, curator):
    merged = the_rumour()
    survivor = Rumour.objects.create(
        player=merged.player, to_club=ClubFactory(name="Real Madrid CF"), window=merged.window
    )
    curation.rumour_merge(survivor=survivor, merged=merged, user=curator)

    linking.link_article(Article.objects.get(pk=story.pk))

    assert survivor.mentions.count() == 1
    assert Rumour.objects.get(pk=merged.pk).mentions.count() == 0
