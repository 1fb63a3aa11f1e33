"""extract_page() and read_file(): text, title, date and canonical URL from pages written for these tests."""

from datetime import date

import pytest

from rumours.fetching.errors import ParseError
from rumours.fetching.pages import extract_page, read_file

pytestmark = pytest.mark.timeout(60)

ARTICLE = """<!doctype html>
<html><head>
<title>Rovers close in on Wagner | Example Sport</title>
<meta property="article:published_time" content="2025-01-14T10:00:00Z">
<link rel="canonical" href="/news/wagner-rovers?utm_source=share">
</head><body>
<nav><a href="/">Home</a> <a href="/football">Football</a> <a href="/login">Sign in</a></nav>
<article>
<h1>Rovers close in on Wagner</h1>
<p>Rovers are in advanced talks with United over fictional striker Anton Wagner,
according to the Daily Example.</p>
<p>The 27-year-old has scored nine goals this season and his contract runs out in the summer.</p>
<p>United would prefer to keep him until June but could accept a bid of around 12 million pounds.</p>
</article>
<aside>Most read: an unrelated story about a stadium.</aside>
<footer>Copyright Example Sport</footer>
</body></html>"""


def test_it_extracts_title_text_date_and_canonical_url():
    page = extract_page(ARTICLE.encode(), url="https://sport.example.test/live/123?ref=home")

    assert page.title == "Rovers close in on Wagner"
    assert "advanced talks with United over fictional striker Anton Wagner" in page.text
    assert "bid of around 12 million pounds" in page.text
    assert "Sign in" not in page.text
    assert page.published == date(2025, 1, 14)
    assert page.canonical_url == "https://sport.example.test/news/wagner-rovers"


def test_without_a_canonical_link_the_url_itself_is_canonicalised():
    html = ARTICLE.replace('<link rel="canonical" href="/news/wagner-rovers?utm_source=share">', "")

    page = extract_page(html.encode(), url="HTTPS://Sport.Example.test/live/123/?utm_medium=x#top")

    assert page.canonical_url == "https://sport.example.test/live/123"


@pytest.mark.parametrize("href", ["javascript:alert(1)", "ftp://files.example.test/x", "data:text/html,hi"])
def test_a_canonical_link_that_is_not_http_is_ignored(href):
    html = ARTICLE.replace("/news/wagner-rovers?utm_source=share", href)

    page = extract_page(html.encode(), url="https://sport.example.test/live/123")

    assert page.canonical_url == "https://sport.example.test/live/123"


def test_a_page_without_a_date_has_none():
    html = ARTICLE.replace('<meta property="article:published_time" content="2025-01-14T10:00:00Z">', "")

    assert extract_page(html.encode(), url="https://sport.example.test/a").published is None


def test_a_short_page_still_yields_its_text():
    html = b"<html><head><title>Brief</title></head><body><p>Holm signs a new deal.</p></body></html>"

    page = extract_page(html, url="https://example.test/brief")

    assert page.text == "Holm signs a new deal."
    assert page.title == "Brief"


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"   \n  ",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj",
        b"\x89PNG\r\n\x1a\n" + bytes(100),
        bytes(range(256)) * 20,
        b"<html><head><title>Nothing</title></head><body><script>var a = 1;</script></body></html>",
    ],
)
def test_empty_binary_or_textless_content_is_a_parse_error(body):
    with pytest.raises(ParseError):
        extract_page(body, url="https://example.test/x")


def test_read_file_takes_the_first_line_of_a_text_file_as_the_title(tmp_path):
    path = tmp_path / "rovers_wagner.txt"
    path.write_text("\nRovers close in on Wagner\nRovers are in talks.\n\nThe fee is 12 million.\n")

    page = read_file(path)

    assert page.title == "Rovers close in on Wagner"
    assert page.text == "Rovers are in talks.\n\nThe fee is 12 million."
    assert page.canonical_url == "file:rovers_wagner"
    assert page.published is None


def test_read_file_decodes_legacy_text_files(tmp_path):
    path = tmp_path / "mueller.txt"
    path.write_bytes(
        "Müller stays\nThomas Müller has signed a new contract with the club.\n".encode("latin-1")
    )

    assert read_file(path).title == "Müller stays"


def test_read_file_extracts_html_files_and_keys_them_by_stem(tmp_path):
    path = tmp_path / "wagner.html"
    path.write_text(ARTICLE)

    page = read_file(path)

    assert page.title == "Rovers close in on Wagner"
    assert page.canonical_url == "file:wagner"
    assert page.published == date(2025, 1, 14)


@pytest.mark.parametrize(
    "name,content", [("notes.pdf", b"%PDF-1.7"), ("empty.txt", b""), ("blank.txt", b"\n \n")]
)
def test_read_file_refuses_unsupported_or_empty_files(tmp_path, name, content):
    path = tmp_path / name
    path.write_bytes(content)

    with pytest.raises(ParseError):
        read_file(path)


def test_read_file_reports_a_missing_file_as_a_parse_error(tmp_path):
    with pytest.raises(ParseError):
        read_file(tmp_path / "missing.txt")
