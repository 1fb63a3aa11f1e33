import pytest

from tests.factories import ArticleFactory, SourceFactory
from tests.pages.conftest import EVIDENCE
from tests.pages.test_player_page import text_of

pytestmark = pytest.mark.django_db


def test_the_article_page_shows_the_facts_beside_the_marked_text(client, scenario):
    html = client.get(scenario.article.get_absolute_url()).content.decode()
    text = html[html.index('class="article-text"') : html.index('id="facts-heading"')]
    facts = html[html.index('id="facts-heading"') :]
    assert f'<mark class="evidence-span" id="span-{scenario.mention.pk}">' in text
    assert "Intro line." in text
    assert "Rumours" in facts and "Contracts" in facts
    assert f'href="#span-{scenario.mention.pk}"' in facts
    assert "citing Fichajes" in facts
    assert "<mark>Real Madrid</mark>" in facts
    assert 'href="https://news.example/' in html and 'rel="noopener noreferrer nofollow"' in html


def test_a_span_that_does_not_match_the_text_is_not_marked(client, scenario):
    scenario.mention.span_start, scenario.mention.span_end = 0, 5
    scenario.mention.save()
    html = client.get(scenario.article.get_absolute_url()).content.decode()
    assert f'id="span-{scenario.mention.pk}"' not in html
    assert EVIDENCE.split(",")[0].replace("'", "&#x27;") in html


def test_an_article_link_that_is_not_http_is_not_linked(client, scenario):
    article = ArticleFactory(url="javascript:alert(1)", canonical_url="text:1")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "javascript:" not in html
    assert "Read the original article" not in html


def test_the_source_page_shows_tier_and_track_record(client, scenario):
    scenario.mirror.claims_resolved, scenario.mirror.claims_correct = 8, 6
    scenario.mirror.save()
    text = text_of(client.get(scenario.mirror.get_absolute_url()).content)
    assert "Tier 3: mixed" in text
    assert "6 of 8 resolved claims right (75%)" in text
    assert "Real Madrid plot Alexander-Arnold move" in text
    assert "Trent Alexander-Arnold" in text  # a rumour it reported


def test_a_source_cited_by_others_lists_what_it_was_cited_for(client, scenario):
    text = text_of(client.get(scenario.fichajes.get_absolute_url()).content)
    assert "Cited by others 1 time" in text
    assert "Trent Alexander-Arnold" in text


def test_a_source_without_resolved_claims_says_so(client, db):
    source = SourceFactory(name="New Outlet")
    assert "No resolved claims yet" in text_of(client.get(source.get_absolute_url()).content)


def test_unknown_articles_and_sources_are_404(client, db):
    assert client.get("/articles/999999/").status_code == 404
    assert client.get("/sources/nobody/").status_code == 404
