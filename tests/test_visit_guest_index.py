"""Revision 0025: the plain index of ``visit.guest_id`` is dropped on the local store (every
visit written paid for it, and ``ix_visit_guest_facts`` begins with the same column) and
kept on the shared PostgreSQL store; a guest's visits are still read through an index."""

from __future__ import annotations

import datetime as dt

import pytest

from app import guests, merge, visits
from app.guests import GuestFields
from app.opening import Store
from app.staff import Actor
from storage import migrate
from storage.models import VisitKind


def _indexes(conn: object, engine: str) -> set[str]:
    sql = ("SELECT indexname FROM pg_indexes WHERE tablename = 'visit'" if engine == "postgresql"
           else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'visit'")
    return {str(r[0]) for r in conn.exec_driver_sql(sql)}  # type: ignore[attr-defined]


def _guest_with_visits(store: Store, actor: Actor, name: str, n: int) -> int:
    g = guests.create_guest(store, actor, GuestFields(name))
    for i in range(n):
        visits.record_visit(store, actor, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime(2027, 3, 1 + i),
                            ends_on=dt.date(2027, 3, 2 + i), place=str(100 + i))
    return g.id


@pytest.mark.both_engines
def test_the_plain_visit_guest_index_is_gone_locally_and_kept_on_the_shared_store(
        store: Store, engine_name: str, receptionist: Actor) -> None:
    gid = _guest_with_visits(store, receptionist, "Anna Jansen", 3)
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        held = _indexes(conn, engine_name)
        conn.rollback()
    assert "ix_visit_guest_facts" in held
    assert ("ix_visit_guest_id" in held) == (engine_name == "postgresql")
    card = guests.open_card(store, receptionist, gid)
    assert sorted(v.place for v in card.visits) == ["100", "101", "102"]


def test_a_guests_visits_are_read_through_the_facts_index(store: Store) -> None:
    """What read ``ix_visit_guest_id`` reads ``ix_visit_guest_facts`` now: a look-up by
    guest, and the foreign key's cascade when a guest is deleted (never a table scan)."""
    with store.engine.connect() as conn:
        plans = [" ".join(str(r[-1]) for r in conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + sql).fetchall()) for sql in (
            "SELECT id, kind, starts_at FROM visit WHERE guest_id = 7",
            "SELECT guest_id, kind, starts_at FROM visit WHERE guest_id IN (1, 2, 3)",
            "DELETE FROM visit WHERE guest_id = 7")]
        conn.rollback()
    for plan in plans:
        assert "ix_visit_guest_facts" in plan, plan


def test_a_local_store_at_0021_loses_the_index_on_upgrade_and_keeps_its_visits(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    a = _guest_with_visits(store, receptionist, "Piet de Vries", 4)
    b = _guest_with_visits(store, receptionist, "Pieter de Vries", 2)
    with store.engine.begin() as conn:
        migrate.downgrade(conn, "0021")
        assert "ix_visit_guest_id" in _indexes(conn, "sqlite")
        assert migrate.current(conn) == "0021"
    with store.engine.begin() as conn:
        migrate.upgrade(conn)
        assert migrate.current(conn) == migrate.head()
        assert "ix_visit_guest_id" not in _indexes(conn, "sqlite")
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    assert len(guests.open_card(store, receptionist, a).visits) == 4
    merge.merge_guests(store, manager, a, b)   # moves b's visits by guest
    assert len(guests.open_card(store, receptionist, a).visits) == 6
