"""Curator decisions: approve, reject, fix the stage, merge duplicates, turn candidates into names, outcomes.

Every service is keyword-only and runs in one transaction, so a failure part-way leaves nothing half done.
Rows are locked (in id order, so two curators merging overlapping rows queue up instead of deadlocking) and
saved one by one rather than with `QuerySet.update()`, because simple_history records only `save()` and
`delete()`: each change then carries the acting curator and a short reason in the model's history.

After commit, never inside the transaction (a reader could otherwise cache old rows under a new version):
- the pages of the players concerned are invalidated (`rumours.cache.bump_player`),
- the rumours concerned are rescored (`rumours.scoring.rumour_rescore`),
- the extraction gazetteer is told that names changed when players, aliases or contracts did,
- articles whose unknown names a curator just resolved are extracted again (`rumours.tasks.extract_article`).
Cache, scoring and tasks are colleagues' modules; they are looked up with a guarded import (`common.optional`)
so that curation works, and is testable, while one is missing. A module that exists but fails to import
still raises: only absence is tolerated.

`rumours.linking` treats a rumour whose stage a curator set, or that a curator approved or rejected, as the
curator's: re-extracting an article never changes its stage or decision. Outcomes set `stage_set_by_curator`
on every rumour they close, so a later article cannot reopen them.
"""

from rumours.curation.candidates import candidate_dismiss, candidate_to_alias, candidate_to_player
from rumours.curation.common import SETTABLE_STAGES, after_commit, enqueue_reextract
from rumours.curation.decisions import rumour_approve, rumour_mark_dead, rumour_reject, rumour_set_stage
from rumours.curation.merging import (
    PlayerMergeResult,
    RumourMergeResult,
    player_merge,
    player_redirect_target,
    rumour_merge,
)
from rumours.curation.outcomes import (
    OutcomeResult,
    close_window,
    ended_windows,
    rumour_mark_completed,
    rumour_mark_renewed,
    window_last_day,
)

__all__ = [
    "SETTABLE_STAGES",
    "OutcomeResult",
    "PlayerMergeResult",
    "RumourMergeResult",
    "after_commit",
    "candidate_dismiss",
    "candidate_to_alias",
    "candidate_to_player",
    "close_window",
    "ended_windows",
    "enqueue_reextract",
    "player_merge",
    "player_redirect_target",
    "rumour_approve",
    "rumour_mark_completed",
    "rumour_mark_dead",
    "rumour_mark_renewed",
    "rumour_merge",
    "rumour_reject",
    "rumour_set_stage",
    "window_last_day",
]
