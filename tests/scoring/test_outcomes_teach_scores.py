"""A resolved rumour teaches the score: the move resolves, competitors close, sources' records update."""

import datetime as dt

from django.contrib.auth.models import User

from rumours.curation import rumour_mark_completed
from rumours.models import Rumour, Source, Stage
from tests.factories import (
    ArticleFactory,
    ClubFactory,
    ContractFactory,
    MentionFactory,
    PlayerFactory,
    RumourFactory,
    SourceFactory,
)


def test_a_completed_transfer_resolves_closes_competitors_and_updates_track_records(
    db, django_capture_on_commit_callbacks
):
    curator = User.objects.create_superuser("editor", password="a-long-password-123")
    home, buyer, rival = (
        ClubFactory(name="Home FC"),
        ClubFactory(name="Buyer FC"),
        ClubFactory(name="Rival FC"),
    )
    player = PlayerFactory(name="Sample Striker")
    ContractFactory(player=player, club=home, start_date=dt.date(2022, 7, 1), end_date=dt.date(2026, 6, 30))
    right, wrong = SourceFactory(name="Right Times"), SourceFactory(name="Wrong Post")
    winner = RumourFactory(
        player=player, from_club=home, to_club=buyer, window="2025 January", stage=Stage.BID
    )
    loser = RumourFactory(
        player=player, from_club=home, to_club=rival, window="2025 January", stage=Stage.TALKS
    )
    MentionFactory(article=ArticleFactory(source=right), rumour=winner, stance=Stage.BID)
    MentionFactory(article=ArticleFactory(source=wrong), rumour=loser, stance=Stage.TALKS)

    with django_capture_on_commit_callbacks(execute=True):
        rumour_mark_completed(rumour=winner, user=curator, on=dt.date(2025, 1, 20))

    winner, loser = Rumour.objects.get(pk=winner.pk), Rumour.objects.get(pk=loser.pk)
    assert winner.stage == Stage.COMPLETED and winner.likelihood == 100
    assert loser.stage == Stage.DEAD and loser.likelihood == 0
    assert player.club_on(dt.date(2025, 1, 21)) == buyer
    right, wrong = Source.objects.get(pk=right.pk), Source.objects.get(pk=wrong.pk)
    assert (right.claims_resolved, right.claims_correct) == (1, 1)
    assert (wrong.claims_resolved, wrong.claims_correct) == (1, 0)
