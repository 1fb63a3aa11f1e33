"""References that need attributes beyond age and nationality: how well a position word fits, which player an
article is about, a club inside the reference, a pronoun opening a sentence, and "the club"."""

from .conftest import contract_map, rumour_map


def _refs(x):
    return [(m.surface, m.entity_id) for m in x.mentions if m.via == "reference" and m.kind == "player"]


def test_the_striker_is_the_striker_not_the_more_recent_winger(run_wide):
    x = run_wide(
        "Harold Crane and Leon Sandor both started. The striker later limped off with a hamstring injury."
    )
    assert [i.player_id for i in x.injuries] == [9]


def test_the_winger_is_the_winger(run_wide):
    x = run_wide("Leon Sandor and Harold Crane both started. The winger later limped off with a calf injury.")
    assert [i.player_id for i in x.injuries] == [10]


def test_equal_fits_go_to_the_player_the_article_is_about(run_wide):
    text = (
        "Pablo Iturra is the name on every list. Iturra has scored nine goals, and Iturra's form has drawn "
        "scouts from across Europe, some of them comparing him with Leon Sandor. Sporting Verona have been "
        "linked with the winger."
    )
    x = run_wide(text, title="Pablo Iturra attracts interest")
    assert rumour_map(x) == {(11, 9): "linked"}


def test_a_club_inside_the_reference_is_his_club_not_a_destination(run_wide):
    x = run_wide("Dylan Marsh was sold last year. Bayern Munich are chasing the former Harbour Town winger.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_a_club_inside_the_reference_picks_his_shirt(run_wide):
    x = run_wide(
        "Sporting Verona are watching two forwards. The Bayern number 10 is out of contract in June."
    )
    assert ("The Bayern number 10", 10) in _refs(x)
    assert contract_map(x) == {(10, 6, "expiry")}


def test_a_pronoun_opening_a_sentence_continues_its_subject(run_wide):
    text = (
        "Bayern Munich were linked with Harold Crane and Leon Sandor last season. Crane himself has said "
        "little. His contract runs until 2027."
    )
    assert contract_map(run_wide(text)) == {(9, 6, "expiry")}


def test_the_club_is_the_club_acting_just_before(run):
    x = run("Bayern Munich are planning for next season. The club have made enquiries about Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_the_italian_club_is_the_italian_club_named_before(run_wide):
    text = (
        "Marco Bellini has been linked with Sporting Verona and Bayern "
        "Munich. The Italian club have made an offer."
    )
    assert rumour_map(run_wide(text)) == {(3, 9): "bid", (3, 6): "linked"}


def test_an_attacking_midfielder_can_be_called_the_forward(run_wide):
    x = run_wide("Rafael Coimbra scored again. The forward is wanted by Bayern Munich.")
    assert [(m.surface, m.entity_id) for m in x.mentions if m.via == "reference"] == [("The forward", 14)]
    assert rumour_map(x) == {(14, 6): "interest"}


def test_a_nationality_word_alone_is_the_player_of_that_nation(run):
    x = run("Bayern Munich are without Dylan Marsh. The timing is cruel for the Englishman, who signed a new "
            "contract until 2030 last month.")  # fmt: skip
    assert {(c.player_id, c.fact_type) for c in x.contracts} == {(8, "new_deal_signed")}
    refs = [m for m in x.mentions if m.via == "reference"]
    assert [(m.entity_id, m.surface) for m in refs] == [(8, "the Englishman")]


def test_a_nationality_word_before_a_noun_is_not_a_player(run):
    x = run("Dylan Marsh impressed. The English side have agreed a fee for Marco Bellini.")
    assert not [m for m in x.mentions if m.via == "reference" and m.kind == "player"]


def test_a_nationality_word_that_fits_nobody_is_left_alone(run):
    x = run("Bayern Munich are without Dylan Marsh. The Brazilian, who signed last month, is fit.")
    assert not [m for m in x.mentions if m.via == "reference"]


def test_his_after_a_sentence_naming_a_coach_after_a_preposition_is_the_subject(run):
    x = run(
        "Dylan Marsh has started only twice under Graham Slot. His contract at Harbour Town runs until 2030."
    )
    assert {(c.player_id, c.club_id, c.fact_type) for c in x.contracts} == {(8, 7, "expiry")}


def test_a_former_player_of_two_clubs_is_still_a_reference(run):
    text = (
        "Aaron Cole missed training again on Thursday. The former Riverside United and Real Madrid "
        "midfielder is out of contract in the summer, and boss Peter Ferguson says no decision has been made."
    )
    x = run(text)
    assert any(m.surface.startswith("The former") and m.entity_id == 4 for m in x.mentions)
    assert contract_map(x) == {(4, 4, "expiry")}


def test_former_does_not_stretch_a_reference_across_a_clause(run):
    # Eight plain words after "former" are more than a description holds: no reference.
    text = (
        "Aaron Cole trained alone. The former club of his brother was sold and a midfielder is out of "
        "contract."
    )
    assert not any(m.surface.startswith("The former") for m in run(text).mentions)
