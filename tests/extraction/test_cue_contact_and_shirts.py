"""Cues found unseen in the fourth probe set (talking to a player's people, contact about him, clubs circling,
a buy-back clause) and a club's shirt named in the possessive ("Northgate's No 9") standing for the player who
wears it, even before he is named."""

from datetime import date

from .conftest import rumour_map


def test_speaking_to_a_players_representatives_is_talks(run):
    x = run("Bayern Munich have spoken to Dylan Marsh's representatives about a summer move.")
    assert rumour_map(x) == {(8, 6): "talks"}
    x = run("Bayern Munich have spoken to the 21-year-old's representatives.", published=date(2024, 6, 1))
    assert rumour_map(x) == {}  # nobody named or referred to before: nothing to attach the cue to


def test_contacting_a_club_about_a_player_is_interest(run):
    x = run("Bayern Munich have already contacted Harbour Town about winger Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "interest"}


def test_clubs_circling_a_player_is_interest(run):
    x = run("Harbour Town have offered Dylan Marsh a new deal as Bayern Munich circle.")
    assert (8, 6) in rumour_map(x) and rumour_map(x)[(8, 6)] == "interest"


def test_the_centre_circle_is_no_cue(run):
    assert rumour_map(run("Dylan Marsh picked the ball up in the centre circle against Bayern Munich.")) == {}


def test_exercising_a_buy_back_clause_is_interest(run):
    x = run("Real Madrid are preparing to exercise the buy-back clause in Dylan Marsh's contract.")
    assert rumour_map(x) == {(8, 2): "interest"}


def test_closing_in_on_a_return_from_injury_is_no_talks(run):
    x = run("Dylan Marsh is closing in on a return from the hamstring injury he picked up at Bayern Munich.")
    assert rumour_map(x) == {}
    x = run("Bayern Munich are closing in on Dylan Marsh.")
    assert rumour_map(x) == {(8, 6): "talks"}


def test_a_clubs_shirt_in_the_possessive_is_the_player_who_wears_it(run):
    x = run("Bayern Munich have sent scouts to watch Northgate's No 9 - and not for the first time.")
    assert rumour_map(x) == {(3, 6): "interest"}
    (m,) = [m for m in x.mentions if m.kind == "player"]
    assert (m.entity_id, m.surface, m.via) == (3, "Northgate's No 9", "reference")


def test_the_shirt_then_anchors_a_later_reference(run):
    text = "Bayern Munich want Harbour's No 17. They will bid for the 21-year-old next week."
    x = run(text, published=date(2024, 6, 1))
    assert [m.entity_id for m in x.mentions if m.kind == "player"] == [8, 8]


def test_a_shirt_two_players_share_is_nobody(run):
    # Riverside's No 66 is Kettering's; no Riverside player wears 5, and a number on its own is no one.
    x = run("Bayern Munich sent scouts to watch Riverside's No 5.")
    assert [m for m in x.mentions if m.kind == "player"] == []


def test_a_move_with_no_destination_goes_to_the_club_the_paragraph_opened_with(run):
    text = (
        "Bayern Munich have already strengthened at the back. Harbour Town winger Dylan Marsh joined earlier "
        "this month, and Tomas Kettering is expected to arrive from Riverside once his contract expires."
    )
    assert rumour_map(run(text)) == {(8, 6): "completed", (1, 6): "agreed"}


def test_a_bare_joined_without_his_club_named_borrows_no_destination(run):
    # Nothing says where he came from: "joined" may be any part of his career.
    text = "Bayern Munich have already strengthened at the back. Dylan Marsh joined as a teenager."
    assert rumour_map(run(text)) == {}


def test_a_fee_paid_for_a_player_is_no_wage(run):
    x = run("Bayern Munich paid Harbour Town £72m for the winger Dylan Marsh in 2023.")
    assert [c for c in x.contracts if c.fact_type == "wage"] == []
    x = run("Dylan Marsh is paid £90,000 a week at Harbour Town.")
    assert [(c.player_id, c.weekly_wage) for c in x.contracts if c.fact_type == "wage"] == [(8, 90_000)]


def test_a_club_that_will_not_entertain_offers_for_its_player_is_selling_not_renewing(run):
    x = run("Harbour Town will not entertain offers for Dylan Marsh, after reports linked him with Bayern.")
    assert [c for c in x.contracts if c.player_id == 8] == []


def test_a_buyer_the_gazetteer_does_not_know_takes_no_club_from_elsewhere_in_the_sentence(run):
    text = (
        "Harbour Town are prepared to let Dylan Marsh go for free, and Flamengo are understood to have "
        "agreed personal terms with him."
    )
    assert rumour_map(run(text)) == {}
    text = "Harbour Town will let Dylan Marsh go, and Bayern Munich have agreed personal terms with him."
    assert rumour_map(run(text)) == {(8, 6): "agreed"}


def test_a_move_last_summer_is_history(run):
    text = "Harbour Town would want £30m for Dylan Marsh, who joined them from Bayern Munich last summer."
    assert rumour_map(run(text)) == {}
    text = "Dylan Marsh joined Bayern Munich from Harbour Town this week."
    assert rumour_map(run(text)) == {(8, 6): "completed"}


def test_they_after_a_sentence_opening_but_and_a_club_is_that_club(run):
    text = "But Bayern Munich have form in England. They are tipped to do the same with Dylan Marsh."
    assert rumour_map(run(text)) == {(8, 6): "linked"}
    text = "But the rain never stopped in Munich. They are tipped to do the same with Dylan Marsh."
    assert rumour_map(run(text)) == {}
