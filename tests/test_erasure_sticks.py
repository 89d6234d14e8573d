"""Erasure that sticks: through restores anywhere, a reader holding the WAL, and a crash.

Real stores, a real keyring backend object, real backups, a real second
SQLCipher connection and a real killed process; the canary scan of
``tests/test_erasure.py`` (every decrypted page of the file and the WAL).
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import keyring
import pytest
import sqlcipher3

from app import erasure, guests
from app.backup import make_backup, restore_backup
from app.cli import main
from app.errors import ErasureIncomplete, ErasuresUnknownError
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage import ledger, queries
from storage.store import Store
from tests.conftest import MANAGER_PIN, as_manager
from tests.faults import frontdesk, snapshot
from tests.keyrings import MemoryKeyring
from tests.test_erasure import (
    BACKUP_PASSPHRASE,
    _canary_guest,
    _found,
    _key,
    decrypted_db,
    decrypted_wal,
)


def _scan(store: Store) -> list[str]:
    key = _key(store)
    return _found(decrypted_db(store.paths.db, key) + decrypted_wal(store.paths.sidecars[0],
                                                                       key))


def _ref(store: Store, guest_id: int) -> str:
    with store.read() as s:
        return queries.guests_by_ids(s, [guest_id])[0].ref


def test_the_ledger_is_in_the_store_and_the_keyring_tokens_only(
        store: Store, manager: Actor, receptionist: Actor, isolated: MemoryKeyring) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    ref = erasure.erase_guest(store, manager, guest_id).guest_ref
    assert erasure.erased_refs(store) == {ref}
    assert ledger.keyring_refs(store.lineage) == {ref}
    entries = {k: v for (service, k), v in isolated.secrets.items()
               if k.startswith(store.lineage + ".erased-guests")}
    assert entries and not _found("".join(entries).encode() + "".join(
        entries.values()).encode())


def test_backup_from_before_an_erasure_restored_into_a_new_folder(
        store: Store, manager: Actor, receptionist: Actor, tmp_path: Path) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    before = make_backup(store, manager, tmp_path / "before.fdbackup", BACKUP_PASSPHRASE)
    ref = erasure.erase_guest(store, manager, guest_id).guest_ref
    result = restore_backup(before, BACKUP_PASSPHRASE, tmp_path / "elsewhere", KeyringKey(),
                            as_manager)
    restored = result.store
    try:
        assert result.erased_again == 1 and result.erasures_known
        assert guests.find_guests(restored, result.restored_by, "zqxcanary") == []
        assert _scan(restored) == []
        with restored.read() as s:
            actions = [e.action for e in queries.guest_audit_events(s, ref)]
        assert actions[0] == "guest.erased" and verify_store(restored).ok
        assert restored.lineage == store.lineage   # one store line through restores
    finally:
        restored.close()


def test_old_backup_on_a_new_computer_asks_first(
        store: Store, manager: Actor, receptionist: Actor, tmp_path: Path) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    before = make_backup(store, manager, tmp_path / "before.fdbackup", BACKUP_PASSPHRASE)
    erasure.erase_guest(store, manager, guest_id)
    keyring.set_keyring(MemoryKeyring())   # another computer: its keyring knows nothing
    target = tmp_path / "new-computer"
    with pytest.raises(ErasuresUnknownError, match="no record of the guests erased"):
        restore_backup(before, BACKUP_PASSPHRASE, target, KeyringKey(), as_manager)
    assert not target.exists() or not any(target.iterdir())   # nothing was written
    result = restore_backup(before, BACKUP_PASSPHRASE, target, KeyringKey(), as_manager,
                            accept_unknown_erasures=True)
    try:
        assert not result.erasures_known
        # As the person was told: the guest is back, since nothing here could know.
        back = guests.find_guests(result.store, result.restored_by, "zqxcanary")
        assert [g.full_name for g in back]
    finally:
        result.store.close()


def test_a_later_backup_carries_the_ledger_to_a_new_computer(
        store: Store, manager: Actor, receptionist: Actor, tmp_path: Path) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    before = make_backup(store, manager, tmp_path / "before.fdbackup", BACKUP_PASSPHRASE)
    erasure.erase_guest(store, manager, guest_id)
    after = make_backup(store, manager, tmp_path / "after.fdbackup", BACKUP_PASSPHRASE)
    keyring.set_keyring(MemoryKeyring())
    target = tmp_path / "new-computer"
    # The newest backup: still asked (erasures after it cannot be known), then restored.
    restore_backup(after, BACKUP_PASSPHRASE, target, KeyringKey(), as_manager,
                   accept_unknown_erasures=True).store.close()
    # Now this computer knows the ledger: the older backup no longer brings the guest back.
    result = restore_backup(before, BACKUP_PASSPHRASE, target, KeyringKey(), as_manager)
    try:
        assert result.erased_again == 1
        assert guests.find_guests(result.store, result.restored_by, "zqxcanary") == []
        assert _scan(result.store) == []
    finally:
        result.store.close()


def test_cli_restore_asks_and_accepts_the_flag(
        store: Store, manager: Actor, receptionist: Actor, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    before = make_backup(store, manager, tmp_path / "before.fdbackup", BACKUP_PASSPHRASE)
    erasure.erase_guest(store, manager, guest_id)
    keyring.set_keyring(MemoryKeyring())
    pass_file = tmp_path / "backup-pass"
    pass_file.write_text(BACKUP_PASSPHRASE)
    pin = tmp_path / "pin"
    pin.write_text(MANAGER_PIN)
    target = tmp_path / "new-computer"
    args = ["restore", "--from", str(before), "--backup-passphrase-file", str(pass_file),
            "--data-dir", str(target), "--staff", "Eva Visser", "--pin-file", str(pin)]
    assert main(args) == 2
    assert "no record of the guests erased" in capsys.readouterr().err
    assert not (target / "frontdesk.db").exists()
    assert main([*args, "--accept-unknown-erasures"]) == 0
    assert "any guest erased since then is back" in capsys.readouterr().out


def _hold_the_wal(store: Store) -> sqlcipher3.Connection:
    """Another program with the key, in the middle of a read: the WAL cannot be emptied."""
    conn = sqlcipher3.connect(str(store.paths.db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{_key(store).hex()}'\"")
    conn.execute("BEGIN")
    conn.execute("SELECT count(*) FROM guest").fetchone()
    return conn


def test_erasure_fails_plainly_when_a_reader_holds_the_wal(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    ref = _ref(store, guest_id)
    reader = _hold_the_wal(store)
    try:
        with pytest.raises(ErasureIncomplete, match="not tell the guest it is done"):
            erasure.erase_guest(store, manager, guest_id)
        assert _scan(store)   # the old pages are still in the file: it *did* fail
    finally:
        reader.close()
    assert guests.find_guests(store, manager, "zqxcanary") == []
    store.close()
    reopened = open_store(store.paths.data_dir, KeyringKey())   # finishes the erasure
    try:
        assert _scan(reopened) == [] and erasure.erased_refs(reopened) == {ref}
        assert not reopened.paths.sidecars[0].exists() or \
            reopened.paths.sidecars[0].stat().st_size == 0
    finally:
        reopened.close()


def test_cli_erasure_exits_non_zero_while_a_reader_holds_the_wal(tmp_path: Path) -> None:
    from app import staff
    from app.guests import GuestFields
    from app.opening import PassphraseKey

    pass_file = tmp_path / "pass"
    pass_file.write_text("cli erasure passphrase")
    data_dir = tmp_path / "cli-store"
    s = open_store(data_dir, PassphraseKey("cli erasure passphrase"))
    m = staff.create_first_manager(s, "Eva Visser", MANAGER_PIN)
    ref = guests.create_guest(s, m, GuestFields("Zqxcanary Fullnamé")).ref
    key = PassphraseKey("cli erasure passphrase").load(s.header, b"")
    reader = sqlcipher3.connect(str(s.paths.db), isolation_level=None)
    reader.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    reader.execute("BEGIN")
    reader.execute("SELECT count(*) FROM guest").fetchone()
    try:
        run = frontdesk("erase-guest", ref, "--yes", "--data-dir", str(data_dir),
                        "--passphrase-file", str(pass_file), "--staff", "Eva Visser",
                        "--pin-stdin", stdin=MANAGER_PIN + "\n")
    finally:
        reader.close()
        s.close()
    assert run.code != 0, run.stdout
    assert "Erased" not in run.stdout and "not tell the guest it is done" in run.stderr
    run = frontdesk("verify", "--data-dir", str(data_dir), "--passphrase-file", str(pass_file))
    assert run.code == 0, run.stderr   # the next open finished it
    s = open_store(data_dir, PassphraseKey("cli erasure passphrase"))
    try:
        with s.read() as ss:
            assert not ledger.scrub_pending(ss) and ledger.store_refs(ss) == {ref}
    finally:
        s.close()


def test_a_crash_between_delete_and_scrub_is_finished_at_the_next_open(
        tmp_path: Path) -> None:
    """A real process killed right after the delete committed; the next open scrubs."""
    data_dir = tmp_path / "store"
    pass_file = tmp_path / "pass"
    pass_file.write_text("crash test passphrase")
    script = textwrap.dedent(f"""
        import os, sys
        from app import erasure, guests, staff, vocabulary
        from app.guests import GuestFields
        from app.opening import PassphraseKey, open_store
        store = open_store({str(data_dir)!r}, PassphraseKey("crash test passphrase"))
        m = staff.create_first_manager(store, "Eva Visser", "4826")
        for i in range(40):
            guests.create_guest(store, m, GuestFields(f"Other Guest {{i}}"))
        g = guests.create_guest(store, m, GuestFields("Zqxcanary Fullnamé",
                                                      email="canarymail7x@example.org"))
        store.checkpoint()
        guests.update_guest(store, m, g.id, GuestFields("Zqxcanary Fullnamé",
                                                        email="canarymail7x@example.org",
                                                        phone="+99 8765 4321 0199"))
        def crash(*a, **k):
            sys.stdout.write("deleted\\n"); sys.stdout.flush(); os._exit(9)
        erasure.remove_copies_of_earlier_states = crash   # the step after the delete
        erasure.erase_guest(store, m, g.id)
    """)
    import subprocess
    import sys

    from tests.faults import ROOT

    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)
    assert done.returncode == 9 and "deleted" in done.stdout, done.stderr[-2000:]
    from app.opening import PassphraseKey
    from storage.keys import PassphraseKey as _PK

    salt = (data_dir / "frontdesk.db").read_bytes()[:16]
    key = _PK("crash test passphrase").load(None, salt)
    wal = data_dir / "frontdesk.db-wal"
    # Positive control: the killed erasure left the guest in the file or the WAL.
    assert _found(decrypted_db(data_dir / "frontdesk.db", key) + decrypted_wal(wal, key))
    s = open_store(data_dir, PassphraseKey("crash test passphrase"))
    try:
        assert _found(decrypted_db(s.paths.db, key) + decrypted_wal(wal, key)) == []
        with s.read() as ss:
            assert not ledger.scrub_pending(ss) and len(ledger.store_refs(ss)) == 1
        assert verify_store(s).ok
    finally:
        s.close()


def test_an_older_file_copied_in_by_hand_is_erased_again_at_open(
        store: Store, manager: Actor, receptionist: Actor, tmp_path: Path) -> None:
    import shutil

    guest_id = _canary_guest(store, manager, receptionist)
    store.checkpoint()
    old = tmp_path / "old-copy.db"
    shutil.copy2(store.paths.db, old)
    erasure.erase_guest(store, manager, guest_id)
    store.close()
    shutil.copy2(old, store.paths.db)   # someone "restores" a copy without Frontdesk
    before = snapshot(store.paths.data_dir)
    reopened = open_store(store.paths.data_dir, KeyringKey())
    try:
        assert guests.find_guests(reopened, manager, "zqxcanary") == []
        assert _scan(reopened) == []
    finally:
        reopened.close()
    assert snapshot(store.paths.data_dir) != before


def test_passphrase_store_knows_its_erasures_only_in_its_own_folder(tmp_path: Path) -> None:
    """No keyring: the store being replaced is the record; a new folder cannot know, and asks."""
    from app import staff
    from app.guests import GuestFields
    from app.opening import PassphraseKey

    key = PassphraseKey("passphrase store erasure")
    data_dir = tmp_path / "store"
    s = open_store(data_dir, key)
    m = staff.create_first_manager(s, "Eva Visser", MANAGER_PIN)
    g = guests.create_guest(s, m, GuestFields("Zqxcanary Fullnamé"))
    before = make_backup(s, m, tmp_path / "before.fdbackup", BACKUP_PASSPHRASE)
    erasure.erase_guest(s, m, g.id)
    s.close()
    with pytest.raises(ErasuresUnknownError, match="into the folder of the store it came from"):
        restore_backup(before, BACKUP_PASSPHRASE, tmp_path / "elsewhere", key, as_manager)
    result = restore_backup(before, BACKUP_PASSPHRASE, data_dir, key, as_manager)  # its own
    try:
        assert result.erasures_known and result.erased_again == 1
        assert guests.find_guests(result.store, as_manager(result.store), "zqxcanary") == []
    finally:
        result.store.close()
