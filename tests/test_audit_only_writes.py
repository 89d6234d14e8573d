"""Audit-only writes (a card opened, a look, a sign-in) never wait for another desk's data write.

On the shared store a write transaction takes the data lock and then the chain lock
(storage.write_locks); an import holds the data lock while it writes its rows and the
chain lock only for its own events at the end. These tests drive the order with the
import's progress callback (called between its batches, inside its transaction) and
assert what happened in which order, never how long it took; and they check that the
audit anchor kept with fewer reads equals the one computed from the whole log.
"""

from __future__ import annotations

import datetime as dt
import threading

import psycopg
import pytest
from sqlalchemy import select

from app import guests, importing, shared_store, staff
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor, GuestCard
from storage import audit_anchor, audit_chain, notify, write_locks
from storage import engine_postgres as pge
from storage.models import AuditEvent, Guest, Staff
from storage.store import Store
from tests.import_helpers import import_held, plan_of
from tests.pg_fixtures import SharedCluster

ROWS = b"Booking no;Name;Email;Arrival;Departure;Room\n" + b"".join(
    f"R-{i};Guest Number{i};g{i}@example.nl;14-03-2026;16-03-2026;{100 + i}\n".encode()
    for i in range(40))


def _advisory_locks(cluster: SharedCluster, db: str) -> set[int]:
    """The Frontdesk advisory locks granted right now, as the keys the desks take."""
    with psycopg.connect(cluster.server.admin_conninfo(db), autocommit=True) as conn:
        rows = conn.execute("SELECT classid::bigint, objid::bigint FROM pg_locks "
                            "WHERE locktype = 'advisory' AND granted").fetchall()
    return {(int(c) << 32) | int(o) for c, o in rows}


def test_a_card_opens_while_an_import_writes_its_rows(pg_cluster: SharedCluster,
                                                      shared_url: str, shared_db: str) -> None:
    importer_desk = shared_store.open_shared_store(shared_url)
    reception = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(importer_desk, "Eva Visser", "4826")
        known = guests.create_guest(importer_desk, manager, GuestFields("Dirk Hoek"))
        clerk = staff.sign_in(reception, manager.id, "4826")
        plan = plan_of(importer_desk, ROWS)
        with importer_desk.read() as s:
            seq_before = notify.current_seq(s)
        seen: dict[str, object] = {}

        def meanwhile() -> None:
            # The import is between its batches, its transaction open: a card opens at
            # another desk (and a sign-in there), each with its audit event committed.
            seen["locks while writing"] = _advisory_locks(pg_cluster, shared_db)
            seen["card"] = guests.open_card(reception, clerk, known.id)
            staff.sign_in(reception, manager.id, "4826")

        result = import_held(importer_desk, manager, plan, meanwhile)
        # Ordering, not times: while it wrote rows the import held the data lock only.
        assert seen["locks while writing"] == {pge.DATA_LOCK_KEY}
        card = seen["card"]
        assert isinstance(card, GuestCard) and card.guest.full_name == "Dirk Hoek"
        with importer_desk.read() as s:
            log = list(s.execute(select(AuditEvent.action, AuditEvent.guest_ref)
                                 .order_by(AuditEvent.id)))
            assert audit_chain.verify(s).ok
            # rows sent with COPY still tell the other desks that guests changed
            assert notify.current_seq(s) > seq_before
        actions = [a for a, _ in log]
        # The card open and the sign-in landed before the import's events (appended at
        # the end of its transaction); the chain did not fork.
        i = actions.index("guest.opened")
        assert actions[i:i + 3] == ["guest.opened", "staff.signed_in", "guest.created"]
        assert actions[i + 2:].count("guest.created") == 40
        assert actions[-1] == "import.applied"
        assert result.guests_created == 40
        assert verify_store(importer_desk).ok
    finally:
        importer_desk.close()
        reception.close()


def test_desks_opening_cards_while_another_imports_never_fork_the_chain(
        shared_url: str) -> None:
    desks = [shared_store.open_shared_store(shared_url) for _ in range(3)]
    try:
        manager = staff.create_first_manager(desks[0], "Eva Visser", "4826")
        known = [guests.create_guest(desks[0], manager, GuestFields(f"Known Guest{i}")).id
                 for i in range(3)]
        plan = plan_of(desks[0], ROWS)
        errors: list[BaseException] = []

        def opener(store: Store) -> None:
            try:
                for _ in range(10):
                    for gid in known:
                        guests.open_card(store, manager, gid)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)

        def importer() -> None:
            try:
                importing.apply(desks[0], manager, plan)
            except BaseException as exc:  # pragma: no cover
                errors.append(exc)

        threads = [threading.Thread(target=opener, args=(d,)) for d in desks[1:]]
        threads.append(threading.Thread(target=importer))
        for t in threads:
            t.start()
        for t in threads:
            t.join(120)
        assert errors == []
        with desks[0].read() as s:
            report = audit_chain.verify(s)
            assert report.ok, report.problem
            opened = s.scalars(select(AuditEvent.id).where(
                AuditEvent.action == "guest.opened")).all()
            assert len(opened) == 2 * 10 * 3
    finally:
        for d in desks:
            d.close()


