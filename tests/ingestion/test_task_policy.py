"""The task and broker settings that make redelivery safe hold together (C10's static checks), and retry
delays grow with full jitter within their bounds."""

from __future__ import annotations

import random

import pytest
from django.conf import settings

from config.celery import app
from rumours import tasks


def test_redelivery_settings_hold_together() -> None:
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]
    assert visibility > settings.CELERY_TASK_TIME_LIMIT > settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert visibility > tasks.RETRY_CAP
    assert app.conf.worker_prefetch_multiplier == 1
    assert app.conf.task_acks_late and app.conf.task_reject_on_worker_lost
    assert app.conf.task_serializer == "json" and app.conf.accept_content == ["json"]


@pytest.mark.parametrize("name", ["poll_feeds", "fetch_feed", "fetch_article", "extract_article", "sweep"])
def test_every_task_is_named_for_the_beat_schedule_and_acknowledged_late(name: str) -> None:
    task = getattr(tasks, name)
    assert task.name == f"rumours.tasks.{name}" and task.acks_late
    scheduled = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert {"rumours.tasks.poll_feeds", "rumours.tasks.sweep"} <= scheduled


def test_only_named_transient_errors_are_retried_and_boundedly() -> None:
    from django.db import InterfaceError, OperationalError

    for task in (tasks.fetch_feed, tasks.fetch_article, tasks.extract_article):
        assert set(task.autoretry_for) == {OperationalError, InterfaceError}
        assert task.max_retries == tasks.MAX_RETRIES and task.retry_jitter


def test_retry_delays_double_with_full_jitter_and_respect_retry_after() -> None:
    tasks._rng.seed(3)
    for retries in range(6):
        bound = min(tasks.RETRY_CAP, tasks.RETRY_BASE * 2**retries)
        delays = [tasks.retry_countdown(retries) for _ in range(200)]
        assert all(0 <= d <= bound for d in delays)
        assert max(delays) > 0.8 * bound, "the whole range is used"
    assert tasks.retry_countdown(0, retry_after=120) == 120
    assert random.Random(1).random() == random.Random(1).random()


@pytest.mark.services
def test_the_test_redis_is_durable_and_never_evicts(redis_server) -> None:
    config = redis_server.client().config_get("*")
    assert config["appendonly"] == "yes" and config["appendfsync"] == "always"
    assert config["maxmemory-policy"] == "noeviction"
