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
