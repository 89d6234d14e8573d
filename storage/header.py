"""The small plain-text header kept beside each store.

SQLCipher answers a wrong key and a damaged file with the same error. The
header records the store's id, schema revision, a salted fingerprint of its
key (never the key) and the database file's own salt (its first 16 bytes), so
opening can name the right problem *before* touching the database: a wrong
key, or a header that belongs to another store.

It also keeps what a key derivation needs (``kdf``: scrypt salt and
parameters, for a passphrase store) and the recovery wrap of a keyring
store's key (``recovery``: AES-256-GCM under a passphrase-derived key). Both
record their parameters, so later versions can raise them. Losing this file
does not lose a store (``storage.store`` rebuilds it): a passphrase store's
file salt carries its scrypt salt and parameters, and a keyring store's file
salt is its store id, under which the keyring keeps the key.

Version 1 headers (before 2026-11) kept the passphrase salt and a hand-made
recovery wrap in ``extra`` with hard-coded scrypt parameters; :meth:`Header.read`
reads them, and ``storage.store`` rewrites them in this format on the next
open that has the key.
"""

from __future__ import annotations

import json
import os
import tempfile
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

FORMAT = "frontdesk-store"
VERSION = 2
# What a version-1 header's fields meant: scrypt with these parameters, hard-coded then.
LEGACY_SCRYPT: dict[str, Any] = {"name": "scrypt", "n": 2**15, "r": 8, "p": 1, "length": 32}
LEGACY_RECOVERY_FIELDS = ("recovery_salt", "recovery_wrapped", "recovery_tag")


@dataclass
class Header:
    store_id: str
    key_source: str
    key_fingerprint: str
    fingerprint_salt: str
    schema_revision: str = ""
    db_salt: str = ""        # hex of the DB file's first 16 bytes; "" in a version-1 header
    kdf: dict[str, Any] = field(default_factory=dict)       # passphrase store: scrypt record
    recovery: dict[str, Any] = field(default_factory=dict)  # keyring store: recovery wrap
    extra: dict[str, str] = field(default_factory=dict)     # notes (restored_from), legacy fields
    format: str = FORMAT
    version: int = VERSION

    @property
    def legacy(self) -> bool:
        """True while the file still needs rewriting in this version's format."""
        return self.version < VERSION or any(
            k in self.extra for k in ("passphrase_salt", *LEGACY_RECOVERY_FIELDS))

    def write(self, path: Path) -> None:
        """Write atomically (private temp file + fsync + rename): never half a header."""
        self.version = VERSION
        data = json.dumps(asdict(self), indent=2, sort_keys=True)
        fd, tmp = tempfile.mkstemp(prefix=".header-", dir=path.parent)  # mode 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, path)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        _fsync_folder(path.parent)

    @classmethod
    def read(cls, path: Path) -> Header:
        """Parse a header (either version); raise ``ValueError`` when it is not one of ours."""
        return cls.parse(path.read_text(encoding="utf-8"))

    @classmethod
    def parse(cls, text: str) -> Header:
        raw = json.loads(text)
        if not isinstance(raw, dict) or raw.get("format") != FORMAT:
            raise ValueError("not a Frontdesk store header")
        try:
            extra = {str(k): str(v) for k, v in dict(raw.get("extra", {})).items()}
            kdf = dict(raw.get("kdf") or {})
            if not kdf and "passphrase_salt" in extra:
                kdf = {**LEGACY_SCRYPT, "salt": extra["passphrase_salt"]}
            return cls(
                store_id=str(raw["store_id"]),
                key_source=str(raw["key_source"]),
                key_fingerprint=str(raw["key_fingerprint"]),
                fingerprint_salt=str(raw["fingerprint_salt"]),
                schema_revision=str(raw.get("schema_revision", "")),
                db_salt=str(raw.get("db_salt", "")),
                kdf=kdf,
                recovery=dict(raw.get("recovery") or {}),
                extra=extra,
                version=int(raw.get("version", 1)),
            )
        except (KeyError, TypeError, AttributeError, ValueError) as exc:
            raise ValueError(f"incomplete header: {exc}") from exc


def _fsync_folder(folder: Path) -> None:
    """Make the rename durable (POSIX); a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
