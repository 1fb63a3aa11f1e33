"""F6: a gzip bomb (10 MiB on the wire, 10 GiB decoded) stops at the decoded cap with bounded memory.

The fetch runs in a subprocess under RLIMIT_AS 512 MiB, so a fetcher that inflated whole chunks (or the whole
body) would die there rather than take the test runner down; the child reports its own peak RSS
(VmHWM: getrusage's ru_maxrss would include the forked test runner's, kept across exec on Linux).
"""

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tests.support import hostile_server as hostile

pytestmark = pytest.mark.timeout(60)

REPO = Path(__file__).resolve().parents[2]

CHILD = textwrap.dedent(
    """
    import json, resource, sys, time
    resource.setrlimit(resource.RLIMIT_AS, (512 * 1024**2, 512 * 1024**2))
    from rumours.fetching.errors import FetchError
    from rumours.fetching.http import fetch
    started = time.monotonic()
    outcome = {"error": None}
    try:
        fetch(sys.argv[1], allow_private=True)
    except FetchError as exc:
        outcome = {"error": type(exc).__name__, "reason": exc.reason, "transient": exc.transient}
    outcome["elapsed"] = time.monotonic() - started
    status = open("/proc/self/status").read().splitlines()
    outcome["peak_rss_mib"] = int(next(l for l in status if l.startswith("VmHWM")).split()[1]) / 1024
    print(json.dumps(outcome))
    """
)


def test_a_gzip_bomb_is_aborted_at_the_decoded_cap_with_bounded_memory(raw_server):
    server = raw_server(hostile.gzip_bomb())

    child = subprocess.run(
        [sys.executable, "-c", CHILD, server.url("/feed.xml")],
        capture_output=True,
        text=True,
        timeout=50,
        cwd=REPO,
    )

    assert child.returncode == 0, child.stderr
    outcome = json.loads(child.stdout)
    assert outcome["error"] == "ResponseTooLarge"
    assert outcome["transient"] is False
    assert outcome["peak_rss_mib"] < 200
    # It stopped after a few MiB of output, i.e. a few KiB of the 10 MiB on the wire.
    assert server.bytes_sent < 10 * 1024 * 1024
