"""Headless Chromium for browser tests: Debian's package driven by Playwright (no downloaded browser)."""

import os
from collections.abc import Iterator

import pytest

from tests.support import services

CHROMIUM = "/usr/bin/chromium"
# Without the networking flags Chromium keeps trying hosts this closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def chromium() -> Iterator:
    if not os.path.exists(CHROMIUM):
        services.missing(f"Chromium is not installed at {CHROMIUM} (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    # Playwright's sync API keeps an event loop running in this thread for as long as the browser is open;
    # Django would otherwise refuse the ORM calls made meanwhile (the test's rows, the database flush).
    with pytest.MonkeyPatch.context() as patch, sync_playwright() as playwright:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
