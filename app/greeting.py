"""The one-line greeting cue a receptionist reads aloud.

The cue is data (name, pronunciation, which visit, when last), not a sentence,
so the interface can phrase it in its own language; ``Greeting.text`` is the
English phrasing used by the CLI, logs-free reports and tests.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


FSI, PDI = "\u2068", "\u2069"  # Unicode first-strong isolate … pop directional isolate


_RTL_OR_CONTROL = frozenset({"R", "AL", "AN", "RLE", "RLO", "LRE", "LRO", "PDF", "RLI", "LRI",
                             "FSI", "PDI"})


def isolate(text: str) -> str:
    """A name set apart from the sentence around it, so a right-to-left name (Arabic,
    Hebrew) or one holding direction controls cannot reorder the whole line.

    Only names that could reorder anything are wrapped: for a left-to-right name in a
    left-to-right sentence the isolates change nothing, so plain text stays plain.
    """
    if any(unicodedata.bidirectional(ch) in _RTL_OR_CONTROL for ch in text):
        return f"{FSI}{text}{PDI}"
    return text


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


@dataclass(frozen=True)
class Greeting:
    name: str  # the name to say: preferred name, else full name
    pronunciation: str  # "" when none was given
    visit_number: int  # 1 for a first visit, 4 for the 4th stay…
    noun: str  # "stay" (hotel) or "visit" (restaurant)
    last_month: int | None  # month (1-12) of the last visit; None on a first visit
    last_year: int | None  # the year, only when it is not this year

    @property
    def first_visit(self) -> bool:
        return self.last_month is None

    @property
    def text(self) -> str:
        """E.g. "Anna (say AH-nah) — welcome back: 4th stay, last in March 2026"."""
        name = (f"{isolate(self.name)} (say {isolate(self.pronunciation)})"
                if self.pronunciation else isolate(self.name))
        if self.last_month is None:
            return f"{name} — first visit"
        when = MONTHS[self.last_month - 1] + (f" {self.last_year}" if self.last_year else "")
        return f"{name} — welcome back: {ordinal(self.visit_number)} {self.noun}, last in {when}"

    def __str__(self) -> str:
        return self.text


def greeting_cue(
    display_name: str, pronunciation: str, previous_visits: int,
    last_visit: dt.datetime | None, today: dt.date, noun: str = "stay",
) -> Greeting:
    if previous_visits <= 0 or last_visit is None:
        return Greeting(display_name, pronunciation, 1, noun, None, None)
    year = None if last_visit.year == today.year else last_visit.year
    return Greeting(display_name, pronunciation, previous_visits + 1, noun, last_visit.month,
                    year)
