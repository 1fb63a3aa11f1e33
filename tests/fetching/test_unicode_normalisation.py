"""P5: the dedupe key ignores what differs between copies of a story and nothing else."""

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumours.fetching.text import content_hash, normalise_for_hash

pytestmark = pytest.mark.timeout(60)


@pytest.mark.parametrize(
    "one,other",
    [
        ("Thomas M\u00fcller", "Thomas Mu\u0308ller"),  # NFC vs NFD
        ("Thomas Müller", "THOMAS MÜLLER"),
        ("Thomas Müller", "Thomas Mu\u200dller"),  # zero-width joiner
        ("Thomas Müller", "Thomas Müller\u202e"),  # right-to-left override
        ("Thomas Müller", "\u202aThomas\u2069 \u200bMüller\ufeff"),  # other bidi and zero-width marks
        ("Thomas Müller", "Ｔｈｏｍａｓ Ｍüｌｌｅｒ"),  # full-width letters
        ("İstanbul derby", "istanbul derby"),  # Turkish capital dotted I
        ("Rovers' bid — £12m…", "Rovers’ bid - £12m..."),  # quotes, dashes, ellipsis
        ("Wagner  signs\n\nfor   Rovers", "Wagner signs for Rovers"),
        ("Müller", "Muller"),  # accents are folded: copies of a story differ in them, stories do not
    ],
)
def test_copies_of_a_story_share_a_key(one, other):
    assert normalise_for_hash(one) == normalise_for_hash(other)
    assert content_hash(one) == content_hash(other)


@pytest.mark.parametrize(
    "one,other",
    [
        ("Rovers bid £12m", "Rovers bid €12m"),
        ("Rovers bid £12m", "Rovers bid £21m"),
        ("Wagner signs", "Wagner resigns"),
        ("Kırklareli", "Kirklareli"),  # dotless ı is a different letter, not a mark
    ],
)
def test_different_stories_keep_different_keys(one, other):
    assert content_hash(one) != content_hash(other)


def test_the_hash_is_a_sha256_hex_digest():
    digest = content_hash("Wagner signs for Rovers")

    assert len(digest) == 64 and int(digest, 16) >= 0


@given(st.text())
def test_normalising_twice_changes_nothing(text):
    once = normalise_for_hash(text)
    assert normalise_for_hash(once) == once


@given(st.text())
def test_the_key_ignores_nfc_versus_nfd_and_case(text):
    nfd, nfc = unicodedata.normalize("NFD", text), unicodedata.normalize("NFC", text)
    assert content_hash(nfd) == content_hash(nfc)
    assert content_hash(text.casefold()) == content_hash(text)
