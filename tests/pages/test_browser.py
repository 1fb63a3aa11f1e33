"""The reader pages in headless Chromium (Debian's package) through Playwright, against a live server."""

import shutil
from pathlib import Path

import pytest
from playwright.sync_api import expect

from rumours.models import Rumour
from tests.factories import ArticleFactory, ClubFactory, MentionFactory, PlayerFactory, RumourFactory
from tests.pages.conftest import EVIDENCE, build_scenario

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
# The page's CSP forbids eval, so waits use Playwright's expect() (which runs outside the page), never
# wait_for_function() with a string.

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"
README_SCREENSHOT = ROOT / "docs" / "screenshots" / "player.png"
XSS_TITLE = "<script>alert(1)</script> Transfer <img src=x onerror=alert(1)>"
XSS_TEXT = (
    "Body <script>alert(2)</script> and <img src=x onerror=alert(3)> and <a href=javascript:alert(4)>x</a>"
)


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.dialogs = []
    page.console_errors = []

    def on_dialog(dialog):
        page.dialogs.append(dialog.message)
        dialog.dismiss()

    page.on("dialog", on_dialog)
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    yield page
    context.close()


@pytest.fixture
def scenario(transactional_db):
    return build_scenario()


def _more_news(scenario) -> None:
    """A few more weeks of news, so the screenshot shows the chart and the timeline as they usually look."""
    import datetime as dt

    from django.utils import timezone

    from tests.factories import SourceFactory

    bbc, athletic = SourceFactory(name="BBC Sport", reliability_tier=1), SourceFactory(name="The Athletic")
    city = ClubFactory(name="Manchester City", league="Premier League")
    rumour = RumourFactory(
        player=scenario.trent,
        from_club=scenario.liverpool,
        to_club=city,
        window="2025 summer",
        stage="interest",
        likelihood=18,
        likelihood_explanation=[
            {"factor": "stage", "label": "Interest reported", "points": 9},
            {"factor": "outlets", "label": "One outlet", "points": 4},
            {"factor": "denial", "label": "Player's camp denies contact", "points": -6},
        ],
        first_seen=timezone.now() - dt.timedelta(days=70),
        last_seen=timezone.now() - dt.timedelta(days=20),
    )
    sentence = "Manchester City have asked about Alexander-Arnold, but the Liverpool defender is not keen."
    MentionFactory(
        rumour=rumour,
        sentence=sentence,
        stance="interest",
        article=ArticleFactory(
            title="City ask about Alexander-Arnold",
            source=athletic,
            published_at=timezone.now() - dt.timedelta(days=20),
        ),
    )
    for weeks, source in ((3, bbc), (5, athletic), (5, bbc), (8, bbc)):
        MentionFactory(
            rumour=scenario.rumour,
            stance="interest",
            cited_outlet="",
            sentence="Los Blancos have made Alexander-Arnold their first choice to replace Dani Carvajal.",
            article=ArticleFactory(
                title="Madrid make Trent their top target",
                source=source,
                published_at=timezone.now() - dt.timedelta(weeks=weeks),
            ),
        )


def _screenshot(page, name: str) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_a_reader_searches_for_trent_and_sees_the_real_madrid_evidence(page, scenario):
    _more_news(scenario)
    page.goto("/")
    assert page.locator("h1").inner_text() == "Transfer rumours"
    page.fill("#site-search", "alexander arnold")
    # Type-ahead suggestions arrive through htmx while typing.
    page.locator("#search-suggestions a", has_text="Trent Alexander-Arnold").wait_for()
    page.press("#site-search", "Enter")
    page.wait_for_url("**/search/?q=alexander+arnold")
    page.get_by_role("link", name="Trent Alexander-Arnold").first.click()
    page.wait_for_url(f"**{scenario.trent.get_absolute_url()}")

    assert page.locator("h1").inner_text().startswith("Trent Alexander-Arnold")
    card = page.locator(f"#rumour-{scenario.rumour.pk}")
    assert "Real Madrid" in card.locator("h3").inner_text()
    assert EVIDENCE in card.locator("blockquote").inner_text()
    assert "Real Madrid" in card.locator("blockquote mark").all_inner_texts()
    card.locator("summary").click()
    assert "a bid has been reported" in card.locator("table").inner_text()
    assert page.dialogs == [] and page.console_errors == []

    path = _screenshot(page, "player")
    README_SCREENSHOT.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(path, README_SCREENSHOT)


