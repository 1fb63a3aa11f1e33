"""Who may do what in admin: anonymous, a reader, staff in no group, a curator and a superuser, against every
registered admin's pages and every action, plus the curation views.

The curator's rights are written out below, not derived from the code under test: a new admin registered by
anyone gets "nothing" for curators until this table says otherwise.
"""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.admin import helpers
from django.contrib.auth.models import Group
from django.urls import reverse

from players.models import ClubAlias, Injury
from rumours.models import CuratorState, Feed, FeedEntry, Rumour, Source
from tests.factories import FeedFactory, InjuryFactory, StaffFactory

CURATOR_RIGHTS: dict[str, set[str]] = {
    "players.club": {"view"},
    "players.clubalias": {"view", "change", "add", "delete"},
    "players.player": {"view", "change", "add"},
    "players.contract": {"view", "change", "add"},
    "players.injury": {"view", "change", "add"},
    "rumours.rumour": {"view", "change"},
    "rumours.mention": {"view"},
    "rumours.article": {"view", "change"},
    "rumours.candidate": {"view", "change"},
    "rumours.source": {"view"},
    "rumours.feed": {"view"},
    "rumours.contradiction": {"view", "change"},
}
CURATOR_ACTIONS: dict[str, set[str]] = {
    "rumours.rumour": {
        "approve",
        "reject",
        "set_stage",
        "merge_rumours",
        "mark_completed",
        "mark_renewed",
        "mark_dead",
    },
    "rumours.candidate": {"to_new_player", "to_alias", "dismiss"},
    "rumours.article": {"refetch_articles", "reextract_articles"},
    "rumours.contradiction": {"mark_resolved", "mark_dismissed"},
    "players.clubalias": {"delete_selected"},  # a wrong alias misleads extraction; deleting it is the fix
}
# Models with no admin of their own, edited inline (player aliases on the player page).
INLINE_RIGHTS: dict[str, set[str]] = {"players.playeralias": {"view", "change", "add", "delete"}}
GROUP_PERMISSIONS = {
    f"{label.split('.')[0]}.{right}_{label.split('.')[1]}"
    for label, rights in (CURATOR_RIGHTS | INLINE_RIGHTS).items()
    for right in rights
}
MODELS = sorted(admin.site._registry, key=lambda model: model._meta.label_lower)
PERSONAS = ["anonymous", "reader", "staff", "curator", "superuser"]


@pytest.fixture
def everything(world):
    """At least one row of every model with an admin, so that change, delete and history pages exist."""
    StaffFactory(club=world.liverpool)
    ClubAlias.objects.create(club=world.liverpool, alias="The Reds")
    InjuryFactory(player=world.salah)
    feed = FeedFactory(source=world.bbc)
    FeedEntry.objects.create(feed=feed, guid="1" * 64, title="An entry", article=world.article_bbc)
    return world


@pytest.fixture
def as_persona(client, request):
    def login(persona: str):
        if persona != "anonymous":
            client.force_login(request.getfixturevalue(persona))
        return client

    return login


def admin_urls(model) -> dict[str, str]:
    """The model's admin pages: list and add always; change, delete and history for its first row."""
    info = f"admin:{model._meta.app_label}_{model._meta.model_name}"
    urls = {"view_list": reverse(f"{info}_changelist"), "add": reverse(f"{info}_add")}
    obj = model._default_manager.order_by("pk").first()
    if obj is not None:
        urls |= {
            "change_page": reverse(f"{info}_change", args=[obj.pk]),
            "delete": reverse(f"{info}_delete", args=[obj.pk]),
            "history": reverse(f"{info}_history", args=[obj.pk]),
        }
    return urls


