"""P3: the same player names decode right whatever the bytes and labels claim, in feeds and in pages."""

import codecs

import pytest

from rumours.fetching.feeds import parse_feed
from rumours.fetching.pages import extract_page

pytestmark = pytest.mark.timeout(60)

RUSSIAN = (
    "Вагнер переходит в «Роверс». Нападающий подписал контракт до 2028 года, сообщает газета. "
    "Клуб заплатит около двенадцати миллионов, а игрок пройдёт медосмотр на этой неделе."
)
LATIN = "Thomas Müller and Martin Ødegaard were both named in the squad for the weekend fixture."


def rss(text: str, declaration: str = '<?xml version="1.0"?>') -> str:
    return (
        f'{declaration}<rss version="2.0"><channel><title>Fixture</title>'
        f"<item><title>{text}</title><description>{text}</description><guid>1</guid></item>"
        "</channel></rss>"
    )


FEED_CASES = {
    "ISO-8859-1 bytes labelled UTF-8 in the header": (
        rss(LATIN).encode("latin-1"), "application/rss+xml; charset=utf-8", ["Müller", "Ødegaard"]
    ),
    "ISO-8859-1 bytes labelled UTF-8 in the prolog": (
        rss(LATIN, '<?xml version="1.0" encoding="utf-8"?>').encode("latin-1"), "application/rss+xml",
        ["Müller", "Ødegaard"],
    ),
    "windows-1251 without any label": (rss(RUSSIAN).encode("cp1251"), "application/rss+xml", ["Вагнер"]),
    "header ISO-8859-1, prolog UTF-8, bytes UTF-8": (
        rss(LATIN, '<?xml version="1.0" encoding="utf-8"?>').encode("utf-8"),
        "application/rss+xml; charset=iso-8859-1", ["Müller", "Ødegaard"],
    ),
    "header UTF-8, prolog windows-1251, bytes windows-1251": (
        rss(RUSSIAN, '<?xml version="1.0" encoding="windows-1251"?>').encode("cp1251"),
        "text/xml; charset=utf-8", ["Вагнер"],
    ),
    "UTF-16 with a BOM": (
        rss(LATIN, '<?xml version="1.0" encoding="utf-16"?>').encode("utf-16"), "", ["Ødegaard"]
    ),
    "UTF-8 with a BOM": (codecs.BOM_UTF8 + rss(LATIN + " " + RUSSIAN).encode(), "", ["Müller", "Вагнер"]),
}  # fmt: skip


@pytest.mark.parametrize("case", sorted(FEED_CASES))
def test_feed_names_decode_right(case):
    body, content_type, names = FEED_CASES[case]

    feed = parse_feed(body, content_type=content_type)

    entry = feed.entries[0]
    for name in names:
        assert name in entry.title
        assert name in entry.summary
    # A wrong label is survivable: at most a warning (CharacterEncodingOverride), never an error.
    assert "\ufffd" not in entry.title


def page(text: str, head: str = "") -> str:
    paragraphs = "".join(f"<p>{text} Paragraph {i} of the report.</p>" for i in range(4))
    body = f"<body><article>{paragraphs}</article></body>"
    return f"<html><head>{head}<title>{text[:40]}</title></head>{body}</html>"


LONG_HEAD = "<!-- " + "padding " * 200 + "-->" + '<meta name="description" content="' + "x" * 600 + '">'

META_1251 = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'

PAGE_CASES = {
    "ISO-8859-1 bytes labelled UTF-8 in the header": (
        page(LATIN).encode("latin-1"), "utf-8", ["Müller", "Ødegaard"]
    ),
    "windows-1251 without any label": (page(RUSSIAN).encode("cp1251"), None, ["Вагнер"]),
    "header windows-1252, meta UTF-8, bytes UTF-8": (
        page(LATIN, '<meta charset="utf-8">').encode(), "windows-1252", ["Müller", "Ødegaard"]
    ),
    "header UTF-8, meta windows-1251, bytes windows-1251": (
        page(RUSSIAN, '<meta charset="windows-1251">').encode("cp1251"), "utf-8", ["Вагнер"]
    ),
    "UTF-16 with a BOM": (page(LATIN).encode("utf-16"), None, ["Ødegaard"]),
    "meta charset after byte 1024": (
        page(RUSSIAN, LONG_HEAD + META_1251).encode("cp1251"),
        None,
        ["Вагнер"],
    ),
}  # fmt: skip


def test_the_meta_fixture_really_declares_after_byte_1024():
    body = PAGE_CASES["meta charset after byte 1024"][0]
    assert body.index(b"charset=windows-1251") > 1024


@pytest.mark.parametrize("case", sorted(PAGE_CASES))
def test_page_names_decode_right(case):
    body, encoding, names = PAGE_CASES[case]

    content = extract_page(body, url="https://example.test/news/1", encoding=encoding)

    for name in names:
        assert name in content.text
    assert "\ufffd" not in content.text
