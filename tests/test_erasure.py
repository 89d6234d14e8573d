"""Erasure leaves nothing behind: canaries in every guest field, then the bytes are searched.

The store is encrypted, so searching the raw file proves little. These tests
decrypt every page themselves (SQLCipher 4 layout: AES-256-CBC per page, the
16-byte IV in the page's reserved tail, page 1 starting after the 16-byte
salt) — including free pages and WAL frames, which a logical export would not
show — and also make a logical plaintext export with ``sqlcipher_export``.
Each check is first run *before* erasure and must find the canaries there,
so a broken decryption cannot make the test pass.
"""

from __future__ import annotations

import datetime as dt
import shutil
import struct
from pathlib import Path

import pytest
import sqlcipher3
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from app import consents, erasure, guests, labels, report, visits
from app.backup import make_backup, restore_backup
from app.domain import Source, VisitKind
from app.errors import NotFound, PermissionDenied
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor
from storage import queries
from storage.keys import KeyringKey
from storage.store import Store, _backup_before_migrating
from tests.conftest import as_manager

PAGE = 4096
BACKUP_PASSPHRASE = "erasure test backup passphrase"
RESERVE = 80  # SQLCipher 4: 16-byte IV + 64-byte HMAC-SHA512

FULL = "Zqxcanary Fullnamé"
PREFERRED = "Qwcanarypref"
PRONOUNCE = "kanaree-PRONxq"
EMAIL = "canarymail7x@example.org"
PHONE = "+99 8765 4321 0199"
OLD_PHONE = "+99 1357 9111 3579"
PLACE = "Canaryroom9"
CANARIES = [FULL, PREFERRED, PRONOUNCE, EMAIL, PHONE, OLD_PHONE, PLACE]
# FTS5 stores tokens case- and accent-folded; look for those too.
TOKENS = ["zqxcanary", "fullname", "qwcanarypref", "canarymail7x"]


def _key(store: Store) -> bytes:
    return KeyringKey().load(store.header, bytes.fromhex(store.header.db_salt))


def _decrypt_page(page: bytes, key: bytes, first: bool) -> bytes:
    iv = page[PAGE - RESERVE: PAGE - RESERVE + 16]
    body = page[16: PAGE - RESERVE] if first else page[: PAGE - RESERVE]
    dec = Cipher(algorithms.AES(key), modes.CBC(iv)).decryptor()
    return dec.update(body) + dec.finalize()


def decrypted_db(path: Path, key: bytes) -> bytes:
    """Every page of an SQLCipher file, decrypted (free pages included)."""
    data = path.read_bytes()
    assert len(data) % PAGE == 0
    pages = [_decrypt_page(data[i: i + PAGE], key, i == 0) for i in range(0, len(data), PAGE)]
    if pages:
        # Page 1 after the salt is the SQLite header from offset 16: page size, reserve.
        assert pages[0][:2] == struct.pack(">H", PAGE) and pages[0][4] == RESERVE, \
            "decryption is wrong"
    return b"".join(pages)


def decrypted_wal(path: Path, key: bytes) -> bytes:
    """Every frame of a WAL file, decrypted."""
    if not path.exists():
        return b""
    data = path.read_bytes()
    out = []
    for off in range(32, len(data) - 24 - PAGE + 1, 24 + PAGE):
        pgno = struct.unpack(">I", data[off: off + 4])[0]
        out.append(_decrypt_page(data[off + 24: off + 24 + PAGE], key, pgno == 1))
    return b"".join(out)


def plaintext_export(db: Path, key: bytes, tmp: Path) -> bytes:
    """A logical, unencrypted copy of a copy of the store (db + WAL), via sqlcipher_export."""
    work = tmp / "export"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    copy = work / "copy.db"
    shutil.copy2(db, copy)
    wal = db.with_name(db.name + "-wal")
    if wal.exists():
        shutil.copy2(wal, work / "copy.db-wal")
    conn = sqlcipher3.connect(str(copy), isolation_level=None)
    try:
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        plain = work / "plain.db"
        conn.execute(f"ATTACH DATABASE '{plain}' AS plain KEY ''")
        conn.execute("SELECT sqlcipher_export('plain')")
        conn.execute("DETACH DATABASE plain")
    finally:
        conn.close()
    data = plain.read_bytes()
    assert data.startswith(b"SQLite format 3")
    return data


def _found(blob: bytes) -> list[str]:
    hits = [c for c in CANARIES if c.encode() in blob]
    hits += [t for t in TOKENS if t.encode() in blob]
    return hits


def _canary_guest(store: Store, manager: Actor, receptionist: Actor) -> int:
    g = guests.create_guest(store, receptionist, GuestFields(
        FULL, PREFERRED, PRONOUNCE, "nl", EMAIL, OLD_PHONE))
    guests.update_guest(store, receptionist, g.id, GuestFields(
        FULL, PREFERRED, PRONOUNCE, "nl", EMAIL, PHONE))
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 6, 1, 15), ends_on=dt.date(2026, 6, 3),
                        place=PLACE)
    consents.record_consent(store, receptionist, g.id)
    for lb in labels.approved_labels(store, receptionist)[:3]:
        labels.assign_label(store, receptionist, g.id, lb.id, Source.GUEST_TOLD)
    guests.open_card(store, receptionist, g.id)
    report.show_guest(store, receptionist, g.id)
    return g.id


