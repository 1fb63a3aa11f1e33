"""Names extraction did not know: a new player, another name of a known one, or nobody."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import transaction

from players.models import Club, Contract, Player, PlayerAlias
from players.text import fold_name
from rumours.curation.common import after_commit, save_with_history
from rumours.models import Candidate, CandidateStatus


def _lock_open_candidate(candidate: Candidate) -> Candidate:
    candidate = Candidate.objects.select_for_update().get(pk=candidate.pk)
    if candidate.status != CandidateStatus.OPEN:
        raise ValidationError(f"'{candidate.name}' was already handled ({candidate.get_status_display()}).")
    return candidate


def _close_candidates(candidate: Candidate, status: str) -> list[int]:
    """Close this name in every article that found it; returns those articles' ids (to extract again)."""
    same = Candidate.objects.select_for_update().filter(
        normalised=candidate.normalised, status=CandidateStatus.OPEN
    )
    article_ids = sorted({candidate.article_id, *same.values_list("article_id", flat=True)})
    same.update(status=status)
    return article_ids


@transaction.atomic
def candidate_to_player(*, candidate: Candidate, user, club: Club | None = None) -> Player:
    """An unknown name is a player: create him (at `club` if given) and read his articles again."""
    candidate = _lock_open_candidate(candidate)
    name = candidate.name.strip()
    if Player.objects.active().filter(name__iexact=name).exists():
        raise ValidationError(f"There already is a player called {name}: add the name as an alias instead.")
    player = Player(name=name)
    player.full_clean(exclude=["slug"])
    save_with_history(player, user=user, reason=f"from candidate #{candidate.pk}")
    if club is not None:
        contract = Contract(player=player, club=club, notes="Club given by a curator")
        save_with_history(contract, user=user, reason=f"from candidate #{candidate.pk}")
    article_ids = _close_candidates(candidate, CandidateStatus.ADDED)
    after_commit(player_ids=[player.pk], names_changed=True, reextract_article_ids=article_ids)
    return player


@transaction.atomic
def candidate_to_alias(*, candidate: Candidate, player: Player, user) -> PlayerAlias:
    """A name extraction did not know is another name of a known player."""
    candidate = _lock_open_candidate(candidate)
    if player.merged_into_id:
        raise ValidationError(f"{player} was merged into another player; use that one.")
    alias = PlayerAlias.objects.filter(player=player, normalised=fold_name(candidate.name)).first()
    if alias is None:
        alias = PlayerAlias(player=player, alias=candidate.name.strip())
        alias.normalised = fold_name(alias.alias)
        alias.full_clean()
        alias.save()
    article_ids = _close_candidates(candidate, CandidateStatus.ADDED)
    after_commit(player_ids=[player.pk], names_changed=True, reextract_article_ids=article_ids)
    return alias


@transaction.atomic
def candidate_dismiss(*, candidate: Candidate, user) -> None:
    """Not a player (a town, a pundit, a typo): the name leaves the queue for these articles."""
    candidate = _lock_open_candidate(candidate)
    _close_candidates(candidate, CandidateStatus.DISMISSED)
