"""``guest.last_visit_at`` follows every kind of visit write, on both engines (revision 0018).

The column is kept by the database's triggers (``storage.last_visit``), never by app code,
so every write path is checked here against the visits themselves: the form's record and
status change, a moved date, a visit moved to another guest, a delete, many visits in one
statement (as imports and ``move-store`` write them), a merge and its undo, an erasure.
Search ranks by the column (tests/test_search_reads.py reads which visits it still reads).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from app import erasure, guests, merge, visits
from app.domain import VisitKind, VisitStatus
from app.guests import GuestFields
from app.views import Actor
from storage.store import Store

pytestmark = pytest.mark.both_engines

TODAY = dt.date.today()


def _at(days: int, hour: int = 14) -> dt.datetime:
    return dt.datetime.combine(TODAY + dt.timedelta(days=days), dt.time(hour))


def _when(value: Any) -> dt.datetime | None:
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def kept_and_computed(store: Store) -> dict[int, tuple[Any, Any]]:
    """Per guest: the kept ``last_visit_at``, and the latest visit not cancelled."""
    with store.read() as s:
        rows = s.execute(text(
            "SELECT g.id, g.last_visit_at, (SELECT max(v.starts_at) FROM visit v "
            "WHERE v.guest_id = g.id AND v.status != 'cancelled') FROM guest g")).all()
    return {int(gid): (_when(kept), _when(latest)) for gid, kept, latest in rows}


def assert_kept(store: Store) -> dict[int, Any]:
    pairs = kept_and_computed(store)
    assert all(kept == latest for kept, latest in pairs.values()), pairs
    return {gid: kept for gid, (kept, _latest) in pairs.items()}


def test_the_last_visit_follows_every_write_to_visits(
        store: Store, receptionist: Actor, manager: Actor) -> None:
    ada = guests.create_guest(store, receptionist, GuestFields("Ada Lastvisit")).id
    bo = guests.create_guest(store, receptionist, GuestFields("Bo Lastvisit")).id
    assert assert_kept(store)[ada] is None

    old = visits.record_visit(store, receptionist, ada, kind=VisitKind.STAY, starts_at=_at(-40),
                              status=VisitStatus.DEPARTED)
    assert assert_kept(store)[ada] == _at(-40)
    booked = visits.record_visit(store, receptionist, ada, kind=VisitKind.BOOKING,
                                 starts_at=_at(3, 19))
    assert assert_kept(store)[ada] == _at(3, 19)
    # An earlier visit recorded later does not move it back.
    visits.record_visit(store, receptionist, ada, kind=VisitKind.STAY, starts_at=_at(-90),
                        status=VisitStatus.DEPARTED)
    assert assert_kept(store)[ada] == _at(3, 19)

    visits.set_status(store, receptionist, booked.id, VisitStatus.CANCELLED)
    assert assert_kept(store)[ada] == _at(-40)
    visits.set_status(store, receptionist, booked.id, VisitStatus.EXPECTED)
    assert assert_kept(store)[ada] == _at(3, 19)

    with store.write() as s:  # a date moved, a visit moved to another guest, a delete
        s.execute(text("UPDATE visit SET starts_at = :t WHERE id = :v"),
                  {"t": _at(-10), "v": old.id})
    assert assert_kept(store)[ada] == _at(3, 19)
    with store.write() as s:
        s.execute(text("UPDATE visit SET guest_id = :g WHERE id = :v"), {"g": bo, "v": booked.id})
    kept = assert_kept(store)
    assert (kept[ada], kept[bo]) == (_at(-10), _at(3, 19))
    with store.write() as s:
        s.execute(text("DELETE FROM visit WHERE id = :v"), {"v": booked.id})
    assert assert_kept(store)[bo] is None

    # Many visits of many guests in one statement, as an import or move-store writes them.
    with store.write() as s:
        s.execute(text(
            "INSERT INTO visit (guest_id, kind, starts_at, party_size, place, status) "
            "SELECT g.id, 'stay', :t, 1, '', s.status FROM guest g, "
            "(SELECT 'departed' AS status UNION ALL SELECT 'cancelled') s"), {"t": _at(-5)})
    kept = assert_kept(store)
    assert (kept[ada], kept[bo]) == (_at(-5), _at(-5))

    # A merge moves Bo's visits to Ada; its undo moves them back.
    visits.record_visit(store, receptionist, bo, kind=VisitKind.BOOKING, starts_at=_at(20, 12))
    before = assert_kept(store)
    done = merge.merge_guests(store, manager, ada, bo)
    assert assert_kept(store)[ada] == _at(20, 12)
    merge.undo_merge(store, manager, done)
    assert assert_kept(store) == before

    erasure.erase_guest(store, manager, bo)
    assert bo not in assert_kept(store)


def test_search_ranks_namesakes_by_the_kept_last_visit(
        store: Store, receptionist: Actor) -> None:
    """The last visit before today ranks namesakes; a future booking (the kept value is
    after today) does not put a guest first: their visits are read for the one before."""
    seen_lately = guests.create_guest(store, receptionist, GuestFields("Cor Rankvisit")).id
    booked = guests.create_guest(store, receptionist, GuestFields("Cor Rankvisit")).id
    never = guests.create_guest(store, receptionist, GuestFields("Cor Rankvisit")).id
    visits.record_visit(store, receptionist, seen_lately, kind=VisitKind.STAY,
                        starts_at=_at(-3), status=VisitStatus.DEPARTED)
    visits.record_visit(store, receptionist, booked, kind=VisitKind.STAY, starts_at=_at(-30),
                        status=VisitStatus.DEPARTED)
    visits.record_visit(store, receptionist, booked, kind=VisitKind.BOOKING, starts_at=_at(40))
    found = guests.find_guests(store, receptionist, "Cor Rankvisit")
    assert [g.id for g in found] == [seen_lately, booked, never]
    assert [g.when for g in found] == ["", "", ""]
