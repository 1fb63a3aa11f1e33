"""The site's idea of today.

Normally the real date. TOUCHLINE_TODAY pins it (YYYY-MM-DD): the demo data set describes the 2024-25 season,
so the demo runs with the clock inside that season, where its contracts are current and its news is recent.
Everything that asks "current club", "time left on the contract" or "how recent" goes through here.
"""

import datetime as dt

from django.conf import settings
from django.utils import timezone


def today() -> dt.date:
    return settings.TOUCHLINE_TODAY or timezone.localdate()


def now() -> dt.datetime:
    fixed = settings.TOUCHLINE_TODAY
    if not fixed:
        return timezone.now()
    # Noon on the pinned day: a stable instant for recency, whatever the wall clock says.
    return timezone.make_aware(dt.datetime.combine(fixed, dt.time(12)))
