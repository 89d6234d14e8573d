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

from storage.errors import KeyMissing, KeyringLocked, KeyringUnavailable, WrongKey

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


# --- recovery passphrase ------------------------------------------------------------
#
# The store key is wrapped with a key-encryption key stretched from the recovery
# passphrase: scrypt(passphrase, random salt) -> 64 bytes = 32-byte pad + 32-byte MAC key.
# wrapped = key XOR pad; tag = HMAC-SHA256(mac key, store id + wrapped). A one-time pad
# is sound here because the pad is unique per salt and wraps exactly one key; the tag
# tells a wrong passphrase from a right one without trying SQLCipher. Kept in the
# store header's ``extra`` (plain text, but useless without the passphrase).

RECOVERY_FIELDS = ("recovery_salt", "recovery_wrapped", "recovery_tag")
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_passphrase() -> str:
    """120 random bits as six groups of four base32 letters, e.g. ``K7QM-2XTA-…``."""
    raw = "".join(secrets.choice(_B32) for _ in range(24))
    return "-".join(raw[i:i + 4] for i in range(0, 24, 4))


def normalize_recovery(passphrase: str) -> str:
    """Case, spaces, dashes and 0/1/8 look-alikes do not matter when typing it back."""
    return "".join(ch for ch in passphrase.upper().translate(_LOOKALIKES) if ch.isalnum())


def _kek(passphrase: str, salt: bytes) -> tuple[bytes, bytes]:
    material = hashlib.scrypt(normalize_recovery(passphrase).encode("ascii", "replace"),
                              salt=salt, n=2**15, r=8, p=1, maxmem=64 * 1024 * 1024, dklen=64)
    return material[:KEY_BYTES], material[KEY_BYTES:]


def wrap_key(key: bytes, passphrase: str, store_id: str) -> dict[str, str]:
    """Header fields that let ``passphrase`` give back ``key`` (and nothing else)."""
    salt = secrets.token_bytes(16)
    pad, mac_key = _kek(passphrase, salt)
    wrapped = bytes(a ^ b for a, b in zip(key, pad, strict=True))
    tag = hmac.new(mac_key, store_id.encode() + wrapped, hashlib.sha256).hexdigest()
    return {"recovery_salt": salt.hex(), "recovery_wrapped": wrapped.hex(),
            "recovery_tag": tag}


def has_recovery(header_fields: dict[str, str]) -> bool:
    return all(header_fields.get(f) for f in RECOVERY_FIELDS)


def unwrap_key(header_fields: dict[str, str], passphrase: str, store_id: str) -> bytes:
    """The store key, or ``WrongKey("recovery")`` when the passphrase is not the right one."""
    if not has_recovery(header_fields):
        raise KeyMissing(store_id)
    salt = bytes.fromhex(header_fields["recovery_salt"])
    wrapped = bytes.fromhex(header_fields["recovery_wrapped"])
    pad, mac_key = _kek(passphrase, salt)
    tag = hmac.new(mac_key, store_id.encode() + wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(tag, header_fields["recovery_tag"]):
        raise WrongKey("recovery passphrase")
    return bytes(a ^ b for a, b in zip(wrapped, pad, strict=True))


@dataclass
class RecoveryKey:
    """Opens a keyring store with its recovery passphrase when the keyring cannot help.

    After unwrapping, the key is put back in the keyring when the keyring works
    again (``saved_to_keyring`` says whether it did), so the next start is normal.
    """

    passphrase: str
    kind: str = "recovery"
    saved_to_keyring: bool = False

    def create(self, store_id: str) -> tuple[bytes, dict[str, str]]:
        raise KeyMissing(store_id)  # a recovery passphrase never creates a store

    def load(self, store_id: str, header_fields: dict[str, str]) -> bytes:
        key = unwrap_key(header_fields, self.passphrase, store_id)
        try:
            usable_backend()
            _set_password(store_id, key.hex())
            self.saved_to_keyring = True
        except (KeyringUnavailable, KeyringLocked):
            self.saved_to_keyring = False
        return key
