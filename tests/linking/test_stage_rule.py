import datetime as dt

import pytest

from rumours.linking import _Seen, decide_stage, link_article
from rumours.models import CuratorState, Mention, Rumour, Stage
from tests.linking.conftest import (
    SAKA_BID,
    SAKA_DENIAL,
    SAKA_INTEREST,
    SAKA_JOINS,
    SAKA_REFUSAL,
    make_article,
)


def seen(stance: str, day: int, article: int | None = None) -> _Seen:
    return _Seen(stance, dt.datetime(2025, 1, day, tzinfo=dt.UTC), article or day)


def test_the_most_advanced_stance_wins():
    assert decide_stage([seen("linked", 1), seen("bid", 2), seen("interest", 3)]) == Stage.BID


def test_a_completed_move_is_not_undone_by_a_later_denial():
    assert decide_stage([seen("completed", 1), seen("denied", 5)]) == Stage.COMPLETED


def test_a_refusal_is_the_stage_while_it_is_the_latest_word():
    assert decide_stage([seen("bid", 1), seen("rejected", 2)]) == Stage.REJECTED
    assert decide_stage([seen("interest", 1), seen("denied", 2)]) == Stage.DENIED


def test_talks_after_a_refusal_reopen_the_rumour():
    assert decide_stage([seen("bid", 1), seen("rejected", 2), seen("talks", 3)]) == Stage.BID


def test_an_article_that_refuses_and_reports_progress_is_read_as_progress():
    assert decide_stage([seen("interest", 1), seen("rejected", 2, 9), seen("agreed", 2, 9)]) == Stage.AGREED


def test_a_rejection_outranks_a_denial_in_the_same_article():
    assert decide_stage([seen("denied", 2, 9), seen("rejected", 2, 9)]) == Stage.REJECTED


def test_no_evidence_decides_nothing():
    assert decide_stage([]) is None


pytestmark = pytest.mark.django_db


def link(text: str, day: str, stem: str) -> None:
    link_article(make_article(text, day, stem=stem))


def test_the_stage_follows_the_articles_in_the_database(world):
    link(SAKA_INTEREST, "2024-12-01", "interest")
    assert Rumour.objects.get().stage == Stage.INTEREST
    link(SAKA_BID, "2025-01-05", "bid")
    assert Rumour.objects.get().stage == Stage.BID
    link(SAKA_REFUSAL, "2025-01-08", "refusal")
    assert Rumour.objects.get().stage == Stage.REJECTED
    link(SAKA_JOINS, "2025-01-30", "joins")
    assert Rumour.objects.get().stage == Stage.COMPLETED


def test_the_stage_does_not_depend_on_the_order_articles_are_linked_in(world):
    link(SAKA_DENIAL, "2025-01-10", "denial")
    link(SAKA_INTEREST, "2024-12-01", "interest")
    link(SAKA_BID, "2025-01-05", "bid")

    assert Rumour.objects.get().stage == Stage.DENIED


def test_a_curators_stage_is_never_overwritten(world):
    rumour = Rumour.objects.create(
        player=world.saka,
        to_club=world.chelsea,
        window="2025 January",
        stage=Stage.TALKS,
        stage_set_by_curator=True,
    )

    link(SAKA_JOINS, "2025-01-30", "joins")

    rumour.refresh_from_db()
    assert rumour.stage == Stage.TALKS
    assert rumour.stage_set_by_curator
    # The evidence is still recorded against it.
    assert Mention.objects.get().rumour == rumour
    assert rumour.first_seen.date() == dt.date(2025, 1, 30)


@pytest.mark.parametrize("state", [CuratorState.REJECTED, CuratorState.APPROVED])
def test_a_rumour_a_curator_reviewed_keeps_its_stage_and_verdict(world, state):
    rumour = Rumour.objects.create(
        player=world.saka,
        to_club=world.chelsea,
        window="2025 January",
        stage=Stage.LINKED,
        curator_state=state,
    )

    link(SAKA_BID, "2025-01-05", "bid")

    rumour.refresh_from_db()
    assert (rumour.stage, rumour.curator_state) == (Stage.LINKED, state)
