"""Display words for the domain's enums and dates, translatable in one place.

The app layer speaks in enum values (``guest_control``, ``staff_observed``);
staff read plain words. Keeping the mapping here means a translator finds
every such word in one context ("Desk").
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication

from app import languages, localdates
from app.domain import (
    Category,
    RemovalReason,
    Role,
    Sensitivity,
    Service,
    Source,
    VisitKind,
    VisitStatus,
)
from app.greeting import Greeting, ordinal
from app.greeting import isolate as isolate  # re-exported: composed lines isolate names


def tr(text: str) -> str:
    return QCoreApplication.translate("Desk", text)


def category(c: Category) -> str:
    return {
        Category.RECOGNITION: tr("Recognition"),
        Category.APPRECIATION: tr("Appreciation"),
        Category.PREFERENCE: tr("Preference"),
        Category.GUEST_CONTROL: tr("Guest control"),
    }[c]


def category_hint(c: Category) -> str:
    return {
        Category.RECOGNITION: tr("how the guest likes to be recognised"),
        Category.APPRECIATION: tr("what the guest appreciates"),
        Category.PREFERENCE: tr("how to serve the guest"),
        Category.GUEST_CONTROL: tr("what the guest wants to decide themselves"),
    }[c]


def role(r: Role) -> str:
    return {Role.RECEPTIONIST: tr("receptionist"), Role.HOST: tr("host"),
            Role.MANAGER: tr("manager")}[r]


def source(s: Source) -> str:
    return {Source.GUEST_TOLD: tr("the guest told us"),
            Source.STAFF_OBSERVED: tr("we observed")}[s]


def removal_reason(r: RemovalReason) -> str:
    return {
        RemovalReason.GUEST_REQUEST: tr("The guest asked us to remove it"),
        RemovalReason.NO_LONGER_TRUE: tr("It is no longer true"),
        RemovalReason.ADDED_BY_MISTAKE: tr("It was added by mistake"),
        RemovalReason.CONSENT_WITHDRAWN: tr("Consent was withdrawn"),
        RemovalReason.LABEL_RETIRED: tr("The label was retired"),
        RemovalReason.EXPIRED: tr("Its retention period ended"),
    }[r]


def visit_kind(k: VisitKind) -> str:
    return {VisitKind.STAY: tr("Hotel stay"), VisitKind.BOOKING: tr("Restaurant booking")}[k]


def visit_status(s: VisitStatus) -> str:
    return {VisitStatus.EXPECTED: tr("expected"), VisitStatus.ARRIVED: tr("arrived"),
            VisitStatus.DEPARTED: tr("departed"), VisitStatus.CANCELLED: tr("cancelled")}[s]


def service(s: Service | None) -> str:
    if s is None:
        return ""
    return {Service.LUNCH: tr("Lunch"), Service.DINNER: tr("Dinner")}[s]


def sensitivity(s: Sensitivity) -> str:
    return {Sensitivity.NORMAL: tr("normal"),
            Sensitivity.SPECIAL: tr("health information (special category)")}[s]


def languages_offered() -> tuple[tuple[str, str], ...]:
    """(code, name in its own words) for every registered language: the guest's language
    field, the venue's default language (read each time: the registry is the one list)."""
    return tuple((lang.code, lang.native_name) for lang in languages.all_languages())


def language(code: str) -> str:
    return languages.native_name(code)


def language_in_ui(code: str) -> str:
    """A language named in the interface's language ("Engels" on a Dutch desk), for
    sentences such as "Ask in English"."""
    return languages.name_in(code, _ui())


# Dates are written out in words so nobody has to guess day/month order, in the
# interface language's CLDR patterns (app.localdates, from the language registry).

def _ui() -> str:
    from ui.i18n import current_language

    return current_language()


def long_date(d: dt.date) -> str:
    """'Tuesday 24 November' (with the year when it is not this year)."""
    return localdates.long_date(d, _ui())


def short_month(month: int) -> str:
    """'Nov', 'mrt': the interface language's own abbreviation, whatever the system locale."""
    return localdates.month_name(month, _ui(), short=True)


def short_date(d: dt.date | dt.datetime) -> str:
    """'24 Nov 2026'."""
    return localdates.short_date(d, _ui())


def date_time(d: dt.datetime) -> str:
    return localdates.date_time(d, _ui())


def date_range(start: dt.date, end: dt.date) -> str:
    """'26–28 Nov 2026', '30 Nov – 2 Dec 2026', '30 Dec 2026 – 2 Jan 2027'."""
    return localdates.date_range(start, end, _ui())


def greeting(cue: Greeting) -> str:
    """The greeting cue (app.greeting.Greeting) phrased in the interface language."""
    # Names are isolated (U+2068…U+2069) so a right-to-left name keeps the line in order.
    name = tr("{name} (say {sound})").format(name=isolate(cue.name),
                                             sound=isolate(cue.pronunciation)) \
        if cue.pronunciation else isolate(cue.name)
    if cue.last_month is None:
        return tr("{name} — first visit").format(name=name)
    when = localdates.month_year(cue.last_month, cue.last_year, _ui())
    nth = ordinal(cue.visit_number) if tr("{n}th") == "{n}th" else tr("{n}th").format(
        n=cue.visit_number)
    return tr("{name} — welcome back: {nth} {noun}, last in {when}").format(
        name=name, nth=nth, noun=tr("stay") if cue.noun == "stay" else tr("visit"), when=when)
