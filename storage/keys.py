"""Where the store's key comes from: the OS keyring, a passphrase, or memory.

The key is a random 256-bit value used as a *raw* SQLCipher key, so opening
the store does not pay for passphrase stretching each time. It is kept in the
operating system's keyring (service ``frontdesk``, one entry per store id).
A keyring backend that writes secrets unencrypted to disk is refused: there
is no plain-text fallback, ever. ``--passphrase-file`` derives the key with
scrypt instead, for machines with no keyring at all.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass, field
from typing import Protocol

from storage.errors import KeyMissing, KeyringLocked, KeyringUnavailable

SERVICE = "frontdesk"
KEY_BYTES = 32

# Backends that cannot keep a secret: they either fail every call, drop it,
# or write it to disk in plain text (keyrings.alt's PlaintextKeyring and
# friends). Matched on the class's module and name.
_REFUSED_MODULE_PREFIXES = ("keyrings.alt",)
_REFUSED_CLASSES = {
    "keyring.backends.fail.Keyring": "no keyring backend is installed",
    "keyring.backends.null.Keyring": "the keyring is switched off (null backend)",
}


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def fingerprint(key: bytes, salt: bytes) -> str:
    """A salted HMAC of the key: tells a wrong key from a damaged file, reveals nothing."""
    return hmac.new(key, b"frontdesk-key-fingerprint:" + salt, hashlib.sha256).hexdigest()


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """Stretch a passphrase into a 256-bit key (scrypt, ~0.1 s, 32 MiB)."""
    return hashlib.scrypt(
        passphrase.encode("utf-8"), salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024,
        dklen=KEY_BYTES,
    )


def _qualname(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def usable_backend() -> object:
    """Return the active keyring backend, or raise if it cannot keep a secret safely."""
    import keyring
    from keyring.backends import chainer

    backend = keyring.get_keyring()
    candidates = list(backend.backends) if isinstance(backend, chainer.ChainerBackend) else [
        backend
    ]
    if not candidates:
        raise KeyringUnavailable(_qualname(backend), "no keyring backend is installed")
    for candidate in candidates:
        name = _qualname(candidate)
        if name in _REFUSED_CLASSES:
            raise KeyringUnavailable(name, _REFUSED_CLASSES[name])
        if type(candidate).__module__.startswith(_REFUSED_MODULE_PREFIXES):
            raise KeyringUnavailable(name, "it would store the key unencrypted on disk")
    return backend


class KeySource(Protocol):
    """How a store gets its key. ``kind`` is recorded in the store's header."""

    kind: str

    def create(self, store_id: str) -> tuple[bytes, dict[str, str]]:
        """Make a key for a new store; return it with header fields to remember."""
        ...

    def load(self, store_id: str, header_fields: dict[str, str]) -> bytes:
        """Return the key of an existing store."""
        ...


class KeyringKey:
    """A random key kept in the OS keyring (the default)."""

    kind = "keyring"

    def create(self, store_id: str) -> tuple[bytes, dict[str, str]]:
        usable_backend()
        key = new_key()
        _set_password(store_id, key.hex())
        return key, {}

    def load(self, store_id: str, header_fields: dict[str, str]) -> bytes:
        usable_backend()
        stored = _get_password(store_id)
        if stored is None:
            raise KeyMissing(store_id)
        try:
            return bytes.fromhex(stored)
        except ValueError:
            # Someone replaced the entry with something that is not our key.
            return stored.encode("utf-8")


def _get_password(store_id: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError
    from keyring.errors import KeyringLocked as _Locked

    try:
        value: str | None = keyring.get_password(SERVICE, store_id)
    except NoKeyringError as exc:
        raise KeyringUnavailable("keyring", str(exc)) from exc
    except _Locked as exc:
        raise KeyringLocked(str(exc)) from exc
    except KeyringError as exc:
        raise KeyringLocked(str(exc)) from exc
    return value


def _set_password(store_id: str, value: str) -> None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError
    from keyring.errors import KeyringLocked as _Locked

    try:
        keyring.set_password(SERVICE, store_id, value)
    except NoKeyringError as exc:
        raise KeyringUnavailable("keyring", str(exc)) from exc
    except (_Locked, KeyringError) as exc:
        raise KeyringLocked(str(exc)) from exc


@dataclass
class PassphraseKey:
    """A key derived from a passphrase (``--passphrase-file``); no keyring needed."""

    passphrase: str
    kind: str = "passphrase"

    def create(self, store_id: str) -> tuple[bytes, dict[str, str]]:
        salt = secrets.token_bytes(16)
        return derive_key(self.passphrase, salt), {"passphrase_salt": salt.hex()}

    def load(self, store_id: str, header_fields: dict[str, str]) -> bytes:
        salt = bytes.fromhex(header_fields.get("passphrase_salt", ""))
        return derive_key(self.passphrase, salt)


@dataclass
class MemoryKey:
    """A key that lives only in this process: the throw-away demo store, tests."""

    key: bytes = field(default_factory=new_key)
    kind: str = "memory"

    def create(self, store_id: str) -> tuple[bytes, dict[str, str]]:
        return self.key, {}

    def load(self, store_id: str, header_fields: dict[str, str]) -> bytes:
        return self.key


def _backup_entry(store_id: str) -> str:
    return f"{store_id}.backup-passphrase"


def save_backup_passphrase(store_id: str, passphrase: str) -> None:
    """Keep the automatic-backup passphrase in the keyring (its own entry), never on disk."""
    usable_backend()
    _set_password(_backup_entry(store_id), passphrase)


def load_backup_passphrase(store_id: str) -> str | None:
    """The automatic-backup passphrase, or None when none was saved."""
    usable_backend()
    return _get_password(_backup_entry(store_id))
