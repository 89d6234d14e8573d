"""On the local store an import inserts its new guests without running the guest table's
insert triggers per guest (storage.bulk.insert_guests_bare): the triggers are dropped and
made again inside the import's own transaction, the search index gets the new guests in
one statement, the name pairs are written by the import (tests/test_import_pairs.py).
What the store holds afterwards is what the triggers would have written; a cancel or a
failure leaves the schema and every table as they were."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, text
from sqlalchemy.exc import IntegrityError

from app import guests, importing
from app.verify import verify_store
from app.views import Actor
from storage import bulk
from storage.store import Store
from tests.import_helpers import counts, every_row, plan_of

FILE = ("Name;Email;Phone;Arrival;Departure\n" + "".join(
    f"{name};{mail};{phone};{1 + i % 27:02d}-03-2026;{2 + i % 27:02d}-03-2026\n"
    for i, (name, mail, phone) in enumerate([
        ("Wilhelmina Oosterhuis-Brandsma", "w.oosterhuis@example.nl", "06 4123 9876"),
        ("Jürgen Müller", "jm@example.de", ""),
        ("Zoë van den Berg", "", "+31 20 555 0101"),
        ("Sebastián Ñúñez", "sn@example.es", ""),
    ]))).encode()


def _triggers(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(str(r[0]), str(r[1])) for r in s.execute(text(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"))]


class GuestInserts:
    """The statements SQLite reports running on the store's connections whose text is an
    insert into ``guest``: one per statement, and again for every trigger program the
    statement runs (each new guest's search-index and name-pair triggers)."""

    def __init__(self, store: Store) -> None:
        self.seen: list[str] = []
        self.store = store
        event.listen(store.engine, "checkout", self._watch)

    def _watch(self, dbapi_conn: Any, _record: object, _proxy: object) -> None:
        dbapi_conn.set_trace_callback(self._note)

    def _note(self, sql: str) -> None:
        if " INTO guest (" in sql:
            self.seen.append(sql)

    def stop(self) -> None:
        event.remove(self.store.engine, "checkout", self._watch)


def test_an_import_inserts_its_guests_without_their_insert_triggers(
        store: Store, manager: Actor) -> None:
    before = _triggers(store)
    watch = GuestInserts(store)
    try:
        result = importing.apply(store, manager, plan_of(store, FILE))
    finally:
        watch.stop()
    assert result.guests_created == 4
    # One statement, reported once: no trigger program ran for any of the four guests
    # (with the triggers, SQLite reports the statement again for each one it runs).
    assert len(watch.seen) == 1, watch.seen
    assert _triggers(store) == before        # made again, byte for byte
    with store.read() as s:                  # the index holds exactly the guests' words
        s.execute(text("INSERT INTO guest_fts(guest_fts, rank) VALUES ('integrity-check', 1)"))
    for typed, name in [("oosterhuis", "Wilhelmina Oosterhuis-Brandsma"),
                        ("brandsma wil", "Wilhelmina Oosterhuis-Brandsma"),
                        ("muller", "Jürgen Müller"), ("zoe van den", "Zoë van den Berg"),
                        ("nunez", "Sebastián Ñúñez"), ("sn@example.es", "Sebastián Ñúñez"),
                        ("0641239876", "Wilhelmina Oosterhuis-Brandsma")]:
        assert name in [g.full_name for g in guests.find_guests(store, manager, typed)], typed
    # The triggers work as before for the next guest written by a desk.
    later = guests.create_guest(store, manager, guests.GuestFields("Klaasje Zwart"))
    assert [g.id for g in guests.find_guests(store, manager, "klaasje")] == [later.id]
    assert verify_store(store).ok


@pytest.mark.parametrize("stop_at", [1, 2])
def test_a_cancel_during_or_after_the_guests_leaves_schema_and_tables(
        store: Store, manager: Actor, stop_at: int) -> None:
    """Progress is told once before the lock, then after each statement: the guests'
    (inside the drop), then the visits' (after the triggers are back)."""
    before_triggers, before_rows = _triggers(store), every_row(store)
    steps: list[int] = []
    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan_of(store, FILE),
                        progress=lambda done, total: steps.append(done),
                        cancelled=lambda: len(steps) >= stop_at)
    assert _triggers(store) == before_triggers
    assert every_row(store) == before_rows    # the search index's own tables too
    guests.create_guest(store, manager, guests.GuestFields("Klaasje Zwart"))
    assert [g.full_name for g in guests.find_guests(store, manager, "klaasje")] == [
        "Klaasje Zwart"]
    assert verify_store(store).ok


