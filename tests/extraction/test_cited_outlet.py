def test_according_to(run):
    (r,) = run("Bayern Munich are keen on Tomas Kettering, according to Fichajes.").rumours
    assert r.cited_outlet == "Fichajes"


def test_understands(run):
    (r,) = run("Bayern Munich are in talks over Tomas Kettering, Sky Sports understands.").rumours
    assert r.cited_outlet == "Sky Sports"


def test_told_an_outlet(run):
    x = run('Tomas Kettering told BBC Sport: "I have signed a new deal."')
    assert x.contracts[0].cited_outlet == "BBC Sport"


def test_reports_in_a_country(run):
    (r,) = run("Bayern Munich have tabled a bid for Dylan Marsh, according to reports in Germany.").rumours
    assert r.cited_outlet == "reports in Germany"


def test_an_agent_is_not_an_outlet(run):
    (r,) = run("According to Marsh's agent, the player rejected a move to Bayern Munich.").rumours
    assert r.cited_outlet == ""
    assert r.stance_by == "agent"


def test_the_outlet_of_another_sentence_is_not_attached(run):
    text = "Bayern Munich are keen on Dylan Marsh. Marca reports that Madrid are watching the weather."
    (r,) = run(text).rumours
    assert r.cited_outlet == ""
