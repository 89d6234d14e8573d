"""The audit chain's head is anchored outside the database, and `verify` names each tamper.

Each tamper is done the way someone with the store key and an SQL shell would:
straight on the encrypted file, hashes recomputed where that hides the edit.
The anchor lives in a real keyring backend object (tests/keyrings.py).
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app import audit_log, backup, guests, labels, staff
from app.cli import main
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage import audit_anchor, audit_chain
from storage.models import Source
from storage.store import Store
from tests.keyrings import MemoryKeyring
from tests.pg_fixtures import SharedCluster

PASS = "horse staple battery"


def _fill(store: Store, manager: Actor, receptionist: Actor) -> None:
    for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
        g = guests.create_guest(store, receptionist, GuestFields(name))
        guests.open_card(store, manager, g.id)
    label = labels.approved_labels(store, receptionist)[0]
    labels.assign_label(store, receptionist, g.id, label.id, Source.GUEST_TOLD)


def _anchor(keyring_: MemoryKeyring, store: Store) -> audit_anchor.Anchor:
    audit_anchor.flush()   # the background writer has it by now
    raw = keyring_.secrets[("frontdesk", f"{store.store_id}.audit-anchor")]
    anchor = audit_anchor.Anchor.from_value(raw)
    assert anchor is not None
    return anchor


def _rows(engine: Engine) -> list[dict[str, object]]:
    with engine.connect() as c:
        return [dict(r._mapping) for r in c.exec_driver_sql(
            "SELECT id, at, staff_id, action, guest_ref, detail FROM audit_event ORDER BY id")]


def _rewrite_chain(engine: Engine, rows: list[dict[str, object]]) -> None:
    """Replace the whole log by ``rows``, every hash recomputed and the head moved: a
    chain that verifies on its own."""
    import datetime as dt

    prev = audit_chain.GENESIS
    with engine.begin() as c:
        c.exec_driver_sql("DELETE FROM audit_event")
        for r in rows:
            at = r["at"] if isinstance(r["at"], dt.datetime) else \
                dt.datetime.fromisoformat(str(r["at"]))
            h = audit_chain.event_hash(id=int(str(r["id"])), at=at,
                                       staff_id=r["staff_id"],  # type: ignore[arg-type]
                                       action=str(r["action"]),
                                       guest_ref=r["guest_ref"],  # type: ignore[arg-type]
                                       detail=str(r["detail"]), prev_hash=prev)
            c.exec_driver_sql(
                "INSERT INTO audit_event (id, at, staff_id, action, guest_ref, detail, "
                "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (r["id"], r["at"], r["staff_id"], r["action"], r["guest_ref"], r["detail"],
                 prev, h))
            prev = h
        c.exec_driver_sql("UPDATE setting SET value = ? WHERE key = ?",
                          (f"{rows[-1]['id']}:{prev}", audit_chain.HEAD_KEY))


def _chain_ok(store: Store) -> bool:
    with store.read() as s:
        return audit_chain.verify(s).ok


def test_every_logged_change_moves_the_anchor(store: Store, manager: Actor,
                                              receptionist: Actor,
                                              isolated: MemoryKeyring) -> None:
    _fill(store, manager, receptionist)
    with store.read() as s:
        head = audit_chain.head(s)
    assert head is not None
    anchor = _anchor(isolated, store)
    assert (anchor.id, anchor.hash) == head[:2]
    assert anchor.by_staff == {str(manager.id): 6, str(receptionist.id): 5}
    report = verify_store(store)
    assert report.ok and report.fingerprint == anchor.fingerprint
    assert audit_log.verify_chain(store, manager).fingerprint == anchor.fingerprint


def test_truncation_is_named(store: Store, manager: Actor, receptionist: Actor,
                             isolated: MemoryKeyring, data_dir: Path,
                             capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store, manager, receptionist)
    rows = _rows(store.engine)
    cut = next(r["id"] for r in rows if r["action"] == "guest.created" and
               r["id"] > len(rows) - 6)          # Alan Turing's creation and all after it
    _rewrite_chain(store.engine, [r for r in rows if int(str(r["id"])) < int(str(cut))])
    assert _chain_ok(store)                       # the chain alone sees nothing
    guests.list_guests(store, manager)            # a later change must not bless the cut
    report = verify_store(store)
    assert "truncated" in report.findings and "audit log truncated" in report.problems[0]
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert "audit log truncated" in capsys.readouterr().err


def test_recomputation_is_named(store: Store, manager: Actor, receptionist: Actor,
                                data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store, manager, receptionist)
    rows = _rows(store.engine)
    rows[3]["detail"] = json.dumps({"first": True})   # an edit, every hash after recomputed
    _rewrite_chain(store.engine, rows)
    assert _chain_ok(store)
    report = verify_store(store)
    assert report.findings == ("recomputed",)
    assert "audit log recomputed" in report.problems[0]
    status = audit_log.verify_chain(store, manager)
    assert not status.ok and "recomputed" in status.message
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert "audit log recomputed" in capsys.readouterr().err


def test_reattribution_is_named(store: Store, manager: Actor, receptionist: Actor,
                                data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store, manager, receptionist)
    rows = _rows(store.engine)
    opened = next(r for r in rows if r["action"] == "guest.opened")
    opened["staff_id"] = receptionist.id           # pin Eva's look on Sam
    _rewrite_chain(store.engine, rows)
    assert _chain_ok(store)
    report = verify_store(store)
    assert report.findings == ("re-attributed",)
    assert "re-attributed" in report.problems[0]
    assert "Eva Visser 6 → 5" in report.problems[0] and "Sam Bakker 5 → 6" in report.problems[0]
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    assert "Eva Visser 6 → 5" in capsys.readouterr().err


def test_rollback_to_an_older_copy_is_named(store: Store, manager: Actor, receptionist: Actor,
                                            data_dir: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store, manager, receptionist)
    store.close()
    old = tmp_path / "old-copy"
    shutil.copytree(data_dir, old)
    again = open_store(data_dir, KeyringKey())
    eva = staff.sign_in_by_name(again, "Eva Visser", "4826")
    guests.create_guest(again, eva, GuestFields("Written Later"))
    again.close()
    shutil.rmtree(data_dir)
    shutil.copytree(old, data_dir)                 # the older file put back
    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert "store rolled back" in err and "older copy" in err


def test_a_removed_anchor_is_named(store: Store, manager: Actor, receptionist: Actor,
                                   isolated: MemoryKeyring) -> None:
    _fill(store, manager, receptionist)
    audit_anchor.flush()
    del isolated.secrets[("frontdesk", f"{store.store_id}.audit-anchor")]
    audit_anchor.forget(store.store_id)
    report = verify_store(store)
    assert report.findings == ("anchor_missing",)


def test_the_backup_carries_the_anchor(store: Store, manager: Actor, receptionist: Actor,
                                       isolated: MemoryKeyring, tmp_path: Path,
                                       data_dir: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    """Even with the keyring entry rewritten to match, the backup's head gives it away."""
    _fill(store, manager, receptionist)
    out = backup.make_backup(store, manager, tmp_path / "usb" / "monday", PASS)
    from storage import backup as sb

    header, _offset = sb.read_header(out)
    in_backup = audit_anchor.Anchor.from_value(header.audit_anchor)
    assert in_backup is not None and in_backup.id >= 11
    rows = _rows(store.engine)
    _rewrite_chain(store.engine, rows[:5])         # cut the log back to five events…
    with store.write() as s:                       # …and the keyring anchor with it
        forged = audit_anchor.compute(s, "x", "memory")
    assert forged is not None
    audit_anchor.flush()
    isolated.secrets[("frontdesk", f"{store.store_id}.audit-anchor")] = forged.to_json()
    audit_anchor.forget(store.store_id)
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 0   # the keyring was fooled
    assert main(["verify", "--data-dir", str(data_dir), "--backup", str(out)]) == 1
    err = capsys.readouterr().err
    assert "monday.fdbackup" in err and ("truncated" in err or "rolled back" in err)


