"""parse_feed(): entries, keys, dedupe, links and dates from RSS and Atom fixtures written for these tests."""

from datetime import UTC, datetime

import pytest

from rumours.fetching.feeds import ParsedFeed, parse_feed

pytestmark = pytest.mark.timeout(60)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
  <title>Example Sport - Transfers</title>
  <link>https://sport.example.test/</link>
  <item>
    <title>Rovers in talks over Anton Wagner</title>
    <link>https://sport.example.test/news/wagner-talks</link>
    <guid isPermaLink="false">example-1001</guid>
    <pubDate>Tue, 14 Jan 2025 10:30:00 +0100</pubDate>
    <description>&lt;p&gt;Rovers have opened &lt;b&gt;talks&lt;/b&gt; with United.&lt;/p&gt;
      &lt;script&gt;evil()&lt;/script&gt;</description>
  </item>
  <item>
    <title>Keeper Lars Holm out for several months</title>
    <link>/news/holm-injury</link>
    <pubDate>Wed, 15 Jan 2025 08:00:00 GMT</pubDate>
    <description>Holm suffered a knee injury in training.</description>
  </item>
  <item>
    <title>Same guid again, second copy</title>
    <link>https://sport.example.test/news/wagner-talks-copy</link>
    <guid isPermaLink="false">example-1001</guid>
  </item>
  <item>
    <title>Transfer round-up</title>
    <description>No guid, no link: keyed by title and date.</description>
    <pubDate>Thu, 16 Jan 2025 07:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Click me</title>
    <link>javascript:alert(1)</link>
    <guid isPermaLink="false">example-1005</guid>
  </item>
  <item></item>
</channel>
</rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Example Atom</title>
  <id>urn:example:feed</id>
  <updated>2025-01-14T12:00:00Z</updated>
  <entry>
    <title>Wagner agrees terms</title>
    <id>urn:example:entry:1</id>
    <link href="https://atom.example.test/wagner-terms"/>
    <updated>2025-01-14T12:00:00Z</updated>
    <content type="html">&lt;p&gt;Personal terms &lt;em&gt;agreed&lt;/em&gt;.&lt;/p&gt;</content>
  </entry>
</feed>"""


@pytest.fixture
def rss() -> ParsedFeed:
    return parse_feed(RSS, url="https://sport.example.test/rss.xml", content_type="application/rss+xml")


def test_it_reads_the_feed_title_and_entries(rss):
    assert rss.title == "Example Sport - Transfers"
    assert rss.warning == ""
    assert [e.title for e in rss.entries] == [
        "Rovers in talks over Anton Wagner",
        "Keeper Lars Holm out for several months",
        "Transfer round-up",
        "Click me",
    ]


def test_the_entry_key_is_the_id_then_the_link_then_a_hash(rss):
    talks, injury, roundup, _ = rss.entries

    assert talks.guid == "example-1001"
    assert injury.guid == "https://sport.example.test/news/holm-injury"
    assert roundup.guid.startswith("sha256:") and len(roundup.guid) == 7 + 64


def test_the_hash_key_is_stable_across_parses(rss):
    again = parse_feed(RSS, url="https://sport.example.test/rss.xml")

    assert again.entries[2].guid == rss.entries[2].guid


def test_a_repeated_guid_keeps_the_first_entry(rss):
    assert [e.link for e in rss.entries if e.guid == "example-1001"] == [
        "https://sport.example.test/news/wagner-talks"
    ]


def test_relative_links_are_made_absolute_and_non_http_links_dropped(rss):
    assert rss.entries[1].link == "https://sport.example.test/news/holm-injury"
    assert rss.entries[3].link == ""


def test_dates_are_aware_utc_datetimes(rss):
    assert rss.entries[0].published == datetime(2025, 1, 14, 9, 30, tzinfo=UTC)
    assert rss.entries[1].published == datetime(2025, 1, 15, 8, 0, tzinfo=UTC)
    assert rss.entries[3].published is None


def test_summaries_are_plain_text_without_markup_or_scripts(rss):
    assert rss.entries[0].summary == "Rovers have opened talks with United."


def test_atom_feeds_use_content_when_there_is_no_summary():
    feed = parse_feed(ATOM)

    (entry,) = feed.entries
    assert (entry.guid, entry.link) == ("urn:example:entry:1", "https://atom.example.test/wagner-terms")
    assert entry.summary == "Personal terms agreed."
    assert entry.published == datetime(2025, 1, 14, 12, 0, tzinfo=UTC)


def test_a_valid_feed_with_no_items_is_empty_not_an_error():
    feed = parse_feed(b'<rss version="2.0"><channel><title>Quiet</title></channel></rss>')

    assert (feed.title, feed.entries, feed.warning) == ("Quiet", [], "")
