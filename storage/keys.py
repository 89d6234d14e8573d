"""Where the store's key comes from: the OS keyring, a passphrase, or memory.

The key is a random 256-bit value used as a *raw* SQLCipher key, so opening
the store does not pay for passphrase stretching each time. It is kept in the
operating system's keyring (service ``frontdesk``, one entry per store id).
Only keyring backends known to encrypt what they keep are accepted (an
allow-list: Secret Service, KWallet, macOS Keychain, Windows Credential
Locker); there is no plain-text fallback, ever. ``--passphrase-file``
derives the key with scrypt instead, for machines with no keyring at all.

Every SQLCipher file starts with a 16-byte plaintext salt, which Frontdesk
chooses itself (``NewKey.db_salt``) so that the file describes how to find
its own key: a keyring store's salt *is* its store id (the keyring entry's
name), and a passphrase store's salt carries its scrypt parameters
(:func:`tagged_salt`). Either survives the loss of the header file.

Key derivations (scrypt) are recorded with their parameters (``kdf``
records: salt, n, r, p, length), so a later version can raise them; the
recovery wrap is AES-256-GCM from ``cryptography``.
"""

from __future__ import annotations

import hashlib
import hmac
import math
import secrets
from dataclasses import dataclass, field
from typing import Any, Protocol

from storage.errors import KeyMissing, KeyringLocked, KeyringUnavailable, WrongKey
from storage.header import LEGACY_RECOVERY_FIELDS, LEGACY_SCRYPT, Header

SERVICE = "frontdesk"
KEY_BYTES = 32
SALT_BYTES = 16

# scrypt for the key of a passphrase store, derived at every open: ~0.1 s, 32 MiB.
STORE_SCRYPT: dict[str, Any] = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}
# scrypt for keys derived once per use (recovery wrap, backups): ~0.4 s, 128 MiB.
STRONG_SCRYPT: dict[str, Any] = {"name": "scrypt", "n": 2**17, "r": 8, "p": 1, "length": 32}
_MAX_LOG2_N = 24  # refuse absurd parameters read from a file (2**24 * 8 * 128 = 16 GiB)

# Keyring backends that keep secrets encrypted (matched on module and class name, exactly).
ENCRYPTING_BACKENDS = {
    "keyring.backends.SecretService.Keyring": "Secret Service",
    "keyring.backends.libsecret.Keyring": "Secret Service (libsecret)",
    "keyring.backends.kwallet.DBusKeyring": "KWallet",
    "keyring.backends.kwallet.DBusKeyringKWallet4": "KWallet 4",
    "keyring.backends.macOS.Keyring": "macOS Keychain",
    "keyring.backends.Windows.WinVaultKeyring": "Windows Credential Locker",
}
_NAMED_REFUSALS = {
    "keyring.backends.fail.Keyring": "no keyring backend is installed",
    "keyring.backends.null.Keyring": "the keyring is switched off (null backend)",
}
_trusted_classes: set[type] = set()


def trust_backend_class(cls: type) -> None:
    """Accept one more backend class. Only tests call this, for their in-memory keyring."""
    _trusted_classes.add(cls)


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def fingerprint(key: bytes, salt: bytes) -> str:
    """A salted HMAC of the key: tells a wrong key from a damaged file, reveals nothing."""
    return hmac.new(key, b"frontdesk-key-fingerprint:" + salt, hashlib.sha256).hexdigest()


# --- scrypt with recorded parameters -------------------------------------------------

def kdf_record(params: dict[str, Any], salt: bytes) -> dict[str, Any]:
    return {**params, "salt": salt.hex()}


def _checked(kdf: dict[str, Any]) -> tuple[bytes, int, int, int, int]:
    try:
        salt = bytes.fromhex(str(kdf["salt"]))
        n, r, p, length = (int(kdf[k]) for k in ("n", "r", "p", "length"))
    except (KeyError, TypeError, ValueError) as exc:
        raise ValueError(f"unusable key-derivation record: {exc}") from exc
    if kdf.get("name") != "scrypt" or n < 2 or n & (n - 1) or math.log2(n) > _MAX_LOG2_N \
            or not (1 <= r <= 64 and 1 <= p <= 16 and length == KEY_BYTES):
        raise ValueError(f"unsupported key-derivation parameters: {kdf}")
    return salt, n, r, p, length


def derive(secret: bytes, kdf: dict[str, Any]) -> bytes:
    """Stretch ``secret`` with the scrypt parameters and salt recorded in ``kdf``."""
    salt, n, r, p, length = _checked(kdf)
    return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, dklen=length,
                          maxmem=2 * 128 * r * n + 1024 * 1024)


