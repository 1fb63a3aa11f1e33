"""P8 at this layer: links to the same article canonicalise to one URL; P11: canonicalisation is total."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rumours.fetching.urls import canonicalize_url

pytestmark = pytest.mark.timeout(60)

SAME_ARTICLE = [
    "https://sport.example.test/news/wagner-rovers",
    "https://sport.example.test/news/wagner-rovers/",
    "HTTPS://Sport.Example.TEST/news/wagner-rovers",
    "https://sport.example.test:443/news/wagner-rovers",
    "https://sport.example.test/news/wagner-rovers#comments",
    "https://sport.example.test/news/wagner-rovers?utm_source=rss&utm_medium=feed&utm_campaign=x",
    "https://sport.example.test/news/wagner-rovers?fbclid=abc&gclid=def&mc_cid=1&mc_eid=2&ref=home&cmpid=9",
    "https://sport.example.test/news/./wagner-rovers",
    "https://sport.example.test/news/x/../wagner-rovers",
    "https://sport.example.test/%6Eews/wagner%2Drovers",
    "  https://sport.example.test/news/wagner-rovers  ",
]


@pytest.mark.parametrize("url", SAME_ARTICLE)
def test_variants_of_one_link_canonicalise_to_the_same_url(url):
    assert canonicalize_url(url) == "https://sport.example.test/news/wagner-rovers"


def test_meaningful_query_parameters_are_kept_and_sorted():
    assert (
        canonicalize_url("http://example.test/story?b=2&utm_term=x&a=1&page=3")
        == "http://example.test/story?a=1&b=2&page=3"
    )


def test_a_non_default_port_and_the_root_slash_are_kept():
    assert canonicalize_url("http://Example.test:8080") == "http://example.test:8080/"


def test_percent_escapes_are_normalised_but_reserved_ones_kept():
    assert canonicalize_url("http://example.test/a%2fb/%e2%82%ac/ space") == (
        "http://example.test/a%2Fb/%E2%82%AC/%20space"
    )


def test_non_ascii_paths_are_escaped():
    assert (
        canonicalize_url("https://example.test/spieler/müller") == "https://example.test/spieler/m%C3%BCller"
    )


@pytest.mark.parametrize(
    "url",
    ["file:stem-name", "ftp://Example.test/x", "not a url", "", "http://[::1", "mailto:a@b.test"],
)
def test_anything_that_is_not_an_http_url_comes_back_stripped_and_unchanged(url):
    assert canonicalize_url(f" {url} ") == url


@given(st.text())
def test_canonicalisation_never_raises_and_is_idempotent_on_any_text(text):
    once = canonicalize_url(text)
    assert canonicalize_url(once) == once


urls = st.builds(
    lambda scheme, host, port, path, query, fragment: f"{scheme}://{host}{port}{path}{query}{fragment}",
    st.sampled_from(["http", "https", "HTTP", "Https"]),
    st.from_regex(r"[A-Za-z0-9.-]{1,20}|\[::1\]|127\.0\.0\.1", fullmatch=True),
    st.sampled_from(["", ":80", ":443", ":8080", ":0", ":99999", ":x"]),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=30).map(lambda s: "/" + s),
    st.lists(
        st.tuples(st.sampled_from(["a", "utm_source", "Ref", "b", "%41", "q"]), st.text(max_size=8))
    ).map(lambda pairs: "?" + "&".join(f"{k}={v}" for k, v in pairs) if pairs else ""),
    st.sampled_from(["", "#", "#frag", "#a?b"]),
)


@given(urls)
def test_canonicalisation_is_idempotent_on_url_shaped_text(url):
    once = canonicalize_url(url)
    assert canonicalize_url(once) == once
    assert "#" not in once or once == url.strip()
