"""A curator's session in headless Chromium, checked on the public player page after each decision.

Logs in, opens the review queue, approves one rumour, rejects one with a reason, merges two duplicates and
marks one completed; after each step the player's public page shows the change (the completed move shows the
new club). Runs against a live server with real commits, so the after-commit work (page cache bumps,
rescoring) happens as in production.
"""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.cache import cache
from django.utils import timezone

from players import clock
from rumours.models import CuratorState, Rumour, Stage
from tests.curation.conftest import PASSWORD, make_user
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    ContractFactory,
    MentionFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def page(browser, live_server):
    cache.clear()  # page fragments of earlier tests must not be served for rows that reuse their ids
    context = browser.new_context(base_url=live_server.url, viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()
    cache.clear()


@pytest.fixture
def season():
    liverpool = ClubFactory(name="Liverpool")
    madrid = ClubFactory(name="Real Madrid", country="Spain", league="La Liga")
    arsenal = ClubFactory(name="Arsenal")
    bayern = ClubFactory(name="Bayern Munich", country="Germany", league="Bundesliga")
    bbc, marca = SourceFactory(name="BBC Sport", reliability_tier=1), SourceFactory(name="Marca")
    trent = PlayerFactory(name="Trent Alexander-Arnold")
    ContractFactory(
        player=trent, club=liverpool, start_date=dt.date(2016, 7, 1), end_date=dt.date(2030, 6, 30)
    )
    now = timezone.now()

    def rumour(club, window, likelihood, sentence, source):
        r = RumourFactory(
            player=trent, from_club=liverpool, to_club=club, window=window, likelihood=likelihood
        )
        MentionFactory(rumour=r, article=ArticleFactory(source=source, published_at=now), sentence=sentence)
        return r

    return {
        "trent": trent,
        "madrid": rumour(madrid, "2025 summer", 70, "Real Madrid want Trent Alexander-Arnold.", bbc),
        "arsenal": rumour(arsenal, "2025 summer", 30, "Arsenal are watching Trent.", marca),
        "bayern": rumour(bayern, "2025 summer", 50, "Bayern Munich are in talks over Trent.", bbc),
        "bayern_dup": rumour(bayern, "2026 January", 45, "Bayern Munich keen on Alexander-Arnold.", marca),
        "curator": make_user("curator", staff=True, group="Curators"),
    }


QUEUE = "/admin/rumours/rumour/review/"


def public_card(page, player, rumour):
    page.goto(player.get_absolute_url())
    return page.locator(f"#rumour-{rumour.pk}")


def test_a_curator_works_through_the_queue_and_readers_see_it(page, season):
    from playwright.sync_api import expect

    trent, madrid, arsenal = season["trent"], season["madrid"], season["arsenal"]
    bayern, bayern_dup = season["bayern"], season["bayern_dup"]

    page.goto(f"/admin/login/?next={QUEUE}")
    page.fill("#id_username", "curator")
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    expect(page.locator("h1")).to_have_text("Review queue")
    expect(page.locator("#rumour-rows tbody tr")).to_have_count(4)
    expect(page.locator(f"#rumour-{madrid.pk} .evidence mark").first).to_have_text("Real Madrid")

    # Approve one rumour with its row's button.
    page.locator(f"#rumour-{madrid.pk}").get_by_role("button", name="Approve").click()
    expect(page.locator(".messagelist")).to_contain_text("1 approved")
    expect(page.locator(f"#rumour-{madrid.pk}")).to_have_count(0)
    expect(public_card(page, trent, madrid)).to_contain_text("Checked by a curator")

    # Reject one, with a reason.
    page.goto(QUEUE)
    page.locator(f"#rumour-{arsenal.pk}").get_by_role("button", name="Reject…").click()
    page.fill("textarea[name=reason]", "Arsenal's interest was denied by the club")
    page.click("input[type=submit][value='Reject rumours']")
    expect(page.locator(".messagelist")).to_contain_text("1 rejected")
    public_card(page, trent, arsenal)
    expect(page.locator(".player-page")).to_be_visible()
    expect(page.locator(f"#rumour-{arsenal.pk}")).to_have_count(0)
    assert Rumour.objects.get(pk=arsenal.pk).curator_note == "Arsenal's interest was denied by the club"

    # Merge the two Bayern rumours (bulk: tick both, pick the action, confirm the survivor).
    page.goto(QUEUE)
    page.check(f"#rumour-{bayern.pk} input[type=checkbox]")
    page.check(f"#rumour-{bayern_dup.pk} input[type=checkbox]")
    page.select_option("#rumour-queue select[name=action]", "merge_rumours")
    page.locator("#rumour-queue").get_by_role("button", name="Go").click()
    page.check(f"input[name=survivor][value='{bayern.pk}']")
    page.click("input[type=submit][value='Merge two rumours']")
    expect(page.locator(".messagelist")).to_contain_text("1 mentions moved")
    card = public_card(page, trent, bayern)
    expect(card).to_contain_text("2 pieces of evidence")
    expect(page.locator(f"#rumour-{bayern_dup.pk}")).to_have_count(0)

    # Mark the surviving Bayern rumour completed, today.
    page.goto(QUEUE)
    page.check(f"#rumour-{bayern.pk} input[type=checkbox]")
    page.select_option("#rumour-queue select[name=action]", "mark_completed")
    page.locator("#rumour-queue").get_by_role("button", name="Go").click()
    expect(page.locator("input[name=on]")).to_have_value(clock.today().isoformat())
    page.click("input[type=submit][value='Mark completed']")
    expect(page.locator(".messagelist")).to_contain_text("1 marked completed")

    page.goto(trent.get_absolute_url())
    expect(page.locator(".player-head .facts")).to_contain_text("Bayern Munich")
    expect(page.locator(f"#rumour-{bayern.pk}")).to_contain_text("Completed")
    # The approved Real Madrid rumour of the same window lost: it is dead now.
    expect(page.locator(f"#rumour-{madrid.pk}")).to_contain_text("Dead")

    states = dict(Rumour.objects.values_list("pk", "curator_state"))
    assert states[madrid.pk] == CuratorState.APPROVED and states[arsenal.pk] == CuratorState.REJECTED
    assert Rumour.objects.get(pk=bayern_dup.pk).merged_into_id == bayern.pk
    assert Rumour.objects.get(pk=bayern.pk).stage == Stage.COMPLETED
    assert trent.current_club.name == "Bayern Munich"
