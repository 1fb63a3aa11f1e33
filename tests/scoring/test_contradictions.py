"""An article that disagrees with our records raises a flag for curators instead of overwriting anything."""

import datetime as dt

from players.models import InjuryStatus
from rumours.contradictions import PlacedAt, contradictions_flag
from rumours.models import Contradiction, ContradictionKind, ContradictionStatus
from tests.factories import ArticleFactory, ClubFactory, ContractFactory, InjuryFactory, PlayerFactory


def moved_player():
    old_club, new_club = ClubFactory(name="Chelsea"), ClubFactory(name="Arsenal")
    player = PlayerFactory(name="Sample Mover")
    ContractFactory(
        player=player, club=old_club, start_date=dt.date(2020, 7, 1), end_date=dt.date(2024, 6, 30)
    )
    ContractFactory(
        player=player, club=new_club, start_date=dt.date(2024, 7, 1), end_date=dt.date(2028, 6, 30)
    )
    return player, old_club, new_club


def test_placing_a_player_at_a_club_he_has_left_is_flagged(db):
    player, old_club, _ = moved_player()
    article = ArticleFactory()
    placed = PlacedAt(player.pk, old_club.pk, "Chelsea's Sample Mover is wanted by Milan.")
    assert contradictions_flag(article=article, day=dt.date(2024, 10, 1), placements=[placed]) == 1
    flag = Contradiction.objects.get()
    assert flag.kind == ContradictionKind.LEFT_CLUB
    assert "left Chelsea on 30 Jun 2024" in flag.record and "Arsenal" in flag.record
    assert player.club_on(dt.date(2024, 10, 1)).name == "Arsenal"  # nothing overwritten


def test_the_same_claim_before_he_left_is_not_a_contradiction(db):
    player, old_club, _ = moved_player()
    placed = PlacedAt(player.pk, old_club.pk, "Chelsea's Sample Mover")
    assert contradictions_flag(article=ArticleFactory(), day=dt.date(2024, 3, 1), placements=[placed]) == 0


def test_a_current_club_is_not_a_contradiction(db):
    player, _, new_club = moved_player()
    placed = PlacedAt(player.pk, new_club.pk, "Arsenal's Sample Mover")
    assert contradictions_flag(article=ArticleFactory(), day=dt.date(2024, 10, 1), placements=[placed]) == 0


def test_an_injury_we_record_as_recovered_is_flagged(db):
    injury = InjuryFactory(status=InjuryStatus.RECOVERED)
    article = ArticleFactory()
    assert (
        contradictions_flag(article=article, day=dt.date(2024, 10, 1), placements=[], injury_ids=[injury.pk])
        == 1
    )
    assert Contradiction.objects.get().kind == ContradictionKind.INJURY_RECOVERED


def test_flagging_again_is_idempotent_and_keeps_a_curators_dismissal(db):
    player, old_club, _ = moved_player()
    article = ArticleFactory()
    placed = [PlacedAt(player.pk, old_club.pk, "Chelsea's Sample Mover")]
    contradictions_flag(article=article, day=dt.date(2024, 10, 1), placements=placed)
    contradictions_flag(article=article, day=dt.date(2024, 10, 1), placements=placed)
    assert Contradiction.objects.count() == 1
    Contradiction.objects.update(status=ContradictionStatus.DISMISSED)
    contradictions_flag(article=article, day=dt.date(2024, 10, 1), placements=placed)
    assert list(Contradiction.objects.values_list("status", flat=True)) == [ContradictionStatus.DISMISSED]