def derive_key(passphrase: str, salt: bytes, params: dict[str, Any] | None = None) -> bytes:
    """A 256-bit key from a passphrase (scrypt, ``STORE_SCRYPT`` unless told otherwise)."""
    return derive(passphrase.encode("utf-8"), kdf_record(params or STORE_SCRYPT, salt))


def weaker(kdf: dict[str, Any], than: dict[str, Any]) -> bool:
    """Whether a recorded derivation costs less than ``than`` (time to raise it)."""
    return any(int(kdf.get(k, 0)) < int(than[k]) for k in ("n", "r", "p"))


# A passphrase store's SQLCipher salt: b"\xfd\x01", log2(n), r, p, then 11 random bytes.
# The file itself then says how to derive its key: losing the header loses nothing.
SALT_TAG = b"\xfd\x01"


def tagged_salt(params: dict[str, Any]) -> bytes:
    n, r, p = int(params["n"]), int(params["r"]), int(params["p"])
    head = SALT_TAG + bytes([int(math.log2(n)), r, p])
    return head + secrets.token_bytes(SALT_BYTES - len(head))


def kdf_from_salt(db_salt: bytes) -> dict[str, Any] | None:
    """The scrypt record a tagged file salt carries, or None for an untagged salt."""
    if len(db_salt) != SALT_BYTES or not db_salt.startswith(SALT_TAG):
        return None
    log2n, r, p = db_salt[2], db_salt[3], db_salt[4]
    record = {"name": "scrypt", "n": 2**log2n, "r": r, "p": p, "length": KEY_BYTES,
              "salt": db_salt.hex()}
    try:
        _checked(record)
    except ValueError:
        return None
    return record


# --- the keyring --------------------------------------------------------------------------

def _qualname(obj: object) -> str:
    cls = type(obj)
    return f"{cls.__module__}.{cls.__qualname__}"


def _encrypts(backend: object) -> bool:
    return _qualname(backend) in ENCRYPTING_BACKENDS or type(backend) in _trusted_classes


def usable_backend() -> object:
    """The active keyring backend, or ``KeyringUnavailable`` unless it is known to encrypt.

    A chain of backends (keyring's ChainerBackend) is accepted only when every
    backend in it is, since a secret may land in any of them.
    """
    import keyring
    from keyring.backends import chainer

    from storage import keyring_choice

    keyring_choice.install()  # keyring's own choice, without its full search where known
    backend = keyring.get_keyring()
    candidates = list(backend.backends) if isinstance(backend, chainer.ChainerBackend) else [
        backend
    ]
    if not candidates:
        raise KeyringUnavailable(_qualname(backend), "no keyring backend is installed")
    for candidate in candidates:
        name = _qualname(candidate)
        if name in _NAMED_REFUSALS:
            raise KeyringUnavailable(name, _NAMED_REFUSALS[name])
        if not _encrypts(candidate):
            raise KeyringUnavailable(
                name, "it is not a keyring known to encrypt what it keeps (accepted: "
                + ", ".join(sorted(set(ENCRYPTING_BACKENDS.values()))) + ")")
    return backend


def get_secret(entry: str) -> str | None:
    """One entry of Frontdesk's keyring service (after checking the backend)."""
    usable_backend()
    return _get_password(entry)


def set_secret(entry: str, value: str) -> None:
    usable_backend()
    _set_password(entry, value)


def delete_secret(entry: str) -> None:
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    usable_backend()
    try:
        keyring.delete_password(SERVICE, entry)
    except PasswordDeleteError:
        pass
    except KeyringError as exc:
        raise KeyringLocked(str(exc)) from exc


def _get_password(entry: str) -> str | None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        value: str | None = keyring.get_password(SERVICE, entry)
    except NoKeyringError as exc:
        raise KeyringUnavailable("keyring", str(exc)) from exc
    except KeyringError as exc:  # KeyringLocked and every other refusal
        raise KeyringLocked(str(exc)) from exc
    return value


def _set_password(entry: str, value: str) -> None:
    import keyring
    from keyring.errors import KeyringError, NoKeyringError

    try:
        keyring.set_password(SERVICE, entry, value)
    except NoKeyringError as exc:
        raise KeyringUnavailable("keyring", str(exc)) from exc
    except KeyringError as exc:
        raise KeyringLocked(str(exc)) from exc


# --- key sources ----------------------------------------------------------------------

@dataclass(frozen=True)
class NewKey:
    """A new store's key, the salt its file must start with, and the derivation used."""

    key: bytes
    db_salt: bytes
    kdf: dict[str, Any] = field(default_factory=dict)


