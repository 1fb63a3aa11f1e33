from .conftest import rumour_map


def _refs(x):
    return [(m.surface, m.entity_id) for m in x.mentions if m.via == "reference"]


def test_age_at_publication(run):
    # Luis Ferreiro was born 20 May 1992: 32 on 6 October 2024.
    x = run("Luis Ferreiro limped off against Northgate City. The 32-year-old faces a scan on Monday.")
    assert ("The 32-year-old", 2) in _refs(x)


def test_age_skips_a_more_recent_player_of_another_age(run):
    text = "Luis Ferreiro clashed with Marco Bellini. The 32-year-old was hurt."
    x = run(text)
    assert ("The 32-year-old", 2) in _refs(x)
    assert [i.player_id for i in x.injuries] == [2]


def test_nationality(run):
    x = run("Tomas Kettering starred again. The England international is out of contract in June.")
    assert ("The England international", 1) in _refs(x)
    assert [c.player_id for c in x.contracts] == [1]


def test_shirt_number_from_the_gazetteer_index(run):
    x = run("Riverside United will refuse to enter discussions for their number 66.")
    assert ("their number 66", 1) in _refs(x)


def test_position(run):
    text = (
        "Tomas Kettering starred again. Bayern Munich are weighing up an approach for the talented full-back."
    )
    assert rumour_map(run(text)) == {(1, 6): "interest"}


def test_club_nicknames(run):
    x = run("Los Blancos are keen on Tomas Kettering.")
    assert rumour_map(x) == {(1, 2): "interest"}


def test_pronoun_with_one_player_in_play(run):
    x = run("Dylan Marsh trained alone. He has been offered a new deal.")
    assert [(c.player_id, c.fact_type) for c in x.contracts] == [(8, "new_deal_offered")]


def test_pronoun_is_not_resolved_when_two_players_are_in_play(run):
    x = run("Dylan Marsh collided with Marco Bellini. He suffered a knee injury.")
    assert x.injuries == []


def test_pronoun_is_not_resolved_past_an_unknown_person(run):
    x = run(
        "Dylan Marsh was on the bench. Coach Arthur Pennington said he was unhappy and has a knee injury."
    )
    assert x.injuries == []
