def test_injury_with_body_part_and_absence(run):
    (i,) = run("Luis Ferreiro has been ruled out for six weeks with a hamstring injury.").injuries
    assert (i.player_id, i.injury, i.body_part, i.expected_absence) == (
        2,
        "hamstring injury",
        "hamstring",
        "six weeks",
    )


def test_cruciate_ligament_is_the_knee_and_a_reference_gets_it(run):
    text = (
        "Luis Ferreiro went off against Northgate City. "
        "The 32-year-old suffered a serious cruciate ligament injury and is out for several months."
    )
    (i,) = run(text).injuries
    assert (i.player_id, i.body_part, i.expected_absence) == (2, "knee", "several months")
    assert i.injury == "serious cruciate ligament injury"


def test_the_possessive_player_gets_the_injury(run):
    (i,) = run("Dylan Marsh's injury means Harbour Town want to sign Marco Bellini.").injuries
    assert i.player_id == 8


def test_injuries_to_two_players(run):
    x = run("Northgate City have been hit by injuries to both Marco Bellini and Aaron Cole.")
    assert sorted(i.player_id for i in x.injuries) == [3, 4]


def test_one_injury_per_player(run):
    text = "Dylan Marsh has a broken ankle. Marsh will miss the rest of the season with the injury."
    (i,) = run(text).injuries
    assert (i.injury, i.expected_absence) == ("broken ankle", "the rest of the season")


def test_a_suspension_is_not_an_injury(run):
    assert run("Dylan Marsh will miss the final through suspension after his red card.").injuries == []


def test_injury_time_is_not_an_injury(run):
    assert run("Dylan Marsh scored in injury time.").injuries == []


def test_a_goal_ruled_out_for_offside_is_no_injury(run):
    x = run("Marco Bellini thought he had scored, only for the goal to be ruled out for offside.")
    assert x.injuries == []


def test_injuries_of_a_team_are_not_the_named_player(run):
    x = run(
        "Bayern Munich have asked about Dylan Marsh as they look for "
        "cover in a defence stretched by injuries."
    )
    assert x.injuries == []


def test_injured_on_international_duty_is_an_injury_away_on_it_is_not(run):
    x = run(
        "Dylan Marsh suffered a torn hamstring on international duty and will miss the rest of the season."
    )
    assert [(i.player_id, i.body_part) for i in x.injuries] == [(8, "hamstring")]
    x = run("Dylan Marsh is away on international duty and will miss the game against Bayern Munich.")
    assert x.injuries == []


def test_injuring_tearing_and_an_operation_to_are_injuries_tearing_up_a_league_is_not(run):
    x = run("Dylan Marsh will be out for four weeks after injuring his hamstring.")
    assert [(i.player_id, i.body_part) for i in x.injuries] == [(8, "hamstring")]
    x = run("Dylan Marsh is out for the season after tearing a ligament in his right knee.")
    assert [(i.player_id, i.body_part) for i in x.injuries] == [(8, "knee")]
    x = run("Dylan Marsh has not played since an operation to remove a loose body from his left knee.")
    assert [(i.player_id, i.body_part) for i in x.injuries] == [(8, "knee")]
    assert run("Dylan Marsh is tearing up the league this season.").injuries == []
