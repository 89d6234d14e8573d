"""Encrypted backups: made while the store is in use, restored elsewhere with another keyring."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest

from app import backup, guests, staff
from app.cli import main
from app.errors import BackupFileError, ErasuresUnknownError, PermissionDenied, ValidationError
from app.guests import GuestFields
from app.opening import KeyringKey, MemoryKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage import backup as sb
from storage.keys import new_key
from storage.store import DB_NAME, HEADER_NAME, Store
from tests.conftest import MANAGER_PIN, as_manager
from tests.keyrings import MemoryKeyring
from tests.templates import Templates
from tests.writers import Commits, check_store, make_store, spawn

PASS = "horse staple battery"
CANARY = "Zyxwvut Backupcanary"


def snapshot(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def filled(store: Store, manager: Actor) -> Store:
    guests.create_guest(store, manager, GuestFields(CANARY, email="bc@example.com"))
    guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    return store


def test_backup_restores_on_another_machine(filled: Store, manager: Actor,
                                            tmp_path: Path) -> None:
    out = backup.make_backup(filled, manager, tmp_path / "usb" / "monday", PASS)
    assert out.name == "monday.fdbackup"
    blob = out.read_bytes()
    assert blob.startswith(sb.MAGIC)
    assert CANARY.encode() not in blob and b"SQLite format 3" not in blob
    assert [p.name for p in out.parent.iterdir()] == [out.name]   # no temp file left behind
    guests.create_guest(filled, manager, GuestFields("Written After Backup"))

    other_machine = MemoryKeyring()
    keyring.set_keyring(other_machine)
    target = tmp_path / "new-machine"
    # That machine cannot know whom this store erased since Monday: it asks first.
    with pytest.raises(ErasuresUnknownError, match="no record of the guests erased"):
        backup.restore_backup(out, PASS, target, KeyringKey(), as_manager)
    assert other_machine.secrets == {}
    result = backup.restore_backup(out, PASS, target, KeyringKey(), as_manager,
                                   accept_unknown_erasures=True)
    try:
        assert result.previous is None
        assert verify_store(result.store).ok
        names = {g.full_name for g in guests.list_guests(result.store, result.restored_by)}
        assert names == {CANARY, "Grace Hopper"}
        assert result.store.store_id != filled.store_id  # fresh key, fresh keyring entry
        # Its key, and (empty so far) the record of erasures for its store line; the
        # audit anchor has an entry of its own ("<id>.audit-anchor").
        assert {e for e in other_machine.secrets if not e[1].endswith(".audit-anchor")} == {
            ("frontdesk", result.store.store_id),
            ("frontdesk", result.store.lineage + ".erased-guests")}
    finally:
        result.store.close()
    reopened = open_store(target, KeyringKey(), create=False)
    try:
        assert guests.guest_count(reopened) == 2
        with reopened.engine.connect() as conn:
            actions = list(conn.exec_driver_sql(
                "SELECT action FROM audit_event ORDER BY id").scalars())
        # The restore, its new recovery passphrase, then the test's own look at the guests.
        assert actions[-3:] == ["store.restored", "recovery.set_up", "guests.listed"]
    finally:
        reopened.close()


def test_wrong_passphrase_changes_nothing(filled: Store, manager: Actor, tmp_path: Path,
                                         data_dir: Path) -> None:
    out = backup.make_backup(filled, manager, tmp_path / "b.fdbackup", PASS)
    filled.close()
    before = snapshot(data_dir)
    with pytest.raises(BackupFileError, match="passphrase does not open"):
        backup.restore_backup(out, "not the passphrase", data_dir, KeyringKey(), as_manager)
    assert snapshot(data_dir) == before


@pytest.mark.parametrize("where", ["db", "header", "truncate"])
def test_damaged_backup_is_refused_and_store_kept(filled: Store, manager: Actor,
                                                  tmp_path: Path, data_dir: Path,
                                                  where: str) -> None:
    out = backup.make_backup(filled, manager, tmp_path / "b.fdbackup", PASS)
    filled.close()
    data = bytearray(out.read_bytes())
    if where == "db":
        data[-3000] ^= 0xFF
    elif where == "header":
        data[12:20] = b"\x00" * 8
    else:
        del data[-5000:]
    out.write_bytes(bytes(data))
    before = snapshot(data_dir)
    with pytest.raises(BackupFileError, match="nothing was changed"):
        backup.restore_backup(out, PASS, data_dir, KeyringKey(), as_manager)
    assert snapshot(data_dir) == before
    s = open_store(data_dir, KeyringKey())
    assert guests.guest_count(s) == 2
    s.close()


def test_backup_with_broken_audit_chain_is_refused(filled: Store, manager: Actor,
                                                   tmp_path: Path) -> None:
    with filled.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET action = 'x' WHERE id = 2")
    out = backup.make_backup(filled, manager, tmp_path / "b.fdbackup", PASS)
    target = tmp_path / "elsewhere"
    with pytest.raises(BackupFileError, match="audit log broken at event 2"):
        backup.restore_backup(out, PASS, target, KeyringKey(), as_manager)
    assert not (target / DB_NAME).exists() and not (target / HEADER_NAME).exists()


def test_restore_over_a_store_keeps_the_old_one(filled: Store, manager: Actor, tmp_path: Path,
                                                data_dir: Path) -> None:
    out = backup.make_backup(filled, manager, tmp_path / "b.fdbackup", PASS)
    guests.create_guest(filled, manager, GuestFields("Lost In The Fire"))
    filled.close()
    result = backup.restore_backup(out, PASS, data_dir, KeyringKey(), as_manager)
    try:
        assert guests.guest_count(result.store) == 2
    finally:
        result.store.close()
    assert result.previous is not None and (result.previous / DB_NAME).exists()
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".restore-")]


def test_backup_while_another_process_writes(tmp_path: Path) -> None:
    """The copy is consistent although a writer commits the whole time."""
    data_dir, key, key_file = make_store(tmp_path)
    writer = spawn(data_dir, key_file, seed=5, ops=400)
    s = open_store(data_dir, MemoryKey(key))
    eva = staff.sign_in_by_name(s, "Eva Visser", MANAGER_PIN)
    files = [backup.make_backup(s, eva, tmp_path / f"b{i}.fdbackup", PASS) for i in range(3)]
    s.close()
    out, err = writer.communicate()
    assert writer.returncode == 0, err.decode()[-2000:]
    commits = Commits()
    commits.add(out)
    check_store(data_dir, key, commits)
    for i, f in enumerate(files):
        r = backup.restore_backup(f, PASS, tmp_path / f"restored{i}", MemoryKey(), as_manager,
                                  accept_unknown_erasures=True)
        try:
            assert verify_store(r.store).ok
        finally:
            r.store.close()


def test_desk_staff_may_not_back_up(store: Store, manager: Actor, receptionist: Actor,
                                    tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backup.make_backup(store, receptionist, tmp_path / "b.fdbackup", PASS)
    with pytest.raises(PermissionDenied):
        backup.make_backup(store, None, tmp_path / "b.fdbackup", PASS)  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="at least 8"):
        backup.make_backup(store, manager, tmp_path / "b.fdbackup", "short")
    assert not list(tmp_path.glob("*.fdbackup"))


def test_daily_backup_runs_when_due_and_keeps_n(filled: Store, manager: Actor,
                                                tmp_path: Path, isolated: MemoryKeyring,
                                                data_dir: Path) -> None:
    folder = tmp_path / "daily"
    with pytest.raises(ValidationError, match="passphrase"):
        backup.set_backup_settings(filled, manager, enabled=True, folder=folder, keep=2)
    settings = backup.set_backup_settings(filled, manager, enabled=True, folder=folder, keep=2,
                                          passphrase=PASS)
    assert settings.enabled and settings.keep == 2 and settings.has_passphrase
    # The passphrase is in the keyring, under its own entry, and nowhere in the store folder.
    assert PASS in isolated.secrets.values()
    filled.checkpoint()
    for p in data_dir.iterdir():
        if p.is_file():
            assert PASS.encode() not in p.read_bytes()
    day = dt.datetime(2026, 3, 1, 8, 0)
    made = []
    for hours in (0, 5, 24, 30, 48, 72):
        made.append(backup.run_configured_backup(filled, now=day + dt.timedelta(hours=hours)))
    assert [m is not None for m in made] == [True, False, True, False, True, True]
    kept = sorted(p.name for p in folder.iterdir())
    assert kept == ["frontdesk-20260303-080000.fdbackup", "frontdesk-20260304-080000.fdbackup"]
    assert backup.backup_settings(filled).last == day + dt.timedelta(hours=72)
    backup.set_backup_settings(filled, manager, enabled=False, folder=None, keep=2)
    assert backup.run_configured_backup(filled, now=day + dt.timedelta(days=9)) is None


def test_cli_backup_and_restore(filled: Store, tmp_path: Path, data_dir: Path,
                                capsys: pytest.CaptureFixture[str]) -> None:
    filled.close()
    pf = tmp_path / "backup-pass"
    pf.write_text(PASS + "\n")
    out = tmp_path / "b.fdbackup"
    pin = tmp_path / "pin"
    pin.write_text(MANAGER_PIN + "\n")
    staff_args = ["--staff", "Eva Visser", "--pin-file", str(pin)]
    assert main(["backup", "--data-dir", str(data_dir), "--out", str(out),
                 "--backup-passphrase-file", str(pf), *staff_args]) == 0
    assert "Wrote the encrypted backup" in capsys.readouterr().out
    keyring.set_keyring(MemoryKeyring())
    target = tmp_path / "restored"
    assert main(["restore", "--data-dir", str(target), "--from", str(out),
                 "--backup-passphrase-file", str(pf), "--accept-unknown-erasures",
                 *staff_args]) == 0
    assert "audit events verified" in capsys.readouterr().out
    assert main(["verify", "--data-dir", str(target)]) == 0
    bad = tmp_path / "bad-pass"
    bad.write_text("wrong wrong wrong\n")
    assert main(["restore", "--data-dir", str(target), "--from", str(out),
                 "--backup-passphrase-file", str(bad), *staff_args]) == 2
    assert "passphrase does not open" in capsys.readouterr().err
    s = open_store(target, KeyringKey())
    assert {st.name for st in staff.list_staff(s)} == {"Eva Visser"}
    s.close()


def test_unwritable_folder_gives_a_clear_error(filled: Store, manager: Actor,
                                               tmp_path: Path) -> None:
    not_a_folder = tmp_path / "plain-file"
    not_a_folder.write_text("x")
    with pytest.raises(BackupFileError, match="could not be written"):
        backup.make_backup(filled, manager, not_a_folder / "b.fdbackup", PASS)
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".fdbackup")] == []


def _demo_3000(folder: Path) -> bytes:
    """A store of 3,000 demo guests (a backup long enough to cancel); its key."""
    from app.demo import build_demo

    key = new_key()
    s = open_store(folder, MemoryKey(key))
    try:
        build_demo(s, guests=3000)
    finally:
        s.close()
    return key


@pytest.fixture
def big_demo(tmp_path: Path, store_templates: Templates, isolated: MemoryKeyring
             ) -> Iterator[Store]:
    """3,000 demo guests: a copy of a store built once per run (tests/templates.py)."""
    template = store_templates.get("demo:3000:memory-key", _demo_3000)
    s = open_store(template.copy_to(tmp_path / "big", isolated), MemoryKey(template.made),
                   create=False)
    yield s
    s.close()


@pytest.mark.parametrize("when", ["before", "during"])
def test_cancelled_backup_leaves_nothing(manager: Actor, big_demo: Store, tmp_path: Path,
                                         when: str) -> None:
    import threading

    filled = big_demo
    manager = staff.sign_in_by_name(filled, "Eva Visser", MANAGER_PIN)  # its own store's
    folder = tmp_path / "usb"
    folder.mkdir()
    cancel = backup.Cancellation()
    if when == "before":
        cancel.cancel()
    else:
        def cancel_once_running() -> None:
            while cancel._conn is None and not cancel.cancelled:
                threading.Event().wait(0.001)
            cancel.cancel()

        threading.Thread(target=cancel_once_running, daemon=True).start()
    with pytest.raises(BackupFileError, match="cancelled"):
        backup.make_backup(filled, manager, folder / "b.fdbackup", PASS, cancel=cancel)
    assert list(folder.iterdir()) == []
    # The store and its connection pool are fine: the next backup works and restores.
    out = backup.make_backup(filled, manager, folder / "b.fdbackup", PASS)
    r = backup.restore_backup(out, PASS, tmp_path / "r", MemoryKey(), as_manager,
                              accept_unknown_erasures=True)
    try:
        assert guests.guest_count(r.store) == guests.guest_count(filled) == 3000
    finally:
        r.store.close()
        filled.close()
