"""An outlet whose name holds a club alias ("The Athletic" and a club called "Athletic"): the longer outlet
name wins in a citation, the club wins where a team noun follows."""

from .conftest import rumour_map


def test_a_cited_outlet_is_not_the_club_inside_its_name(run_wide):
    x = run_wide("According to the Athletic, Bayern Munich are keen on Pablo Iturra.")
    assert rumour_map(x) == {(11, 6): "interest"}
    assert x.rumours[0].cited_outlet == "The Athletic"  # the gazetteer name, whatever spelling cited it
    assert not any(m.kind == "club" and m.entity_id == 8 for m in x.mentions)


def test_the_outlet_reporting_is_not_the_club(run_wide):
    x = run_wide("The Athletic reports that Sporting Verona have bid for Dylan Marsh.")
    assert rumour_map(x) == {(8, 9): "bid"}


def test_a_team_noun_after_the_name_makes_it_the_club(run_wide):
    x = run_wide("Pablo Iturra has been the best player in the Athletic attack this season.")
    assert [(m.kind, m.entity_id) for m in x.mentions if m.surface.endswith("Athletic")] == [("club", 8)]
