"""Rules of the desk that are not about data: which list a person starts on, when lunch ends,
how two guests with the same name are told apart on a list.

They live here (not in the widgets) so they are said once, tested without Qt, and the
command line could follow them too.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from storage.models import Role, Service, VisitKind

# Lunch is served until 15:00; from then on the restaurant's list is dinner. A booking's
# own service comes from its start time with the same rule (app.visits).
LUNCH_ENDS = dt.time(15, 0)


def service_at(moment: dt.datetime | dt.time) -> Service:
    """Lunch before LUNCH_ENDS, dinner from then on."""
    t = moment.time() if isinstance(moment, dt.datetime) else moment
    return Service.LUNCH if t < LUNCH_ENDS else Service.DINNER


@dataclass(frozen=True)
class StartView:
    """Where Today opens: the hotel arrivals or the restaurant bookings, and which service."""

    kind: VisitKind
    service: Service


def start_view(role: Role, now: dt.datetime) -> StartView:
    """A host starts on the restaurant bookings of the service under way; everyone else on
    the hotel arrivals (the service is still chosen by the time, for when they switch tabs).
    """
    kind = VisitKind.BOOKING if role == Role.HOST else VisitKind.STAY
    return StartView(kind, service_at(now))


def initial(full_name: str, shown: str) -> str:
    """The surname's initial: the first letter of the full name's last word that is not part
    of the name shown ("Hannah de Vries" shown as "Hannah" → "V")."""
    shown_words = {w.casefold() for w in shown.split()}
    words = [w for w in full_name.split() if w.casefold() not in shown_words]
    for word in reversed(words):
        letters = [ch for ch in word if ch.isalpha()]
        if letters and word[0].isupper():
            return letters[0]
    for word in reversed(words):
        letters = [ch for ch in word if ch.isalpha()]
        if letters:
            return letters[0].upper()
    return ""


def distinct_names(names: Sequence[tuple[str, str]]) -> list[str]:
    """Names to show on one list, given (shown name, full name) per row.

    Two rows showing the same name get their surname's initial ("Hannah V.", "Hannah M."),
    so the host can tell them apart at a glance; a unique name is left as it is. Two
    guests with the same full name stay the same: nothing in the name tells them apart.
    """
    counts = Counter(shown.casefold() for shown, _ in names)
    out = []
    for shown, full in names:
        if counts[shown.casefold()] > 1:
            letter = initial(full, shown)
            out.append(f"{shown} {letter}." if letter else shown)
        else:
            out.append(shown)
    return out
