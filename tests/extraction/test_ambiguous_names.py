from .conftest import rumour_map


def test_a_shared_surname_resolves_to_the_player_named_in_full(run):
    x = run("Aaron Cole was excellent again. Bayern Munich are keen on Cole.")
    assert rumour_map(x) == {(4, 6): "interest"}


def test_a_shared_surname_resolves_from_the_clubs_in_the_article(run):
    x = run("Eastbay Rovers had a quiet afternoon. Bayern Munich are keen on Cole.")
    assert rumour_map(x) == {(5, 6): "interest"}


def test_an_unresolvable_shared_surname_is_left_alone(run):
    x = run("Bayern Munich are keen on Cole.")
    assert x.rumours == []
    assert not [m for m in x.mentions if m.kind == "player"]


def test_madrid_means_the_madrid_club_in_the_article(run):
    x = run("Atletico Madrid are flying. Madrid have agreed a fee for Dylan Marsh.")
    assert rumour_map(x) == {(8, 3): "agreed"}


def test_madrid_from_the_title(run):
    x = run("Madrid have agreed a fee for Dylan Marsh.", title="Marsh set for Real Madrid switch")
    assert rumour_map(x) == {(8, 2): "agreed"}


def test_a_nickname_shared_by_two_clubs_uses_context(run):
    x = run("Northgate City lost again. The Blues are chasing Dylan Marsh.")
    assert rumour_map(x) == {(8, 4): "interest"}


def test_lower_case_words_are_not_names(run):
    x = run("It was a real test on a city night for the united squad.")
    assert x.mentions == []


def test_a_first_name_means_the_player_named_in_full_not_the_alias_owner(run_wide):
    # The gazetteer knows Leon Varga as "Leon"; this article names Leon Sandor in full and then says "Leon".
    x = run_wide("Leon Sandor is wanted by Sporting Verona. Leon is happy to wait, his agent said.")
    assert {m.entity_id for m in x.mentions if m.kind == "player"} == {10}


def test_a_first_name_shared_by_two_players_named_in_full_stays_unresolved(run_wide):
    x = run_wide("Leon Sandor and Leon Varga both started. Leon scored the winner.")
    assert [m.surface for m in x.mentions if m.kind == "player"] == ["Leon Sandor", "Leon Varga"]


def test_a_sporting_director_is_no_club_called_sporting():
    from datetime import date

    from rumours.extraction import ClubEntry, Gazetteer, extract

    gaz = Gazetteer.build(clubs=[ClubEntry(1, "Sporting Lisbon", ("Sporting",), "Portugal")], players=[])
    x = extract(
        "Sporting director Frank Arnesen was pleased. Sporting won.",
        published=date(2025, 1, 1),
        gazetteer=gaz,
    )
    assert [m.surface for m in x.mentions] == ["Sporting"]
    assert x.mentions[0].start == len("Sporting director Frank Arnesen was pleased. ")
