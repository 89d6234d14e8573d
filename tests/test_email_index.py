"""Revision 0021: the plain index of ``guest.email``, which no query reads, is dropped on the
local store (every new guest paid for it) and kept on the shared PostgreSQL store."""

from __future__ import annotations

import pytest

from app import guests
from app.guests import GuestFields
from app.opening import Store
from app.staff import Actor
from storage import import_queries, migrate


def _indexes(conn: object, engine: str) -> set[str]:
    sql = ("SELECT indexname FROM pg_indexes WHERE tablename = 'guest'" if engine == "postgresql"
           else "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'guest'")
    return {str(r[0]) for r in conn.exec_driver_sql(sql)}  # type: ignore[attr-defined]


@pytest.mark.both_engines
def test_the_plain_email_index_is_gone_locally_and_kept_on_the_shared_store(
        store: Store, engine_name: str, receptionist: Actor) -> None:
    guests.create_guest(store, receptionist, GuestFields("Anna Jansen", email="Anna@Example.org"))
    with store.engine.connect() as conn:
        assert migrate.current(conn) == migrate.head()
        held = _indexes(conn, engine_name)
        conn.rollback()
    assert "ix_guest_email_lower" in held   # what the look-ups read, on both engines
    assert ("ix_guest_email" in held) == (engine_name == "postgresql")
    with store.read() as s:                  # the look-up by email still finds her
        assert [r[2] for r in import_queries.guests_by_email(s, ["anna@example.org"])] == [
            "anna@example.org"]


def test_a_local_store_at_0023_loses_the_index_on_upgrade_and_keeps_its_guests(
        store: Store, receptionist: Actor) -> None:
    for i in range(20):
        guests.create_guest(store, receptionist,
                            GuestFields(f"Gast {i} Jansen", email=f"gast{i}@example.org"))
    with store.engine.begin() as conn:
        migrate.downgrade(conn, "0023")
        assert "ix_guest_email" in _indexes(conn, "sqlite")
        assert migrate.current(conn) == "0023"
    with store.engine.begin() as conn:
        migrate.upgrade(conn)
        assert migrate.current(conn) == migrate.head()
        assert "ix_guest_email" not in _indexes(conn, "sqlite")
        assert conn.exec_driver_sql("PRAGMA integrity_check").scalar() == "ok"
    with store.read() as s:
        found = import_queries.guests_by_email(s, ["gast7@example.org", "gast19@example.org"])
    assert sorted(r[2] for r in found) == ["gast19@example.org", "gast7@example.org"]
