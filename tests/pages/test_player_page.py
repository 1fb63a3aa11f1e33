import datetime as dt
import re

import pytest

from players import clock
from rumours.models import Rumour
from tests.factories import ArticleFactory, ClubFactory, MentionFactory, PlayerFactory, RumourFactory
from tests.pages.conftest import EVIDENCE

pytestmark = pytest.mark.django_db


def text_of(html: bytes) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html.decode()))


def test_it_shows_who_the_player_is_and_where_he_stands(client, scenario):
    response = client.get(scenario.trent.get_absolute_url())
    text = text_of(response.content)
    age = scenario.trent.age_on(clock.today())
    assert response.status_code == 200
    assert "<h1>Trent Alexander-Arnold" in response.content.decode()
    assert f"Age {age} (born 7 Oct 1998)" in text
    assert "Nationality England" in text
    assert "Defender (right-back)" in text
    assert "shirt number 66" in text
    assert f"Until {scenario.contract.end_date:%-d %b %Y} 6 months left" in text
    assert "£180,000 a week" in text
    assert "Injured: hamstring strain" in text
    assert f'href="{scenario.liverpool.get_absolute_url()}"' in response.content.decode()


def test_it_lists_rumours_most_likely_first_with_stage_destination_and_sources(client, scenario):
    unlikely = RumourFactory(
        player=scenario.trent,
        from_club=scenario.liverpool,
        to_club=ClubFactory(name="Wrexham"),
        likelihood=5,
        stage="linked",
    )
    html = client.get(scenario.trent.get_absolute_url()).content.decode()
    assert html.index(f'id="rumour-{scenario.rumour.pk}"') < html.index(f'id="rumour-{unlikely.pk}"')
    card = html[html.index(f'id="rumour-{scenario.rumour.pk}"') : html.index(f'id="rumour-{unlikely.pk}"')]
    text = text_of(card.encode())
    assert "Real Madrid" in text and "Bid" in text and "72%" in text
    # The Mirror published it, citing Fichajes: two distinct outlets.
    assert "2 outlets : Daily Mirror, Fichajes" in text
    assert f"first seen {scenario.rumour.first_seen:%-d %b %Y}" in text
    assert f"last seen {scenario.rumour.last_seen:%-d %b %Y}" in text
    assert "Why 72%?" in text
    assert "a bid has been reported" in text and "+40" in text


def test_the_latest_evidence_is_quoted_with_names_marked_and_escaped(client, scenario):
    html = client.get(scenario.trent.get_absolute_url()).content.decode()
    assert "<mark>Real Madrid</mark> are preparing a bid for <mark>Liverpool</mark>&#x27;s " in html
    assert "<mark>Trent Alexander-Arnold</mark>" in html
    assert f'href="{scenario.article.get_absolute_url()}"' in html


@pytest.mark.parametrize(
    "explanation",
    [
        "not a list",
        [],
        [1, "two", None],
        [{"points": "lots"}],
        [{"factor": "recency", "label": "Recent news", "value": 0.8}],
    ],
)
def test_any_stored_explanation_renders(client, scenario, explanation):
    Rumour.objects.filter(pk=scenario.rumour.pk).update(likelihood_explanation=explanation)
    response = client.get(scenario.trent.get_absolute_url())
    assert response.status_code == 200
    assert "Why 72%?" in response.content.decode()


def test_a_scorer_label_and_value_are_shown_when_there_is_no_detail(client, scenario):
    Rumour.objects.filter(pk=scenario.rumour.pk).update(
        likelihood_explanation=[
            {"factor": "outlets", "label": "Independent outlets", "value": 2, "points": -3.5}
        ]
    )
    text = text_of(client.get(scenario.trent.get_absolute_url()).content)
    assert "Independent outlets −3.5 value 2" in text


def test_the_timeline_dates_each_entry_and_links_its_article(client, scenario):
    html = client.get(scenario.trent.get_absolute_url()).content.decode()
    timeline = html[html.index('id="timeline-results"') :]
    text = text_of(timeline.encode())
    assert "Bid from Real Madrid" in text
    assert "Contract news: no new deal agreed" in text
    assert "Injured: hamstring strain" in text
    assert f"Signed for Liverpool until {scenario.contract.end_date:%-d %B %Y}" in text
    assert f'<time class="entry-date" datetime="{scenario.injury.occurred_on:%Y-%m-%d}">' in timeline
    assert "<mark>Alexander-Arnold</mark> has not agreed a new deal with <mark>the Reds</mark>." in timeline
    assert f'href="{scenario.article.get_absolute_url()}"' in timeline


