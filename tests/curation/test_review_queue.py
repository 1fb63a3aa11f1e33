"""The review queue: what it lists, in which order, how evidence is shown, and its single and bulk actions."""

from __future__ import annotations

import pytest
from django.contrib.admin import helpers
from django.urls import reverse

from rumours.models import Candidate, CandidateStatus, CuratorState, Rumour, Stage
from tests.factories import ArticleFactory, MentionFactory, RumourFactory

QUEUE = "/admin/rumours/rumour/review/"


def test_the_queue_has_its_own_admin_url():
    assert reverse("admin:rumours_rumour_review") == QUEUE


def test_it_lists_unreviewed_rumours_most_likely_first(curator_client, world):
    html = curator_client.get(QUEUE).content.decode()

    positions = [
        html.index(f'id="rumour-{r.pk}"') for r in (world.trent_madrid, world.salah_psg, world.trent_psg)
    ]
    assert positions == sorted(positions)


def test_it_leaves_out_reviewed_merged_and_closed_rumours(curator_client, world):
    Rumour.objects.filter(pk=world.trent_madrid.pk).update(curator_state=CuratorState.APPROVED)
    Rumour.objects.filter(pk=world.trent_psg.pk).update(merged_into=world.salah_psg)
    Rumour.objects.filter(pk=world.salah_psg.pk).update(stage=Stage.DEAD)

    html = curator_client.get(QUEUE).content.decode()

    assert 'id="rumour-' not in html
    assert "Nothing to review." in html


def test_a_row_shows_player_move_stage_outlets_and_best_evidence(curator_client, world):
    response = curator_client.get(QUEUE)
    html = response.content.decode()
    row = html[html.index(f'id="rumour-{world.trent_madrid.pk}"') :]
    row = row[: row.index("</tr>")]

    assert "Trent Alexander-Arnold" in row
    assert "Liverpool → Real Madrid" in row
    assert "Interest" in row
    # BBC Sport published one sentence and is cited by Fichajes in the other: one outlet, not two.
    assert "<td>1</td>" in row
    # The best evidence is the most confident sentence, with the names highlighted.
    assert "<mark>Alexander-Arnold</mark> is wanted by <mark>Real Madrid</mark>" in row


def test_outlets_are_counted_once_each(curator_client, world):
    MentionFactory(
        rumour=world.salah_psg, article=ArticleFactory(source=world.fichajes), sentence="Salah to PSG."
    )

    html = curator_client.get(QUEUE).content.decode()
    row = html[html.index(f'id="rumour-{world.salah_psg.pk}"') :]

    assert "<td>2</td>" in row[: row.index("</tr>")]


def test_evidence_is_escaped_before_names_are_marked(curator_client, world):
    MentionFactory(
        rumour=world.salah_psg,
        article=ArticleFactory(),
        sentence='<script>alert("x")</script> Salah <b>loves</b> PSG & <mark>more</mark>',
        confidence=0.99,
    )

    html = curator_client.get(QUEUE).content.decode()

    assert "<script>alert" not in html
    assert (
        "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; <mark>Salah</mark> &lt;b&gt;loves&lt;/b&gt;"
        in html
    )
    assert "<mark>PSG</mark> &amp; &lt;mark&gt;more&lt;/mark&gt;" in html


def test_a_name_with_html_in_it_is_escaped_too(curator_client, world):
    world.salah.known_as = "<i>Mo</i>"
    world.salah.save()
    MentionFactory(
        rumour=world.salah_psg, article=ArticleFactory(), sentence="Fans love <i>Mo</i>.", confidence=1
    )

    html = curator_client.get(QUEUE).content.decode()

    assert "Fans love <mark>&lt;i&gt;Mo&lt;/i&gt;</mark>." in html


def test_open_candidates_are_listed_once_per_name(curator_client, world):
    Candidate.objects.create(
        name="Joao Neves", normalised="joao neves", article=world.article_bbc, evidence="Neves again."
    )
    Candidate.objects.create(
        name="Someone Done",
        normalised="someone done",
        article=world.article_bbc,
        evidence="x",
        status=CandidateStatus.DISMISSED,
    )

    html = curator_client.get(QUEUE).content.decode()

    assert html.count(">Joao Neves</td>") == 1
    assert "Someone Done" not in html


def test_the_queue_costs_the_same_number_of_queries_for_more_rows(
    curator_client, world, django_assert_max_num_queries
):
    curator_client.get(QUEUE)  # warm the session and content types
    for n in range(15):
        rumour = RumourFactory(player=world.salah, to_club=world.arsenal, window=f"{2030 + n} summer")
        MentionFactory(rumour=rumour, article=ArticleFactory(source=world.bbc))

    with django_assert_max_num_queries(20):
        assert curator_client.get(QUEUE).status_code == 200


def test_approve_button_on_one_row_approves_that_rumour_only(curator_client, world, curator):
    response = curator_client.post(
        QUEUE, {"action": "approve", helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk]}
    )

    assert response.status_code == 302
    assert response["Location"] == QUEUE
    states = dict(Rumour.objects.values_list("pk", "curator_state"))
    assert states == {
        world.trent_madrid.pk: CuratorState.APPROVED,
        world.trent_psg.pk: CuratorState.UNREVIEWED,
        world.salah_psg.pk: CuratorState.UNREVIEWED,
    }
    assert world.trent_madrid.history.latest().history_user == curator


