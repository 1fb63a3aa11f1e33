"""factory-boy factories for the domain, shared by every test area."""

import datetime as dt

import factory
from django.utils import timezone

from players.models import Club, ClubAlias, Contract, Injury, Player, PlayerAlias, Staff
from rumours.models import Article, ArticleStatus, Feed, Mention, MentionKind, Rumour, Source, Stage


class ClubFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Club
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Club {n}")
    country = "England"
    league = "Premier League"


class ClubAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ClubAlias

    club = factory.SubFactory(ClubFactory)
    alias = factory.Sequence(lambda n: f"Club alias {n}")


class PlayerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Player

    name = factory.Sequence(lambda n: f"Player Number{n}")
    date_of_birth = dt.date(1998, 10, 7)
    nationality = "England"
    position = "defender"
    shirt_number = factory.Sequence(lambda n: n % 99 + 1)


class PlayerAliasFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PlayerAlias

    player = factory.SubFactory(PlayerFactory)
    alias = factory.Sequence(lambda n: f"Alias{n}")


class StaffFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Staff

    name = factory.Sequence(lambda n: f"Manager {n}")
    club = factory.SubFactory(ClubFactory)


class ContractFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contract

    player = factory.SubFactory(PlayerFactory)
    club = factory.SubFactory(ClubFactory)
    start_date = dt.date(2021, 7, 1)
    end_date = dt.date(2027, 6, 30)


class InjuryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Injury

    player = factory.SubFactory(PlayerFactory)
    description = "hamstring strain"
    body_part = "hamstring"
    occurred_on = dt.date(2024, 10, 5)


class SourceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Source
        django_get_or_create = ("name",)

    name = factory.Sequence(lambda n: f"Outlet {n}")
    reliability_tier = 2


class FeedFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Feed

    url = factory.Sequence(lambda n: f"https://news.example/feed-{n}.xml")


class ArticleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Article

    url = factory.Sequence(lambda n: f"https://news.example/story-{n}")
    canonical_url = factory.SelfAttribute("url")
    title = factory.Sequence(lambda n: f"Story {n}")
    text = factory.Sequence(lambda n: f"Story number {n} about a transfer.")
    content_hash = factory.Sequence(lambda n: f"{n:064x}")
    published_at = factory.LazyFunction(timezone.now)
    status = ArticleStatus.EXTRACTED


class RumourFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Rumour

    player = factory.SubFactory(PlayerFactory)
    from_club = factory.SubFactory(ClubFactory)
    to_club = factory.SubFactory(ClubFactory)
    window = "2025 January"
    stage = Stage.INTEREST
    likelihood = 40


class MentionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Mention

    article = factory.SubFactory(ArticleFactory)
    rumour = factory.SubFactory(RumourFactory)
    kind = MentionKind.RUMOUR
    player = factory.SelfAttribute("rumour.player")
    club = factory.SelfAttribute("rumour.to_club")
    stance = Stage.INTEREST
    sentence = "The club are weighing up an approach."
    span_start = 0
    span_end = factory.LazyAttribute(lambda m: len(m.sentence))
