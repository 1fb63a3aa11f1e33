"""Edge cases of the gazetteer: nothing in it, and names longer than any packed field."""

import datetime as dt

from rumours.extraction import ClubEntry, Gazetteer, PlayerEntry, extract

DAY = dt.date(2024, 10, 6)


def test_an_empty_gazetteer_extracts_nothing_and_does_not_fail():
    empty = Gazetteer.build(clubs=[], players=[])
    result = extract("Chelsea are keen on Bukayo Saka, according to reports.", published=DAY, gazetteer=empty)
    assert result.rumours == [] and result.injuries == [] and result.contracts == []


def test_very_long_names_are_still_found():
    long_club = "Sociedade Esportiva " + " ".join(f"Longname{i}" for i in range(20))
    assert len(long_club) > 200
    gazetteer = Gazetteer.build(
        clubs=[ClubEntry(id=1, name=long_club), ClubEntry(id=2, name="St. Pauli")],
        players=[PlayerEntry(id=10, name="Samuel Examplesson", club_id=2)],
        version=0,
    )
    text = f"{long_club} have made a bid for Samuel Examplesson of St. Pauli."
    found = {(m.kind, m.entity_id) for m in extract(text, published=DAY, gazetteer=gazetteer).mentions}
    assert ("club", 1) in found and ("club", 2) in found and ("player", 10) in found
