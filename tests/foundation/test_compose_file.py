"""docker-compose.yml cannot be run here (no Docker engine), so check it against the project instead."""

import importlib
import shlex
from pathlib import Path

import yaml
from django.core.management import get_commands

ROOT = Path(__file__).resolve().parents[2]


def compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text())


def command_words(service: dict) -> list[str]:
    command = service["command"]
    if isinstance(command, list):
        return command
    return shlex.split(command)


def test_it_has_the_five_services_with_healthchecks():
    services = compose()["services"]
    assert set(services) == {"postgres", "redis", "web", "worker", "beat"}
    assert all("healthcheck" in service for service in services.values())


def test_app_services_share_the_env_file_and_wait_for_healthy_dependencies():
    services = compose()["services"]
    for name in ("web", "worker", "beat"):
        assert services[name]["env_file"] == ".env"
        assert services[name]["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert services[name]["depends_on"]["redis"]["condition"] == "service_healthy"
    assert (ROOT / ".env.example").exists() and (ROOT / "Dockerfile").exists()


def test_every_env_example_variable_is_one_the_settings_read():
    settings_source = (ROOT / "config" / "settings.py").read_text()
    for line in (ROOT / ".env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name = line.split("=", 1)[0]
            assert f'"{name}"' in settings_source, name


def test_each_service_command_exists_in_the_project():
    services = compose()["services"]
    web = " ".join(command_words(services["web"]))
    for management_command in ("migrate", "collectstatic"):
        assert f"manage.py {management_command}" in web
        assert management_command in get_commands()
    wsgi_target = next(word for word in web.split() if word.endswith(":application"))
    module, attribute = wsgi_target.split(":")
    assert callable(getattr(importlib.import_module(module), attribute))
    for name, subcommand in (("worker", "worker"), ("beat", "beat")):
        words = command_words(services[name])
        assert words[:3] == ["celery", "-A", "config"] and words[3] == subcommand
    from config import celery_app

    assert celery_app.main == "touchline"
    beat_tasks = {entry["task"] for entry in celery_app.conf.beat_schedule.values()}
    assert beat_tasks == {
        "rumours.tasks.poll_feeds",
        "rumours.tasks.sweep",
        "rumours.tasks.rescore_rumours",
        "rumours.tasks_curation.close_ended_windows",
    }
    import rumours.tasks  # noqa: F401 - registers the tasks the way a worker's autodiscovery does

    assert beat_tasks <= set(celery_app.tasks)
