"""The demo store does not contradict itself (issue #17): checked over a generated store.

First visits have no history before the guest was known, tables and rooms are never
double-booked, the guest was first recorded before any stay, health labels rest on what
the guest told us with consent given first, and every visit's status fits its date.
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict

import pytest
from sqlalchemy import select

from app.demo import build_demo
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
