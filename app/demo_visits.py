"""The demo's stays and bookings: years of history, one venue's fortnight around today.

A real guest book of a million guests is not a million people in the house this
week. It is the history of many years: most guests came once or a few times, and
on any day only as many parties arrive as the venue has rooms and tables. The
demo therefore separates two things:

* **The fortnight around today** (seven days back, today, seven days ahead) holds
  as many arrivals and bookings as the venue's capacity allows (:data:`ROOM_ARRIVALS`
  stays and :data:`TABLE_BOOKINGS` table bookings a full day, fewer booked the
  further ahead), however many guests the book holds. A small demo has
  proportionally fewer, but always arrivals and bookings today.
* **The history before it** goes back :func:`history_days` (a year for a small book,
  about four and a half at 100,000 guests, fourteen at 1,000,000): guests were first
  recorded over those years and came back a few times. The venue's guest retention
  (``app.retention``: guests not seen for 24 months are reviewed, then erased or
  kept) is respected: every guest was last seen within it, except a small share
  (:data:`DUE_SHARE`) whose review is due now, as at any venue between reviews.

One guest's visits are a week apart or more (stays last at most five nights), so
they never overlap; rooms and tables come from :class:`Places`, never double-booked.
"""

from __future__ import annotations

import datetime as dt
import math
import random

from app.retention import DEFAULT_GUEST_MONTHS
from storage.models import Service, VisitKind, VisitStatus

#: A full day at the venue (Hotel De Linde: about sixty rooms for three nights on
#: average, a restaurant of 24 tables at lunch and dinner). Fixed: a bigger guest
#: book is a longer history, not a bigger house.
ROOM_ARRIVALS = 20
TABLE_BOOKINGS = 36
NEAR_DAYS = 7  # the fortnight around today: this many days back and ahead
#: Past visits per guest before this fortnight: most came once, a few are regulars.
PAST_VISITS = (1, 2, 3, 4, 5, 6, 8, 12)
PAST_WEIGHTS = (55, 18, 9, 6, 4, 3, 3, 2)
FIRST_TIMERS = 0.35  # of the fortnight's guests, the share who never came before
DUE_SHARE = 0.002  # guests absent just past the retention period, waiting for review
RETENTION_DAYS = DEFAULT_GUEST_MONTHS * 365 // 12 - 2  # safely within the period


def history_days(guests: int) -> int:
    """How far back the guest book goes: longer for a bigger book (guests come back and
    each year adds new ones), growing with the square root so that 200 guests are one
    year and 1,000,000 are fourteen (capped at fifteen)."""
    return int(365 * min(15.0, max(1.0, math.sqrt(guests / 5_000))))


