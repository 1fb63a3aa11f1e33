"""Team-news injury wording found unseen in BBC-style probe sets 8 and 9 (2004-05 style): a body part in
brackets after a name, ligaments, a gash, a pulled muscle, the length of an absence told in the next sentence,
an injury he is over, and a position reference to the player the sentence has just named."""

from datetime import date

from rumours.extraction import ClubEntry, Gazetteer, PlayerEntry, extract


def injured(x) -> list[int]:
    return sorted(i.player_id for i in x.injuries)


def test_a_body_part_in_brackets_after_each_name_is_an_injury(run):
    x = run(
        "Northgate City are without Aaron Cole (hamstring) and Marco Bellini (calf), while Dylan Marsh "
        "is available again."
    )
    assert injured(x) == [3, 4]
    assert {i.player_id: i.injury for i in x.injuries} == {4: "hamstring", 3: "calf"}


def test_a_bracket_that_is_not_a_body_part_is_not_an_injury(run):
    assert injured(run("Aaron Cole (Wales) and Marco Bellini (Italy) both started.")) == []


def test_pulled_muscles_ligaments_and_gashes_are_injuries(run):
    x = run("Dylan Marsh pulled a hamstring in training on Thursday.")
    assert injured(x) == [8] and x.injuries[0].injury == "pulled a hamstring"
    x = run("Tomas Kettering has been out since he damaged knee ligaments in October.")
    assert injured(x) == [1] and x.injuries[0].body_part == "knee"
    x = run("Harbour Town will be without Dylan Marsh after he needed stitches in a gash on his shin.")
    assert injured(x) == [8] and x.injuries[0].body_part == "shin"


def test_the_absence_may_be_told_in_the_next_sentence(run):
    x = run("Dylan Marsh pulled a hamstring in training. He is expected to be out for two to three weeks.")
    assert [i.expected_absence for i in x.injuries] == ["two to three weeks"]


def test_an_injury_he_has_recovered_from_is_not_news(run):
    x = run("Dylan Marsh started on Saturday after recovering from the ankle ligament damage of September.")
    assert injured(x) == []
    x = run("Dylan Marsh has fully recovered from a knee injury and is ready to face Bayern Munich.")
    assert injured(x) == []
    # Still recovering is still injured.
    assert injured(run("Dylan Marsh is still recovering from a knee injury.")) == [8]


def _injured_in(text: str, reddy_or_ilic: PlayerEntry) -> list[int]:
    """Who is injured in `text`, with Ivo Brandt (a Harbour Town forward) and one more player known."""
    clubs = [ClubEntry(1, "Riverside United", ("Riverside",), "England"), ClubEntry(2, "Harbour Town")]
    brandt = PlayerEntry(1, "Ivo Brandt", ("Brandt",), 2, "England", date(1990, 1, 1), "forward", 9)
    gaz = Gazetteer.build(clubs=clubs, players=[brandt, reddy_or_ilic])
    return injured(extract(text, published=date(2005, 1, 10), gazetteer=gaz))


def test_a_position_reference_means_the_player_its_sentence_just_named():
    reddy = PlayerEntry(2, "Colm Reddy", ("Reddy",), 1, "England", date(1992, 1, 1), "forward", 10)
    text = (
        "Riverside United have agreed a fee with Harbour Town for striker Ivo Brandt. Brandt will have a "
        "medical on Friday. Brandt would be the club's record signing. Manager Sam Doyle needs goals. "
        "Riverside will be without Colm Reddy on Saturday after the forward pulled a hamstring in training."
    )
    assert _injured_in(text, reddy) == [2]


def test_back_in_training_after_an_injury_is_recovered(run):
    x = run("Dylan Marsh, who is back in training after three weeks out with a calf problem, could start.")
    assert injured(x) == []
    # Another player's injury in a later clause still counts.
    x = run("Dylan Marsh is back in training after a calf problem, but Tomas Kettering injured his ankle.")
    assert injured(x) == [1]


def test_surgery_on_a_body_part_names_the_injury(run):
    x = run("Dylan Marsh will be out for six weeks after ankle surgery on Tuesday.")
    assert [(i.player_id, i.injury) for i in x.injuries] == [(8, "ankle surgery")]


def test_a_nationality_of_its_era_answers_the_demonym():
    ilic = PlayerEntry(
        2, "Dragan Ilic", ("Ilic",), 2, "Serbia and Montenegro", date(1975, 1, 1), "defender", 5
    )
    text = (
        "Harbour Town will be without Ivo Brandt and defender Dragan Ilic. The Serbian had ankle surgery "
        "on Tuesday."
    )
    assert _injured_in(text, ilic) == [2]
