"""The read-only JSON API: its answers, its OpenAPI schema, and a schemathesis fuzz run that finds no 5xx."""

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

pytestmark = pytest.mark.django_db


def test_the_openapi_schema_is_served_and_valid(client, db):
    response = client.get("/api/openapi.json")
    assert response.status_code == 200
    raw = response.json()
    assert raw["openapi"].startswith("3.")
    schema = schemathesis.openapi.from_dict(raw)
    schema.validate()  # raises on a schema that breaks the OpenAPI meta-schema
    paths = set(raw["paths"])
    assert {
        "/api/players",
        "/api/players/{slug}",
        "/api/players/{slug}/timeline",
        "/api/clubs",
        "/api/clubs/{slug}",
        "/api/rumours",
        "/api/rumours/{rumour_id}",
    } <= paths
    assert all(set(item) == {"get"} for item in raw["paths"].values())


def test_a_player_comes_with_contract_injuries_and_rumours_with_evidence(client, scenario):
    data = client.get(f"/api/players/{scenario.trent.slug}").json()
    assert data["name"] == "Trent Alexander-Arnold"
    assert data["current_club"]["slug"] == "liverpool"
    assert data["contract"]["weekly_wage"] == 180_000
    assert data["aliases"] == ["TAA"]
    assert data["injuries"][0]["description"] == "hamstring strain"
    [rumour] = data["rumours"]
    assert rumour["to_club"]["name"] == "Real Madrid" and rumour["likelihood"] == 72
    assert rumour["likelihood_explanation"][0] == {
        "factor": "stage",
        "label": "",
        "points": 40.0,
        "value": None,
        "detail": "a bid has been reported",
    }
    [evidence] = rumour["evidence"]
    assert evidence["sentence"].startswith("Real Madrid are preparing a bid")
    assert evidence["cited_outlet"] == "Fichajes"
    assert evidence["article"]["source"] == "Daily Mirror"


def test_the_timeline_pages_with_a_cursor(client, scenario):
    first = client.get(f"/api/players/{scenario.trent.slug}/timeline").json()
    assert [e["kind"] for e in first["entries"]] == ["contract", "rumour", "injury", "contract"]
    assert first["next_cursor"] is None
    injuries = client.get(f"/api/players/{scenario.trent.slug}/timeline?kind=injury").json()
    assert [e["title"] for e in injuries["entries"]] == ["Injured: hamstring strain"]
    after = client.get(
        f"/api/players/{scenario.trent.slug}/timeline?before={first['entries'][1]['cursor']}"
    ).json()
    assert [e["kind"] for e in after["entries"]] == ["injury", "contract"]


def test_lists_filter_and_page(client, scenario):
    assert [p["slug"] for p in client.get("/api/players?q=alexander arnold").json()["items"]] == [
        scenario.trent.slug
    ]
    assert client.get("/api/players?club=liverpool").json()["items"][0]["slug"] == scenario.trent.slug
    assert client.get("/api/players?club=real-madrid").json()["items"] == []
    clubs = client.get("/api/clubs?limit=1").json()
    assert len(clubs["items"]) == 1 and clubs["next_offset"] == 1
    assert client.get("/api/clubs?q=los blancos").json()["items"][0]["name"] == "Real Madrid"
    rumours = client.get("/api/rumours?stage=bid&min_likelihood=50").json()["items"]
    assert [r["id"] for r in rumours] == [scenario.rumour.pk]
    assert client.get("/api/rumours?stage=completed").json()["items"] == []
    detail = client.get(f"/api/clubs/{scenario.madrid.slug}").json()
    assert detail["rumours_in"][0]["player"]["slug"] == scenario.trent.slug


def test_unknown_things_are_json_404s(client, db):
    for url in (
        "/api/players/nobody",
        "/api/clubs/nowhere",
        "/api/rumours/123456",
        "/api/players/nobody/timeline",
    ):
        response = client.get(url)
        assert response.status_code == 404, url
        assert response.json() == {"detail": "Not Found"}


def test_bad_parameters_are_422_not_500(client, db):
    for url in (
        "/api/players?limit=0",
        "/api/players?limit=101",
        "/api/rumours?stage=nonsense",
        "/api/rumours?min_likelihood=101",
        "/api/players?offset=-1",
    ):
        assert client.get(url).status_code == 422, url


# --- schemathesis ------------------------------------------------------------------------------------------
# Driven through Hypothesis directly: schemathesis's own pytest decorator does not run under pytest 9 here
# (it sets Function._nodeid, which pytest 9 no longer has).

FUZZ_EXAMPLES = 60


@pytest.fixture
def api_schema(scenario):
    from django.core import signals
    from django.db import close_old_connections

    from config.wsgi import application

    # Requests go straight to the WSGI app, in this thread and inside the test's transaction. Django's test
    # client stops the app from closing the connection after each request; do the same here.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/openapi.json", application)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def test_no_input_makes_the_api_fail(api_schema):
    operations = [result.ok() for result in api_schema.get_all_operations()]
    assert len(operations) == 7
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(
            max_examples=FUZZ_EXAMPLES, deadline=None, database=None, suppress_health_check=list(HealthCheck)
        )
        def call(case):
            case.call_and_validate(checks=[not_a_server_error, response_schema_conformance])

        call()