def plan_fortnight(rng: random.Random, guests: int) -> dict[int, tuple[int, bool]]:
    """Which guests (by their index in the demo) have a visit in the fortnight around
    today: index → (days from today, is a stay). A full day is the venue's capacity
    (less booked the further ahead); a small demo fills each day with a share of its
    guests instead (an eighth today, a sixtieth other days), so 200 guests still have
    25 arrivals and bookings today. Each guest has at most one such visit."""
    slots: list[tuple[int, bool]] = []
    # Today first, then outwards: a tiny demo that runs out of guests keeps today's.
    for offset in sorted(range(-NEAR_DAYS, NEAR_DAYS + 1), key=lambda d: (abs(d), -d)):
        booked = 1.0 if offset <= 0 else 1.0 - 0.06 * offset
        full = round((ROOM_ARRIVALS + TABLE_BOOKINGS) * booked)
        share = max(2, guests // 8) if offset == 0 else guests // 60
        n = min(full, share)
        stays = round(n * ROOM_ARRIVALS / (ROOM_ARRIVALS + TABLE_BOOKINGS))
        if offset == 0:  # today always has an arrival and a booking
            stays = min(max(1, stays), n - 1)
        slots += [(offset, True)] * stays + [(offset, False)] * (n - stays)
    slots = slots[:guests]
    return dict(zip(rng.sample(range(guests), len(slots)), slots, strict=True))


class Places:
    """Rooms and tables handed out so that no two visits share one at the same time.

    Tables: one party per table per service; the n-th booking of a (day, service) gets
    the n-th table of that service's shuffled order (T1–T24, then T25… when a big demo
    store's history is busier than the restaurant). Rooms: stays are at most five nights,
    so a floor per arrival day modulo six (floors 1–6) never sees two stays overlap, and
    on one floor each arrival day numbers its rooms in turn.
    """

    TABLES = 24
    MAX_NIGHTS = 5

    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        self.tables: dict[tuple[dt.date, Service], int] = {}
        self.rooms: dict[dt.date, int] = {}
        self.start: dict[object, int] = {}

    def _first(self, key: object, spread: int) -> int:
        if key not in self.start:
            self.start[key] = self.rng.randrange(spread)
        return self.start[key]

    def table(self, day: dt.date, service: Service) -> str:
        n = self.tables.get((day, service), 0)
        self.tables[(day, service)] = n + 1
        first = self._first((day, service), self.TABLES)
        return f"T{(first + n) % self.TABLES + 1 + self.TABLES * (n // self.TABLES)}"

    def room(self, arrival: dt.date) -> str:
        n = self.rooms.get(arrival, 0)
        self.rooms[arrival] = n + 1
        floor = arrival.toordinal() % (self.MAX_NIGHTS + 1) + 1
        return f"{floor}{self._first(arrival, 12) + n + 1:02d}"


def past_weeks(rng: random.Random, history: int, *, first_timer: bool, due: bool
               ) -> list[int]:
    """The weeks back (2 or more: before the fortnight) of one guest's earlier visits,
    newest first. The newest is within the retention period, or just past it when
    ``due``; the others go back at most ``history`` days."""
    if first_timer:
        return []
    oldest = max(2, history // 7)
    kept = max(2, min(history, RETENTION_DAYS) // 7)
    due = due and oldest > kept + 8
    last = rng.randint(kept + 1, kept + 8) if due else rng.randint(2, kept)
    k = min(rng.choices(PAST_VISITS, PAST_WEIGHTS)[0], oldest - last + 1)
    if k <= 1:
        return [last]
    first = rng.randint(last + k - 1, oldest)
    between = rng.sample(range(last + 1, first), k - 2) if k > 2 else []
    return [last, *sorted(between), first]


def visit_rows(rng: random.Random, gid: int, day: dt.date, history: int,
               near: tuple[int, bool] | None, due: bool, places: Places
               ) -> list[dict[str, object]]:
    """One guest's visits: the earlier ones (:func:`past_weeks`) and, for a guest in the
    fortnight's plan (``near``: days from today, is a stay), that visit; each in a free
    room or table, with the status it has today (past visits happened or were
    cancelled, a stay under way is arrived, today's and later ones are expected)."""
    hotel = near[1] if near else rng.random() < 0.5
    weeks = past_weeks(rng, history, first_timer=near is not None and
                       rng.random() < FIRST_TIMERS, due=due and near is None)
    offsets = [-(w * 7 - rng.randint(0, 1)) for w in weeks]
    if near:
        offsets.append(near[0])
    rows: list[dict[str, object]] = []
    for offset in offsets:
        date = day + dt.timedelta(days=offset)
        # The newest earlier visit took place: it is when the guest was last seen.
        cancelled = offset < 0 and offset != offsets[0] and rng.random() < 0.05
        if hotel:
            ends = date + dt.timedelta(days=rng.randint(1, Places.MAX_NIGHTS))
            status = (VisitStatus.EXPECTED if offset >= 0 else VisitStatus.CANCELLED
                      if cancelled else VisitStatus.ARRIVED if ends >= day
                      else VisitStatus.DEPARTED)
            rows.append(dict(
                guest_id=gid, kind=VisitKind.STAY,
                starts_at=dt.datetime.combine(date, dt.time(rng.choice((14, 15, 16, 18)))),
                ends_on=ends, service=None, party_size=rng.choice((1, 2, 2, 2, 3, 4)),
                place=places.room(date), status=status))
        else:
            service = rng.choice((Service.LUNCH, Service.DINNER, Service.DINNER))
            hour, minute = (rng.choice((12, 12, 13)) if service == Service.LUNCH else
                            rng.choice((18, 19, 19, 20, 21))), rng.choice((0, 15, 30, 45))
            status = (VisitStatus.EXPECTED if offset >= 0 else VisitStatus.CANCELLED
                      if cancelled else VisitStatus.ARRIVED)
            rows.append(dict(
                guest_id=gid, kind=VisitKind.BOOKING,
                starts_at=dt.datetime.combine(date, dt.time(hour, minute)), ends_on=None,
                service=service, party_size=rng.choice((1, 2, 2, 2, 3, 4, 6, 8)),
                place=places.table(date, service), status=status))
    return rows