def expected_for(persona: str, model, page: str, model_admin, rf_request) -> int:
    if persona in ("anonymous", "reader"):
        return 302
    if persona == "staff":
        return 403
    if persona == "superuser":
        # The admin itself may refuse adding or deleting some rows (axes' logs), even to a superuser.
        if page == "add":
            return 200 if model_admin.has_add_permission(rf_request) else 403
        if page == "delete":
            return 200 if model_admin.has_delete_permission(rf_request) else 403
        return 200
    rights = CURATOR_RIGHTS.get(model._meta.label_lower, set())
    needed = {
        "view_list": {"view", "change"},
        "change_page": {"view", "change"},
        "history": {"view", "change"},
    }
    if page in needed:
        return 200 if rights & needed[page] else 403
    return 200 if page in rights and (page != "add" or model_admin.has_add_permission(rf_request)) else 403


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
def test_every_admin_page(everything, as_persona, persona, model, rf, request):
    client = as_persona(persona)
    rf_request = rf.get("/")
    rf_request.user = request.getfixturevalue(persona) if persona != "anonymous" else None
    model_admin = admin.site._registry[model]

    wrong = {}
    for page, url in admin_urls(model).items():
        response = client.get(url)
        want = expected_for(persona, model, page, model_admin, rf_request)
        if response.status_code != want:
            wrong[page] = (url, response.status_code, want)
        if want == 302:
            assert response["Location"].startswith("/admin/login/")

    assert wrong == {}


def test_the_curators_group_has_exactly_the_rights_curation_needs(db):
    group = Group.objects.get(name="Curators")

    granted = {
        f"{app}.{codename}"
        for app, codename in group.permissions.values_list("content_type__app_label", "codename")
    }

    assert granted == GROUP_PERMISSIONS
    assert not any(p.startswith("auth.") for p in granted)
    assert "rumours.change_source" not in granted
    assert "rumours.delete_feed" not in granted


def test_staff_in_no_group_sees_an_empty_index(as_persona, staff):
    response = as_persona("staff").get("/admin/")

    assert response.status_code == 200
    assert response.context["app_list"] == []


@pytest.mark.parametrize("persona", ["anonymous", "reader"])
def test_the_index_sends_outsiders_to_the_login_page(as_persona, persona, request):
    if persona == "reader":
        request.getfixturevalue("reader")

    response = as_persona(persona).get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize("model", MODELS, ids=lambda m: m._meta.label_lower)
def test_curators_get_only_their_declared_actions(everything, curator_client, model):
    label = model._meta.label_lower
    response = curator_client.get(admin_urls(model)["view_list"])
    if response.status_code == 403:
        assert label not in CURATOR_ACTIONS
        return

    action_form = response.context["action_form"]
    offered = {value for value, _ in action_form.fields["action"].choices if value} if action_form else set()

    assert offered == CURATOR_ACTIONS.get(label, set())


def test_superusers_get_every_curation_action(superuser, client, world):
    client.force_login(superuser)

    response = client.get(reverse("admin:rumours_rumour_changelist"))

    offered = {value for value, _ in response.context["action_form"].fields["action"].choices if value}
    assert offered == CURATOR_ACTIONS["rumours.rumour"] | {"delete_selected"}


CURATION_PAGES = [
    ("get", "/admin/rumours/rumour/review/"),
    ("get", "/admin/rumours/rumour/merge-players/"),
    ("post", "reextract"),
    ("get", "/admin/rumours/article/submit/"),
]


@pytest.mark.parametrize(
    ("persona", "expected"),
    [
        ("anonymous", [302, 302, 302, 302]),
        ("reader", [302, 302, 302, 302]),
        ("staff", [403, 403, 403, 403]),
        # Curators do not add articles (no add_article); submitting URLs is the operators' job.
        ("curator", [200, 200, 302, 403]),
        ("superuser", [200, 200, 302, 200]),
    ],
)
def test_the_curation_views(world, as_persona, persona, expected):
    client = as_persona(persona)
    reextract = reverse("admin:rumours_rumour_reextract", args=[world.trent_madrid.pk, world.article_bbc.pk])

    got = [
        getattr(client, method)(reextract if url == "reextract" else url).status_code
        for method, url in CURATION_PAGES
    ]

    assert got == expected


@pytest.mark.parametrize(
    ("persona", "approved"),
    [
        ("anonymous", False),
        ("reader", False),
        ("staff", False),
        ("viewer", False),
        ("curator", True),
        ("superuser", True),
    ],
)
def test_who_can_run_the_approve_action(world, client, persona, approved, request):
    if persona == "viewer":
        # Staff who may look at rumours but not change them: the action is not theirs to run.
        from tests.curation.conftest import make_user

        user = make_user("viewer", staff=True)
        user.user_permissions.add(
            *Group.objects.get(name="Curators").permissions.filter(codename="view_rumour")
        )
        client.force_login(user)
    elif persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))

    client.post(
        reverse("admin:rumours_rumour_changelist"),
        {"action": "approve", "index": "0", helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk]},
    )

    state = Rumour.objects.get(pk=world.trent_madrid.pk).curator_state
    assert (state == CuratorState.APPROVED) is approved


