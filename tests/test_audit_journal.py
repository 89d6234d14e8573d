"""A card opened while another desk's long write holds the local store is not held up,
and its audit event still reaches the chain (storage.audit_journal).

The local store has one writer at a time; an import holds the lock for its whole write
phase. These tests hold it with a real import in another thread (its progress callback
runs between its batches, inside its transaction) and a second Store on the same file,
as a second desk of the PC would, and check what happened in which order — never how
long it took.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from app import guests, staff
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from storage import audit_chain, audit_journal
from storage.models import AuditEvent, Setting
from storage.store import Store
from tests.conftest import MANAGER_PIN
from tests.import_helpers import import_held, plan_of

ROWS = b"Booking no;Name;Email;Arrival;Departure;Room\n" + b"".join(
    f"R-{i};Guest Number{i};g{i}@example.nl;14-03-2026;16-03-2026;{100 + i}\n".encode()
    for i in range(40))


@pytest.fixture
def desks(data_dir: Path) -> Iterator[tuple[Store, Store]]:
    """Two desks of one PC on the same encrypted file."""
    first = open_store(data_dir, KeyringKey())
    second = open_store(data_dir, KeyringKey())
    yield first, second
    first.close()
    second.close()


def _log(store: Store) -> list[tuple[str, str | None, dt.datetime, dict[str, object]]]:
    import json

    with store.read() as s:
        return [(a, g, at, json.loads(d)) for a, g, at, d in s.execute(
            select(AuditEvent.action, AuditEvent.guest_ref, AuditEvent.at, AuditEvent.detail)
            .order_by(AuditEvent.id))]


def test_a_card_opens_while_an_import_holds_the_local_store_and_is_audited_after_it(
        desks: tuple[Store, Store]) -> None:
    importer_desk, reception = desks
    manager = staff.create_first_manager(importer_desk, "Eva Visser", MANAGER_PIN)
    known = guests.create_guest(importer_desk, manager, GuestFields("Dirk Hoek"))
    clerk = staff.sign_in(reception, manager.id, MANAGER_PIN)
    opened_at = dt.datetime(2026, 3, 14, 9, 30)
    seen: dict[str, object] = {}

    def open_meanwhile() -> None:
        card = guests.open_card(reception, clerk, known.id, now=opened_at)
        seen["card"] = card.guest.full_name
        seen["log meanwhile"] = [a for a, *_ in _log(reception)]

    result = import_held(importer_desk, manager, plan_of(importer_desk, ROWS), open_meanwhile)
    assert result.guests_created == 40
    # The card was shown while the import held the store; its event was not on the chain.
    assert seen["card"] == "Dirk Hoek"
    assert "guest.opened" not in seen["log meanwhile"]  # type: ignore[operator]
    # The import's own transaction put it on the chain, after the import's events, with
    # the time the card was opened and a note that it was written late.
    log = _log(importer_desk)
    opened = [(g, at, d) for a, g, at, d in log if a == "guest.opened"]
    assert opened == [(known.ref, opened_at, {"late": True})]
    actions = [a for a, *_ in log]
    assert actions.index("import.applied") < actions.index("guest.opened")
    assert verify_store(importer_desk).ok
    assert reception.paths.journal.exists()
    with importer_desk.read() as s:
        assert audit_chain.verify(s).ok
        assert s.scalar(select(Setting.value).where(Setting.key == audit_journal.MARK_KEY))
    # Written once: the next write folds nothing again.
    guests.open_card(reception, clerk, known.id)
    assert [a for a, *_ in _log(reception)].count("guest.opened") == 2


def test_a_waiting_event_is_put_on_the_chain_once_even_if_the_desk_stopped_before_forgetting_it(
        desks: tuple[Store, Store], monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = desks
    manager = staff.create_first_manager(first, "Eva Visser", MANAGER_PIN)
    known = guests.create_guest(first, manager, GuestFields("Dirk Hoek"))
    first.defer_event(at=dt.datetime(2026, 3, 14, 9, 30), staff_id=manager.id,
                      action="guest.opened", guest_ref=known.ref, detail={})
    # The desk that folds it stops between its commit and the journal's clean-up.
    monkeypatch.setattr(audit_journal.Journal, "forget", lambda self, upto: None)
    guests.open_card(first, manager, known.id)
    monkeypatch.undo()
    guests.open_card(second, manager, known.id)
    guests.open_card(first, manager, known.id)
    late = [d for a, _, _, d in _log(first) if a == "guest.opened" and d.get("late")]
    assert late == [{"late": True}]
    assert verify_store(first).ok


def test_a_journal_that_cannot_be_read_never_fails_a_desk_s_write(
        desks: tuple[Store, Store], data_dir: Path, caplog: pytest.LogCaptureFixture) -> None:
    first, _second = desks
    manager = staff.create_first_manager(first, "Eva Visser", MANAGER_PIN)
    known = guests.create_guest(first, manager, GuestFields("Dirk Hoek"))
    first.defer_event(at=dt.datetime(2026, 3, 14, 9, 30), staff_id=manager.id,
                      action="guest.opened", guest_ref=known.ref, detail={})
    first.close()
    journal = data_dir / audit_journal.JOURNAL_NAME
    damaged = bytearray(journal.read_bytes())
    damaged[100:4096] = bytes(len(damaged[100:4096]))
    journal.write_bytes(bytes(damaged))
    again = open_store(data_dir, KeyringKey())
    try:
        card = guests.open_card(again, manager, known.id)
        assert card.guest.full_name == "Dirk Hoek"
        assert "cannot be read" in caplog.text
        assert journal.read_bytes() == bytes(damaged)   # left for someone to look at
    finally:
        again.close()


@pytest.mark.both_engines
def test_only_the_local_store_keeps_a_journal(store: Store) -> None:
    # The local store's file keeps one; a shared store's audit-only writes never wait for
    # another desk's data write (tests/test_audit_only_writes.py), so it needs none.
    assert store.defers_events is (not store.shared)


def test_a_journal_of_another_store_takes_no_event_and_the_card_waits_for_the_lock(
        desks: tuple[Store, Store], data_dir: Path, tmp_path: Path) -> None:
    importer_desk, reception = desks
    manager = staff.create_first_manager(importer_desk, "Eva Visser", MANAGER_PIN)
    known = guests.create_guest(importer_desk, manager, GuestFields("Dirk Hoek"))
    clerk = staff.sign_in(reception, manager.id, MANAGER_PIN)
    # A folder copied from another store brought that store's waiting event with it.
    elsewhere = open_store(tmp_path / "elsewhere", KeyringKey())
    try:
        assert elsewhere.defer_event(at=dt.datetime(2026, 3, 1, 8, 0), staff_id=None,
                                     action="guest.opened", guest_ref="G-ELSEWHERE", detail={})
    finally:
        elsewhere.close()
    journal = data_dir / audit_journal.JOURNAL_NAME
    journal.write_bytes((tmp_path / "elsewhere" / audit_journal.JOURNAL_NAME).read_bytes())
    foreign = journal.read_bytes()
    assert not reception.defer_event(at=dt.datetime(2026, 3, 14, 9, 0), staff_id=clerk.id,
                                     action="guest.opened", guest_ref=known.ref, detail={})
    opened_at = dt.datetime(2026, 3, 14, 9, 30)
    shown: list[str] = []
    opener = threading.Thread(target=lambda: shown.append(
        guests.open_card(reception, clerk, known.id, now=opened_at).guest.full_name))

    def open_meanwhile() -> None:
        opener.start()
        opener.join(1.0)
        # Not shown while the import holds the store: its event could not wait anywhere.
        assert shown == []

    import_held(importer_desk, manager, plan_of(importer_desk, ROWS), open_meanwhile)
    opener.join(60)
    assert shown == ["Dirk Hoek"]
    log = _log(importer_desk)
    assert [(g, at, d) for a, g, at, d in log if a == "guest.opened"] == [
        (known.ref, opened_at, {})]   # on the chain in its own write, not late
    assert "G-ELSEWHERE" not in {g for _, g, _, _ in log}
    assert journal.read_bytes() == foreign   # someone's audit: left as it was
    assert verify_store(importer_desk).ok


def test_a_journal_made_for_another_store_with_the_same_key_refuses_events(
        tmp_path: Path) -> None:
    key, path = bytes(range(32)), tmp_path / audit_journal.JOURNAL_NAME
    mine = audit_journal.Journal(path, key, "store-a")
    mine.add(at=dt.datetime(2026, 3, 1, 8, 0), staff_id=None, action="guest.opened",
             guest_ref="G-1", detail={})
    mine.close()
    before = path.read_bytes()
    other = audit_journal.Journal(path, key, "store-b")
    with pytest.raises(audit_journal.NotThisStores):
        other.add(at=dt.datetime(2026, 3, 1, 9, 0), staff_id=None, action="guest.opened",
                  guest_ref="G-2", detail={})
    assert other.waiting(None) is None   # nor would it be folded here
    other.close()
    assert path.read_bytes() == before


def _event(journal: audit_journal.Journal, ref: str) -> None:
    journal.add(at=dt.datetime(2026, 3, 1, 8, 0), staff_id=None, action="guest.opened",
                guest_ref=ref, detail={})


def test_a_card_event_beside_the_store_makes_or_deletes_no_file_after_the_first(
        tmp_path: Path) -> None:
    """Each event is an append to files that stay (the journal's WAL), not a rollback
    journal made and deleted beside it: on ext4 every sync of a changed folder or a new
    file waits for the file system's journal commit, which writes out whatever a large
    import wrote meanwhile (docs/performance.md, "Importing arrivals")."""
    import time

    folder = tmp_path / "store"
    folder.mkdir()
    journal = audit_journal.Journal(folder / audit_journal.JOURNAL_NAME, bytes(range(32)),
                                    "store-a")
    try:
        _event(journal, "G-0")
        names, changed = sorted(p.name for p in folder.iterdir()), folder.stat().st_mtime_ns
        for i in range(1, 6):
            time.sleep(0.02)   # a deleted file would move the folder's time on
            _event(journal, f"G-{i}")
        assert sorted(p.name for p in folder.iterdir()) == names
        assert folder.stat().st_mtime_ns == changed
        found = journal.waiting(None)
        assert found is not None and [e.guest_ref for e in found[1]] == [
            f"G-{i}" for i in range(6)]
    finally:
        journal.close()


def test_a_restore_moves_the_journal_aside_with_its_waiting_events(tmp_path: Path) -> None:
    """The journal's events may still be in its own WAL (a desk that stopped without closing
    it): a restore's move of the store's files takes those files too."""
    from storage.backup import _move_store_files
    from storage.store import StorePaths

    key, src, dst = bytes(range(32)), tmp_path / "store", tmp_path / "aside"
    src.mkdir()
    dst.mkdir()
    paths = StorePaths(src)
    desk = audit_journal.Journal(paths.journal, key, "store-a")
    _event(desk, "G-1")   # the desk is not closed: its event is in the journal's WAL
    _move_store_files(paths, dst)
    assert not [p.name for p in src.iterdir() if p.name.startswith(audit_journal.JOURNAL_NAME)]
    moved = audit_journal.Journal(dst / audit_journal.JOURNAL_NAME, key, "store-a")
    try:
        found = moved.waiting(None)
        assert found is not None and [e.guest_ref for e in found[1]] == ["G-1"]
    finally:
        moved.close()
        desk.close()


def test_waiting_events_are_folded_set_wise_with_the_hashes_of_one_append_each(
        desks: tuple[Store, Store]) -> None:
    """A large import's commit folds the hundreds of card events other desks wrote beside
    the store meanwhile: in one statement, not one ``append`` (statements, a flush) each;
    the chain is the one appending them one by one makes."""
    from sqlalchemy import event

    first, second = desks
    manager = staff.create_first_manager(first, "Eva Visser", MANAGER_PIN)
    known = guests.create_guest(first, manager, GuestFields("Dirk Hoek"))
    times = [dt.datetime(2026, 3, 14, 9, 30) + dt.timedelta(seconds=i) for i in range(30)]
    for i, at in enumerate(times):
        second.defer_event(at=at, staff_id=manager.id if i % 3 else None,
                           action="guest.opened", guest_ref=known.ref,
                           detail={"n": i} if i % 2 else {})
    inserts: list[str] = []

    def noted(conn: object, cursor: object, statement: str, *args: object) -> None:
        if statement.lstrip().upper().startswith("INSERT INTO AUDIT_EVENT"):
            inserts.append(statement)

    event.listen(first.engine, "before_cursor_execute", noted)
    try:
        guests.open_card(first, manager, known.id)
    finally:
        event.remove(first.engine, "before_cursor_execute", noted)
    assert len(inserts) <= 2, len(inserts)   # the card's own event, then the 30 at once
    late = [(at, d) for a, _, at, d in _log(first) if a == "guest.opened" and d.get("late")]
    assert late == [(at, {"late": True, **({"n": i} if i % 2 else {})})
                    for i, at in enumerate(times)]
    with first.read() as s:
        report = audit_chain.verify(s)
    assert report.ok, report
    assert verify_store(first).ok
