"""The one-line greeting cue a receptionist reads aloud."""

from __future__ import annotations

import datetime as dt


def ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def greeting_cue(
    display_name: str, pronunciation: str, previous_visits: int,
    last_visit: dt.datetime | None, today: dt.date, noun: str = "stay",
) -> str:
    """E.g. "Anna (say AH-nah) — welcome back: 4th stay, last in March 2026"."""
    name = f"{display_name} (say {pronunciation})" if pronunciation else display_name
    if previous_visits <= 0 or last_visit is None:
        return f"{name} — first visit"
    when = last_visit.strftime("%B") if last_visit.year == today.year else last_visit.strftime(
        "%B %Y")
    return f"{name} — welcome back: {ordinal(previous_visits + 1)} {noun}, last in {when}"
