import datetime as dt

import pytest

from players.models import Contract, Injury
from rumours.extraction import ContractFact
from rumours.linking import link_article
from rumours.models import Candidate, CandidateStatus, Mention, MentionKind, StaffMention
from rumours.player_facts import contract_for_fact
from tests.factories import ContractFactory, PlayerFactory
from tests.linking.conftest import LIVERPOOL_NEWS, make_article

pytestmark = pytest.mark.django_db


def test_an_injury_is_recorded_with_its_evidence(world):
    article = make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news")

    link_article(article)

    injury = Injury.objects.get()
    assert injury.player == world.carvajal
    assert injury.club == world.madrid
    assert injury.description == "serious knee injury"
    assert injury.body_part == "knee"
    assert injury.expected_absence == "several months"
    assert injury.occurred_on == dt.date(2024, 10, 6)
    mention = Mention.objects.get(kind=MentionKind.INJURY)
    assert mention.injury == injury
    assert mention.details["expected_absence"] == "several months"


def test_the_same_injury_is_not_recorded_twice(world):
    article = make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news")
    link_article(article)
    link_article(article)
    later = make_article(
        "Dani Carvajal's serious knee injury means he will be out for several months.",
        "2024-10-20",
        stem="carvajal-update",
    )
    link_article(later)

    assert Injury.objects.count() == 1
    assert Mention.objects.filter(kind=MentionKind.INJURY).count() == 2


def test_a_curators_words_on_an_injury_are_kept(world):
    article = make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news")
    link_article(article)
    Injury.objects.update(expected_absence="the rest of the season", body_part="")

    link_article(article)

    injury = Injury.objects.get()
    assert injury.expected_absence == "the rest of the season"
    assert injury.body_part == "knee"  # a blank is filled


def test_an_expiry_fills_the_blank_end_of_the_current_contract(world):
    link_article(make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news"))

    contract = Contract.objects.get(player=world.trent)
    assert contract.end_date == dt.date(2025, 6, 30)
    mention = Mention.objects.get(kind=MentionKind.CONTRACT, player=world.trent)
    assert (mention.contract, mention.club, mention.fact_type) == (contract, world.liverpool, "expiry")


def test_a_wage_never_overwrites_what_is_there(world):
    Contract.objects.filter(player=world.salah).update(weekly_wage=400_000, wage_currency="GBP")

    link_article(make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news"))

    contract = Contract.objects.get(player=world.salah)
    assert contract.weekly_wage == 400_000
    mention = Mention.objects.get(kind=MentionKind.CONTRACT, player=world.salah)
    assert mention.contract == contract
    assert mention.details["weekly_wage"] == 350_000


def test_a_wage_fills_a_blank_wage(world):
    link_article(make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news"))

    contract = Contract.objects.get(player=world.salah)
    assert (contract.weekly_wage, contract.wage_currency) == (350_000, "GBP")


def test_a_contract_is_created_for_a_player_with_none_in_force(world):
    sancho = PlayerFactory(name="Jadon Sancho")
    old = ContractFactory(
        player=sancho, club=world.chelsea, start_date=dt.date(2021, 7, 1), end_date=dt.date(2024, 6, 30)
    )
    text = "Jadon Sancho earns £250,000 per week at Chelsea."

    link_article(make_article(text, "2025-02-01", stem="sancho"))

    created = Contract.objects.exclude(pk=old.pk).get(player=sancho)
    assert (created.club, created.weekly_wage, created.wage_currency) == (world.chelsea, 250_000, "GBP")
    old.refresh_from_db()
    assert old.weekly_wage is None  # history is not rewritten
    assert Mention.objects.get(kind=MentionKind.CONTRACT).contract == created


def test_no_contract_is_created_that_would_give_a_player_a_second_club(world):
    fact = ContractFact(
        player_id=world.saka.pk,
        club_id=world.chelsea.pk,
        fact="out of contract at the end of the season",
        fact_type="expiry",
        expires_on=dt.date(2025, 6, 30),
        evidence="...",
        start=0,
        end=3,
    )

    assert contract_for_fact(fact, day=dt.date(2025, 2, 1)) == (None, False)
    assert list(Contract.objects.filter(player=world.saka).values_list("club", flat=True)) == [
        world.arsenal.pk
    ]


def test_contract_news_about_a_manager_is_kept_as_staff_evidence(world):
    link_article(make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news"))

    mention = StaffMention.objects.get()
    assert (mention.staff, mention.club, mention.fact_type) == (world.slot, world.liverpool, "talks")
    assert mention.sentence == "Arne Slot is in talks over a new contract with Liverpool."
    assert not Mention.objects.filter(sentence=mention.sentence).exists()


def test_unknown_names_become_candidates_and_curators_decisions_survive(world):
    article = make_article(LIVERPOOL_NEWS, "2024-10-06", stem="liverpool-news")
    link_article(article)
    candidate = Candidate.objects.get()
    assert (candidate.name, candidate.normalised) == ("Jorge Mendoza-Ruiz", "jorge mendoza-ruiz")
    assert "monitoring Jorge Mendoza-Ruiz" in candidate.evidence

    Candidate.objects.update(status=CandidateStatus.DISMISSED)
    link_article(article)

    assert list(Candidate.objects.values_list("status", flat=True)) == [CandidateStatus.DISMISSED]
