"""P2: entity expansion bombs and external entities. Fast, bounded, and nothing is read or fetched."""

import json
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from rumours.fetching.errors import ParseError
from rumours.fetching.feeds import ParsedFeed, parse_feed

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parents[2]
ITEMS = "<item><title>{title}</title><description>{body}</description><guid>g1</guid></item>"


def rss(doctype: str, title: str = "Wagner", body: str = "Talks") -> bytes:
    return (
        f'<?xml version="1.0"?>\n{doctype}\n<rss version="2.0"><channel><title>{title}</title>'
        + ITEMS.format(title=title, body=body)
        + "</channel></rss>"
    ).encode()


def billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{(f"&lol{i - 1};" if i > 1 else "&lol;") * 10}">' for i in range(1, 10)
    ]
    return rss("<!DOCTYPE rss [\n" + "\n".join(entities) + "\n]>", title="&lol9;", body="&lol9;")


def quadratic_blowup() -> bytes:
    return rss(f'<!DOCTYPE rss [<!ENTITY a "{"x" * 100_000}">]>', body="&a;" * 10_000)


def all_text(feed: ParsedFeed) -> str:
    return feed.title + "".join(e.guid + e.link + e.title + e.summary for e in feed.entries)


def parse_or_none(body: bytes) -> ParsedFeed | None:
    try:
        return parse_feed(body)
    except ParseError:
        return None


@pytest.mark.parametrize("bomb", [billion_laughs, quadratic_blowup])
def test_entity_bombs_are_not_expanded(bomb):
    started = time.monotonic()

    feed = parse_or_none(bomb())

    assert time.monotonic() - started < 2
    if feed is not None:
        assert len(all_text(feed)) < 2_000_000
        assert "lollollol" not in all_text(feed)


def test_an_external_entity_does_not_read_local_files():
    body = rss('<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', title="T &xxe;", body="&xxe;")

    feed = parse_or_none(body)

    assert feed is None or "root:" not in all_text(feed)


def test_an_external_dtd_and_parameter_entity_are_never_fetched(canary):
    canary.expect_request("/x.dtd").respond_with_data('<!ENTITY leak "LEAKED">')
    dtd = canary.url_for("/x.dtd")
    bodies = [
        rss(f'<!DOCTYPE rss SYSTEM "{dtd}">', title="T &leak;"),
        rss(f'<!DOCTYPE rss [<!ENTITY % ext SYSTEM "{dtd}"> %ext;]>', title="T &leak;"),
        rss(f'<!DOCTYPE rss [<!ENTITY ext SYSTEM "{dtd}">]>', title="T &ext;"),
    ]

    for body in bodies:
        feed = parse_or_none(body)
        assert feed is None or "LEAKED" not in all_text(feed)

    assert len(canary.log) == 0


CHILD = textwrap.dedent(
    """
    import json, resource, sys
    resource.setrlimit(resource.RLIMIT_AS, (512 * 1024**2, 512 * 1024**2))
    sys.path.insert(0, sys.argv[1])
    from rumours.fetching.errors import ParseError
    from rumours.fetching.feeds import parse_feed
    from tests.fetching.test_xml_bomb_and_xxe import billion_laughs, quadratic_blowup
    outcomes = []
    for bomb in (billion_laughs, quadratic_blowup):
        try:
            parse_feed(bomb())
            outcomes.append("parsed")
        except ParseError:
            outcomes.append("ParseError")
    peak = int(next(l for l in open("/proc/self/status") if l.startswith("VmHWM")).split()[1]) / 1024
    print(json.dumps({"outcomes": outcomes, "peak_rss_mib": peak}))
    """
)


def test_bombs_stay_within_a_512_mib_address_space_limit():
    child = subprocess.run(
        [sys.executable, "-c", CHILD, str(REPO)], capture_output=True, text=True, timeout=50, cwd=REPO
    )

    assert child.returncode == 0, child.stderr
    outcome = json.loads(child.stdout)
    assert len(outcome["outcomes"]) == 2
    assert outcome["peak_rss_mib"] < 200