def test_a_failing_guest_insert_writes_nothing_and_keeps_the_triggers(
        store: Store, manager: Actor) -> None:
    guests.create_guest(store, manager, guests.GuestFields("Klaasje Zwart"))
    before_triggers, before = _triggers(store), counts(store)
    with store.read() as s:
        taken = str(s.execute(text("SELECT ref FROM guest LIMIT 1")).scalar())
    real = bulk.prepare_rows

    def clashing(session: Any, model: Any, columns: Any, rows: Any) -> bulk.PreparedRows:
        out = real(session, model, columns, rows)
        if out.table == "guest":   # the second new guest takes a token already in use
            at = out.columns.index("ref")
            out.values[1] = (*out.values[1][:at], taken, *out.values[1][at + 1:])
        return out

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(bulk, "prepare_rows", clashing)
        with pytest.raises(IntegrityError):
            importing.apply(store, manager, plan_of(store, FILE))
    assert _triggers(store) == before_triggers
    assert counts(store) == before
    with store.read() as s:
        s.execute(text("INSERT INTO guest_fts(guest_fts, rank) VALUES ('integrity-check', 1)"))
    assert verify_store(store).ok


def test_a_bare_insert_needs_consecutive_ids(store: Store) -> None:
    class Rollback(Exception):
        pass

    with pytest.raises(Rollback), store.write() as s:
        rows = bulk.PreparedRows("guest", ("id", "ref", "full_name", "created_at"),
                                 [(10**6, "a" * 32, "A B", "2026-11-29 06:00:00.000000"),
                                  (10**6 + 2, "b" * 32, "C D", "2026-11-29 06:00:00.000000")],
                                 "?")
        with pytest.raises(ValueError, match="consecutive"):
            bulk.insert_guests_bare(s, rows)
        raise Rollback


@pytest.mark.both_engines
def test_an_imported_guest_is_found_by_every_kind_of_search_at_once(
        store: Store, manager: Actor) -> None:
    """Right after the import's commit, on either store: by a begun name, the whole name,
    two words, a typo, a sound-alike, the e-mail and the phone in another format."""
    importing.apply(store, manager, plan_of(store, FILE))
    for typed in ("wilhel", "Wilhelmina Oosterhuis-Brandsma", "wilhelmina brandsma",
                  "oosterhius", "wilhelmina oosterhuys", "w.oosterhuis@example.nl",
                  "+31 6 41239876"):
        assert "Wilhelmina Oosterhuis-Brandsma" in [
            g.full_name for g in guests.find_guests(store, manager, typed)], typed


@pytest.mark.both_engines
def test_new_guests_take_their_ids_in_the_order_of_their_names(
        store: Store, manager: Actor) -> None:
    """Inserted in the order of the name index they land all over (each of its pages
    changed in one go); each keeps its own visits and events."""
    before = counts(store)
    importing.apply(store, manager, plan_of(store, FILE))
    with store.read() as s:
        by_id = [str(r[0]) for r in s.execute(text(
            "SELECT full_name FROM guest ORDER BY id"))][before[0]:]
        arrivals = {str(r[0]): int(str(r[1])[8:10]) for r in s.execute(text(
            "SELECT g.full_name, v.starts_at FROM visit v JOIN guest g ON g.id = v.guest_id"))}
        created = {str(r[0]) for r in s.execute(text(
            "SELECT g.full_name FROM audit_event e JOIN guest g ON g.ref = e.guest_ref "
            "WHERE e.action = 'guest.created'"))}
    assert by_id == sorted(by_id) == ["Jürgen Müller", "Sebastián Ñúñez",
                                      "Wilhelmina Oosterhuis-Brandsma", "Zoë van den Berg"]
    assert arrivals == {"Wilhelmina Oosterhuis-Brandsma": 1, "Jürgen Müller": 2,
                        "Zoë van den Berg": 3, "Sebastián Ñúñez": 4}   # the file's rows
    assert created == set(by_id)
    assert verify_store(store).ok