def test_a_noted_fingerprint_catches_what_the_keyring_missed(
        store: Store, manager: Actor, receptionist: Actor, isolated: MemoryKeyring,
        data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _fill(store, manager, receptionist)
    noted = audit_log.verify_chain(store, manager).fingerprint
    assert noted and noted in audit_log.verify_chain(store, manager).fingerprint_line
    rows = _rows(store.engine)
    rows[2]["detail"] = json.dumps({"edited": True})
    _rewrite_chain(store.engine, rows)
    with store.write() as s:
        forged = audit_anchor.compute(s, "y", "memory")
    assert forged is not None
    audit_anchor.flush()
    isolated.secrets[("frontdesk", f"{store.store_id}.audit-anchor")] = forged.to_json()
    audit_anchor.forget(store.store_id)
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 0
    capsys.readouterr()
    assert main(["verify", "--data-dir", str(data_dir), "--noted", noted]) == 1
    assert "fingerprint" in capsys.readouterr().err
    assert main(["verify", "--data-dir", str(data_dir), "--noted", "12:ZZZZ"]) == 1


def test_a_store_written_before_anchoring_only_gets_a_note(store: Store, manager: Actor,
                                                           isolated: MemoryKeyring) -> None:
    with store.engine.begin() as c:
        c.exec_driver_sql("DELETE FROM setting WHERE key = ?", (audit_anchor.ANCHORED_KEY,))
    audit_anchor.flush()
    isolated.secrets.pop(("frontdesk", f"{store.store_id}.audit-anchor"))
    audit_anchor.forget(store.store_id)
    report = verify_store(store)
    assert report.ok and report.notes and "no anchor" in report.notes[0]
    guests.create_guest(store, manager, GuestFields("First After Upgrade"))
    assert _anchor(isolated, store).id > 0 and verify_store(store).ok


# --- the shared (PostgreSQL) store: each desk's keyring holds an anchor ----------------

@pytest.mark.postgres
def test_a_server_owner_who_cuts_the_shared_log_is_caught_by_a_desks_anchor(
        pg_cluster: SharedCluster, shared_url: str, shared_db: str,
        isolated: MemoryKeyring) -> None:
    """The desk role cannot rewrite the log (tests/test_shared_store.py); the server's
    superuser can, and the anchor this desk kept in its own keyring names it."""
    import keyring

    from app import shared_store
    from tests.conftest import MANAGER_PIN

    store = shared_store.open_shared_store(shared_url)
    try:
        eva = staff.create_first_manager(store, "Eva Visser", MANAGER_PIN)
        for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
            guests.open_card(store, eva, guests.create_guest(store, eva, GuestFields(name)).id)
        anchor = _anchor(isolated, store)
        assert verify_store(store).ok and anchor.by_staff[str(eva.id)] >= 7
        # A desk that has written nothing holds no anchor of this store: no alarm there.
        keyring.set_keyring(MemoryKeyring())
        assert verify_store(store).ok
        keyring.set_keyring(isolated)
        # The server's superuser deletes the newest events and moves the head back: a
        # chain that verifies on its own.
        import psycopg

        with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db)) as conn:
            keep, keep_hash = conn.execute(
                "SELECT id, hash FROM audit_event WHERE id < %s ORDER BY id DESC LIMIT 1",
                (anchor.id - 2,)).fetchone()   # type: ignore[misc]
            conn.execute("DELETE FROM audit_event WHERE id > %s", (keep,))
            conn.execute("UPDATE setting SET value = %s WHERE key = %s",
                         (f"{keep}:{keep_hash}", audit_chain.HEAD_KEY))
        with store.read() as s:
            assert audit_chain.verify(s).ok   # the chain alone no longer shows it
        report = verify_store(store)
        assert not report.ok and report.findings[0] in ("truncated", "rolled_back"), report
        assert "the anchor in the keyring" in report.problems[0]
    finally:
        store.close()


