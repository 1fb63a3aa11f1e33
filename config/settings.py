"""Touchline settings: one module, driven by the environment.

With nothing configured it runs on a SQLite file under data/, Celery tasks run inline and DEBUG is on.
DATABASE_URL switches to PostgreSQL, REDIS_URL to a real broker and cache, TOUCHLINE_ENV=production turns on
the deployment hardening. See README.md for the full list.
"""

import secrets
from pathlib import Path

import dj_database_url
from csp.constants import NONCE
from django.core.exceptions import ImproperlyConfigured

from config.env import env_bool, env_choice, env_date, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = Path(env_str("TOUCHLINE_DATA_DIR") or BASE_DIR / "data")

TOUCHLINE_ENV = env_choice("TOUCHLINE_ENV", ("dev", "production"), "dev")
PRODUCTION = TOUCHLINE_ENV == "production"
DEBUG = env_bool("DEBUG", default=not PRODUCTION)
if PRODUCTION and DEBUG:
    raise ImproperlyConfigured("DEBUG cannot be on when TOUCHLINE_ENV=production")


def _dev_secret_key() -> str:
    # A per-checkout key, kept on disk so sessions survive restarts of the dev server.
    path = DATA_DIR / "dev-secret-key"
    if not path.exists():
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        path.write_text(secrets.token_urlsafe(50))
        path.chmod(0o600)
    return path.read_text().strip()


SECRET_KEY = env_str("SECRET_KEY")
if PRODUCTION:
    if len(SECRET_KEY) < 50 or SECRET_KEY.startswith("django-insecure") or len(set(SECRET_KEY)) < 5:
        raise ImproperlyConfigured(
            "SECRET_KEY must be a random value of at least 50 characters when TOUCHLINE_ENV=production "
            "(python -c 'import secrets; print(secrets.token_urlsafe(50))')"
        )
elif not SECRET_KEY:
    SECRET_KEY = _dev_secret_key()

ALLOWED_HOSTS = env_list(
    "ALLOWED_HOSTS", [] if PRODUCTION else ["localhost", "127.0.0.1", "[::1]", "testserver"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must list the site's host names when TOUCHLINE_ENV=production")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.syndication",
    "simple_history",
    "axes",
    "players",
    "rumours",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Axes last, as its documentation asks, so it sees the final authentication result.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "csp.context_processors.nonce",
            ],
        },
    },
]


def _database() -> dict:
    url = env_str("DATABASE_URL")
    if not url:
        DATA_DIR.mkdir(parents=True, exist_ok=True)
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": DATA_DIR / "touchline.sqlite3"}
    if not url.startswith(("postgres://", "postgresql://", "sqlite://")):
        raise ImproperlyConfigured(
            f"DATABASE_URL must start with postgres://, postgresql:// or sqlite://; got {url!r}"
        )
    try:
        config = dj_database_url.parse(url, conn_max_age=env_int("DB_CONN_MAX_AGE", 60, minimum=0))
    except ValueError as error:
        raise ImproperlyConfigured(f"DATABASE_URL is not a valid database URL: {error}") from None
    if config["ENGINE"].endswith("postgresql"):
        # Health checks let a worker survive a PostgreSQL restart: a dead pooled connection is replaced
        # instead of failing the next task.
        config["CONN_HEALTH_CHECKS"] = True
    return config


DATABASES = {"default": _database()}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

REDIS_URL = env_str("REDIS_URL")
if REDIS_URL and not REDIS_URL.startswith(("redis://", "rediss://", "unix://")):
    raise ImproperlyConfigured(f"REDIS_URL must start with redis://, rediss:// or unix://; got {REDIS_URL!r}")

if REDIS_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}}
else:
    CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "touchline"}
    }

AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Lock-out after repeated failed admin logins; counted in the database so every process sees the same count.
AXES_ENABLED = env_bool("AXES_ENABLED", default=True)
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 5, minimum=1)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_HANDLER = "axes.handlers.database.AxesDatabaseHandler"
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]

# Pin "today" for the whole site (YYYY-MM-DD); the demo uses a date inside the season its data describes.
TOUCHLINE_TODAY = env_date("TOUCHLINE_TODAY")

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = DATA_DIR / "staticfiles"
STATICFILES_DIRS = [BASE_DIR / "static"]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if PRODUCTION
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}

# Content Security Policy: no inline script without the per-response nonce.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        # NONCE is django-csp's sentinel; the literal string "'nonce'" never becomes a per-response nonce.
        "script-src": ["'self'", NONCE],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}

SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
if PRODUCTION:
    SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True