def test_a_curator_cannot_run_an_undeclared_action(world, curator_client):
    feed = FeedFactory()

    curator_client.post(
        reverse("admin:rumours_rumour_changelist"),
        {
            "action": "delete_selected",
            "post": "yes",
            "index": "0",
            helpers.ACTION_CHECKBOX_NAME: [world.trent_psg.pk],
        },
    )
    curator_client.post(
        reverse("admin:rumours_feed_changelist"),
        {"action": "poll_now", "index": "0", helpers.ACTION_CHECKBOX_NAME: [feed.pk]},
    )

    assert Rumour.objects.filter(pk=world.trent_psg.pk).exists()
    assert Feed.objects.get(pk=feed.pk).last_polled_at is None


def test_a_curator_cannot_delete_a_feed(curator_client):
    feed = FeedFactory()

    response = curator_client.post(reverse("admin:rumours_feed_delete", args=[feed.pk]), {"post": "yes"})

    assert response.status_code == 403
    assert Feed.objects.filter(pk=feed.pk).exists()


def test_a_curator_cannot_change_a_sources_reliability(world, curator_client):
    url = reverse("admin:rumours_source_change", args=[world.fichajes.pk])

    page = curator_client.get(url)
    response = curator_client.post(
        url, {"name": "Fichajes", "slug": "fichajes", "kind": "outlet", "reliability_tier": 1}
    )

    assert page.status_code == 200
    assert b'name="reliability_tier"' not in page.content
    assert response.status_code == 403
    assert Source.objects.get(pk=world.fichajes.pk).reliability_tier == 4


def test_a_curator_cannot_manage_users_or_groups(curator_client, superuser):
    for url in (
        "/admin/auth/user/",
        "/admin/auth/group/",
        f"/admin/auth/user/{superuser.pk}/change/",
        "/admin/auth/user/add/",
    ):
        assert curator_client.get(url).status_code == 403, url
    response = curator_client.post(
        f"/admin/auth/user/{superuser.pk}/change/", {"username": "pwned", "is_superuser": "on"}
    )
    assert response.status_code == 403
    superuser.refresh_from_db()
    assert superuser.username == "boss"


def test_a_curator_can_edit_a_rumour_and_the_stage_becomes_theirs(world, curator_client, curator):
    url = reverse("admin:rumours_rumour_change", args=[world.trent_psg.pk])
    form = {
        "player": world.trent.pk,
        "from_club": world.liverpool.pk,
        "to_club": world.psg.pk,
        "window": "2025 January",
        "fee_currency": "",
        "curator_state": "unreviewed",
        "curator_note": "",
        "stage": "talks",
        "mentions-TOTAL_FORMS": "1",
        "mentions-INITIAL_FORMS": "1",
        "mentions-MIN_NUM_FORMS": "0",
        "mentions-MAX_NUM_FORMS": "1000",
    }

    response = curator_client.post(url, form)

    assert response.status_code == 302, response.content.decode()[:2000]
    rumour = Rumour.objects.get(pk=world.trent_psg.pk)
    assert (rumour.stage, rumour.stage_set_by_curator) == ("talks", True)
    assert rumour.history.latest().history_user == curator


def test_the_rumour_form_refuses_an_outcome_and_a_reasonless_rejection(world, curator_client):
    url = reverse("admin:rumours_rumour_change", args=[world.trent_psg.pk])
    form = {
        "player": world.trent.pk,
        "to_club": world.psg.pk,
        "window": "2025 January",
        "curator_state": "rejected",
        "curator_note": "",
        "stage": "completed",
        "mentions-TOTAL_FORMS": "0",
        "mentions-INITIAL_FORMS": "0",
    }

    response = curator_client.post(url, form)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert set(errors) == {"stage", "curator_note"}
    assert Rumour.objects.get(pk=world.trent_psg.pk).stage == "linked"


def test_injury_inline_rows_are_editable_by_curators(everything, curator_client):
    injury = Injury.objects.first()
    response = curator_client.get(reverse("admin:players_injury_change", args=[injury.pk]))

    assert b'name="description"' in response.content
