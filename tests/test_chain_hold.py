"""How long an import holds the audit chain's lock on the shared store, and what it does
meanwhile (card opens at other desks wait for that lock: docs/performance.md).

Real PostgreSQL (tests/pg_fixtures.py). The chain itself must come out as one ``append``
per event would make it: every event, in order, verified quick and full, no fork."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator

import pytest
from sqlalchemy import select

from app import guests, importing, shared_store, staff
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor
from storage import audit_anchor, audit_chain
from storage import engine_postgres as pge
from storage.models import AuditEvent
from storage.store import Store
from tests.import_helpers import plan_of
from tests.pg_fixtures import round_trips

pytestmark = pytest.mark.postgres

ROWS = ("Booking no;Name;Email;Arrival;Departure;Room\n" + "".join(
    f"R-{i};Gast{i} Jansen;g{i}@example.nl;{1 + i % 27:02d}-03-2026;"
    f"{2 + i % 27:02d}-03-2026;{100 + i}\n" for i in range(40))).encode()
CHAIN_LOCK = f"pg_advisory_xact_lock({pge.CHAIN_LOCK_KEY})"


@pytest.fixture
def desk(shared_url: str) -> Iterator[tuple[Store, Actor]]:
    store = shared_store.open_shared_store(shared_url)
    try:
        yield store, staff.create_first_manager(store, "Eva Visser", "4826")
    finally:
        store.close()


def _events(store: Store) -> list[AuditEvent]:
    with store.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _chain_is_whole(store: Store) -> None:
    events = _events(store)
    assert [e.id for e in events] == list(range(1, len(events) + 1))
    assert len({e.prev_hash for e in events}) == len(events)   # no two share an end: no fork
    assert verify_store(store, full=False).ok
    assert verify_store(store, full=True).ok


def test_an_import_holds_the_chain_lock_only_for_its_events_copy_head_and_commit(
        desk: tuple[Store, Actor]) -> None:
    """Everything that does not need the chain's end is done before the chain lock is
    taken (the change counter's bump, the events' COPY lines and their hashes after the
    end as read without the lock); under it: the lock with the end, the events' COPY, the
    head with the id sequence in one statement, the anchor's read, COMMIT."""
    store, manager = desk
    guests.create_guest(store, manager, GuestFields("Ada Lovelace"))   # the counter is there
    plan = plan_of(store, ROWS)
    with round_trips() as trips:
        result = importing.apply(store, manager, plan)
    assert result.guests_created == 40
    locked = next(i for i, t in enumerate(trips) if any(CHAIN_LOCK in s for s in t))
    before, under = trips[:locked], trips[locked + 1:]
    assert any("pg_notify" in s for t in before for s in t), "the bump before the lock"
    assert not any("pg_notify" in s for t in under for s in t)
    # (the COPY is psycopg's own protocol, not a statement the driver's execute sees)
    assert len(under) == 3, under
    assert "WITH h AS (UPDATE setting" in under[0][0] and "setval" in under[0][0]
    assert under[1] == [audit_anchor._FACTS_PG]   # the anchor's facts, on the driver
    assert under[2] == ["COMMIT"]
    assert [e.action for e in _events(store)].count("guest.created") == 41
    _chain_is_whole(store)


