"""Dates and times as exports write them: ISO, or day-month-year with - / or . separators.

Day-month-year is the reading for European venues; month-first American dates
are not guessed (03/04 would silently become the wrong day). A value that fits
no format, or names a day that does not exist (31-02-2026), is an error the
preview names by line and column.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import lru_cache

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](.+))?$")
_DMY = re.compile(r"^(\d{1,2})([-/.])(\d{1,2})\2(\d{4}|\d{2})(?:[ T,]+(.+))?$")
_TIME = re.compile(r"^(\d{1,2})[:.](\d{2})(?:[:.](\d{2})(?:\.\d+)?)?(?:\s*([aApP])\.?[mM]\.?)?$")
_TIME_COMPACT = re.compile(r"^(\d{1,2})(\d{2})$")
_ISO_ZONE = re.compile(r"(Z|[+-]\d{2}:?\d{2})$")


class NotADate(ValueError):
    pass


# A backlog repeats its dates and times (100,000 rows, a few hundred days): each distinct
# text is read once. Only answers are kept (a NotADate is raised again each time).
@lru_cache(maxsize=4096)
def parse_time(value: str) -> dt.time:
    """19:30, 19.30, 19:30:00, 7:30 PM, 1930."""
    v = value.strip()
    m = _TIME.match(v)
    if m:
        hour, minute, second = int(m[1]), int(m[2]), int(m[3] or 0)
        if m[4]:
            if not 1 <= hour <= 12:
                raise NotADate(value)
            hour = hour % 12 + (12 if m[4] in "pP" else 0)
    else:
        m = _TIME_COMPACT.match(v)
        if not m:
            raise NotADate(value)
        hour, minute, second = int(m[1]), int(m[2]), 0
    try:
        return dt.time(hour, minute, second)
    except ValueError as exc:
        raise NotADate(value) from exc


@lru_cache(maxsize=4096)
def parse_datetime(value: str) -> tuple[dt.date, dt.time | None]:
    """A date and, when the value carries one, a time of day."""
    v = value.strip()
    m = _ISO.match(v)
    if m:
        y, mo, d, rest = int(m[1]), int(m[2]), int(m[3]), m[4]
    else:
        m = _DMY.match(v)
        if not m:
            raise NotADate(value)
        d, mo, rest = int(m[1]), int(m[3]), m[5]
        y = int(m[4])
        if len(m[4]) == 2:
            y += 2000 if y < 70 else 1900
    try:
        day = dt.date(y, mo, d)
    except ValueError as exc:
        raise NotADate(value) from exc
    if rest is None:
        return day, None
    rest = _ISO_ZONE.sub("", rest.strip())
    return day, parse_time(rest)
