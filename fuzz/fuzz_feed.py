"""Coverage-guided fuzzing of the feed parser (RELIABILITY P10), for a nightly job.

    .venv/bin/python fuzz/fuzz_feed.py -max_total_time=600 fuzz/corpus fuzz/seeds/feed

Any bytes with any content type must give a `ParsedFeed` whose entries have keys and http(s) links,
or a `ParseError`. Anything else (another exception, a hang past libFuzzer's -timeout, a crash) is a
finding, saved by libFuzzer as crash-* or timeout-*: add it as an @example to the Hypothesis tests in
tests/fetching/test_parse_total_function.py, which check the same property on every test run. This
harness explores further by following coverage. atheris comes with the dev extra.
"""

from __future__ import annotations

import sys
from pathlib import Path

import atheris

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

with atheris.instrument_imports(include=["rumours", "feedparser", "sgmllib"]):
    from rumours.fetching.errors import ParseError
    from rumours.fetching.feeds import ParsedFeed, parse_feed

CONTENT_TYPES = [
    "",
    "application/xml",
    "text/xml; charset=iso-8859-1",
    "application/rss+xml; charset=utf-8",
    "text/html",
    "application/atom+xml; charset=utf-16",
]


def check_one_input(data: bytes) -> None:
    fdp = atheris.FuzzedDataProvider(data)
    content_type = fdp.PickValueInList(CONTENT_TYPES)
    body = fdp.ConsumeBytes(fdp.remaining_bytes())
    try:
        result = parse_feed(body, url="https://feeds.example.test/transfers", content_type=content_type)
    except ParseError:
        return
    if not isinstance(result, ParsedFeed):
        raise AssertionError(f"parse_feed returned {type(result).__name__}")
    for entry in result.entries:
        if not (isinstance(entry.guid, str) and entry.guid):
            raise AssertionError(f"an entry without a key: {entry!r}")
        if entry.link and not entry.link.startswith(("http://", "https://")):
            raise AssertionError(f"a non-http link got through: {entry.link!r}")


def main() -> None:
    atheris.Setup(sys.argv, check_one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
