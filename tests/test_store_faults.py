"""Failed opens, named right: each fault gets its own error and fix, and every file stays as it was.

The folder and disk faults are real (``tests/faults.py``): a child process
without the root override for file modes, a read-only bind mount, a full
tmpfs. Damage is made by flipping or cutting bytes of a real store file.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from app import errors, guests, staff
from app.guests import GuestFields
from app.opening import KeyringKey, PassphraseKey, open_store
from storage.store import DB_NAME, HEADER_NAME
from tests.faults import (
    Run,
    frontdesk,
    full_disk,
    read_only_mount,
    snapshot,
    without_file_permissions,
)
from tests.keyrings import MemoryKeyring
from tests.templates import Templates

PASSPHRASE = "correct horse battery staple"
PAGE = 4096


@pytest.fixture
def pass_file(tmp_path: Path) -> Path:
    f = tmp_path / "passphrase.txt"
    f.write_text(PASSPHRASE + "\n", encoding="utf-8")
    return f


def _build_passphrase_store(folder: Path) -> None:
    s = open_store(folder, PassphraseKey(PASSPHRASE))
    actor = staff.create_first_manager(s, "Eva Visser", "4826")
    for i in range(300):
        guests.create_guest(s, actor, GuestFields(f"Guest Number {i}", email=f"g{i}@x.nl"))
    s.close()


@pytest.fixture
def passphrase_store(data_dir: Path, store_templates: Templates,
                     isolated: MemoryKeyring) -> Path:
    """A closed passphrase store with a manager and enough guests for a few dozen pages.

    Built once per run (300 committed use cases take seconds) and copied for each test
    (tests/templates.py): every test damages a store of its own, with its anchor file.
    """
    template = store_templates.get("passphrase-300-guests", _build_passphrase_store)
    return template.copy_to(data_dir, isolated)


def _refused(folder: Path, error: type[Exception], match: str,
             source: object | None = None) -> None:
    """Opening fails with ``error`` and leaves every file (and the file list) unchanged."""
    before = snapshot(folder)
    with pytest.raises(error, match=match):
        open_store(folder, source or PassphraseKey(PASSPHRASE))  # type: ignore[arg-type]
    assert snapshot(folder) == before


# --- the database file missing or empty ----------------------------------------------

def test_empty_database_with_its_header_is_refused_not_rebuilt(passphrase_store: Path) -> None:
    (passphrase_store / DB_NAME).write_bytes(b"")
    _refused(passphrase_store, errors.StoreFileMissingError, r"is empty \(0 bytes\)")
    assert (passphrase_store / DB_NAME).stat().st_size == 0


def test_missing_database_with_its_header_is_refused_not_rebuilt(passphrase_store: Path) -> None:
    (passphrase_store / DB_NAME).unlink()
    _refused(passphrase_store, errors.StoreFileMissingError, "is missing.*did not make a new")
    assert not (passphrase_store / DB_NAME).exists()


def test_verify_refuses_an_empty_database(passphrase_store: Path, pass_file: Path) -> None:
    (passphrase_store / DB_NAME).write_bytes(b"")
    before = snapshot(passphrase_store)
    run = frontdesk("verify", "--data-dir", str(passphrase_store),
                    "--passphrase-file", str(pass_file))
    assert run.code == 2 and "is empty (0 bytes)" in run.stderr and "OK" not in run.stdout
    assert snapshot(passphrase_store) == before


def test_an_interrupted_create_is_resumed(data_dir: Path) -> None:
    """Header written, database not yet: the next start finishes the same store."""
    s = open_store(data_dir, KeyringKey())
    store_id = s.store_id
    s.close()
    header = json.loads((data_dir / HEADER_NAME).read_text())
    header["schema_revision"] = ""   # as the header is before the first migration ran
    (data_dir / HEADER_NAME).write_text(json.dumps(header))
    (data_dir / DB_NAME).write_bytes(b"")
    s = open_store(data_dir, KeyringKey())
    try:
        assert s.store_id == store_id and staff.needs_first_manager(s)
    finally:
        s.close()


def test_empty_file_without_header_is_not_a_store(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"")
    _refused(data_dir, errors.NotAStoreError, "empty file")


def test_a_folder_in_the_files_place(data_dir: Path) -> None:
    (data_dir / DB_NAME).mkdir(parents=True)
    _refused(data_dir, errors.NotAStoreError, "is a folder, but Frontdesk keeps its store "
                                              "in a file")


# --- the folder, the permissions, the disk --------------------------------------------

def _verify_with_mode(folder: Path, pass_file: Path, path: Path, mode: int) -> Run:
    """`frontdesk verify` as an account the modes apply to, while ``path`` has ``mode``."""
    old = path.stat().st_mode & 0o777
    path.chmod(mode)
    try:
        before = snapshot(folder)
        run = without_file_permissions("verify", "--data-dir", str(folder),
                                       "--passphrase-file", str(pass_file))
        after = snapshot(folder)
    finally:
        path.chmod(old)
    assert after == before
    return run


def test_read_only_folder(passphrase_store: Path, pass_file: Path) -> None:
    run = _verify_with_mode(passphrase_store, pass_file, passphrase_store, 0o500)
    assert run.code == 2, run.stderr
    assert "is read-only for this account" in run.stderr and "chmod u+w" in run.stderr
    assert "damaged" not in run.stderr and "internal error" not in run.stderr


def test_a_new_store_under_a_read_only_folder(tmp_path: Path, pass_file: Path) -> None:
    parent = tmp_path / "shared-drive"
    parent.mkdir()
    parent.chmod(0o500)
    try:
        run = without_file_permissions("demo-data", "--guests", "1", "--data-dir",
                                       str(parent / "store"), "--passphrase-file",
                                       str(pass_file))
    finally:
        parent.chmod(0o700)
    assert run.code == 2, run.stderr
    assert f"The store folder {parent} is read-only for this account" in run.stderr
    assert list(parent.iterdir()) == []


def test_read_only_file_system(passphrase_store: Path, pass_file: Path) -> None:
    before = snapshot(passphrase_store)
    run = read_only_mount(passphrase_store, "verify", "--data-dir", str(passphrase_store),
                          "--passphrase-file", str(pass_file))
    assert run.code == 2, run.stderr
    assert "read-only disk or file system" in run.stderr and "remount" in run.stderr
    assert snapshot(passphrase_store) == before


@pytest.mark.parametrize("mode", [0o000, 0o400], ids=["unreadable", "read-only-file"])
def test_permission_denied(passphrase_store: Path, pass_file: Path, mode: int) -> None:
    db = passphrase_store / DB_NAME
    run = _verify_with_mode(passphrase_store, pass_file, db, mode)
    assert run.code == 2, run.stderr
    need = "read" if mode == 0o000 else "write"
    assert f"may not {need} {db}" in run.stderr and "chown" in run.stderr, run.stderr
    assert "damaged" not in run.stderr and "internal error" not in run.stderr


def test_full_disk(passphrase_store: Path, pass_file: Path, tmp_path: Path) -> None:
    mount_point = tmp_path / "small-disk"
    mount_point.mkdir()
    size_kib = (sum(p.stat().st_size for p in passphrase_store.iterdir()) // 1024) + 256
    run, before, after = full_disk(passphrase_store, mount_point, size_kib, "verify",
                                   "--data-dir", "{store}", "--passphrase-file",
                                   str(pass_file))
    assert run.code == 2, run.stderr
    assert "is full" in run.stderr and "Make room" in run.stderr, run.stderr
    assert "damaged" not in run.stderr and "internal error" not in run.stderr
    assert before and before == after, (before, after)


# --- damage anywhere in the file ------------------------------------------------------

def _flip(db: Path, page: int) -> None:
    data = bytearray(db.read_bytes())
    start = page * PAGE + (100 if page == 0 else 0)
    for i in range(start, start + 200):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))


@pytest.mark.parametrize("where", ["first-page", "middle-page", "last-page"])
def test_flipped_page_is_damage(passphrase_store: Path, pass_file: Path, where: str) -> None:
    db = passphrase_store / DB_NAME
    pages = db.stat().st_size // PAGE
    assert pages > 20
    _flip(db, {"first-page": 0, "middle-page": pages // 2, "last-page": pages - 1}[where])
    before = snapshot(passphrase_store)
    run = frontdesk("verify", "--data-dir", str(passphrase_store),
                    "--passphrase-file", str(pass_file))
    assert run.code != 0 and "damaged" in run.stderr, run.stderr
    assert "internal error" not in run.stderr and "OK:" not in run.stdout
    assert snapshot(passphrase_store) == before


@pytest.mark.parametrize("cut", [1000, PAGE * 3, PAGE * 3 + 123],
                         ids=["inside-last-page", "whole-pages", "odd-length"])
def test_cut_short_is_damage(passphrase_store: Path, cut: int) -> None:
    db = passphrase_store / DB_NAME
    db.write_bytes(db.read_bytes()[:-cut])
    # Inside a page the size says so at once; at a page boundary SQLite finds it.
    _refused(passphrase_store, errors.DamagedStoreError,
             "damaged.*" + ("cut short" if cut % PAGE else ""))


def test_damage_met_later_is_named_too(passphrase_store: Path) -> None:
    """A damaged page the open did not read is named "damaged" when a use case meets it."""
    s = open_store(passphrase_store, PassphraseKey(PASSPHRASE))
    try:
        with s.engine.connect() as conn:
            plan = " ".join(str(r[-1]) for r in conn.exec_driver_sql(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM guest"))
            used = plan.split(" INDEX ")[1].split()[0] if " INDEX " in plan else "guest"
            root = conn.exec_driver_sql("SELECT rootpage FROM sqlite_master WHERE name = ?",
                                        (used,)).scalar_one()
            conn.rollback()
    finally:
        s.close()
    _flip(passphrase_store / DB_NAME, int(root) - 1)   # the root page count(*) reads
    s = open_store(passphrase_store, PassphraseKey(PASSPHRASE))
    try:
        with pytest.raises(errors.DamagedStoreError, match="damaged"):
            guests.guest_count(s)
    finally:
        s.close()


# --- the header ---------------------------------------------------------------------

def test_header_from_another_store(passphrase_store: Path, tmp_path: Path) -> None:
    other = tmp_path / "other"
    open_store(other, PassphraseKey(PASSPHRASE)).close()
    shutil.copy2(other / HEADER_NAME, passphrase_store / HEADER_NAME)
    _refused(passphrase_store, errors.HeaderMismatchError, "belongs to another store")


def test_keyring_header_from_another_store(data_dir: Path, tmp_path: Path) -> None:
    open_store(data_dir, KeyringKey()).close()
    other = tmp_path / "other"
    open_store(other, KeyringKey()).close()
    shutil.copy2(other / HEADER_NAME, data_dir / HEADER_NAME)
    _refused(data_dir, errors.HeaderMismatchError, "belongs to another store", KeyringKey())


def test_passphrase_store_survives_losing_its_header(passphrase_store: Path,
                                                     pass_file: Path) -> None:
    old = json.loads((passphrase_store / HEADER_NAME).read_text())
    (passphrase_store / HEADER_NAME).unlink()
    run = frontdesk("verify", "--data-dir", str(passphrase_store),
                    "--passphrase-file", str(pass_file))
    assert run.code == 0, run.stderr
    new = json.loads((passphrase_store / HEADER_NAME).read_text())
    assert new["store_id"] == old["store_id"] and new["kdf"] == old["kdf"]
    assert new["db_salt"] == old["db_salt"]
    s = open_store(passphrase_store, PassphraseKey(PASSPHRASE))
    try:
        assert guests.guest_count(s) == 300
    finally:
        s.close()


def test_wrong_passphrase_without_header_changes_nothing(passphrase_store: Path) -> None:
    (passphrase_store / HEADER_NAME).unlink()
    _refused(passphrase_store, errors.HeaderMissingError, "header file .* is missing",
             PassphraseKey("not the passphrase at all"))


def test_keyring_store_survives_losing_its_header(data_dir: Path) -> None:
    s = open_store(data_dir, KeyringKey())
    staff.create_first_manager(s, "Eva Visser", "4826")
    store_id = s.store_id
    s.close()
    (data_dir / HEADER_NAME).unlink()
    s = open_store(data_dir, KeyringKey())
    try:
        assert s.store_id == store_id and not staff.needs_first_manager(s)
        assert "header rebuilt" in s.notes
    finally:
        s.close()


def test_keyring_store_header_lost_and_key_missing(data_dir: Path, isolated: object) -> None:
    open_store(data_dir, KeyringKey()).close()
    (data_dir / HEADER_NAME).unlink()
    isolated.secrets.clear()  # type: ignore[attr-defined]
    _refused(data_dir, errors.HeaderMissingError, "key cannot be found", KeyringKey())