# --- Celery -------------------------------------------------------------------------------------------------
# Without REDIS_URL tasks run inline (eagerly) so the app works with nothing but Python installed.
CELERY_BROKER_URL = REDIS_URL or "memory://"
CELERY_TASK_ALWAYS_EAGER = not REDIS_URL
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("TOUCHLINE_TASK_SOFT_TIME_LIMIT", 120, minimum=1)
CELERY_TASK_TIME_LIMIT = env_int("TOUCHLINE_TASK_TIME_LIMIT", 150, minimum=2)
CELERY_TASK_DEFAULT_QUEUE = "touchline"
# Redis redelivers an unacknowledged message after the visibility timeout; it must exceed the hard time limit
# and the longest retry countdown, or a slow task would run twice at once.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "visibility_timeout": env_int("TOUCHLINE_VISIBILITY_TIMEOUT", 3600, minimum=1),
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_WORKER_CANCEL_LONG_RUNNING_TASKS_ON_CONNECTION_LOSS = True
if CELERY_TASK_TIME_LIMIT <= CELERY_TASK_SOFT_TIME_LIMIT:
    raise ImproperlyConfigured(
        "TOUCHLINE_TASK_TIME_LIMIT must be greater than TOUCHLINE_TASK_SOFT_TIME_LIMIT"
    )

TOUCHLINE_POLL_INTERVAL = env_int("TOUCHLINE_POLL_INTERVAL", 300, minimum=10)
TOUCHLINE_SWEEP_INTERVAL = env_int("TOUCHLINE_SWEEP_INTERVAL", 120, minimum=10)
TOUCHLINE_RESCORE_INTERVAL = env_int("TOUCHLINE_RESCORE_INTERVAL", 21_600, minimum=60)
TOUCHLINE_WINDOW_CLOSE_INTERVAL = env_int("TOUCHLINE_WINDOW_CLOSE_INTERVAL", 86_400, minimum=60)
CELERY_BEAT_SCHEDULE = {
    "poll-feeds": {
        "task": "rumours.tasks.poll_feeds",
        "schedule": TOUCHLINE_POLL_INTERVAL,
        # Expire just under the interval so a stalled worker does not pile up polls.
        "options": {"expires": TOUCHLINE_POLL_INTERVAL * 0.9},
    },
    "sweep-stuck-articles": {
        "task": "rumours.tasks.sweep",
        "schedule": TOUCHLINE_SWEEP_INTERVAL,
        "options": {"expires": TOUCHLINE_SWEEP_INTERVAL * 0.9},
    },
    # Likelihood decays with time, so open rumours are rescored even when no news arrives.
    "rescore-open-rumours": {
        "task": "rumours.tasks.rescore_rumours",
        "schedule": TOUCHLINE_RESCORE_INTERVAL,
        "options": {"expires": TOUCHLINE_RESCORE_INTERVAL * 0.9},
    },
    "close-ended-windows": {
        "task": "rumours.tasks_curation.close_ended_windows",
        "schedule": TOUCHLINE_WINDOW_CLOSE_INTERVAL,
        "options": {"expires": TOUCHLINE_WINDOW_CLOSE_INTERVAL * 0.9},
    },
}

# --- Fetching -----------------------------------------------------------------------------------------------
TOUCHLINE_FETCH_ALLOW_PRIVATE = env_bool("TOUCHLINE_FETCH_ALLOW_PRIVATE", default=False)
TOUCHLINE_FETCH_MAX_BYTES = env_int("TOUCHLINE_FETCH_MAX_BYTES", 5 * 1024 * 1024, minimum=1024)
TOUCHLINE_FETCH_TIMEOUT = env_int("TOUCHLINE_FETCH_TIMEOUT", 10, minimum=1)
TOUCHLINE_FEED_ERROR_LIMIT = env_int("TOUCHLINE_FEED_ERROR_LIMIT", 10, minimum=1)
TOUCHLINE_FETCH_DEADLINE = env_int("TOUCHLINE_FETCH_DEADLINE", 3 * TOUCHLINE_FETCH_TIMEOUT, minimum=1)
TOUCHLINE_STUCK_AFTER = env_int("TOUCHLINE_STUCK_AFTER", 600, minimum=10)
# Admin "add article" submissions per user a minute, counted in the cache (Redis, so across processes).
TOUCHLINE_SUBMIT_PER_MINUTE = env_int("TOUCHLINE_SUBMIT_PER_MINUTE", 30, minimum=1)
# Safety net for the extraction gazetteer: rebuilt at least this often even if no writer bumped its version.
TOUCHLINE_GAZETTEER_MAX_AGE = env_int("TOUCHLINE_GAZETTEER_MAX_AGE", 300, minimum=1)
# Reader pages are cached under versioned keys that writers bump; this bounds how long a missed bump shows.
TOUCHLINE_PAGE_CACHE_SECONDS = env_int("TOUCHLINE_PAGE_CACHE_SECONDS", 600, minimum=0)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO") or "INFO"},
    "loggers": {"axes": {"level": "WARNING"}},
}
