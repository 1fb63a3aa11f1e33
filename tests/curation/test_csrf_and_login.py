"""Admin behind login, CSRF on every write, and lock-out after repeated failed logins (django-axes)."""

from __future__ import annotations

import pytest
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.admin import helpers
from django.test import Client
from django.urls import reverse

from rumours.models import Article, CuratorState, Rumour
from tests.curation.conftest import PASSWORD, make_user

LOGIN = "/admin/login/"


@pytest.fixture
def strict_client(curator) -> Client:
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    return client


def test_an_action_without_a_csrf_token_is_refused(world, strict_client):
    response = strict_client.post(
        reverse("admin:rumours_rumour_changelist"),
        {"action": "approve", "index": "0", helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk]},
    )

    assert response.status_code == 403
    assert Rumour.objects.get(pk=world.trent_madrid.pk).curator_state == CuratorState.UNREVIEWED


def test_the_queue_without_a_csrf_token_is_refused(world, strict_client):
    response = strict_client.post(
        "/admin/rumours/rumour/review/",
        {
            "action": "reject",
            "apply": "1",
            "reason": "x",
            helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk],
        },
    )

    assert response.status_code == 403
    assert Rumour.objects.get(pk=world.trent_madrid.pk).curator_state == CuratorState.UNREVIEWED


def test_a_change_form_without_a_csrf_token_is_refused(world, strict_client):
    response = strict_client.post(
        reverse("admin:rumours_rumour_change", args=[world.trent_psg.pk]),
        {"player": world.trent.pk, "to_club": world.psg.pk, "window": "2025 January", "stage": "agreed"},
    )

    assert response.status_code == 403
    assert Rumour.objects.get(pk=world.trent_psg.pk).stage == "linked"


def test_merging_players_without_a_csrf_token_is_refused(world, strict_client):
    response = strict_client.post(
        "/admin/rumours/rumour/merge-players/",
        {"survivor": world.trent.pk, "merged": world.salah.pk, "confirm": "1"},
    )

    assert response.status_code == 403
    assert world.salah.__class__.objects.get(pk=world.salah.pk).merged_into_id is None


def test_reextract_and_url_submission_without_a_csrf_token_are_refused(world, strict_client, superuser):
    reextract = reverse("admin:rumours_rumour_reextract", args=[world.trent_madrid.pk, world.article_bbc.pk])
    assert strict_client.post(reextract).status_code == 403

    strict_client.force_login(superuser)
    before = Article.objects.count()
    response = strict_client.post(
        "/admin/rumours/article/submit/", {"url": "https://news.example/new", "title": "x", "text": "y"}
    )
    assert response.status_code == 403
    assert Article.objects.count() == before


def test_the_same_post_with_the_token_works(world, curator):
    client = Client(enforce_csrf_checks=True)
    client.force_login(curator)
    page = client.get(reverse("admin:rumours_rumour_changelist"))
    token = page.cookies[settings.CSRF_COOKIE_NAME].value

    response = client.post(
        reverse("admin:rumours_rumour_changelist"),
        {
            "csrfmiddlewaretoken": token,
            "action": "approve",
            "index": "0",
            helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk],
        },
    )

    assert response.status_code == 302
    assert Rumour.objects.get(pk=world.trent_madrid.pk).curator_state == CuratorState.APPROVED


def test_logging_in_without_a_csrf_token_is_refused(curator):
    client = Client(enforce_csrf_checks=True)

    response = client.post(LOGIN, {"username": "curator", "password": PASSWORD})

    assert response.status_code == 403
    assert "_auth_user_id" not in client.session


# --- lock-out --------------------------------------------------------------------------------------------


def log_in(client: Client, username: str, password: str):
    return client.post(LOGIN, {"username": username, "password": password, "next": "/admin/"})


def test_a_right_password_logs_in(client, curator):
    response = log_in(client, "curator", PASSWORD)

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(curator.pk)


def test_four_failures_do_not_lock_the_account(client, curator):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert log_in(client, "curator", "wrong").status_code == 200

    assert log_in(client, "curator", PASSWORD).status_code == 302


def test_five_failures_lock_the_account_even_with_the_right_password(client, curator):
    assert settings.AXES_FAILURE_LIMIT == 5
    statuses = [log_in(client, "curator", "wrong").status_code for _ in range(5)]
    # Four times the login form again; the fifth failure is answered with the lock-out itself.
    assert statuses == [200, 200, 200, 200, 429]

    locked = log_in(client, "curator", PASSWORD)

    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_lock_covers_the_address_for_other_accounts_too(client, curator, superuser):
    for _ in range(5):
        log_in(client, "curator", "wrong")

    assert log_in(client, "boss", PASSWORD).status_code == 429


def test_the_count_lives_in_the_database_so_every_process_sees_it(client, curator):
    # AXES_HANDLER is the database handler: a second gunicorn or another host reads the same rows.
    for _ in range(5):
        log_in(client, "curator", "wrong")

    other_process = Client(REMOTE_ADDR="127.0.0.1")
    assert settings.AXES_HANDLER == "axes.handlers.database.AxesDatabaseHandler"
    assert AccessAttempt.objects.filter(username="curator").get().failures_since_start == 5
    assert log_in(other_process, "curator", PASSWORD).status_code == 429


def test_another_address_can_still_log_in_to_another_account(client, curator):
    make_user("colleague", staff=True, group="Curators")
    for _ in range(5):
        log_in(client, "curator", "wrong")

    elsewhere = Client(REMOTE_ADDR="10.1.2.3")

    assert log_in(elsewhere, "colleague", PASSWORD).status_code == 302
    assert log_in(elsewhere, "curator", PASSWORD).status_code == 429
