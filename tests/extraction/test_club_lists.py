"""Several clubs at once (found unseen in BBC-style probe set 8): a list after the cue, a list of clubs being
told a player is not for sale, and clubs named only by number or kind ("all three Premiership clubs")."""

from .conftest import rumour_map


def test_every_club_of_a_list_after_the_cue_is_a_destination(run):
    x = run("Dylan Marsh has been linked with Bayern Munich, Real Madrid and Riverside United.")
    assert rumour_map(x) == {(8, 6): "linked", (8, 2): "linked", (8, 1): "linked"}


def test_a_comma_that_ends_the_list_still_ends_it(run):
    x = run("Dylan Marsh has been linked with Bayern Munich, a move Real Madrid would welcome.")
    assert rumour_map(x) == {(8, 6): "linked"}


def test_every_club_told_he_is_not_for_sale_is_refused(run):
    x = run(
        "Harbour Town have warned Bayern Munich, Real Madrid and Riverside United that Dylan Marsh is "
        "not for sale."
    )
    assert rumour_map(x) == {(8, 6): "rejected", (8, 2): "rejected", (8, 1): "rejected"}


def test_clubs_named_only_by_number_borrow_no_other_club(run):
    text = (
        "Dylan Marsh has been linked with all three Premiership clubs after his display in the demolition of "
        "Real Madrid on Tuesday."
    )
    assert rumour_map(run(text)) == {}