def test_events_hashed_before_the_lock_are_hashed_again_if_another_desk_appended_meanwhile(
        desk: tuple[Store, Actor], shared_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    store, manager = desk
    ada = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    other = shared_store.open_shared_store(shared_url)
    real = audit_chain._copy_lines
    chained_after: list[tuple[int, str] | None] = []

    def copy_lines(prepared, fields, after):  # type: ignore[no-untyped-def]
        chained_after.append(after)
        if len(chained_after) == 1:   # between the guess and the lock: a card at another desk
            guests.open_card(other, manager, ada.id)
        return real(prepared, fields, after)

    monkeypatch.setattr(audit_chain, "_copy_lines", copy_lines)
    try:
        importing.apply(store, manager, plan_of(store, ROWS))
    finally:
        other.close()
    assert len(chained_after) == 2 and chained_after[0] is not None
    assert chained_after[1] == (chained_after[0][0] + 1, _events(store)[chained_after[0][0]].hash)
    events = _events(store)
    opened = next(e for e in events if e.action == "guest.opened")
    assert opened.id == chained_after[0][0] + 1   # the card's event, then the import's
    assert events[opened.id].prev_hash == opened.hash
    _chain_is_whole(store)

    chained_after.clear()   # nobody appends meanwhile: hashed once, before the lock
    monkeypatch.setattr(audit_chain, "_copy_lines", lambda p, f, a: (
        chained_after.append(a), real(p, f, a))[1])
    importing.apply(store, manager, plan_of(store, ROWS.replace(b"R-", b"S-")
                                            .replace(b"@example", b"@example2")))
    assert len(chained_after) == 1
    _chain_is_whole(store)


def test_copied_events_hold_exactly_their_text(desk: tuple[Store, Actor]) -> None:
    """COPY's text format escapes backslashes, tabs and line ends; a value that reads as
    its markers (``\\N``, ``\\.``) is text, not a null or the end of the data."""
    store, manager = desk
    at = dt.datetime(2026, 3, 14, 9, 30, 1, 123456)
    awkward = ['t\tab', 'c\rr\nl', 'back\\slash', '\\N', '\\.', 'q"u\'ote ä€\u2028', '']
    events: list[audit_chain.Event] = [
        (at, manager.id, "test.event", value, {"k": value, "n": i})
        for i, value in enumerate(awkward)]
    events.append((at.replace(microsecond=0), None, "test.\tevent", None, {}))
    with store.read() as s:
        prepared = audit_chain.prepare_events(s, events)
        assert audit_chain._copy_fields(prepared) is not None   # the COPY path, not a fallback
    with store.write() as s:
        first = (audit_chain.head(s) or (0, "", at))[0] + 1
        audit_chain.append_prepared(s, prepared)
    rows = [e for e in _events(store) if e.id >= first]
    assert [(e.at, e.staff_id, e.action, e.guest_ref) for e in rows] == [
        (a, staff_id, action, ref) for a, staff_id, action, ref, _ in events]
    assert [e.detail for e in rows] == [v for *_, v in prepared.values]
    _chain_is_whole(store)


def test_an_imports_anchor_counts_only_the_events_before_its_own(
        desk: tuple[Store, Actor], monkeypatch: pytest.MonkeyPatch) -> None:
    """Its own events are counted as they are appended: at commit only the events between
    this desk's last anchor and the import's first are read, and the anchor's counts are
    the log's."""
    store, manager = desk
    stale = audit_anchor._memory[store.store_id]
    with store.write() as s:   # as other desks would: staff here, gone, none
        for staff_id in (manager.id, 999, None, None):
            audit_chain.append(s, at=dt.datetime(2026, 3, 14, 9), staff_id=staff_id,
                               action="test.event", guest_ref=None, detail={})
        end = audit_chain.chain_end(s)
    with audit_anchor._lock:
        audit_anchor._memory[store.store_id] = stale   # this desk has not seen them
    read_upto: list[int] = []
    real = audit_anchor._facts

    def facts(session, base, upto):  # type: ignore[no-untyped-def]
        read_upto.append(upto)
        return real(session, base, upto)

    monkeypatch.setattr(audit_anchor, "_facts", facts)
    importing.apply(store, manager, plan_of(store, ROWS))
    assert end is not None and read_upto == [end[0]]
    logged = Counter(e.staff_id for e in _events(store))
    anchor = audit_anchor._memory[store.store_id]
    assert anchor.id == len(_events(store))
    assert anchor.by_staff == {(audit_anchor.SYSTEM if k is None else str(k)): v
                               for k, v in logged.items()}
    _chain_is_whole(store)
