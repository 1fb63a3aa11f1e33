from .conftest import rumour_map


def test_rejected_a_move(run):
    assert rumour_map(run("Marco Bellini has rejected a move to Harbour Town.")) == {(3, 7): "rejected"}


def test_turned_down_an_offer(run):
    x = run("Northgate City turned down a £30m offer from Bayern Munich for Marco Bellini.")
    assert rumour_map(x)[(3, 6)] == "rejected"


def test_not_for_sale_borrows_the_club_from_the_sentence(run):
    x = run("The answer to Bayern Munich was clear - Marco Bellini is not for sale.")
    assert rumour_map(x) == {(3, 6): "rejected"}


def test_refusing_to_enter_discussions_uses_the_previous_sentence(run):
    text = (
        "Bayern Munich are weighing up an approach for Tomas Kettering. "
        "Riverside United will refuse to enter discussions for their number 66."
    )
    (r,) = run(text).rumours
    assert (r.to_club_id, r.stage, r.also_stages) == (6, "rejected", ("interest",))
    assert r.stance_by == "selling_club"


def test_dismissed_the_reports_is_denied(run):
    text = "Tomas Kettering has been linked with Bayern Munich. His agent dismissed the reports as nonsense."
    (r,) = run(text).rumours
    assert (r.stage, r.also_stages) == ("denied", ("linked",))


def test_a_quoted_denial(run):
    text = 'Bayern Munich have been linked with Tomas Kettering. "There is no truth in it," he said.'
    assert rumour_map(run(text)) == {(1, 6): "denied"}


def test_the_decisive_stance_is_foregrounded_and_the_rest_kept(run):
    text = (
        "Marco Bellini has been linked with Harbour Town. Harbour Town made a £5m bid for Marco Bellini. "
        "Northgate City rejected the bid for Marco Bellini from Harbour Town."
    )
    (r,) = run(text).rumours
    assert r.stage == "rejected"
    assert set(r.also_stages) == {"bid", "linked"}
