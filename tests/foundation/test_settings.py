"""Settings are chosen by the environment, and bad values stop start-up with a clear message."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOOD_SECRET = "x7Gq2mP9vL4kR8tW1zY6bN3cF5hJ0dS2aE9uI4oQ7wT1yU6pK3"


def run_django(code: str, env: dict[str, str], tmp_path: Path) -> subprocess.CompletedProcess:
    clean = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "DEBUG"}
    }
    clean.update({"DJANGO_SETTINGS_MODULE": "config.settings", "TOUCHLINE_DATA_DIR": str(tmp_path)}, **env)
    return subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, env=clean, capture_output=True, text=True, timeout=60
    )


def settings_as_json(env: dict[str, str], tmp_path: Path) -> dict:
    code = (
        "import json; from django.conf import settings as s; print(json.dumps({"
        "'engine': s.DATABASES['default']['ENGINE'], 'name': str(s.DATABASES['default']['NAME']),"
        "'eager': s.CELERY_TASK_ALWAYS_EAGER, 'broker': s.CELERY_BROKER_URL, 'debug': s.DEBUG,"
        "'cache': s.CACHES['default']['BACKEND'], 'secret_len': len(s.SECRET_KEY),"
        "'hsts': getattr(s, 'SECURE_HSTS_SECONDS', 0),"
        "'secure_cookie': getattr(s, 'SESSION_COOKIE_SECURE', False)}))"
    )
    result = run_django(code, env, tmp_path)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_no_environment_gives_sqlite_inline_tasks_and_debug(tmp_path):
    values = settings_as_json({}, tmp_path)
    assert values["engine"] == "django.db.backends.sqlite3"
    assert values["name"].startswith(str(tmp_path))
    assert values["eager"] is True
    assert values["debug"] is True
    assert values["cache"].endswith("LocMemCache")
    assert values["secret_len"] >= 50


def test_the_dev_secret_is_generated_once_per_data_directory(tmp_path):
    first = run_django("from django.conf import settings; print(settings.SECRET_KEY)", {}, tmp_path)
    second = run_django("from django.conf import settings; print(settings.SECRET_KEY)", {}, tmp_path)
    assert first.stdout.strip() == second.stdout.strip() != ""
    assert (tmp_path / "dev-secret-key").stat().st_mode & 0o077 == 0


def test_database_url_selects_postgresql(tmp_path):
    values = settings_as_json({"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/touchline"}, tmp_path)
    assert values["engine"] == "django.db.backends.postgresql"
    assert values["name"] == "touchline"


def test_redis_url_selects_a_real_broker_and_cache(tmp_path):
    values = settings_as_json({"REDIS_URL": "redis://127.0.0.1:6379/3"}, tmp_path)
    assert values["eager"] is False
    assert values["broker"] == "redis://127.0.0.1:6379/3"
    assert values["cache"].endswith("RedisCache")


def test_production_turns_debug_off_and_hardens_cookies(tmp_path):
    values = settings_as_json(
        {"TOUCHLINE_ENV": "production", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "touchline.example"},
        tmp_path,
    )
    assert values["debug"] is False
    assert values["secure_cookie"] is True
    assert values["hsts"] >= 31_536_000


@pytest.mark.parametrize(
    ("env", "message"),
    [
        ({"DATABASE_URL": "mysql://root@localhost/x"}, "DATABASE_URL must start with"),
        ({"REDIS_URL": "localhost:6379"}, "REDIS_URL must start with"),
        ({"TOUCHLINE_ENV": "staging"}, "TOUCHLINE_ENV must be one of"),
        ({"DEBUG": "maybe"}, "DEBUG must be one of"),
        ({"TOUCHLINE_POLL_INTERVAL": "often"}, "TOUCHLINE_POLL_INTERVAL must be a whole number"),
        ({"TOUCHLINE_ENV": "production", "ALLOWED_HOSTS": "a.example"}, "SECRET_KEY must be"),
        (
            {
                "TOUCHLINE_ENV": "production",
                "ALLOWED_HOSTS": "a.example",
                "SECRET_KEY": "django-insecure-" + "a" * 50,
            },
            "SECRET_KEY must be",
        ),
        (
            {
                "TOUCHLINE_ENV": "production",
                "ALLOWED_HOSTS": "a.example",
                "SECRET_KEY": "short-key-20-chars!!",
            },
            "SECRET_KEY",
        ),
        ({"TOUCHLINE_ENV": "production", "SECRET_KEY": GOOD_SECRET}, "ALLOWED_HOSTS must list"),
        (
            {"TOUCHLINE_ENV": "production", "SECRET_KEY": GOOD_SECRET, "ALLOWED_HOSTS": "a", "DEBUG": "1"},
            "DEBUG cannot",
        ),
    ],
)
def test_bad_values_raise_improperly_configured(tmp_path, env, message):
    result = run_django("import django; django.setup()", env, tmp_path)
    assert result.returncode != 0
    assert "ImproperlyConfigured" in result.stderr
    assert message in result.stderr


def test_check_deploy_is_clean_with_the_documented_production_environment(tmp_path):
    env = {
        "TOUCHLINE_ENV": "production",
        "SECRET_KEY": GOOD_SECRET,
        "ALLOWED_HOSTS": "touchline.example",
    }
    code = (
        "import django, sys; django.setup(); from django.core.management import call_command;"
        "call_command('check', deploy=True, fail_level='WARNING')"
    )
    result = run_django(code, env, tmp_path)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr and "?: (" not in result.stderr


def test_visibility_timeout_outlasts_the_hard_time_limit():
    from django.conf import settings

    assert settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"] > settings.CELERY_TASK_TIME_LIMIT
    assert settings.CELERY_TASK_TIME_LIMIT > settings.CELERY_TASK_SOFT_TIME_LIMIT
    assert settings.CELERY_TASK_ACKS_LATE and settings.CELERY_TASK_REJECT_ON_WORKER_LOST
    assert settings.CELERY_WORKER_PREFETCH_MULTIPLIER == 1
    assert settings.CELERY_TASK_SERIALIZER == "json" and settings.CELERY_ACCEPT_CONTENT == ["json"]