def test_bulk_approve_approves_every_selected_rumour(curator_client, world):
    ids = [world.trent_madrid.pk, world.salah_psg.pk]

    curator_client.post(QUEUE, {"action": "approve", "index": "0", helpers.ACTION_CHECKBOX_NAME: ids})

    assert Rumour.objects.filter(curator_state=CuratorState.APPROVED).count() == 2


def test_reject_asks_for_a_reason_first(curator_client, world):
    selected = {"action": "reject", helpers.ACTION_CHECKBOX_NAME: [world.trent_psg.pk]}

    page = curator_client.post(QUEUE, selected)
    assert page.status_code == 200
    assert b'name="reason"' in page.content
    assert Rumour.objects.get(pk=world.trent_psg.pk).curator_state == CuratorState.UNREVIEWED

    empty = curator_client.post(QUEUE, {**selected, "apply": "1", "reason": "  "})
    assert empty.status_code == 200
    assert Rumour.objects.get(pk=world.trent_psg.pk).curator_state == CuratorState.UNREVIEWED

    done = curator_client.post(QUEUE, {**selected, "apply": "1", "reason": "Fichajes made it up"})
    assert done.status_code == 302
    rumour = Rumour.objects.get(pk=world.trent_psg.pk)
    assert (rumour.curator_state, rumour.curator_note) == (CuratorState.REJECTED, "Fichajes made it up")


def test_set_stage_from_the_queue(curator_client, world):
    selected = {"action": "set_stage", helpers.ACTION_CHECKBOX_NAME: [world.trent_psg.pk, world.salah_psg.pk]}

    curator_client.post(QUEUE, {**selected, "apply": "1", "stage": Stage.BID})

    assert set(
        Rumour.objects.filter(stage=Stage.BID, stage_set_by_curator=True).values_list("pk", flat=True)
    ) == {
        world.trent_psg.pk,
        world.salah_psg.pk,
    }


def test_set_stage_cannot_set_an_outcome(curator_client, world):
    selected = {"action": "set_stage", helpers.ACTION_CHECKBOX_NAME: [world.trent_psg.pk]}

    page = curator_client.post(QUEUE, {**selected, "apply": "1", "stage": Stage.COMPLETED})

    assert page.status_code == 200
    assert Rumour.objects.get(pk=world.trent_psg.pk).stage == Stage.LINKED


@pytest.mark.parametrize("count", [1, 3])
def test_merge_needs_exactly_two_rumours(curator_client, world, count):
    ids = [world.trent_madrid.pk, world.trent_psg.pk, world.salah_psg.pk][:count]

    response = curator_client.post(
        QUEUE, {"action": "merge_rumours", helpers.ACTION_CHECKBOX_NAME: ids}, follow=True
    )

    assert "Select exactly two rumours" in response.content.decode()
    assert not Rumour.objects.filter(merged_into__isnull=False).exists()


def test_merge_from_the_queue_asks_which_rumour_survives(curator_client, world):
    selected = {
        "action": "merge_rumours",
        helpers.ACTION_CHECKBOX_NAME: [world.trent_madrid.pk, world.trent_psg.pk],
    }

    page = curator_client.post(QUEUE, selected)
    assert page.status_code == 200
    assert b'name="survivor"' in page.content
    assert not Rumour.objects.filter(merged_into__isnull=False).exists()

    curator_client.post(QUEUE, {**selected, "apply": "1", "survivor": world.trent_madrid.pk})

    assert Rumour.objects.get(pk=world.trent_psg.pk).merged_into_id == world.trent_madrid.pk
    assert world.trent_madrid.mentions.count() == 3


def test_candidate_actions_post_to_the_queue_too(curator_client, world):
    selected = {
        "queue": "candidates",
        "action": "dismiss",
        helpers.ACTION_CHECKBOX_NAME: [world.candidate.pk],
    }

    response = curator_client.post(QUEUE, selected)

    assert response.status_code == 302
    assert Candidate.objects.get(pk=world.candidate.pk).status == CandidateStatus.DISMISSED


def test_a_candidate_becomes_a_new_player_at_a_club(curator_client, world):
    selected = {
        "queue": "candidates",
        "action": "to_new_player",
        helpers.ACTION_CHECKBOX_NAME: [world.candidate.pk],
    }

    page = curator_client.post(QUEUE, selected)
    assert page.status_code == 200
    assert b'name="queue" value="candidates"' in page.content

    curator_client.post(QUEUE, {**selected, "apply": "1", "club": world.psg.pk})

    player = world.psg.contracts.get().player
    assert player.name == "Joao Neves"
    assert Candidate.objects.get(pk=world.candidate.pk).status == CandidateStatus.ADDED


def test_a_candidate_becomes_an_alias(curator_client, world):
    selected = {
        "queue": "candidates",
        "action": "to_alias",
        helpers.ACTION_CHECKBOX_NAME: [world.candidate.pk],
    }

    curator_client.post(QUEUE, {**selected, "apply": "1", "player": world.salah.pk})

    assert "Joao Neves" in set(world.salah.aliases.values_list("alias", flat=True))
