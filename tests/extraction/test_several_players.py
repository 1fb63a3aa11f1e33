from .conftest import rumour_map


def test_one_bid_for_two_players(run):
    x = run("Harbour Town have received an £8m bid from Bayern Munich for Dylan Marsh and Marco Bellini.")
    assert rumour_map(x) == {(8, 6): "bid", (3, 6): "bid"}


def test_each_clause_keeps_its_own_player(run):
    x = run(
        "Marco Bellini rejected a move to Harbour Town while Bayern Munich made an offer for Dylan Marsh."
    )
    assert rumour_map(x) == {(3, 7): "rejected", (8, 6): "bid"}


def test_one_rumour_per_player_and_club(run):
    text = "Bayern Munich are keen on Dylan Marsh. Bayern Munich are in talks over Dylan Marsh."
    x = run(text)
    assert len(x.rumours) == 1 and x.rumours[0].stage == "talks"


def test_a_club_named_before_a_player_is_his_club_not_a_destination(run):
    x = run("Bayern Munich are chasing Northgate City forward Marco Bellini.")
    (r,) = x.rumours
    assert (r.to_club_id, r.from_club_id) == (6, 4)


def test_a_compared_player_is_not_the_subject(run):
    x = run("Aaron Cole, like Marco Bellini, has been linked with Bayern Munich.")
    assert rumour_map(x) == {(4, 6): "linked"}


def test_comma_and_starts_a_new_clause(run):
    x = run(
        "Bayern Munich are interested in Dylan Marsh, and Real Madrid have been linked with Tomas Kettering."
    )
    assert rumour_map(x) == {(8, 6): "interest", (1, 2): "linked"}


def test_the_player_to_be_replaced_is_not_the_subject(run):
    x = run("Bayern Munich are keen on Dylan Marsh as a replacement for Marco Bellini.")
    assert rumour_map(x) == {(8, 6): "interest"}
    x = run("Real Madrid, who want a successor to Luis Ferreiro, have been linked with Tomas Kettering.")
    assert rumour_map(x) == {(1, 2): "linked"}
