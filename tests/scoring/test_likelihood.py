"""Likelihood: explained, echoes counted once, denials weighed by who denies, idempotent rescoring."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from rumours.models import Rumour, ScoringModel, Source, Stage
from rumours.scoring import rumour_rescore, source_track_records_update
from rumours.scoring.features import features_for
from tests.factories import ArticleFactory, MentionFactory, RumourFactory, SourceFactory

NOW = timezone.make_aware(dt.datetime(2024, 10, 10, 12))


def claim(rumour, *, source=None, cited=None, stance=Stage.INTEREST, stance_by="", days_ago=1):
    article = ArticleFactory(source=source, published_at=NOW - dt.timedelta(days=days_ago))
    return MentionFactory(
        article=article,
        rumour=rumour,
        stance=stance,
        cited_source=cited,
        cited_outlet=cited.name if cited else "",
        details={"stance_by": stance_by},
    )


def rescored(rumour: Rumour) -> Rumour:
    rumour_rescore([rumour.pk], now=NOW)
    rumour.refresh_from_db()
    return rumour


@pytest.fixture
def outlets(db):
    return {
        "fichajes": SourceFactory(name="Fichajes", reliability_tier=4),
        "bbc": SourceFactory(name="BBC Sport", reliability_tier=1),
        "sun": SourceFactory(name="The Sun", reliability_tier=3),
        "mail": SourceFactory(name="Daily Mail", reliability_tier=3),
    }


def test_an_echoed_claim_counts_once(outlets):
    once, echoed = RumourFactory(stage=Stage.INTEREST), RumourFactory(stage=Stage.INTEREST)
    claim(once, source=outlets["fichajes"])
    # Two other papers repeat Fichajes' story: still one independent claim.
    claim(echoed, source=outlets["fichajes"])
    claim(echoed, source=outlets["sun"], cited=outlets["fichajes"])
    claim(echoed, source=outlets["mail"], cited=outlets["fichajes"])
    features = features_for([once, echoed], now=NOW)
    assert features[once.pk]["outlets"] == features[echoed.pk]["outlets"]
    assert rescored(once).likelihood == rescored(echoed).likelihood


def test_independent_outlets_raise_the_likelihood(outlets):
    single, several = RumourFactory(stage=Stage.INTEREST), RumourFactory(stage=Stage.INTEREST)
    claim(single, source=outlets["sun"])
    for name in ("sun", "mail", "bbc"):
        claim(several, source=outlets[name])
    assert rescored(several).likelihood > rescored(single).likelihood


def test_a_denial_by_the_buying_club_weighs_more_than_one_in_the_media(outlets):
    by_buyer, by_media, undenied = (RumourFactory(stage=Stage.INTEREST) for _ in range(3))
    for rumour in (by_buyer, by_media, undenied):
        claim(rumour, source=outlets["bbc"], days_ago=3)
    claim(by_buyer, source=outlets["sun"], stance=Stage.DENIED, stance_by="buying_club")
    claim(by_media, source=outlets["sun"], stance=Stage.DENIED, stance_by="media")
    buyer, media, none = (
        rescored(by_buyer).likelihood,
        rescored(by_media).likelihood,
        rescored(undenied).likelihood,
    )
    assert buyer < media < none


def test_the_score_is_explained_factor_by_factor(outlets):
    rumour = RumourFactory(stage=Stage.BID)
    claim(rumour, source=outlets["bbc"], stance=Stage.BID)
    rumour = rescored(rumour)
    factors = {item["factor"]: item for item in rumour.likelihood_explanation}
    assert {"stage", "outlets", "reliability", "recency"} <= set(factors)
    assert all(item["label"] and isinstance(item["points"], float) for item in factors.values())
    assert factors["stage"]["points"] > 0


def test_old_news_decays(outlets):
    fresh, stale = RumourFactory(stage=Stage.INTEREST), RumourFactory(stage=Stage.INTEREST)
    claim(fresh, source=outlets["bbc"], days_ago=1)
    claim(stale, source=outlets["bbc"], days_ago=90)
    assert rescored(fresh).likelihood > rescored(stale).likelihood


def test_rescoring_is_idempotent(outlets):
    rumour = RumourFactory(stage=Stage.TALKS)
    claim(rumour, source=outlets["bbc"], stance=Stage.TALKS)
    assert rumour_rescore([rumour.pk], now=NOW) == 1
    first = Rumour.objects.get(pk=rumour.pk)
    assert rumour_rescore([rumour.pk], now=NOW) == 0
    second = Rumour.objects.get(pk=rumour.pk)
    assert (first.likelihood, first.likelihood_explanation, first.updated_at) == (
        second.likelihood,
        second.likelihood_explanation,
        second.updated_at,
    )


def test_a_completed_move_scores_100_and_a_dead_one_0(outlets):
    done, dead = RumourFactory(stage=Stage.COMPLETED), RumourFactory(stage=Stage.DEAD)
    claim(done, source=outlets["bbc"])
    claim(dead, source=outlets["bbc"])
    assert rescored(done).likelihood == 100
    assert rescored(dead).likelihood == 0


def test_track_records_count_claims_that_came_true(outlets):
    came_true, fell_through, still_open = (
        RumourFactory(stage=Stage.COMPLETED),
        RumourFactory(stage=Stage.DEAD),
        RumourFactory(stage=Stage.INTEREST),
    )
    for rumour in (came_true, fell_through, still_open):
        claim(rumour, source=outlets["sun"])
    claim(fell_through, source=outlets["mail"], cited=outlets["fichajes"])
    source_track_records_update()
    sun, fichajes, mail = (Source.objects.get(pk=outlets[k].pk) for k in ("sun", "fichajes", "mail"))
    assert (sun.claims_resolved, sun.claims_correct) == (2, 1)
    assert sun.hit_rate == 0.5
    # The claim "according to Fichajes" is Fichajes' record, not the Mail's.
    assert (fichajes.claims_resolved, fichajes.claims_correct) == (1, 0)
    assert mail.claims_resolved == 0
    source_track_records_update()
    assert Source.objects.get(pk=outlets["sun"].pk).claims_resolved == 2


def test_rescoring_reads_a_fixed_number_of_queries(outlets):
    few = [RumourFactory() for _ in range(3)]
    many = [RumourFactory() for _ in range(30)]
    for rumour in few + many:
        claim(rumour, source=outlets["bbc"])
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as small:
        rumour_rescore([r.pk for r in few], now=NOW)
    with CaptureQueriesContext(connection) as large:
        rumour_rescore([r.pk for r in many], now=NOW)
    reads = lambda ctx: sum(1 for q in ctx.captured_queries if q["sql"].lstrip().upper().startswith("SELECT"))  # noqa: E731
    assert reads(small) == reads(large)


def test_calibrate_fits_weights_that_beat_the_hand_set_ones(db):
    from rumours.scoring.simulation import season_generate

    season_generate(sources=12, rumours=400, seed=3)
    out = io.StringIO()
    call_command("calibrate", stdout=out)
    text = out.getvalue()
    assert "Brier score, hand-set weights" in text and "Reliability table" in text
    model = ScoringModel.objects.get(active=True)
    assert model.brier_fitted < model.brier_hand_set
    assert set(model.weights) >= {"bias", "stage", "denied_by_buyer"}


def test_calibrate_refuses_with_too_few_resolved_rumours(db):
    from django.core.management import CommandError

    with pytest.raises(CommandError, match="need at least"):
        call_command("calibrate", stdout=io.StringIO())
