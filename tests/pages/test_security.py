"""RELIABILITY.md D4 (hostile text renders inert) and D5 (security headers) for the reader pages."""

import re

import pytest
from django.contrib.auth import get_user_model

from rumours.models import Rumour
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    MentionFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)
from tests.pages.htmlcheck import assert_no_executable_markup, html_problems

pytestmark = pytest.mark.django_db

# OWASP filter-evasion classics and feedparser's sanitizer cases, in the places untrusted text reaches.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)>",
    '<a href="javascript:alert(1)">x</a>',
    "<a href=' jav&#x09;ascript:alert(1)'>x</a>",
    "<body onload=alert(1)>",
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<div style="x:expression(alert(1))">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<object data="javascript:alert(1)"></object>',
    "javascript:alert(1)",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
]
HOSTILE = " ".join(PAYLOADS)


@pytest.fixture
def hostile(scenario):
    source = SourceFactory(name=f"Outlet {PAYLOADS[1]}", url="javascript:alert(1)")
    club = ClubFactory(name=f"FC {PAYLOADS[0]}", stadium=PAYLOADS[2], league=PAYLOADS[1])
    player = PlayerFactory(
        name=f"Player {PAYLOADS[1]}", known_as="", nationality=PAYLOADS[0], position_detail=PAYLOADS[2]
    )
    rumour = RumourFactory(
        player=player,
        from_club=club,
        to_club=scenario.madrid,
        window=PAYLOADS[0][:20],
        likelihood_explanation=[
            {"factor": PAYLOADS[0], "label": PAYLOADS[1], "detail": HOSTILE, "points": 1}
        ],
    )
    article = ArticleFactory(
        title=f"{PAYLOADS[0]} {PAYLOADS[1]}", text=HOSTILE, source=source, url="javascript:alert(1)"
    )
    MentionFactory(
        article=article,
        rumour=rumour,
        sentence=HOSTILE,
        span_start=0,
        span_end=len(HOSTILE),
        cited_outlet=PAYLOADS[1],
        fact=PAYLOADS[2],
    )
    MentionFactory(
        article=article, rumour=scenario.rumour, sentence=HOSTILE, span_start=0, span_end=len(HOSTILE)
    )
    Rumour.objects.filter(pk=scenario.rumour.pk).update(likelihood_explanation=[{"factor": HOSTILE}])
    return player, club, article, source


def hostile_urls(scenario, player, club, article, source) -> list[str]:
    return [
        "/",
        f"/?window={PAYLOADS[0]}",
        player.get_absolute_url(),
        scenario.trent.get_absolute_url(),
        f"{scenario.trent.get_absolute_url()}?kind=rumour",
        club.get_absolute_url(),
        scenario.madrid.get_absolute_url(),
        article.get_absolute_url(),
        source.get_absolute_url(),
        f"/search/?q={PAYLOADS[1]}",
        "/search/?q=player",
        "/search/suggest/?q=player",
        "/search/suggest/?q=<script>",
    ]


def test_hostile_text_renders_escaped_on_every_page(client, scenario, hostile):
    for url in hostile_urls(scenario, *hostile):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_no_executable_markup(html)
        main = html[html.index("<main") :] if "<main" in html else html
        # The html.parser check above looks at real attributes; this one at the raw text of the content area.
        assert "<script" not in main.lower() and "<img" not in main.lower(), url


def test_the_hostile_text_is_shown_as_text(client, scenario, hostile):
    article = hostile[2]
    html = client.get(article.get_absolute_url()).content.decode()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_htmx_partials_are_escaped_too(client, scenario, hostile):
    player = hostile[0]
    headers = {"HX-Request": "true", "HX-Target": "timeline-results"}
    partial = client.get(f"/players/{player.slug}/timeline/", headers=headers).content.decode()
    assert html_problems(partial) == []
    assert "<script" not in partial
    listing = client.get("/", headers={"HX-Request": "true", "HX-Target": "rumour-results"}).content.decode()
    assert html_problems(listing) == [] and "<script" not in listing


