"""One place that says what time it is (venue-local wall-clock, naive datetimes).

Frontdesk runs on one machine at one venue, so times are stored as local
wall-clock. Tests freeze time by passing ``now=`` to use cases.
"""

from __future__ import annotations

import datetime as dt


def now() -> dt.datetime:
    return dt.datetime.now().replace(microsecond=0)


def today() -> dt.date:
    return dt.date.today()
