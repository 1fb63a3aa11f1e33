"""What a sentence leaves unsaid and the article supplies: the player in focus, the moves a refusal answers,
old stories and hypotheticals that are not the current stance."""

from .conftest import rumour_map


def test_a_club_also_interested_borrows_the_player_just_discussed(run):
    x = run("Bayern Munich have made an offer for Dylan Marsh. Northgate City are also interested.")
    assert rumour_map(x) == {(8, 6): "bid", (8, 4): "interest"}


def test_the_main_player_of_the_article_when_the_last_rumour_is_far_back(run):
    text = (
        "Dylan Marsh is wanted by Bayern Munich. Marsh scored twice on Saturday. The crowd sang his name. "
        "The weather was poor. Northgate City have also been linked."
    )
    assert rumour_map(run(text, title="Dylan Marsh wanted in Munich")) == {
        (8, 6): "interest",
        (8, 4): "linked",
    }


def test_an_unnamed_target_is_not_the_player_in_focus(run):
    x = run(
        "Bayern Munich have made an offer for Dylan Marsh. "
        "Northgate City are interested in signing a striker."
    )
    assert rumour_map(x) == {(8, 6): "bid"}


def test_a_club_is_not_interested_in_its_own_player(run):
    text = (
        "Bayern Munich are in talks over Dylan Marsh. "
        "Northgate City are also interested, with Peter Ferguson "
        "looking for a partner for Marco Bellini."
    )
    assert rumour_map(run(text)) == {(8, 6): "talks", (8, 4): "interest"}


def test_not_for_sale_answers_every_earlier_link(run):
    text = (
        "Bayern Munich and Northgate City have been linked with Dylan Marsh. "
        "Harbour Town insist the winger is "
        "not for sale."
    )
    assert rumour_map(run(text)) == {(8, 6): "rejected", (8, 4): "rejected"}


def test_a_refusal_does_not_answer_a_later_link(run):
    text = (
        "Harbour Town insist Dylan Marsh is not for sale. "
        "Northgate City have since been linked with the winger."
    )
    assert rumour_map(run(text)) == {(8, 4): "linked"}


def test_an_old_rejection_is_not_pinned_on_the_current_suitors(run):
    text = (
        "Bayern Munich have been linked with Marco Bellini. "
        "Real Madrid will know that the forward has turned "
        "down a big move before."
    )
    assert rumour_map(run(text)) == {(3, 6): "linked"}


def test_a_hypothetical_rejection_is_not_a_rejection(run):
    x = run("If Harbour Town reject the bid, Bayern Munich will return with a bigger offer for Dylan Marsh.")
    assert "rejected" not in rumour_map(x).values()


def test_not_the_only_admirers_is_not_a_negation(run):
    assert rumour_map(run("Bayern Munich are not the only admirers of Dylan Marsh.")) == {(8, 6): "interest"}


def test_an_agreement_still_to_be_reached_is_not_agreed(run):
    x = run(
        "Bayern Munich have bid for Dylan Marsh and are confident they can agree personal terms with him."
    )
    assert rumour_map(x) == {(8, 6): "bid"}


def test_a_club_in_a_relative_clause_is_not_a_destination(run):
    x = run(
        "Bayern Munich, who sold their captain to Real Madrid last week, "
        "have asked about signing Marco Bellini."
    )
    assert rumour_map(x) == {(3, 6): "interest"}


def test_a_denial_with_no_player_answers_the_story_just_told(run):
    text = (
        "Bayern Munich are considering a move for Marco Bellini. Peter Ferguson was dismissive when asked "
        "about the story."
    )
    assert rumour_map(run(text)) == {(3, 6): "denied"}
