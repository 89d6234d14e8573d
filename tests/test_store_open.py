"""Opening the encrypted store: every failure names its cause and leaves the file untouched."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import ClassVar

import keyring
import pytest
from keyring.backend import KeyringBackend
from keyring.backends import fail, null

from app import errors, guests, staff
from app.guests import GuestFields
from app.opening import KeyringKey, MemoryKey, PassphraseKey, open_store
from app.views import Actor
from storage import migrate
from storage.store import DB_NAME, HEADER_NAME
from tests.keyrings import MemoryKeyring


def snapshot(folder: Path) -> dict[str, str]:
    """Hash of every file in the store folder."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def closed_store(data_dir: Path) -> Path:
    """A store with one manager and one guest, closed again."""
    s = open_store(data_dir, KeyringKey())
    actor = staff.create_first_manager(s, "Eva Visser", "4826")
    guests.create_guest(s, actor, GuestFields("Ada Lovelace"))
    s.close()
    return data_dir


def test_new_store_is_encrypted_and_reopens(closed_store: Path) -> None:
    raw = (closed_store / DB_NAME).read_bytes()
    assert not raw.startswith(b"SQLite format 3")
    s = open_store(closed_store, KeyringKey())
    try:
        assert guests.guest_count(s) == 1
    finally:
        s.close()


def test_header_never_holds_the_key(closed_store: Path, isolated: MemoryKeyring) -> None:
    header = json.loads((closed_store / HEADER_NAME).read_text())
    key_hex = isolated.secrets[("frontdesk", header["store_id"])]
    assert len(bytes.fromhex(key_hex)) == 32
    assert key_hex not in json.dumps(header)
    assert header["schema_revision"] == migrate.head()


