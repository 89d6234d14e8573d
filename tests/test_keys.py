"""Keys with well-kept libraries: recorded KDF parameters, AES-GCM wraps, old headers migrated.

Also: the files and folders Frontdesk writes are private (0600 / 0700).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import secrets
import shutil
import stat
from pathlib import Path

import pytest

from app import backup, guests, recovery, staff
from app.guests import GuestFields
from app.opening import KeyringKey, PassphraseKey, open_store
from storage import keys
from storage.header import Header
from storage.store import DB_NAME, HEADER_NAME, KDF_COPY_NAME, Store
from tests.conftest import as_manager
from tests.keyrings import MemoryKeyring

FIXTURE = Path(__file__).parent / "fixtures" / "stores" / "rev-0001"
FIXTURE_PASSPHRASE = "fixture passphrase 0001"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def old_store(tmp_path: Path) -> Path:
    """A copy of the rev-0001 fixture: a version-1 header (salt only, params hard-coded)."""
    folder = tmp_path / "old"
    shutil.copytree(FIXTURE, folder)
    return folder


def test_version_1_passphrase_store_opens_and_its_header_is_upgraded(old_store: Path) -> None:
    before = json.loads((old_store / HEADER_NAME).read_text())
    assert "kdf" not in before and "passphrase_salt" in before["extra"]
    s = open_store(old_store, PassphraseKey(FIXTURE_PASSPHRASE))
    try:
        assert guests.guest_count(s) == 1
    finally:
        s.close()
    after = json.loads((old_store / HEADER_NAME).read_text())
    assert after["version"] == 2 and "passphrase_salt" not in after["extra"]
    assert after["kdf"] == {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32,
                            "salt": before["extra"]["passphrase_salt"]}
    assert after["db_salt"] == (old_store / DB_NAME).read_bytes()[:16].hex()
    # Its file salt cannot carry the derivation (SQLCipher chose it): a second copy does.
    copy = json.loads((old_store / KDF_COPY_NAME).read_text())
    assert copy["kdf"] == after["kdf"] and copy["db_salt"] == after["db_salt"]
    assert _mode(old_store / KDF_COPY_NAME) == 0o600


def test_version_1_passphrase_store_survives_losing_either_file(old_store: Path) -> None:
    open_store(old_store, PassphraseKey(FIXTURE_PASSPHRASE)).close()
    header = (old_store / HEADER_NAME).read_text()
    (old_store / HEADER_NAME).unlink()
    s = open_store(old_store, PassphraseKey(FIXTURE_PASSPHRASE))   # via the copy
    try:
        assert guests.guest_count(s) == 1
        assert json.loads((old_store / HEADER_NAME).read_text())["kdf"] == json.loads(
            header)["kdf"]
    finally:
        s.close()
    (old_store / KDF_COPY_NAME).unlink()
    s = open_store(old_store, PassphraseKey(FIXTURE_PASSPHRASE))   # via the header
    try:
        assert guests.guest_count(s) == 1
        assert (old_store / KDF_COPY_NAME).exists()   # written again
    finally:
        s.close()


def test_new_passphrase_store_keeps_its_derivation_in_the_file_salt(data_dir: Path) -> None:
    open_store(data_dir, PassphraseKey("correct horse battery")).close()
    salt = (data_dir / DB_NAME).read_bytes()[:16]
    header = json.loads((data_dir / HEADER_NAME).read_text())
    assert salt.startswith(keys.SALT_TAG) and header["db_salt"] == salt.hex()
    assert keys.kdf_from_salt(salt) == header["kdf"]
    assert (header["kdf"]["n"], header["kdf"]["r"], header["kdf"]["p"]) == (2**15, 8, 1)
    assert not (data_dir / KDF_COPY_NAME).exists()   # the file itself is enough


def test_kdf_parameters_can_be_raised_and_are_read_back(data_dir: Path) -> None:
    """A store made with stronger parameters (as a later version would) opens with them."""
    raised = {**keys.STORE_SCRYPT, "n": 2**16}
    salt = keys.tagged_salt(raised)
    record = keys.kdf_from_salt(salt)
    assert record is not None and record["n"] == 2**16
    assert keys.derive(b"pw", record) == hashlib.scrypt(b"pw", salt=salt, n=2**16, r=8, p=1,
                                                        dklen=32, maxmem=2**28)
    with pytest.raises(ValueError, match="unsupported"):
        keys.derive(b"pw", {**record, "n": 3})


def _legacy_wrap(key: bytes, passphrase: str, store_id: str) -> dict[str, str]:
    """The version-1 wrap exactly as it was written (XOR pad + HMAC tag, n=2**15)."""
    salt = secrets.token_bytes(16)
    material = hashlib.scrypt(keys.normalize_recovery(passphrase).encode("ascii"), salt=salt,
                              n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=64)
    wrapped = bytes(a ^ b for a, b in zip(key, material[:32], strict=True))
    tag = hmac.new(material[32:], store_id.encode() + wrapped, hashlib.sha256).hexdigest()
    return {"recovery_salt": salt.hex(), "recovery_wrapped": wrapped.hex(),
            "recovery_tag": tag}


def _make_version_1_keyring_store(data_dir: Path, isolated: MemoryKeyring) -> str:
    s = open_store(data_dir, KeyringKey())
    guests.create_guest(s, staff.create_first_manager(s, "Eva Visser", "4826"),
                        GuestFields("Ada Lovelace"))
    s.close()
    raw = json.loads((data_dir / HEADER_NAME).read_text())
    key = bytes.fromhex(isolated.secrets[("frontdesk", raw["store_id"])])
    phrase = keys.new_recovery_passphrase()
    for k in ("db_salt", "kdf", "recovery", "version"):
        raw.pop(k, None)
    raw["extra"] = _legacy_wrap(key, phrase, raw["store_id"])
    (data_dir / HEADER_NAME).write_text(json.dumps(raw))
    return phrase


def test_version_1_recovery_wrap_is_migrated_with_the_key_alone(
        data_dir: Path, isolated: MemoryKeyring) -> None:
    phrase = _make_version_1_keyring_store(data_dir, isolated)
    open_store(data_dir, KeyringKey()).close()   # a normal start: the keyring has the key
    header = json.loads((data_dir / HEADER_NAME).read_text())
    assert header["recovery"]["alg"] == "AES-256-GCM" and not header["extra"]
    assert header["recovery"]["kdf"]["n"] == 2**15   # the old derivation, now recorded
    # The same recovery passphrase still opens it, and the wrap is then raised.
    isolated.secrets.clear()
    got = recovery.open_with_recovery(data_dir, phrase)
    got.store.close()
    assert got.saved_to_keyring
    header = json.loads((data_dir / HEADER_NAME).read_text())
    assert header["recovery"]["kdf"]["n"] == keys.STRONG_SCRYPT["n"]
    isolated.secrets.clear()
    recovery.open_with_recovery(data_dir, phrase).store.close()


def test_version_1_recovery_wrap_opens_before_migration(
        data_dir: Path, isolated: MemoryKeyring) -> None:
    phrase = _make_version_1_keyring_store(data_dir, isolated)
    isolated.secrets.clear()   # the keyring is lost before any new version opened it
    with pytest.raises(recovery.RecoveryError, match="does not open"):
        recovery.open_with_recovery(data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    got = recovery.open_with_recovery(data_dir, phrase)
    try:
        assert guests.guest_count(got.store) == 1
    finally:
        got.store.close()
    assert json.loads((data_dir / HEADER_NAME).read_text())["recovery"]["alg"] == "AES-256-GCM"


def test_recovery_wrap_is_bound_to_its_store(store: Store) -> None:
    key = keys.new_key()
    record = keys.wrap_key(key, "ABCD-EFGH", store.store_id)
    header = Header(store.store_id, "keyring", "", "", recovery=record)
    assert keys.unwrap_key(header, "abcd efgh") == key
    other = Header("0" * 32, "keyring", "", "", recovery=record)
    with pytest.raises(keys.WrongKey):
        keys.unwrap_key(other, "ABCD-EFGH")


# --- file modes -----------------------------------------------------------------------

def _all_private(folder: Path) -> list[str]:
    loose = []
    for p in [folder, *folder.rglob("*")]:
        want = 0o700 if p.is_dir() else 0o600
        if _mode(p) & ~want:
            loose.append(f"{p.relative_to(folder.parent)} {oct(_mode(p))}")
    return loose


def test_store_folder_files_backups_and_restores_are_private(
        tmp_path: Path, manager: object, store: Store) -> None:
    import os

    old = os.umask(0o022)   # a typical desktop umask: 0644 files, 0755 folders
    try:
        guests.create_guest(store, manager, GuestFields("Grace Hopper"))  # type: ignore[arg-type]
        assert not _all_private(store.paths.data_dir)   # db, header, -wal, -shm
        out = backup.make_backup(store, manager, tmp_path / "usb" / "monday",  # type: ignore[arg-type]
                                 "horse staple battery")
        assert _mode(out) == 0o600 and _mode(out.parent) == 0o700
        restored = backup.restore_backup(out, "horse staple battery", tmp_path / "restored",
                                         KeyringKey(), as_manager)
        restored.store.close()
        assert not _all_private(tmp_path / "restored")
        # Restoring over a store keeps the old one aside: private too.
        again = backup.restore_backup(out, "horse staple battery", tmp_path / "restored",
                                      KeyringKey(), as_manager)
        again.store.close()
        assert again.previous is not None and not _all_private(tmp_path / "restored")
    finally:
        os.umask(old)


def test_a_loose_store_folder_is_made_private_on_open(data_dir: Path) -> None:
    open_store(data_dir, KeyringKey()).close()
    data_dir.chmod(0o755)
    (data_dir / DB_NAME).chmod(0o644)
    (data_dir / HEADER_NAME).chmod(0o644)
    open_store(data_dir, KeyringKey()).close()
    assert not _all_private(data_dir)


def test_logs_are_private(tmp_path: Path) -> None:
    import logging
    import os

    from app.logs import setup_logging

    old = os.umask(0o022)
    try:
        folder = setup_logging()
        logging.getLogger("frontdesk.test").warning("a line")
    finally:
        os.umask(old)
    assert _mode(folder) == 0o700
    assert [p.name for p in folder.iterdir()] and all(_mode(p) == 0o600 for p in
                                                      folder.iterdir())
