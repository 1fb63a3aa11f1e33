"""Injury wording and attribution found unseen in the fourth probe set: "-ing" forms of the injury verbs, a
person the gazetteer does not know who is the one hurt, and a singular relative clause after a list."""


def injured(x) -> list[int]:
    return [i.player_id for i in x.injuries]


def test_rupturing_and_damaging_are_injuries(run):
    x = run(
        "Dylan Marsh remains out for the season after rupturing the anterior cruciate ligament in his knee."
    )
    assert injured(x) == [8] and x.injuries[0].body_part == "knee"
    x = run("Tomas Kettering will be out for around six weeks after damaging his ankle in training.")
    (i,) = x.injuries
    assert (i.player_id, i.body_part, i.expected_absence) == (1, "ankle", "around six weeks")


def test_an_unknown_player_between_the_name_and_the_injury_is_the_one_hurt(run):
    x = run(
        "Harbour Town have a winger to ease the burden on Dylan Marsh while Jon Peckham recovers from injury."
    )
    assert injured(x) == []
    x = run("Harbour Town will be without Dylan Marsh, who is recovering from a hamstring injury.")
    assert injured(x) == [8]


def test_a_singular_relative_clause_after_a_list_is_about_its_last_name(run):
    x = run(
        "Harbour Town were let down by Tomas Kettering and Dylan Marsh, who was making his first appearance "
        "since tearing a hamstring."
    )
    assert injured(x) == [8]
    x = run("Tomas Kettering and Dylan Marsh, who are both nursing knocks, will miss the trip.")
    assert sorted(injured(x)) == [1, 8]
