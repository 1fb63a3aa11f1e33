import time
from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from rumours.extraction import extract

WORDS = st.sampled_from(
    ["Bayern Munich", "Tomas Kettering", "Cole", "the 32-year-old", "he", "£60m", "bid", "rejected",
    "linked with",
     "\u200b", "é", "\u0301", '"', ".", "\n\n", "their number 66", "Los Blancos", "according to",
     "injury", "'s"]
)  # fmt: skip


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=2000), st.dates(min_value=date(1990, 1, 1), max_value=date(2100, 1, 1)))
def test_extract_never_raises_on_arbitrary_text(gaz, text, published):
    x = extract(text, published=published, gazetteer=gaz, title=text[:50])
    for fact in [*x.rumours, *x.injuries, *x.contracts]:
        assert text[fact.start : fact.end] == fact.evidence


@settings(max_examples=100, deadline=None)
@given(st.lists(WORDS, max_size=300).map(" ".join))
def test_extract_never_raises_on_football_shaped_noise(gaz, text):
    extract(text, published=date(2024, 10, 6), gazetteer=gaz)


def test_extract_is_fast_on_100_kb(gaz):
    text = (
        "Bayern Munich are keen on Tomas Kettering, who is out for six weeks with a knee injury. " * 1200
    )[:100_000]
    t = time.perf_counter()
    extract(text, published=date(2024, 10, 6), gazetteer=gaz)
    assert time.perf_counter() - t < 2.0