def test_the_timeline_filters_without_reloading_the_page(page, scenario):
    page.goto(scenario.trent.get_absolute_url())
    page.evaluate("window.__touchlineMarker = 'still here'")
    results = page.locator("#timeline-results")
    assert "Bid from Real Madrid" in results.inner_text()

    page.locator("label.chip", has_text="Injuries").click()
    expect(results).not_to_contain_text("Bid from Real Madrid")
    assert "Injured: hamstring strain" in results.inner_text()
    assert page.evaluate("window.__touchlineMarker") == "still here"
    assert "kind=injury" in page.url

    page.locator("label.chip", has_text="Rumours").click()
    expect(results).to_contain_text("Bid from Real Madrid")
    assert "hamstring" not in results.inner_text()
    assert page.evaluate("window.__touchlineMarker") == "still here"
    assert page.console_errors == []


def test_a_club_link_leads_to_the_club_page(page, scenario):
    page.goto(scenario.trent.get_absolute_url())
    page.locator(".player-head .facts").get_by_role("link", name="Liverpool").click()
    page.wait_for_url(f"**{scenario.liverpool.get_absolute_url()}")
    assert page.locator("h1").inner_text() == "Liverpool"
    assert page.locator("table.squad").get_by_role("link", name="Trent Alexander-Arnold").is_visible()
    assert "Real Madrid" in page.locator("#out-heading + .rumour-list").inner_text()
    assert page.console_errors == []
    _screenshot(page, "club")


def test_home_filters_change_the_list_without_a_full_reload(page, scenario):
    other = PlayerFactory(name="Kylian Mbappé")
    RumourFactory(
        player=other,
        from_club=ClubFactory(name="Paris Saint-Germain"),
        to_club=scenario.madrid,
        window="2024 summer",
        stage="completed",
        likelihood=100,
    )
    page.goto("/")
    page.evaluate("window.__touchlineMarker = 42")
    listing = page.locator("#rumour-results")
    assert "Kylian Mbappé" in listing.inner_text() and "Trent Alexander-Arnold" in listing.inner_text()

    page.select_option("#f-stage", "bid")
    expect(listing).not_to_contain_text("Mbapp")
    assert "Trent Alexander-Arnold" in listing.inner_text()
    assert page.evaluate("window.__touchlineMarker") == 42
    assert "stage=bid" in page.url

    page.select_option("#f-stage", "")
    page.select_option("#f-window", "2024 summer")
    expect(listing).not_to_contain_text("Trent")
    assert "Kylian Mbappé" in listing.inner_text()
    assert page.evaluate("window.__touchlineMarker") == 42
    assert page.console_errors == []


def test_a_hostile_article_executes_nothing_and_shows_its_text(page, scenario):
    article = ArticleFactory(title=XSS_TITLE, text=XSS_TEXT, source=scenario.mirror)
    MentionFactory(
        article=article, rumour=scenario.rumour, sentence=XSS_TEXT, span_start=0, span_end=len(XSS_TEXT)
    )
    Rumour.objects.filter(pk=scenario.rumour.pk).update(
        likelihood_explanation=[{"factor": XSS_TITLE, "points": 1}]
    )

    for url in (
        article.get_absolute_url(),
        scenario.trent.get_absolute_url(),
        "/",
        scenario.mirror.get_absolute_url(),
    ):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.locator("main script").count() == 0
        assert page.locator("main img").count() == 0
    page.goto(article.get_absolute_url())
    assert "<script>alert(1)</script>" in page.locator("h1").inner_text()
    assert "<img src=x onerror=alert(3)>" in page.locator(".article-text").inner_text()
    assert page.dialogs == []


def test_the_skip_link_is_the_first_stop_for_keyboard_users(page, scenario):
    page.goto(scenario.trent.get_absolute_url())
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    assert page.locator(".skip-link").is_visible()
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