class KeySource(Protocol):
    """How a store gets its key. ``kind`` is recorded in the store's header."""

    kind: str

    def create(self, store_id: str) -> NewKey:
        """Make a key for a new store (``store_id``: 32 hex digits)."""
        ...

    def load(self, header: Header | None, db_salt: bytes) -> bytes:
        """The key of an existing store; ``header`` is None when the header file is lost."""
        ...


class KeyringKey:
    """A random key kept in the OS keyring (the default). Entry name: the store id."""

    kind = "keyring"

    def create(self, store_id: str) -> NewKey:
        usable_backend()
        key = new_key()
        _set_password(store_id, key.hex())
        return NewKey(key, bytes.fromhex(store_id))

    def load(self, header: Header | None, db_salt: bytes) -> bytes:
        store_id = header.store_id if header is not None else db_salt.hex()
        usable_backend()
        stored = _get_password(store_id)
        if stored is None:
            raise KeyMissing(store_id)
        try:
            return bytes.fromhex(stored)
        except ValueError:
            # Someone replaced the entry with something that is not our key.
            return stored.encode("utf-8")


@dataclass
class PassphraseKey:
    """A key derived from a passphrase (``--passphrase-file``); no keyring needed."""

    passphrase: str
    kind: str = "passphrase"

    def create(self, store_id: str) -> NewKey:
        salt = tagged_salt(STORE_SCRYPT)
        kdf = kdf_record(STORE_SCRYPT, salt)
        return NewKey(derive(self.passphrase.encode("utf-8"), kdf), salt, kdf)

    def load(self, header: Header | None, db_salt: bytes) -> bytes:
        # The file's own tagged salt wins; a version-1 store's salt is only in its header.
        kdf = kdf_from_salt(db_salt) or (header.kdf if header is not None else None)
        if not kdf:
            raise KeyMissing(header.store_id if header is not None else db_salt.hex())
        return derive(self.passphrase.encode("utf-8"), kdf)


@dataclass
class MemoryKey:
    """A key that lives only in this process: the throw-away demo store, tests."""

    key: bytes = field(default_factory=new_key)
    kind: str = "memory"

    def create(self, store_id: str) -> NewKey:
        return NewKey(self.key, secrets.token_bytes(SALT_BYTES))

    def load(self, header: Header | None, db_salt: bytes) -> bytes:
        return self.key


def _backup_entry(store_id: str) -> str:
    return f"{store_id}.backup-passphrase"


def save_backup_passphrase(store_id: str, passphrase: str) -> None:
    """Keep the automatic-backup passphrase in the keyring (its own entry), never on disk."""
    set_secret(_backup_entry(store_id), passphrase)


def load_backup_passphrase(store_id: str) -> str | None:
    """The automatic-backup passphrase, or None when none was saved."""
    return get_secret(_backup_entry(store_id))


# --- recovery passphrase ------------------------------------------------------------
#
# The store key is wrapped (AES-256-GCM, ``cryptography``) with a key-encryption key
# stretched from the recovery passphrase by scrypt; the record keeps the salt and the
# parameters, a fresh 96-bit nonce, and binds the store id as associated data. A wrong
# passphrase fails GCM's tag check, so it is told apart without trying SQLCipher.

RECOVERY_ALG = "AES-256-GCM"
_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
_LOOKALIKES = str.maketrans({"0": "O", "1": "I", "8": "B"})


def new_recovery_passphrase() -> str:
    """120 random bits as six groups of four base32 letters, e.g. ``K7QM-2XTA-…``."""
    raw = "".join(secrets.choice(_B32) for _ in range(24))
    return "-".join(raw[i:i + 4] for i in range(0, 24, 4))


def normalize_recovery(passphrase: str) -> str:
    """Case, spaces, dashes and 0/1/8 look-alikes do not matter when typing it back."""
    return "".join(ch for ch in passphrase.upper().translate(_LOOKALIKES) if ch.isalnum())


def _recovery_secret(passphrase: str) -> bytes:
    return normalize_recovery(passphrase).encode("ascii", "replace")


def _aad(store_id: str) -> bytes:
    return b"frontdesk-recovery-wrap:" + store_id.encode("ascii")


def _gcm_wrap(kek: bytes, key: bytes, store_id: str, kdf: dict[str, Any]) -> dict[str, Any]:
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    nonce = secrets.token_bytes(12)
    wrapped = AESGCM(kek).encrypt(nonce, key, _aad(store_id))
    return {"alg": RECOVERY_ALG, "kdf": kdf, "nonce": nonce.hex(), "wrapped": wrapped.hex()}


