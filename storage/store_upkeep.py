"""Keeping a store's header, identity rows and file modes right (after ``storage.store`` opens it).

* file modes: the store folder 0700, its files 0600, whatever the umask;
* a lost header rebuilt from the file itself (its salt says how to find the key);
* a version-1 header rewritten in today's format once the key is known (scrypt
  record, AES-GCM recovery wrap, the DB salt), with a second copy of the scrypt
  record for a passphrase store whose file salt cannot carry it;
* the identity rows in the database: ``store.id`` (to rebuild a lost header) and
  ``store.lineage`` (kept through restores: the keyring's erasure ledger is
  named after it).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import uuid
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine

from storage import migrate
from storage.errors import HeaderMissing, KeyMissing
from storage.header import LEGACY_RECOVERY_FIELDS, Header
from storage.keys import (
    STRONG_SCRYPT,
    KeySource,
    RecoveryKey,
    fingerprint,
    kdf_from_salt,
    migrate_legacy_wrap,
    weaker,
    wrap_key,
)

if TYPE_CHECKING:
    from storage.store import Store, StorePaths

# A version-1 passphrase store's scrypt record, kept beside the header too (its file
# salt cannot carry it), so losing one small file does not lose the store.
KDF_COPY_NAME = "frontdesk.db.kdf.json"
ID_KEY = "store.id"            # setting rows: this store's id, and the id of the store
LINEAGE_KEY = "store.lineage"  # it descends from through every restore (keyring entries)
FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private(path: Path, *, folder: bool = False) -> None:
    """Mode 0700 for a folder, 0600 for a file, when it is looser and ours to change."""
    want = FOLDER_MODE if folder else FILE_MODE
    try:
        mode = path.stat().st_mode & 0o777
        if mode & ~want:
            path.chmod(mode & want)
    except OSError:
        pass  # not ours (a shared folder): leave it, the files inside are still private


def private_folder(folder: Path) -> None:
    """Create ``folder`` (and missing parents) readable by this account only."""
    missing = [p for p in (folder, *folder.parents) if not p.exists()]
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)
    for p in missing:
        make_private(p, folder=True)



def headerless_key(paths: StorePaths, key_source: KeySource, db_salt: bytes
                    ) -> tuple[bytes, dict[str, Any]]:
    """The key of a store whose header is lost, when the file (or the KDF copy) says how.

    Returns the key and the scrypt record it came from ({} for a random key).
    """
    hint: Header | None = None
    if paths.kdf_copy.exists():
        with contextlib.suppress(OSError, ValueError, KeyError, TypeError):
            copy = json.loads(paths.kdf_copy.read_text(encoding="utf-8"))
            if copy.get("db_salt") == db_salt.hex():
                hint = Header(store_id=str(copy.get("store_id", "")), key_source="passphrase",
                              key_fingerprint="", fingerprint_salt="", kdf=dict(copy["kdf"]))
    try:
        key = key_source.load(hint, db_salt)
    except KeyMissing as exc:
        raise HeaderMissing(paths.header, "this store's key cannot be found without it"
                            ) from exc
    kdf = kdf_from_salt(db_salt) or (hint.kdf if hint is not None else {})
    return key, (kdf if key_source.kind == "passphrase" else {})



def rebuilt_header(engine: Engine, key_source: KeySource, key: bytes, db_salt: bytes,
                    kdf: dict[str, Any]) -> Header:
    with engine.connect() as conn:
        row = conn.exec_driver_sql("SELECT value FROM setting WHERE key = ?", (ID_KEY,)).first()
        conn.rollback()
    store_id = str(row[0]) if row else (db_salt.hex() if key_source.kind == "keyring"
                                        else uuid.uuid4().hex)
    fp_salt = secrets.token_bytes(16)
    kind = "keyring" if key_source.kind == "recovery" else key_source.kind
    return Header(store_id=store_id, key_source=kind, key_fingerprint=fingerprint(key, fp_salt),
                  fingerprint_salt=fp_salt.hex(), db_salt=db_salt.hex(),
                  kdf=kdf, version=0)


def bring_up_to_date(store: Store, key_source: KeySource, key: bytes, db_salt: bytes,
                      revision: str) -> None:
    """After a successful open: the header in today's format, the identity rows in the DB."""
    header, paths = store.header, store.paths
    changed = header.legacy or not header.db_salt or revision != migrate.head()
    header.db_salt = db_salt.hex()
    header.schema_revision = migrate.head()
    wrap = migrate_legacy_wrap(header, key)
    if wrap is not None:
        header.recovery = wrap
        store.notes.append("recovery wrap upgraded")
    if isinstance(key_source, RecoveryKey) and (
            not header.recovery or weaker(header.recovery.get("kdf", {}), STRONG_SCRYPT)):
        header.recovery = wrap_key(key, key_source.passphrase, header.store_id)
        changed = True
    for legacy in ("passphrase_salt", *LEGACY_RECOVERY_FIELDS):
        header.extra.pop(legacy, None)
    if header.key_source == "passphrase" and kdf_from_salt(db_salt) is None and header.kdf \
            and not paths.kdf_copy.exists():
        write_kdf_copy(paths, header)
        store.notes.append("key-derivation copy written")
    if changed:
        header.write(paths.header)
    with store.engine.connect() as c:
        ids: dict[str, str] = dict(c.exec_driver_sql(
            "SELECT key, value FROM setting WHERE key IN (?, ?)", (ID_KEY, LINEAGE_KEY)).all())
        c.rollback()
    if ids.get(ID_KEY) != header.store_id or LINEAGE_KEY not in ids:
        with store.engine.begin() as c:
            write_identity(c, header)


def write_identity(conn: Any, header: Header) -> None:
    """The store id (to rebuild a lost header) and the lineage (kept through restores)."""
    lineage = header.extra.get("lineage") or header.extra.get("restored_from") or header.store_id
    conn.exec_driver_sql("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) "
                         "DO UPDATE SET value = excluded.value", (ID_KEY, header.store_id))
    conn.exec_driver_sql("INSERT INTO setting(key, value) VALUES (?, ?) ON CONFLICT(key) "
                         "DO NOTHING", (LINEAGE_KEY, lineage))


def write_kdf_copy(paths: StorePaths, header: Header) -> None:
    data = {"format": "frontdesk-kdf", "store_id": header.store_id, "db_salt": header.db_salt,
            "kdf": header.kdf}
    tmp = paths.kdf_copy.with_name("." + KDF_COPY_NAME + ".tmp")
    fd = os.open(tmp, os.O_CREAT | os.O_TRUNC | os.O_WRONLY, FILE_MODE)
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(data, fh, indent=2, sort_keys=True)
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, paths.kdf_copy)