def test_the_admin_changelists_are_escaped(client, scenario, hostile):
    admin = get_user_model().objects.create_superuser("admin", "admin@example.com", "a-long-password-1")
    client.force_login(admin)
    for url in (
        "/admin/rumours/article/",
        "/admin/rumours/rumour/",
        "/admin/players/player/",
        "/admin/players/club/",
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        problems = [
            p
            for p in html_problems(response.content.decode(), allowed_script_src=("/static/", "/admin/"))
            if "script tag" not in p and "inline style" not in p
        ]
        assert problems == [], url
        assert "<script>alert" not in response.content.decode()


def test_the_checker_itself_catches_what_it_should():
    assert html_problems("<main><script>alert(1)</script></main>")
    assert html_problems('<main><img src="x" onerror="alert(1)"></main>')
    assert html_problems('<a href=" javascript:alert(1)">x</a>')
    assert html_problems("<a href=x>x</a>")
    assert html_problems('<p style="color:red">x</p>')
    assert not html_problems('<main><p title="x">&lt;script&gt;</p></main>')


# --- D5: security headers ----------------------------------------------------------------------------------


def csp(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part for part in (p.strip() for p in header.split(";")) if part}


@pytest.mark.parametrize("path", ["/", "/search/?q=x", "PLAYER", "ARTICLE"])
def test_each_response_has_its_own_nonce_and_no_unsafe_inline_script(client, scenario, path):
    path = {"PLAYER": scenario.trent.get_absolute_url(), "ARTICLE": scenario.article.get_absolute_url()}.get(
        path, path
    )
    first, second = client.get(path, secure=True), client.get(path, secure=True)
    nonces = []
    for response in (first, second):
        policy = csp(response)
        assert "'unsafe-inline'" not in policy["script-src"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy.get("style-src", "")
        assert policy["object-src"] == "object-src 'none'"
        assert "frame-ancestors 'none'" in response["Content-Security-Policy"]
        nonce = re.search(r"'nonce-([^']+)'", policy["script-src"]).group(1)
        assert f'nonce="{nonce}"' in response.content.decode()
        assert "csp-nonce-" not in response.content.decode()  # the cached page's placeholder never leaks
        nonces.append(nonce)
    assert nonces[0] != nonces[1]


def test_the_other_security_headers_are_set(client, scenario, settings):
    settings.SECURE_HSTS_SECONDS = 31_536_000  # production turns this on; the middleware reads it per request
    for path in ("/", scenario.trent.get_absolute_url(), "/api/players", "/feeds/rumours/"):
        response = client.get(path, secure=True)
        assert response["X-Frame-Options"] == "DENY", path
        assert response["X-Content-Type-Options"] == "nosniff", path
        assert response["Referrer-Policy"] == "same-origin", path
        assert response["Strict-Transport-Security"].startswith("max-age=31536000"), path


def test_reader_pages_set_no_cookies(client, scenario):
    for path in ("/", scenario.trent.get_absolute_url(), "/search/?q=trent"):
        assert not client.get(path).cookies, path


def test_an_ingested_hostile_article_renders_inert(client, scenario):
    """Through the real ingestion service (extraction and linking run inline), then onto the pages."""
    import datetime as dt

    from rumours.services.articles import article_ingest_text

    text = (
        f"{PAYLOADS[0]} Real Madrid are preparing a bid for Liverpool's Trent Alexander-Arnold. "
        f"{PAYLOADS[1]} {PAYLOADS[4]}"
    )
    article, created = article_ingest_text(
        title=f"{PAYLOADS[0]} {PAYLOADS[1]}",
        text=text,
        canonical_url="text:hostile",
        published=dt.date(2025, 1, 10),
    )
    assert created
    for url in (
        article.get_absolute_url(),
        scenario.trent.get_absolute_url(),
        "/",
        scenario.madrid.get_absolute_url(),
    ):
        html = client.get(url).content.decode()
        assert_no_executable_markup(html)
        assert "<script>alert" not in html and "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in client.get(article.get_absolute_url()).content.decode()