def test_the_timeline_filters_by_kind(client, scenario):
    text = text_of(client.get(scenario.trent.get_absolute_url() + "?kind=injury").content)
    timeline = text[text.index("Timeline") :]
    assert "Injured: hamstring strain" in timeline
    assert "Bid from Real Madrid" not in timeline
    assert "Contract news" not in timeline


def test_an_htmx_filter_request_gets_only_the_timeline_and_a_url_to_push(client, scenario):
    response = client.get(
        f"/players/{scenario.trent.slug}/timeline/?kind=rumour",
        headers={"HX-Request": "true", "HX-Target": "timeline-results"},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html and "<h1" not in html
    assert "Bid from Real Madrid" in html and "hamstring" not in html
    assert response["HX-Push-Url"] == f"{scenario.trent.get_absolute_url()}?kind=rumour"
    assert "HX-Request" in response["Vary"]


def test_a_plain_visit_to_the_timeline_url_lands_on_the_page(client, scenario):
    response = client.get(f"/players/{scenario.trent.slug}/timeline/?kind=injury")
    assert response.status_code == 302
    assert response["Location"] == f"{scenario.trent.get_absolute_url()}?kind=injury#timeline"


def test_older_pages_continue_the_timeline_without_gaps_or_repeats(client, scenario):
    day = dt.datetime(2024, 1, 1, 12, tzinfo=dt.UTC)
    shared = ArticleFactory(published_at=day)  # many entries at one instant: the cursor must still be exact
    for n in range(45):
        MentionFactory(rumour=scenario.rumour, article=shared, sentence=f"Shared instant {n}.")
    for n in range(40):
        MentionFactory(
            rumour=scenario.rumour, article=ArticleFactory(published_at=day - dt.timedelta(days=n))
        )
    seen: list[str] = []
    url = f"/players/{scenario.trent.slug}/timeline/"
    headers = {"HX-Request": "true", "HX-Target": "x"}
    while url:
        html = client.get(url, headers=headers).content.decode()
        seen += re.findall(r'<li class="entry entry-\w+" id="(t-\d-\d+)"', html)
        found = re.search(r'hx-get="([^"]+before=[^"]+)"', html)
        url = found.group(1).replace("&amp;", "&") if found else None
    assert len(seen) == len(set(seen))
    assert len(seen) == 2 + 85 + 1 + 1  # two scenario mentions, 85 new ones, the injury, the contract


def test_the_activity_chart_is_an_inline_svg_with_a_text_description(client, scenario):
    html = client.get(scenario.trent.get_absolute_url()).content.decode()
    assert '<svg class="chart"' in html
    assert "1 piece of rumour evidence in the 26 weeks" in html


def test_rejected_and_merged_rumours_are_not_shown(client, scenario):
    rejected = RumourFactory(
        player=scenario.trent, to_club=ClubFactory(name="Rejected FC"), curator_state="rejected"
    )
    merged = RumourFactory(
        player=scenario.trent, to_club=ClubFactory(name="Merged FC"), merged_into=scenario.rumour
    )
    html = client.get(scenario.trent.get_absolute_url()).content.decode()
    assert f'id="rumour-{rejected.pk}"' not in html
    assert f'id="rumour-{merged.pk}"' not in html


def test_a_player_with_nothing_known_still_renders(client, db):
    player = PlayerFactory(
        name="Nobody Known", date_of_birth=None, nationality="", position="", shirt_number=None
    )
    text = text_of(client.get(player.get_absolute_url()).content)
    assert "No open transfer rumours about Nobody Known" in text
    assert "No current club" in text
    assert "Nothing in the timeline yet" in text
    assert "No rumour activity recorded yet" in text


def test_a_merged_player_redirects_to_the_one_he_was_merged_into(client, scenario):
    duplicate = PlayerFactory(name="T. Alexander-Arnold", merged_into=scenario.trent)
    response = client.get(duplicate.get_absolute_url())
    assert response.status_code == 301
    assert response["Location"] == scenario.trent.get_absolute_url()


def test_an_unknown_player_is_a_404(client, db):
    assert client.get("/players/nobody-at-all/").status_code == 404
    assert client.get("/players/nobody-at-all/timeline/").status_code == 404


def test_the_evidence_sentence_is_on_the_page(client, scenario):
    assert EVIDENCE.replace("'", "&#x27;") in client.get(
        scenario.trent.get_absolute_url()
    ).content.decode().replace("<mark>", "").replace("</mark>", "")
