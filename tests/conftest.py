import pytest

from tests.support import services


@pytest.fixture
def postgresql_db(db):
    """Use in place of `db` for tests whose point is PostgreSQL's behaviour."""
    from django.db import connection

    services.require_postgresql(connection)
    return db


@pytest.fixture(scope="session")
def redis_url() -> str:
    return services.redis_url()


@pytest.fixture(autouse=True)
def _allow_private_fetching(settings):
    # Test servers live on 127.0.0.1; tests about the address guard turn it back on themselves.
    settings.TOUCHLINE_FETCH_ALLOW_PRIVATE = True


@pytest.fixture(autouse=True)
def _celery_inline_unless_a_worker_is_used(request):
    """Run tasks inline in ordinary tests, even where REDIS_URL is set (as in CI).

    Tests that start a real worker mark themselves `@pytest.mark.worker`; they get the real broker.
    Celery reads Django settings once, so its own configuration is what must be switched.
    """
    from config import celery_app

    if request.node.get_closest_marker("worker"):
        yield
        return
    saved = (celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates)
    celery_app.conf.task_always_eager = True
    celery_app.conf.task_eager_propagates = True
    yield
    celery_app.conf.task_always_eager, celery_app.conf.task_eager_propagates = saved


@pytest.fixture(autouse=True)
def _fresh_gazetteer_snapshot():
    """Each test builds its own names; a rolled-back test never bumps the version, so forget the snapshot."""
    from rumours.gazetteer_snapshot import forget_snapshot

    forget_snapshot()
    yield
    forget_snapshot()


@pytest.fixture(scope="module")
def browser():
    """Headless Chromium, one per test module (tests/support/browser.py)."""
    from tests.support.browser import chromium

    yield from chromium()
