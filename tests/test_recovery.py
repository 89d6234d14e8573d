"""Keyring trouble: the recovery passphrase opens the store and puts the key back; no fallback."""

from __future__ import annotations

import hashlib
import io
import json
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail

from app import errors, guests, recovery, staff
from app.cli import main
from app.guests import GuestFields
from app.opening import KeyringKey, PassphraseKey, open_store
from app.views import Actor
from storage.store import HEADER_NAME, Store
from tests.conftest import MANAGER_PIN, as_manager
from tests.keyrings import MemoryKeyring


def snapshot(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.fixture
def phrase(store: Store, manager: Actor, data_dir: Path) -> str:
    guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    p = recovery.set_up_recovery(store, manager)
    store.close()
    return p


def test_recovery_passphrase_shape_and_header(phrase: str, data_dir: Path,
                                              isolated: MemoryKeyring) -> None:
    groups = phrase.split("-")
    assert len(groups) == 6 and all(len(g) == 4 for g in groups)
    header = (data_dir / HEADER_NAME).read_text()
    key_hex = isolated.secrets[("frontdesk", json.loads(header)["store_id"])]
    wrap = json.loads(header)["recovery"]
    # AES-256-GCM from `cryptography`, under scrypt with its parameters recorded.
    assert wrap["alg"] == "AES-256-GCM" and len(bytes.fromhex(wrap["nonce"])) == 12
    assert len(bytes.fromhex(wrap["wrapped"])) == 32 + 16   # the key and GCM's tag
    assert {k: wrap["kdf"][k] for k in ("name", "n", "r", "p", "length")} == {
        "name": "scrypt", "n": 2**17, "r": 8, "p": 1, "length": 32}
    assert key_hex not in header and phrase not in header
    assert not {"recovery_salt", "recovery_wrapped", "recovery_tag"} & set(
        json.loads(header)["extra"])


def test_locked_keyring_then_recovery(phrase: str, data_dir: Path,
                                      isolated: MemoryKeyring) -> None:
    isolated.locked = True
    with pytest.raises(errors.KeyringLockedError):
        open_store(data_dir, KeyringKey())
    got = recovery.open_with_recovery(data_dir, phrase)
    try:
        assert not got.saved_to_keyring   # still locked: nothing could be saved
        assert guests.guest_count(got.store) == 1
    finally:
        got.store.close()
    isolated.locked = False
    s = open_store(data_dir, KeyringKey())
    assert guests.guest_count(s) == 1
    s.close()


def test_lost_keyring_entry_is_put_back(phrase: str, data_dir: Path) -> None:
    keyring.set_keyring(MemoryKeyring())   # a new computer account: empty keyring
    with pytest.raises(errors.KeyMissingError):
        open_store(data_dir, KeyringKey())
    typed = phrase.lower().replace("-", " ")   # case and separators do not matter
    got = recovery.open_with_recovery(data_dir, typed)
    got.store.close()
    assert got.saved_to_keyring
    s = open_store(data_dir, KeyringKey())   # normal start again
    assert guests.guest_count(s) == 1
    s.close()


def test_wrong_recovery_passphrase_changes_nothing(phrase: str, data_dir: Path) -> None:
    keyring.set_keyring(MemoryKeyring())
    before = snapshot(data_dir)
    with pytest.raises(recovery.RecoveryError, match="does not open"):
        recovery.open_with_recovery(data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")
    assert snapshot(data_dir) == before
    with pytest.raises(errors.KeyMissingError):
        open_store(data_dir, KeyringKey())   # still no key: no fallback of any kind


def test_no_recovery_set_up(store: Store, data_dir: Path) -> None:
    store.close()
    keyring.set_keyring(fail.Keyring())
    with pytest.raises(recovery.RecoveryError, match="no recovery passphrase"):
        recovery.open_with_recovery(data_dir, "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF")


def test_passphrase_stores_need_no_recovery(tmp_path: Path) -> None:
    s = open_store(tmp_path / "p", PassphraseKey("correct horse battery"))
    try:
        eva = staff.create_first_manager(s, "Eva Visser", MANAGER_PIN)
        with pytest.raises(errors.FrontdeskError, match="no recovery passphrase is needed"):
            recovery.set_up_recovery(s, eva)
    finally:
        s.close()


def test_cli_recovery_setup_and_recover(store: Store, manager: Actor, data_dir: Path,
                                        tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    store.close()
    monkeypatch.setattr("sys.stdin", io.StringIO(MANAGER_PIN + "\n"))
    assert main(["recovery-setup", "--data-dir", str(data_dir), "--staff", "Eva Visser",
                 "--pin-stdin"]) == 0
    out = capsys.readouterr().out
    phrase = next(line.strip() for line in out.splitlines() if line.count("-") == 5)
    f = tmp_path / "recovery.txt"
    f.write_text(phrase + "\n")
    keyring.set_keyring(fail.Keyring())
    assert main(["recover", "--data-dir", str(data_dir), "--recovery-passphrase-file",
                 str(f)]) == 1
    assert "keyring is still" in capsys.readouterr().err
    keyring.set_keyring(MemoryKeyring())
    assert main(["recover", "--data-dir", str(data_dir), "--recovery-passphrase-file",
                 str(f)]) == 0
    assert main(["verify", "--data-dir", str(data_dir)]) == 0


def test_restore_gives_a_new_recovery_passphrase(phrase: str, data_dir: Path,
                                                 tmp_path: Path, manager: Actor) -> None:
    from app import backup

    s = open_store(data_dir, KeyringKey())
    out = backup.make_backup(s, manager, tmp_path / "b.fdbackup", "backup passphrase")
    s.close()
    keyring.set_keyring(MemoryKeyring())
    # Another computer's keyring: no record of erasures there, so the person was asked.
    result = backup.restore_backup(out, "backup passphrase", tmp_path / "new", KeyringKey(),
                                   as_manager, accept_unknown_erasures=True)
    result.store.close()
    assert result.recovery_passphrase and result.recovery_passphrase != phrase
    keyring.set_keyring(MemoryKeyring())
    got = recovery.open_with_recovery(tmp_path / "new", result.recovery_passphrase)
    got.store.close()
    assert got.saved_to_keyring


def test_cli_init_shows_the_recovery_passphrase_once(tmp_path: Path, data_dir: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    pin = tmp_path / "pin"
    pin.write_text("4826\n")
    assert main(["init", "--data-dir", str(data_dir), "--manager", "Eva Visser",
                 "--pin-file", str(pin)]) == 0
    out = capsys.readouterr().out
    phrase = next(line.strip() for line in out.splitlines() if line.count("-") == 5)
    assert phrase not in (data_dir / HEADER_NAME).read_text()
    keyring.set_keyring(MemoryKeyring())
    got = recovery.open_with_recovery(data_dir, phrase)
    got.store.close()
    assert got.saved_to_keyring
