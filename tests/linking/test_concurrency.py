"""Several workers linking at once, on real PostgreSQL with committed transactions (skipped elsewhere,
a failure under CI=true)."""

import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.db import connections, transaction

from players.models import Injury
from rumours.linking import link_article, rumour_upsert
from rumours.models import Mention, Rumour, Stage
from tests.linking.conftest import SAKA_BID, SAKA_INTEREST, make_article

pytestmark = pytest.mark.django_db(transaction=True)

TWO_RUMOURS = (
    "Real Madrid are interested in signing Trent Alexander-Arnold. "
    "Chelsea have tabled a £70m bid for Bukayo Saka."
)
# The same rumours named in the other order, so the two articles would take row locks in opposite orders
# if linking did not sort them.
TWO_RUMOURS_REVERSED = (
    "Chelsea have tabled a £70m bid for Bukayo Saka. "
    "Real Madrid are interested in signing Trent Alexander-Arnold."
)
INJURY = " Dani Carvajal has suffered a serious knee injury and will be out for several months."


def at_once(count: int, work: Callable[[int], object]) -> list[object]:
    """Run `work(i)` in `count` threads released together; each thread closes its own connection."""
    barrier = threading.Barrier(count)

    def run(i: int) -> object:
        try:
            barrier.wait(timeout=20)
            return work(i)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=count) as pool:
        return list(pool.map(run, range(count)))


def test_racing_upserts_make_one_rumour(postgresql_transactional_db, world):
    def upsert(_: int) -> tuple[int, bool]:
        with transaction.atomic():
            rumour, created = rumour_upsert(
                player_id=world.saka.pk, to_club_id=world.chelsea.pk, window="2025 January"
            )
            time.sleep(0.1)  # hold the transaction open so the others queue on the unique index
            return rumour.pk, created

    results = at_once(16, upsert)

    assert Rumour.objects.count() == 1
    assert {pk for pk, _ in results} == {Rumour.objects.get().pk}
    assert sum(created for _, created in results) == 1


def test_duplicate_deliveries_of_one_article_leave_one_set_of_evidence(postgresql_transactional_db, world):
    article = make_article(TWO_RUMOURS + INJURY, "2025-01-05", stem="two-rumours")

    at_once(8, lambda _: link_article(article))

    assert Rumour.objects.count() == 2
    assert Mention.objects.filter(article=article).count() == 3
    assert Injury.objects.count() == 1


@pytest.mark.parametrize("known", [False, True], ids=["new-rumours", "known-rumours"])
def test_articles_about_the_same_rumours_link_concurrently_without_deadlock(
    postgresql_transactional_db, world, known
):
    if known:
        # Rumours that exist already: nobody queues on an INSERT, so only the lock order prevents deadlocks.
        link_article(make_article(TWO_RUMOURS, "2025-01-04", stem="first"))
    articles = [
        make_article(TWO_RUMOURS if n % 2 else TWO_RUMOURS_REVERSED, "2025-01-05", stem=f"story-{n}")
        for n in range(8)
    ]

    at_once(8, lambda i: link_article(articles[i]))

    assert Rumour.objects.count() == 2
    assert Mention.objects.filter(article__in=articles).count() == 8 * 2
    for rumour in Rumour.objects.all():
        assert rumour.mentions.filter(article__in=articles).count() == 8


def test_concurrent_evidence_is_all_counted_in_the_stage(postgresql_transactional_db, world):
    interest = make_article(SAKA_INTEREST, "2024-12-01", stem="saka-interest")
    bid = make_article(SAKA_BID, "2025-01-05", stem="saka-bid")

    at_once(2, lambda i: link_article([interest, bid][i]))

    rumour = Rumour.objects.get()
    # Whichever committed second saw the other's mention once it held the rumour's lock.
    assert rumour.stage == Stage.BID
    assert rumour.first_seen == interest.published_at
    assert rumour.last_seen == bid.published_at