@pytest.fixture
def other_guests(store: Store, manager: Actor) -> None:
    for i in range(30):
        guests.create_guest(store, manager, GuestFields(f"Other Guest {i}", email=f"o{i}@x.nl"))


def test_erasure_leaves_no_canary_in_file_wal_or_copies(
    store: Store, manager: Actor, receptionist: Actor, other_guests: None, tmp_path: Path
) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    with store.read() as s:
        ref = queries.guests_by_ids(s, [guest_id])[0].ref
    key = _key(store)
    paths = store.paths
    wal = paths.sidecars[0]
    # A copy the app keeps before a schema upgrade, made the way the app makes it.
    store.checkpoint()
    _backup_before_migrating(paths, "0001")
    copy = paths.data_dir / "frontdesk.db.before-0001"
    # A store set aside by an earlier restore, and an encrypted backup in another folder.
    aside = paths.data_dir / "before-restore-20260101-120000"
    aside.mkdir()
    shutil.copy2(paths.db, aside / "frontdesk.db")
    backup = make_backup(store, manager, tmp_path / "backups" / "b.fdbackup", BACKUP_PASSPHRASE)
    guests.open_card(store, manager, guest_id)  # leaves fresh pages in the WAL

    # Positive controls: every check finds the canaries before erasure.
    assert set(_found(decrypted_db(paths.db, key) + decrypted_wal(wal, key))) >= {
        FULL, PREFERRED, PRONOUNCE, EMAIL, PHONE, PLACE}
    assert FULL in _found(plaintext_export(paths.db, key, tmp_path))
    assert FULL in _found(decrypted_db(copy, key))
    assert FULL in _found(decrypted_db(aside / "frontdesk.db", key))
    assert not _found(paths.db.read_bytes()), "the raw file must be encrypted"

    result = erasure.erase_guest(store, manager, guest_id)
    assert (result.visits, result.labels, result.consents) == (1, 3, 1)
    assert result.copies_removed == 2 and result.wal_bytes_after == 0

    # The bytes: decrypted pages (incl. free pages), the WAL, a logical export, every file.
    assert _found(decrypted_db(paths.db, key)) == []
    assert _found(decrypted_wal(wal, key)) == []
    assert _found(plaintext_export(paths.db, key, tmp_path)) == []
    assert not list(paths.data_dir.glob("frontdesk.db.before-*")) and not aside.exists()
    assert backup.exists()  # the backup stays (encrypted); the raw scan below covers it
    assert erasure.erased_refs(store) == {ref}
    for f in tmp_path.rglob("*"):
        if f.is_file() and "export" not in f.parts:
            assert _found(f.read_bytes()) == [], f
    # The rows: gone; the audit log keeps only the token, holds no guest text, still verifies.
    assert guests.find_guests(store, manager, "zqxcanary") == []
    assert guests.find_guests(store, manager, "Qwcanarypref") == []
    with store.read() as s:
        assert queries.guest_by_ref(s, ref) is None
        events = queries.guest_audit_events(s, ref)
        assert events[0].action == "guest.erased"
        assert len(events) > 5
        for e in events:
            assert _found(e.detail.encode()) == [], e.action
    assert verify_store(store).ok
    with pytest.raises(NotFound):
        report.guest_report(store, manager, guest_id)


def test_only_a_manager_may_erase(store: Store, manager: Actor, receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ann Example"))
    with pytest.raises(PermissionDenied):
        erasure.erase_guest(store, receptionist, g.id)
    assert guests.get_guest(store, manager, g.id).full_name == "Ann Example"


def test_restoring_an_older_backup_erases_the_guest_again(
    store: Store, manager: Actor, receptionist: Actor, data_dir: Path, tmp_path: Path
) -> None:
    guest_id = _canary_guest(store, manager, receptionist)
    backup = make_backup(store, manager, tmp_path / "b.fdbackup", BACKUP_PASSPHRASE)
    ref = erasure.erase_guest(store, manager, guest_id).guest_ref
    store.close()
    result = restore_backup(backup, BACKUP_PASSPHRASE, data_dir, KeyringKey(), as_manager)
    restored = result.store
    try:
        # The backup held the guest; restoring erased them again from the ledger.
        assert guests.find_guests(restored, result.restored_by, "zqxcanary") == []
        assert erasure.reapply_erasures(restored) == 0   # nothing left to erase again
        key = _key(restored)
        assert _found(decrypted_db(restored.paths.db, key)) == []
        with restored.read() as s:
            assert next(e.action for e in queries.guest_audit_events(s, ref)) == "guest.erased"
        assert verify_store(restored).ok
    finally:
        restored.close()
