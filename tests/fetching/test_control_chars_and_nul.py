"""P4: NUL, control characters, lone surrogates and noncharacters never reach the database."""

import re

import pytest

from rumours.fetching.feeds import parse_feed
from rumours.fetching.pages import extract_page
from rumours.fetching.text import clean_text

pytestmark = pytest.mark.timeout(60)

UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@pytest.mark.parametrize(
    "dirty,clean",
    [
        ("Wag\x00ner", "Wagner"),
        ("Wag\x0bner", "Wagner"),
        ("Wagner\ud800", "Wagner"),
        ("\udfffWagner", "Wagner"),
        ("Wag\ufffener\uffff", "Wagner"),
        ("Wagner\x85\x9f", "Wagner"),
        ("line one\r\nline two\rthree", "line one\nline two\nthree"),
        ("tabs\tand\nnewlines stay", "tabs\tand\nnewlines stay"),
        ("Mu\u0308ller", "Müller"),  # NFD in, NFC out
        ("Rovers \u200dteam\u202e", "Rovers \u200dteam\u202e"),  # format characters are content here
    ],
)
def test_clean_text(dirty, clean):
    assert clean_text(dirty) == clean


def test_it_is_idempotent_and_text_survives_an_encode_for_postgres():
    once = clean_text("a\x00b\ud83dc\U0001fffe")
    assert clean_text(once) == once
    once.encode()  # lone surrogates would raise here


def test_feed_fields_are_cleaned():
    # Raw control bytes are not well-formed XML; character references to them are not either.
    body = (
        b'<?xml version="1.0"?><rss version="2.0"><channel><title>Feed\x0b</title><item>'
        b"<title>Wag\x00ner &#xFFFE; signs\x0b</title><description>Text\x00 with\x1f junk</description>"
        b"<guid>id-\x00-1\x0b</guid></item></channel></rss>"
    )

    feed = parse_feed(body)

    (entry,) = feed.entries
    for field in (feed.title, entry.title, entry.summary, entry.guid):
        assert not UNSAFE.search(field), repr(field)
    assert "Wagner" in entry.title
    assert entry.guid == "id--1"


def test_page_text_is_cleaned():
    html = (
        "<html><head><title>Holm\x0b out</title></head><body><article>"
        + "<p>Lars Holm\x00 is out for several months\x1f with a knee injury, the club said.</p>" * 3
        + "</article></body></html>"
    ).encode()

    content = extract_page(html, url="https://example.test/holm")

    assert not UNSAFE.search(content.title + content.text)
    assert "Lars Holm is out" in content.text