@pytest.mark.both_engines
def test_an_audit_only_write_refuses_to_write_data(store: Store, manager: Actor) -> None:
    with pytest.raises(write_locks.AuditOnlyWrite, match="guest"), \
            store.write(audit_only=True) as s:
        s.add(Guest(ref="x" * 32, full_name="Not Allowed"))
        s.flush()
    # the staff row (a wrong PIN's count) only before the audit event, never after it
    with pytest.raises(write_locks.AuditOnlyWrite, match="after its audit event"), \
            store.write(audit_only=True) as s:
        audit_chain.append(s, at=dt.datetime(2026, 3, 14), staff_id=manager.id,
                           action="guest.opened", guest_ref=None, detail={})
        st = s.get(Staff, manager.id)
        assert st is not None
        st.failed_attempts += 1
        s.flush()
    with store.read() as s:
        assert s.scalar(select(Guest.id).where(Guest.full_name == "Not Allowed")) is None


@pytest.mark.both_engines
def test_the_anchor_kept_with_fewer_reads_equals_the_one_from_the_whole_log(
        store: Store, manager: Actor) -> None:
    where = audit_anchor.where_for(store.header.key_source) or "memory"

    def kept() -> audit_anchor.Anchor:
        audit_anchor.flush()
        with audit_anchor._lock:
            anchor = audit_anchor._memory[store.store_id]
        return anchor

    def from_scratch() -> audit_anchor.Anchor:
        with audit_anchor._lock:
            saved = audit_anchor._memory.pop(store.store_id, None)
        try:
            with store.read() as s:
                anchor = audit_anchor.compute(s, store.store_id, "memory")
        finally:
            if saved is not None:
                with audit_anchor._lock:
                    audit_anchor._memory[store.store_id] = saved
        assert anchor is not None
        return anchor

    g = guests.create_guest(store, manager, GuestFields("Ingrid Holm"))
    stale = kept()
    for _ in range(3):  # this desk's own events only: no read for the anchor
        guests.open_card(store, manager, g.id)
    assert kept() == from_scratch()
    guests.create_guest(store, manager, GuestFields("Lars Holm"))  # rows added: re-read
    assert kept() == from_scratch()
    # As if another desk had appended since this desk's last anchor: one read catches up.
    with audit_anchor._lock:
        audit_anchor._memory[store.store_id] = stale
    guests.open_card(store, manager, g.id)
    assert kept() == from_scratch()
    assert kept().id > stale.id and where


def test_a_desk_waiting_for_the_chain_appends_after_the_event_it_waited_for(
        pg_cluster: SharedCluster, shared_url: str, shared_db: str) -> None:
    """The chain's end is read in the lock's own round trip: the desk that waited must see
    the event committed while it waited (never the end as it was before: a fork)."""
    first = shared_store.open_shared_store(shared_url)
    second = shared_store.open_shared_store(shared_url)
    try:
        manager = staff.create_first_manager(first, "Eva Visser", "4826")
        g = guests.create_guest(first, manager, GuestFields("Ingrid Holm"))
        holding, waiting_seen = threading.Event(), threading.Event()
        errors: list[BaseException] = []

        def hold_the_chain() -> None:
            try:
                with first.write(audit_only=True) as s:
                    audit_chain.append(s, at=dt.datetime(2026, 3, 14), staff_id=manager.id,
                                       action="guest.opened", guest_ref=g.ref, detail={})
                    s.flush()
                    holding.set()
                    assert waiting_seen.wait(30)
            except BaseException as exc:  # pragma: no cover - reported below
                errors.append(exc)
                holding.set()

        def waiting_for_lock() -> bool:
            with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db),
                                 autocommit=True) as conn:
                row = conn.execute("SELECT count(*) FROM pg_locks WHERE locktype = "
                                   "'advisory' AND NOT granted").fetchone()
            return bool(row and row[0])

        holder = threading.Thread(target=hold_the_chain)
        holder.start()
        assert holding.wait(30)
        opened: list[object] = []
        opener = threading.Thread(
            target=lambda: opened.append(guests.open_card(second, manager, g.id)))
        opener.start()
        while not waiting_for_lock():   # the card open now waits for the chain lock
            assert opener.is_alive() and holder.is_alive()
            threading.Event().wait(0.02)
        waiting_seen.set()
        holder.join(30)
        opener.join(30)
        assert errors == [] and len(opened) == 1
        with first.read() as s:
            rows = list(s.execute(select(AuditEvent.id, AuditEvent.prev_hash, AuditEvent.hash)
                                  .order_by(AuditEvent.id.desc()).limit(2)))
            assert audit_chain.verify(s).ok
        (last_id, last_prev, _), (held_id, _, held_hash) = rows
        assert last_id == held_id + 1 and last_prev == held_hash
    finally:
        first.close()
        second.close()