def test_wrong_key_leaves_file_unchanged(closed_store: Path, isolated: MemoryKeyring) -> None:
    before = snapshot(closed_store)
    store_id = json.loads((closed_store / HEADER_NAME).read_text())["store_id"]
    isolated.secrets[("frontdesk", store_id)] = "ab" * 32
    with pytest.raises(errors.WrongKeyError, match="does not open the store"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_missing_keyring_entry(closed_store: Path, isolated: MemoryKeyring) -> None:
    before = snapshot(closed_store)
    isolated.secrets.clear()
    with pytest.raises(errors.KeyMissingError, match="keyring has no key"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


@pytest.mark.parametrize("backend", [fail.Keyring(), null.Keyring()], ids=["fail", "null"])
def test_no_usable_keyring_backend(closed_store: Path, backend: object) -> None:
    before = snapshot(closed_store)
    keyring.set_keyring(backend)
    with pytest.raises(errors.KeyringUnavailableError, match="--passphrase-file"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_no_keyring_backend_for_a_new_store(data_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(errors.KeyringUnavailableError):
        open_store(data_dir, KeyringKey())
    assert not (data_dir / DB_NAME).exists()


class _PlainFileKeyring(KeyringBackend):
    """A backend that keeps secrets in a plain dict, as a plain-text file backend would."""

    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.secrets.pop((service, username), None)


@pytest.mark.parametrize("module", ["keyrings.alt.file", "acme_vendor.keyring_backends",
                                    "keyring.backends.SecretService_plain"])
def test_backends_not_known_to_encrypt_are_refused(data_dir: Path, module: str) -> None:
    """An allow-list, not a deny-list: a plain-text backend under any module name is refused."""
    cls = type("PlaintextKeyring", (_PlainFileKeyring,), {"__module__": module})
    backend = cls()
    keyring.set_keyring(backend)
    with pytest.raises(errors.KeyringUnavailableError, match="not a keyring known to encrypt"):
        open_store(data_dir, KeyringKey())
    assert backend.secrets == {} and not (data_dir / DB_NAME).exists()


def test_a_chain_with_one_unknown_backend_is_refused(data_dir: Path) -> None:
    from keyring.backends.chainer import ChainerBackend

    class Chain(ChainerBackend):
        backends: ClassVar[list[object]] = [  # type: ignore[misc]
            MemoryKeyring(), _PlainFileKeyring()]

    keyring.set_keyring(Chain())
    with pytest.raises(errors.KeyringUnavailableError, match="known to encrypt"):
        open_store(data_dir, KeyringKey())


def test_the_allow_list_names_the_encrypting_backends() -> None:
    from storage.keys import ENCRYPTING_BACKENDS

    assert set(ENCRYPTING_BACKENDS) == {
        "keyring.backends.SecretService.Keyring", "keyring.backends.libsecret.Keyring",
        "keyring.backends.kwallet.DBusKeyring", "keyring.backends.kwallet.DBusKeyringKWallet4",
        "keyring.backends.macOS.Keyring", "keyring.backends.Windows.WinVaultKeyring"}
    import importlib

    for name in ENCRYPTING_BACKENDS:   # each entry names a class that exists in keyring
        module, _, cls = name.rpartition(".")
        assert hasattr(importlib.import_module(module), cls), name


def test_locked_keyring(closed_store: Path, isolated: MemoryKeyring) -> None:
    before = snapshot(closed_store)
    isolated.locked = True
    with pytest.raises(errors.KeyringLockedError, match="locked"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_damaged_file_is_named_as_damage_not_wrong_key(closed_store: Path) -> None:
    db = closed_store / DB_NAME
    data = bytearray(db.read_bytes())
    for i in range(100, 4000):  # scramble inside the first page, after the salt
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))
    before = snapshot(closed_store)
    with pytest.raises(errors.DamagedStoreError, match="damaged"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_truncated_file(closed_store: Path) -> None:
    db = closed_store / DB_NAME
    db.write_bytes(db.read_bytes()[:1000])
    before = snapshot(closed_store)
    with pytest.raises(errors.DamagedStoreError):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_plain_sqlite_file_is_not_a_store(data_dir: Path) -> None:
    import sqlite3

    data_dir.mkdir(parents=True)
    conn = sqlite3.connect(data_dir / DB_NAME)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = snapshot(data_dir)
    with pytest.raises(errors.NotAStoreError, match="unencrypted SQLite"):
        open_store(data_dir, KeyringKey())
    assert snapshot(data_dir) == before


def test_random_file_without_header_is_not_a_store(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    (data_dir / DB_NAME).write_bytes(b"\x00garbage" * 600)
    before = snapshot(data_dir)
    with pytest.raises(errors.HeaderMissingError, match=r"header file .* is missing"):
        open_store(data_dir, KeyringKey())
    assert snapshot(data_dir) == before


def test_newer_schema_is_refused_not_downgraded(closed_store: Path) -> None:
    s = open_store(closed_store, KeyringKey())
    with s.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    s.close()
    before = snapshot(closed_store)
    with pytest.raises(errors.SchemaTooNewError, match="newer version"):
        open_store(closed_store, KeyringKey())
    assert snapshot(closed_store) == before


def test_passphrase_store_opens_without_keyring(data_dir: Path) -> None:
    s = open_store(data_dir, PassphraseKey("correct horse battery"))
    actor = staff.create_first_manager(s, "Eva Visser", "4826")
    guests.create_guest(s, actor, GuestFields("Grace Hopper"))
    s.close()
    keyring.set_keyring(fail.Keyring())
    s = open_store(data_dir, PassphraseKey("correct horse battery"))
    assert guests.guest_count(s) == 1
    s.close()
    before = snapshot(data_dir)
    with pytest.raises(errors.WrongKeyError):
        open_store(data_dir, PassphraseKey("wrong horse battery"))
    with pytest.raises(errors.WrongKeyError, match="passphrase-file"):
        open_store(data_dir, KeyringKey())
    assert snapshot(data_dir) == before


def test_memory_key_store_needs_no_keyring(data_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    s = open_store(data_dir, MemoryKey())
    assert staff.needs_first_manager(s)
    s.close()


def test_canary_appears_nowhere_on_disk(data_dir: Path, tmp_path: Path) -> None:
    import logging

    from app.logs import setup_logging

    setup_logging(logging.DEBUG)  # the most talkative the app ever is
    canary = "Zyxwvut Canary-7f3a9c"
    s = open_store(data_dir, KeyringKey())
    actor: Actor = staff.create_first_manager(s, "Eva Visser", "4826")
    g = guests.create_guest(s, actor, GuestFields(canary, preferred_name=canary,
                                                  email="canary7f3a9c@example.com"))
    card = guests.open_card(s, actor, g.id)
    assert card.guest.full_name == canary
    assert guests.find_guests(s, actor, "zyxw")[0].full_name == canary
    logging.getLogger("frontdesk.test").info("canary test wrote guest %s", g.id)
    assert any((tmp_path / "logs").iterdir())
    # Check while the store is open (WAL and SHM present) and again after closing.
    files = [p for p in data_dir.iterdir() if p.is_file()]
    assert any(p.name.endswith("-wal") for p in files)
    for p in files + list((tmp_path / "logs").rglob("*")):
        if p.is_file():
            blob = p.read_bytes()
            assert canary.encode() not in blob, p
            assert b"canary7f3a9c" not in blob, p
    s.close()
    for p in list(data_dir.iterdir()) + list((tmp_path / "logs").rglob("*")):
        if p.is_file():
            assert canary.encode() not in p.read_bytes(), p
            assert not p.read_bytes().startswith(b"SQLite format 3"), p


def test_store_exists_only_after_creation(data_dir: Path) -> None:
    """The GUI offers the recovery passphrase only for a store that exists."""
    from app.opening import store_exists

    assert not store_exists(data_dir)
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(errors.KeyringUnavailableError, match="--passphrase-file"):
        open_store(data_dir, KeyringKey())
    assert not store_exists(data_dir)
    open_store(data_dir, MemoryKey()).close()
    assert store_exists(data_dir)
