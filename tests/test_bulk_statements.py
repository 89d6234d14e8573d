"""How a large insert is cut into statements on the local store (storage.bulk): up to
10,000 rows per statement (each statement journals the pages it changes once, so fewer
statements copy fewer pages), and the audit events and name pairs with no statement
journal at all (``INSERT OR FAIL``: the import's transaction is rolled back whole on any
failure) — an import that fails there still writes nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select, text
from sqlalchemy.exc import IntegrityError

from app import importing
from app.verify import verify_store
from app.views import Actor
from storage import audit_chain, bulk
from storage.models import AuditEvent, Guest
from storage.store import Store
from tests.import_helpers import counts, every_row, plan_of

AT = dt.datetime(2026, 11, 29, 4, 0)


class Rollback(Exception):
    pass


def test_a_large_insert_goes_in_statements_of_ten_thousand_rows(
        store: Store, manager: Actor) -> None:
    """25,000 guests in three statements (10,000, 10,000 and 5,000), not seven of 3,640
    (the 32,766 variables SQLite allows by default, which SQLCipher's build raises to
    250,000, over nine columns); the search index holds every one of them."""
    columns = ("id", "ref", "full_name", "preferred_name", "pronunciation", "language",
               "email", "phone", "created_at")
    sizes: list[int] = []
    with store.write() as s:
        top = bulk.max_id(s, Guest)
        rows = bulk.prepare_rows(s, Guest, columns, (
            (top + 1 + i, f"{i:032x}", f"Gast{i} Veldhuis", "", "", "nl",
             f"gast{i}@example.nl", None, AT) for i in range(25_000)))
        bulk.insert_prepared(s, rows, after_batch=sizes.append)
    assert sizes == [10_000, 10_000, 5_000]
    with store.read() as s:
        assert s.scalar(select(func.count()).select_from(Guest)) == top + 25_000
        assert s.scalar(text("SELECT count(*) FROM guest_fts WHERE guest_fts MATCH "
                             "'veldhuis'")) == 25_000
        s.execute(text("INSERT INTO guest_fts(guest_fts) VALUES ('integrity-check')"))


def test_name_pairs_go_in_without_a_statement_journal(store: Store) -> None:
    """A row breaking the key fails its statement, and the rows before it in the same
    statement stay (no statement journal undid them); the transaction's rollback removes
    them all."""
    rows = [("aaa", "bbb", 10**9), ("aaa", "ccc", 10**9), ("aaa", "bbb", 10**9)]
    with pytest.raises(Rollback), store.write() as s:
        with pytest.raises(IntegrityError):
            bulk.insert_name_pairs(s, rows)
        assert _pairs_of(s, 10**9) == sorted(rows[:2])
        raise Rollback
    with store.read() as s:
        assert _pairs_of(s, 10**9) == []


def test_audit_events_go_in_without_a_statement_journal(store: Store, manager: Actor
                                                        ) -> None:
    """An event breaking a constraint (no action) fails the statement; the events before it
    in the same statement stay until the transaction is rolled back."""
    events: list[audit_chain.Event] = [
        (AT, manager.id, "guest.opened", None, {"n": n}) for n in range(5)]
    events[2] = (AT, manager.id, None, None, {"n": 2})  # type: ignore[assignment]
    with pytest.raises(Rollback), store.write() as s:
        head = audit_chain.head(s)
        assert head is not None
        with pytest.raises(IntegrityError):
            audit_chain.append_prepared(s, audit_chain.prepare_events(s, events))
        assert list(s.scalars(select(AuditEvent.id).where(AuditEvent.id > head[0])
                              .order_by(AuditEvent.id))) == [head[0] + 1, head[0] + 2]
        raise Rollback
    with store.read() as s:
        assert audit_chain.head(s) == head


def test_an_import_failing_in_its_events_writes_nothing(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    data = ("Name;Email;Arrival;Departure\n" + "".join(
        f"Gast{i} Jansen;g{i}@example.nl;{1 + i % 27:02d}-03-2026;{2 + i % 27:02d}-03-2026\n"
        for i in range(40))).encode()
    plan = plan_of(store, data)
    before, rows_before = counts(store), every_row(store)
    real = audit_chain.append_prepared

    def breaking(session, prepared, after_batch=None, chained=None):  # type: ignore[no-untyped-def]
        at, staff, _action, ref, detail = prepared.values[29]
        prepared.values[29] = (at, staff, None, ref, detail)   # the 30th event: no action
        real(session, prepared, after_batch=after_batch)   # chained again: with that row

    monkeypatch.setattr(audit_chain, "append_prepared", breaking)
    with pytest.raises(IntegrityError):
        importing.apply(store, manager, plan)
    assert counts(store) == before
    assert every_row(store) == rows_before
    assert verify_store(store).ok


def _pairs_of(s, guest_id: int) -> list[tuple[str, str, int]]:  # type: ignore[no-untyped-def]
    return sorted(tuple(r) for r in s.execute(text(  # type: ignore[misc]
        "SELECT a, b, guest_id FROM name_pair WHERE guest_id = :g"), {"g": guest_id}))
