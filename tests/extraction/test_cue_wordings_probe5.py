"""Transfer wordings found unseen in the fifth probe set, each with a near miss that must stay quiet."""

from datetime import date

from .conftest import rumour_map


def test_making_a_player_a_priority_is_interest(run):
    assert rumour_map(run("Bayern Munich have made Dylan Marsh their priority on the left.")) == {
        (8, 6): "interest"
    }


def test_leading_the_race_and_being_in_the_mix_are_interest(run):
    assert rumour_map(run("Bayern Munich are leading the race for Dylan Marsh.")) == {(8, 6): "interest"}
    assert rumour_map(run("Bayern Munich are in the mix for Dylan Marsh.")) == {(8, 6): "interest"}


def test_tracking_is_interest_but_a_track_record_is_not(run):
    assert rumour_map(run("Bayern Munich are also tracking Dylan Marsh.")) == {(8, 6): "interest"}
    assert rumour_map(run("Dylan Marsh has a fine track record against Bayern Munich.")) == {}


def test_tracking_him_since_his_days_at_a_club_makes_that_club_no_destination(run):
    text = "Bayern Munich have tracked Dylan Marsh since his days at Riverside United."
    assert rumour_map(run(text)) == {(8, 6): "interest"}


def test_asking_a_club_about_a_player_and_sounding_it_out_are_interest(run):
    assert rumour_map(run("Bayern Munich have asked Harbour Town about Dylan Marsh.")) == {(8, 6): "interest"}
    x = run("Bayern Munich have sounded out Harbour Town about Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}
    # Asked about him, in the passive, is a press conference question, not a club's move.
    assert rumour_map(run("Bayern Munich's coach was asked about Dylan Marsh on Friday.")) == {}


def test_an_enquiry_made_about_a_player_is_interest(run):
    x = run("An enquiry has been made about Harbour Town's Dylan Marsh by Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_making_their_move_is_interest(run):
    x = run("Bayern Munich are expected to make their move for Dylan Marsh in the summer.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_recalling_a_player_from_his_loan_is_a_completed_move_back(run):
    # The gazetteer lists Dylan Marsh at Harbour Town, the club he is on loan at.
    x = run("Riverside United have recalled Dylan Marsh from his loan at Harbour Town with immediate effect.")
    assert rumour_map(x) == {(8, 1): "completed"}


def test_completing_a_priced_move_is_completed(run):
    x = run("Dylan Marsh completed an £18m move from Harbour Town to Bayern Munich.")
    assert rumour_map(x) == {(8, 6): "completed"}


def test_a_one_word_alias_before_another_surname_is_somebody_else(run):
    # "Marsh" is Dylan Marsh's alias; "Marsh Okafor" is another player the gazetteer does not know.
    x = run("Bayern Munich are also tracking Harbour Town's teenager Marsh Okafor, who has yet to debut.")
    assert rumour_map(x) == {}
    assert [m.entity_id for m in x.mentions if m.kind == "player"] == []


def test_a_past_move_after_and_is_no_plan(run):
    x = run(
        "Bayern Munich moved quickly to find a winger and completed a loan for Harbour Town's Dylan Marsh."
    )
    assert rumour_map(x) == {(8, 6): "completed"}
    x = run("Bayern Munich hope to have completed the signing of Dylan Marsh by Friday.")
    assert rumour_map(x) != {(8, 6): "completed"}


def test_a_move_in_a_month_of_an_earlier_year_is_history(run):
    assert rumour_map(run("Dylan Marsh joined Harbour Town from Bayern Munich in August 2020.")) == {}


def test_a_name_inside_a_relative_clause_is_not_the_subject_after_it(run):
    text = (
        "Dylan Marsh's future was settled. The winger, who had lost his place to Tomas Kettering, has "
        "signed a four-year contract at Bayern Munich."
    )
    assert [(c.player_id, c.fact_type) for c in run(text).contracts] == [(8, "length")]


def test_a_quotes_speaker_does_not_stand_between_a_player_and_him(run):
    text = (
        'Harbour Town have recalled Dylan Marsh. "We will sit down with him," Graham Slot said. '
        "Bayern Munich have asked about taking him for the rest of the season."
    )
    assert rumour_map(run(text)).get((8, 6)) == "interest"
    text = (
        "Harbour Town have recalled Dylan Marsh. Graham Slot wants a new role. "
        "Bayern Munich have asked about taking him for the rest of the season."
    )
    assert (8, 6) not in rumour_map(run(text))  # "him" may be Slot now: nobody is pinned on it


def test_a_move_in_a_relative_clause_about_an_unknown_name_is_nobodys(run):
    text = (
        "Kettering's exit clears the way for Giorgi Mamaladze, who agreed to join Harbour Town from Bayern "
        "Munich, to become Dylan Marsh's understudy."
    )
    assert rumour_map(run(text)) == {}
    # The clause's own player is still the one moving: the unknown name there is the buyer's man.
    text = "Graham Pedersen, who reportedly wants to sign Dylan Marsh for Bayern Munich, was in the stands."
    assert rumour_map(run(text)) == {(8, 6): "interest"}


def test_a_successor_at_a_club_is_a_coaching_job(run):
    text = "Dylan Marsh has been mentioned as a possible successor at Bayern Munich, should the coach go."
    assert rumour_map(run(text)) == {}


def test_a_cue_inside_who_clause_is_about_the_name_it_hangs_on(run):
    text = (
        "The exit clears the way for Tomas Kettering, who spent the season back on loan at Harbour Town, "
        "to become Dylan Marsh's understudy."
    )
    assert rumour_map(run(text)) == {(1, 7): "completed"}


def test_a_season_spent_on_loan_before_this_year_is_history(run):
    text = "Tomas Kettering, who spent the 2023-24 season on loan at Harbour Town, is back at Riverside."
    assert rumour_map(run(text)) == {}
    text = "Bayern Munich have signed Dylan Marsh on loan until the end of the 2023/24 season."
    assert rumour_map(run(text, published=date(2024, 1, 20))) == {(8, 6): "completed"}


def test_a_known_player_inside_who_clause_about_an_unknown_name_is_not_the_target(run):
    text = (
        "Bayern Munich have also been watching Harbour Town forward Luka Varnic, who played alongside Dylan "
        "Marsh at youth level."
    )
    assert rumour_map(run(text)) == {}
    text = "Bayern Munich have been watching Dylan Marsh, who played alongside Luka Varnic at youth level."
    assert rumour_map(run(text)) == {(8, 6): "interest"}


def test_the_we_of_a_quote_is_the_club_of_its_speaker(run):
    # Peter Ferguson is Northgate City's manager in the test gazetteer; Marco Bellini plays there.
    text = '"We are talking to Marco Bellini\'s representatives and will get it done," said Peter Ferguson.'
    x = run(text)
    assert [(c.player_id, c.fact_type) for c in x.contracts] == [(3, "talks")]
    text = '"We have made an offer for Dylan Marsh," Peter Ferguson said.'
    assert rumour_map(run(text)) == {(8, 4): "bid"}
    # Nobody named as the speaker: "we" is nobody's.
    assert rumour_map(run('"We have made an offer for Dylan Marsh," a source said.')) == {}


def test_wordings_of_the_papers_round_up(run):
    x = run("The Sunday Mirror says Bayern Munich have agreed a £6m fee with Harbour Town for Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "agreed"}
    x = run("Bayern Munich want to take Harbour Town winger Dylan Marsh to Germany.")
    assert rumour_map(x) == {(8, 6): "interest"}
    x = run("Northgate boss Peter Ferguson has no intention of bringing Tomas Kettering back to Northgate.")
    assert rumour_map(x) == {(1, 4): "denied"}


def test_a_loan_extended_is_a_completed_loan(run):
    x = run("Harbour Town have extended Tomas Kettering's loan from Riverside United until the summer.")
    assert rumour_map(x) == {(1, 7): "completed"}


def test_an_under_21_international_is_a_nationality_reference(run):
    x = run("Dylan Marsh impressed again. The England Under-21 international is under contract until 2027.")
    assert [c.player_id for c in x.contracts] == [8]


def test_his_after_a_named_speaker_is_not_the_player_before(run):
    text = "Dylan Marsh scored twice. Graham Slot said afterwards that his side had deserved more."
    assert [m.entity_id for m in run(text).mentions if m.kind == "player"] == [8]


def test_a_quotes_we_without_a_fact_to_carry_is_no_mention(run):
    x = run('"We have to be more clinical," Peter Ferguson said after the match.')
    assert [m.surface for m in x.mentions] == ["Peter Ferguson"]