def wrap_key(key: bytes, passphrase: str, store_id: str,
             params: dict[str, Any] | None = None) -> dict[str, Any]:
    """The header's ``recovery`` record: ``key`` wrapped under ``passphrase``."""
    kdf = kdf_record(params or STRONG_SCRYPT, secrets.token_bytes(SALT_BYTES))
    return _gcm_wrap(derive(_recovery_secret(passphrase), kdf), key, store_id, kdf)


def has_recovery(header: Header) -> bool:
    return bool(header.recovery) or all(header.extra.get(f) for f in LEGACY_RECOVERY_FIELDS)


def unwrap_key(header: Header, passphrase: str) -> bytes:
    """The store key, or ``WrongKey("recovery passphrase")`` for another passphrase."""
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    if not header.recovery:
        return _legacy_unwrap(header, passphrase)
    record = header.recovery
    if record.get("alg") != RECOVERY_ALG:
        raise KeyMissing(header.store_id)
    kek = derive(_recovery_secret(passphrase), dict(record["kdf"]))
    try:
        return AESGCM(kek).decrypt(bytes.fromhex(record["nonce"]),
                                   bytes.fromhex(record["wrapped"]), _aad(header.store_id))
    except InvalidTag as exc:
        raise WrongKey("recovery passphrase") from exc


def _legacy_unwrap(header: Header, passphrase: str) -> bytes:
    """A version-1 wrap: key XOR scrypt(passphrase)[:32], HMAC tag with scrypt(...)[32:64]."""
    if not has_recovery(header):
        raise KeyMissing(header.store_id)
    salt = bytes.fromhex(header.extra["recovery_salt"])
    wrapped = bytes.fromhex(header.extra["recovery_wrapped"])
    material = hashlib.scrypt(_recovery_secret(passphrase), salt=salt,
                              n=int(LEGACY_SCRYPT["n"]), r=int(LEGACY_SCRYPT["r"]),
                              p=int(LEGACY_SCRYPT["p"]), maxmem=64 * 1024 * 1024, dklen=64)
    pad, mac_key = material[:KEY_BYTES], material[KEY_BYTES:]
    tag = hmac.new(mac_key, header.store_id.encode() + wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(tag, header.extra["recovery_tag"]):
        raise WrongKey("recovery passphrase")
    return bytes(a ^ b for a, b in zip(wrapped, pad, strict=True))


def migrate_legacy_wrap(header: Header, key: bytes) -> dict[str, Any] | None:
    """Re-wrap a version-1 recovery wrap with AES-GCM, knowing the key but not the passphrase.

    The old wrap was ``key XOR pad`` with ``pad`` = the first 32 bytes of
    scrypt(passphrase, salt, dklen=64), which are exactly scrypt(..., dklen=32)
    (PBKDF2 output blocks are independent). So ``pad`` is the key-encryption key
    the same passphrase derives under a recorded ``LEGACY_SCRYPT`` record: the
    person's passphrase keeps working, and the next recovery re-wraps with
    ``STRONG_SCRYPT``. Returns None when there is no version-1 wrap.
    """
    if header.recovery or not all(header.extra.get(f) for f in LEGACY_RECOVERY_FIELDS):
        return None
    wrapped = bytes.fromhex(header.extra["recovery_wrapped"])
    if len(wrapped) != len(key):
        return None
    pad = bytes(a ^ b for a, b in zip(key, wrapped, strict=True))
    kdf = {**LEGACY_SCRYPT, "salt": header.extra["recovery_salt"]}
    return _gcm_wrap(pad, key, header.store_id, kdf)


@dataclass
class RecoveryKey:
    """Opens a keyring store with its recovery passphrase when the keyring cannot help.

    After unwrapping, the key is put back in the keyring when the keyring works
    again (``saved_to_keyring`` says whether it did), so the next start is normal.
    """

    passphrase: str
    kind: str = "recovery"
    saved_to_keyring: bool = False

    def create(self, store_id: str) -> NewKey:
        raise KeyMissing(store_id)  # a recovery passphrase never creates a store

    def load(self, header: Header | None, db_salt: bytes) -> bytes:
        if header is None:  # the wrap lived in the header
            raise KeyMissing(db_salt.hex())
        key = unwrap_key(header, self.passphrase)
        try:
            usable_backend()
            _set_password(header.store_id, key.hex())
            self.saved_to_keyring = True
        except (KeyringUnavailable, KeyringLocked):
            self.saved_to_keyring = False
        return key
