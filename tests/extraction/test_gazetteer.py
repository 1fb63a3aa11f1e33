from rumours.extraction import ClubEntry, Gazetteer, OutletEntry, PlayerEntry, gazetteer_from_csv

CSV = """kind,name,aliases,club,country,born,position,shirt
club,Riverside United,Riverside|the Otters,,England,,,
player,Tomas Kettering,Kettering,Riverside United,England,1998-03-01,right-back,66
manager,Graham Slot,Slot,Riverside United,England,,,
"""


def test_csv_assigns_ids_and_links_clubs():
    g = gazetteer_from_csv(CSV)
    p = g.player(1)
    assert (p.name, p.club_id, p.shirt, p.born.year, p.position) == (
        "Tomas Kettering",
        1,
        66,
        1998,
        "right-back",
    )
    assert g.club(1).aliases == ("Riverside", "the Otters")
    assert (g.person(1).name, g.person(1).club_id) == ("Graham Slot", 1)


def test_the_automaton_is_shared_by_builds_of_the_same_version():
    clubs = [ClubEntry(1, "Riverside United")]
    players = [PlayerEntry(1, "Tomas Kettering", club_id=1)]
    a = Gazetteer.build(clubs=clubs, players=players, version=7)
    b = Gazetteer.build(clubs=clubs, players=players, version=7)
    assert a.automaton is b.automaton
    c = Gazetteer.build(clubs=clubs, players=[PlayerEntry(1, "Other Name", club_id=1)], version=7)
    assert c.automaton is not a.automaton


def test_outlets_as_strings_or_entries():
    g = Gazetteer.build(clubs=[], players=[], outlets=["Marca", OutletEntry(9, "Sky Sports", ("Sky",))])
    assert g.outlet(9) == "Sky Sports"


def test_shirt_index_is_built_once():
    g = gazetteer_from_csv(CSV)
    assert g.players_by_club_shirt[(1, 66)] == (1,)