def _memory_anchor(store: Store) -> audit_anchor.Anchor:
    audit_anchor.flush()
    with audit_anchor._lock:
        return audit_anchor._memory[store.store_id]


@pytest.mark.both_engines
def test_an_anchor_after_other_writers_counts_every_staff_members_events(
        store: Store, manager: Actor, receptionist: Actor, isolated: MemoryKeyring) -> None:
    """A desk whose last anchor is behind (another desk or an import appended since)
    counts the events after it per staff member: also those of staff that have gone (no
    row in the staff table) and those without staff — the same counts as the log's own."""
    import datetime as dt
    from collections import Counter

    from sqlalchemy import select

    from storage.models import AuditEvent

    g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    stale = _memory_anchor(store)
    with store.write() as s:   # as another desk would: staff here, gone, none
        for staff_id in (receptionist.id, 999, None, manager.id, 999, None, None):
            audit_chain.append(s, at=dt.datetime(2026, 3, 14, 9), staff_id=staff_id,
                               action="test.event", guest_ref=None, detail={})
    with audit_anchor._lock:
        audit_anchor._memory[store.store_id] = stale   # this desk has not seen them
    guests.open_card(store, manager, g.id)   # its anchor reads the counts after `stale`
    with store.read() as s:
        logged = Counter(s.scalars(select(AuditEvent.staff_id)))
    expected = {(audit_anchor.SYSTEM if k is None else str(k)): v for k, v in logged.items()}
    anchor = _memory_anchor(store)
    assert anchor.by_staff == expected
    assert expected["999"] == 2 and expected[audit_anchor.SYSTEM] == 3
    assert verify_store(store).ok


def test_on_the_local_store_an_anchor_counts_events_from_the_staff_index_not_their_rows(
        store: Store, manager: Actor, isolated: MemoryKeyring) -> None:
    """The counts per staff member read only ``ix_audit_event_staff_id`` (staff id and
    rowid): after another desk's large import a desk's next anchor, taken under the
    store's lock, does not read the import's ~170,000 event rows (docs/performance.md)."""
    from sqlalchemy import event

    g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    stale = _memory_anchor(store)
    guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    with audit_anchor._lock:
        audit_anchor._memory[store.store_id] = stale   # as if another desk had appended
    seen: list[tuple[str, object]] = []

    def keep(conn: object, cursor: object, statement: str, parameters: object,
             context: object, executemany: bool) -> None:
        if "audit_event.staff_id" in statement and "count(" in statement:
            seen.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", keep)
    try:
        guests.open_card(store, manager, g.id)
    finally:
        event.remove(store.engine, "before_cursor_execute", keep)
    assert len(seen) == 1, seen
    statement, parameters = seen[0]
    with store.engine.connect() as c:
        plan = [str(row[3]) for row in c.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + statement, parameters)]  # type: ignore[arg-type]
    # (one row is read by its id: the last anchor's event, for its hash)
    on_events = [p for p in plan if " audit_event " in f"{p} "
                 and not p.endswith("USING INTEGER PRIMARY KEY (rowid=?)")]
    assert on_events and all("COVERING INDEX ix_audit_event_staff_id" in p
                             for p in on_events), plan
    assert any("staff_id=? AND rowid>? AND rowid<?" in p for p in on_events), plan
