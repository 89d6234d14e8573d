"""The demo store does not contradict itself (issue #17): checked over a generated store.

First visits have no history before the guest was known, tables and rooms are never
double-booked, the guest was first recorded before any stay, health labels rest on what
the guest told us with consent given first, and every visit's status fits its date.
A big book is years of history within the retention period, and the fortnight around
today holds what the venue holds, not a share of the book (issue #15 item 5).
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from sqlalchemy import select

from app import demo_names, retention, staff
from app.demo import build_demo
from app.demo_visits import (
    NEAR_DAYS,
    RETENTION_DAYS,
    ROOM_ARRIVALS,
    TABLE_BOOKINGS,
    history_days,
    past_weeks,
    plan_fortnight,
)
from app.opening import MemoryKey, open_store
from storage.models import (
    Assignment,
    Consent,
    Guest,
    Sensitivity,
    Source,
    Visit,
    VisitKind,
    VisitStatus,
)
from storage.store import Store

DAY = dt.date(2026, 11, 24)
NOW = dt.datetime.combine(DAY, dt.time(9, 0))


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Store:
    store = open_store(tmp_path_factory.mktemp("demo"), MemoryKey())
    build_demo(store, guests=600, seed=11, today=DAY)
    yield store  # type: ignore[misc]
    store.close()


def rows(store: Store) -> tuple[list[Guest], list[Visit], list[Assignment], list[Consent]]:
    with store.read() as s:
        out = (list(s.scalars(select(Guest))), list(s.scalars(select(Visit))),
               list(s.scalars(select(Assignment))), list(s.scalars(select(Consent))))
        s.expunge_all()
    return out


def test_the_guest_was_known_before_every_visit_label_and_consent(demo: Store) -> None:
    guests, visits, assignments, consents = rows(demo)
    created = {g.id: g.created_at for g in guests}
    assert len(guests) == 600
    assert all(created[v.guest_id] <= v.starts_at for v in visits)
    assert all(created[a.guest_id] <= a.added_at <= NOW for a in assignments)
    assert all(created[c.guest_id] <= c.given_at <= NOW for c in consents)


def test_a_first_visit_has_no_history(demo: Store) -> None:
    """A guest with nothing before today has nothing older than their booking (a guest whose
    only earlier booking was cancelled is greeted "first visit" too, but has that history)."""
    guests, visits, assignments, consents = rows(demo)
    past = {v.guest_id for v in visits if v.starts_at.date() < DAY}
    today = {v.guest_id for v in visits if v.starts_at.date() == DAY}
    first_timers = today - past
    assert first_timers, "the demo should have first visits today"
    since = {g.id: g.created_at for g in guests if g.id in first_timers}
    assert all(NOW - since[g] <= dt.timedelta(days=31) for g in first_timers)
    assert all(a.added_at >= since[a.guest_id] for a in assignments if a.guest_id in since)
    assert all(c.given_at >= since[c.guest_id] for c in consents if c.guest_id in since)


def test_no_table_or_room_is_double_booked(demo: Store) -> None:
    _, visits, _, _ = rows(demo)
    live = [v for v in visits if v.status != VisitStatus.CANCELLED]
    tables: dict[tuple[dt.date, object, str], int] = defaultdict(int)
    for v in live:
        if v.kind == VisitKind.BOOKING:
            tables[(v.starts_at.date(), v.service, v.place)] += 1
    assert tables and max(tables.values()) == 1
    nights: dict[tuple[str, dt.date], int] = defaultdict(int)
    for v in live:
        if v.kind == VisitKind.STAY:
            assert v.ends_on is not None and v.ends_on > v.starts_at.date()
            for i in range((v.ends_on - v.starts_at.date()).days):
                nights[(v.place, v.starts_at.date() + dt.timedelta(days=i))] += 1
    assert nights and max(nights.values()) == 1


def test_one_guests_stays_never_overlap(demo: Store) -> None:
    _, visits, _, _ = rows(demo)
    by_guest: dict[int, list[Visit]] = defaultdict(list)
    for v in visits:
        if v.kind == VisitKind.STAY:
            by_guest[v.guest_id].append(v)
    for stays in by_guest.values():
        stays.sort(key=lambda v: v.starts_at)
        for a, b in itertools.pairwise(stays):
            assert a.ends_on is not None and a.ends_on <= b.starts_at.date()


def test_statuses_fit_the_dates(demo: Store) -> None:
    _, visits, _, _ = rows(demo)
    for v in visits:
        if v.starts_at.date() >= DAY:
            assert v.status == VisitStatus.EXPECTED
        else:
            assert v.status != VisitStatus.EXPECTED


def test_health_labels_rest_on_the_guest_and_on_consent_given_first(demo: Store) -> None:
    _, _, assignments, consents = rows(demo)
    given = {c.id: c.given_at for c in consents}
    with demo.read() as s:
        special = {a.id for a in s.scalars(select(Assignment))
                   if a.label.sensitivity == Sensitivity.SPECIAL}
    health = [a for a in assignments if a.id in special]
    assert health, "the demo should have health labels"
    for a in health:
        assert a.source == Source.GUEST_TOLD
        assert a.consent_id is not None and given[a.consent_id] <= a.added_at
    assert all(a.expires_at > NOW for a in assignments)


def test_every_guest_was_seen_within_the_retention_period(demo: Store) -> None:
    """A guest book that follows the venue's rules holds no one the retention review
    should long have listed (a year of history at 600 guests: none due at all)."""
    manager = staff.sign_in_by_name(demo, "Eva Visser", "4826")
    assert retention.due_for_review(demo, manager, now=NOW) == []


def test_the_fortnight_holds_what_the_venue_holds_however_big_the_book() -> None:
    """Arrivals and bookings around today are bounded by rooms and tables: 100,000 and
    1,000,000 guests have the same number (hundreds), a small demo fewer but some today."""
    full = ROOM_ARRIVALS + TABLE_BOOKINGS

    def per_day(guests: int) -> Counter[int]:
        return Counter(offset for offset, _stay in
                       plan_fortnight(random.Random(3), guests).values())

    big, huge, small = per_day(100_000), per_day(1_000_000), per_day(200)
    assert big == huge and big[0] == full and max(big.values()) == full
    assert 300 <= sum(n for d, n in huge.items() if 0 <= d < 7) <= 400
    assert sorted(huge) == list(range(-NEAR_DAYS, NEAR_DAYS + 1))
    assert small[0] == 25 and sum(small.values()) < 100
    stays_today = [stay for offset, stay in plan_fortnight(random.Random(3), 12).values()
                   if offset == 0]
    assert sorted(stays_today) == [False, True]  # a booking and an arrival even at 12


def test_a_big_book_is_years_of_history_within_retention() -> None:
    """At a million guests the earliest visits go back over a decade, and the newest
    earlier visit of a guest is within the retention period unless their review is due."""
    history = history_days(1_000_000)
    assert history > 10 * 365
    rng = random.Random(5)
    kept = [past_weeks(rng, history, first_timer=False, due=False) for _ in range(3000)]
    due = [past_weeks(rng, history, first_timer=False, due=True) for _ in range(300)]
    assert max(w[0] for w in kept) * 7 <= RETENTION_DAYS
    assert min(w[0] for w in due) * 7 > RETENTION_DAYS
    assert max(w[-1] for w in kept) * 7 > 5 * 365  # first visits years ago
    assert all(w == sorted(set(w)) and w[0] >= 2 for w in kept)  # distinct weeks, newest first
    assert sum(len(w) == 1 for w in kept) > len(kept) / 2  # most came once


def test_a_built_demo_store_has_its_search_index_in_one_segment(tmp_path: Path) -> None:
    """3,000 guests written in pieces leave the SQLite search index in ~18 segments, each
    looked up at every key press; the builder merges them (as migration 0015 does)."""
    from sqlalchemy import text

    store = open_store(tmp_path / "demo", MemoryKey())
    try:
        build_demo(store, guests=3000, seed=5, today=DAY)
        with store.read() as s:
            segments = s.execute(text("SELECT count(DISTINCT segid) FROM guest_fts_idx")
                                 ).scalar()
        assert segments == 1
    finally:
        store.close()


def test_no_demo_guest_has_a_given_name_for_a_surname() -> None:
    # "Bernard Bernard" on the demo's first screen read as a bug; Bernard and Thomas are
    # both given names and surnames in the lists.
    rng = random.Random(7)
    names = [demo_names.pick_name(rng) for _ in range(50_000)]
    repeated = [(g, s) for g, s, _ in names
                if {w.casefold() for w in g.split()} & {p.casefold() for p in s.split("-")}]
    assert repeated == []
    # ... while the book keeps its variety (issue #15 item 5: names drawn widely).
    assert len({(g, s) for g, s, _ in names}) > 30_000
