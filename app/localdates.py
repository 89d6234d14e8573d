"""Dates in each language, from the registry's CLDR patterns through Babel.

No module keeps a table of day or month names: the staff interface (``ui.texts``)
and the guest's pages (Show guest, PDF) both ask here with a language code, and a
new language's dates come from its ``locale`` and patterns in resources/languages.toml.
Dates are written out in words so nobody has to guess the day/month order.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from babel import Locale
from babel.dates import format_date, format_interval, format_time, get_month_names

from app import languages

# CLDR puts thin and narrow no-break spaces around the dash; the rest of the UI uses plain ones.
_PLAIN_SPACES = str.maketrans({"\u2009": " ", "\u202f": " "})


@cache
def _locale(code: str) -> Locale:
    lang = languages.get(code) or languages.get(languages.source())
    return Locale.parse(lang.locale if lang else code)


def reset_cache() -> None:
    _locale.cache_clear()


def _lang(code: str) -> languages.Language:
    found = languages.get(code) or languages.get(languages.source())
    assert found is not None  # the registry always has its source language
    return found


def long_date(d: dt.date, language: str, *, today: dt.date | None = None) -> str:
    """'Tuesday 24 November' ('dinsdag 24 november', 'Dienstag, 24. November'), with the
    year when it is not this year."""
    lang = _lang(language)
    this_year = (today or dt.date.today()).year
    pattern = lang.long_date if d.year == this_year else lang.long_date_year
    return str(format_date(d, pattern, locale=_locale(language)))


def short_date(d: dt.date | dt.datetime, language: str) -> str:
    """'24 Nov 2026' ('24 nov 2026', '24. Nov. 2026')."""
    day = d.date() if isinstance(d, dt.datetime) else d
    return str(format_date(day, _lang(language).short_date, locale=_locale(language)))


def date_time(d: dt.datetime, language: str) -> str:
    """'24 Nov 2026 14:05' (the language's short date, then a 24-hour time)."""
    return f"{short_date(d, language)} {format_time(d, 'HH:mm', locale=_locale(language))}"


def date_range(start: dt.date, end: dt.date, language: str) -> str:
    """'26–28 Nov 2026', '30 Nov – 2 Dec 2026': the locale's own CLDR interval format."""
    if start == end:
        return short_date(start, language)
    text = str(format_interval(start, end, "yMMMd", locale=_locale(language)))
    return text.translate(_PLAIN_SPACES)


def month_name(month: int, language: str, *, short: bool = False) -> str:
    """'March' / 'maart' / 'März' (``short``: 'Mar' / 'mrt' / 'März'), as used inside a
    sentence ("last in March"), not at its start."""
    names = get_month_names("abbreviated" if short else "wide", context="format",
                            locale=_locale(language))
    return str(names[month]).rstrip(".") if short else str(names[month])


def month_year(month: int, year: int | None, language: str) -> str:
    """'March 2026', or just 'March' when ``year`` is None (this year)."""
    if year is None:
        return month_name(month, language)
    return str(format_date(dt.date(year, month, 1), "LLLL y", locale=_locale(language)))
