"""Settings for Celery workers started by tests: the project's settings, with Redis's redelivery scan sped up.

Kombu returns an unacknowledged message to its queue only when a periodic scan finds it older than the
visibility timeout; by default the scan runs about every 100 s (every 10th 10-second tick). Tests shorten the
visibility timeout (TOUCHLINE_VISIBILITY_TIMEOUT) and scan every second, so redelivery fits in a test.
"""

from config.settings import *  # noqa: F403
from config.settings import CELERY_BROKER_TRANSPORT_OPTIONS

CELERY_BROKER_TRANSPORT_OPTIONS = {
    **CELERY_BROKER_TRANSPORT_OPTIONS,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}
