"""Encrypted backup files: the engine-specific half (ATTACH … KEY, sqlcipher_export, rekey).

A backup is one file, so it can be carried to another machine on a USB stick
and restored there without this machine's keyring::

    b"FDBACKUP\\n"                      magic (9 bytes)
    4-byte big-endian length N
    N bytes of UTF-8 JSON header        plain: format, version, created_at, store_id,
                                        schema_revision, scrypt salt and parameters,
                                        key fingerprint + its salt, db_size, db_sha256
    db_size bytes                        an SQLCipher 4 database keyed with
                                        scrypt(backup passphrase, salt) as a raw key

The header never holds a key or guest data; the fingerprint lets a wrong
passphrase be told apart from a damaged file before SQLCipher is asked, and
the SHA-256 catches a truncated or altered copy. The copy is made with
``sqlcipher_export`` inside one read transaction, so it is consistent while
other windows keep writing (WAL readers never block writers).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import os
import secrets
import shutil
import struct
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3
from sqlalchemy import Engine

from storage import engine as eng
from storage.header import Header
from storage.keys import KeySource, derive_key, fingerprint
from storage.store import Store, StorePaths, open_store

MAGIC = b"FDBACKUP\n"
FORMAT = "frontdesk-backup"
VERSION = 1
SUFFIX = ".fdbackup"
_CHUNK = 1 << 20


class BackupError(Exception):
    """A backup file that cannot be read: not one of ours, damaged, or a wrong passphrase."""


class NotABackup(BackupError):
    pass


class DamagedBackup(BackupError):
    pass


class WrongBackupPassphrase(BackupError):
    pass


class BackupWriteFailed(BackupError):
    """SQLCipher could not write the copy (disk full, folder gone); nothing was left behind."""


class BackupCancelled(BackupError):
    """The person cancelled the backup; the partial copy was removed."""


class Cancellation:
    """Lets another thread stop a running export (``sqlite3_interrupt`` on its connection)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._conn: Any = None
        self.cancelled = False

    def cancel(self) -> None:
        with self._lock:
            self.cancelled = True
            if self._conn is not None:
                self._conn.interrupt()

    def _running(self, conn: Any) -> None:
        with self._lock:
            self._conn = conn
            if self.cancelled:
                raise BackupCancelled("cancelled")

    def _stopped(self) -> None:
        with self._lock:
            self._conn = None


@dataclass(frozen=True)
class BackupHeader:
    created_at: str
    store_id: str
    schema_revision: str
    kdf_salt: str
    key_fingerprint: str
    fingerprint_salt: str
    db_size: int
    db_sha256: str
    kdf: str = "scrypt-n32768-r8-p1"
    # The audit chain's head when the backup was made (storage.audit_anchor), readable
    # without the passphrase so `frontdesk verify --backup` can compare (trust-auth's hook).
    audit_anchor: dict[str, Any] | None = None
    format: str = FORMAT
    version: int = VERSION


def backup_key(passphrase: str, salt: bytes) -> bytes:
    """The raw SQLCipher key of a backup, stretched from its passphrase."""
    return derive_key(passphrase, salt)


def _atomic_target(target: Path) -> tuple[BinaryIO, Path]:
    """A temp file in the target's own folder (never the system temp folder)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    return os.fdopen(fd, "wb"), Path(tmp)


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
              path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def export(engine: Engine, target: Path, passphrase: str, *, store_id: str,
           schema_revision: str, cancel: Cancellation | None = None,
           audit_anchor: dict[str, Any] | None = None) -> BackupHeader:
    """Write a consistent, passphrase-encrypted copy of the open store to ``target``.

    The plain DB copy is exported next to the target (same folder), wrapped
    into the single backup file, fsynced and renamed into place, so a crash
    never leaves half a backup under the final name.
    """
    salt = secrets.token_bytes(16)
    key = backup_key(passphrase, salt)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, db_tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".db",
                                       dir=target.parent)
    os.close(fd)
    db_tmp = Path(db_tmp_name)
    db_tmp.unlink()  # SQLCipher must create it itself
    try:
        try:
            _export_db(engine, db_tmp, key, cancel or Cancellation())
        except sqlcipher3.Error as exc:
            if cancel is not None and cancel.cancelled:
                raise BackupCancelled("cancelled") from exc
            raise BackupWriteFailed(f"the copy could not be written: {exc}") from exc
        if cancel is not None and cancel.cancelled:
            raise BackupCancelled("cancelled")
        digest = hashlib.sha256()
        size = 0
        with db_tmp.open("rb") as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
        fp_salt = secrets.token_bytes(16)
        header = BackupHeader(
            created_at=dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
            store_id=store_id, schema_revision=schema_revision, kdf_salt=salt.hex(),
            key_fingerprint=fingerprint(key, fp_salt), fingerprint_salt=fp_salt.hex(),
            db_size=size, db_sha256=digest.hexdigest(), audit_anchor=audit_anchor,
        )
        blob = json.dumps(asdict(header), sort_keys=True).encode("utf-8")
        out, out_tmp = _atomic_target(target)
        try:
            with out, db_tmp.open("rb") as src:
                out.write(MAGIC + struct.pack(">I", len(blob)) + blob)
                for chunk in iter(lambda: src.read(_CHUNK), b""):
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            os.replace(out_tmp, target)
        except BaseException:
            _remove(out_tmp)
            raise
        return header
    finally:
        _remove(db_tmp)


def _export_db(engine: Engine, db_tmp: Path, key: bytes, cancel: Cancellation) -> None:
    """``sqlcipher_export`` in one read transaction: a consistent snapshot, writers unblocked.

    On any failure (or a cancel) the pooled connection is thrown away rather than
    returned with the backup still attached.
    """
    with engine.connect() as conn:
        dbapi: Any = conn.connection.dbapi_connection
        ok = False
        try:
            dbapi.execute(f"ATTACH DATABASE ? AS fdbackup KEY \"x'{key.hex()}'\"",
                          (str(db_tmp),))
            cancel._running(dbapi)
            try:
                dbapi.execute("BEGIN")
                dbapi.execute("SELECT sqlcipher_export('fdbackup')").fetchall()
                dbapi.execute("COMMIT")
            finally:
                cancel._stopped()
            dbapi.execute("DETACH DATABASE fdbackup")
            ok = True
        finally:
            if not ok:
                conn.invalidate()


def read_header(path: Path) -> tuple[BackupHeader, int]:
    """Parse the plain header; return it with the offset where the DB bytes start."""
    try:
        with path.open("rb") as fh:
            magic = fh.read(len(MAGIC))
            if magic != MAGIC:
                raise NotABackup(f"{path.name} is not a Frontdesk backup file")
            (length,) = struct.unpack(">I", fh.read(4))
            if length > 1_000_000:
                raise DamagedBackup(f"the header of {path.name} is damaged")
            raw = json.loads(fh.read(length).decode("utf-8"))
    except (struct.error, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DamagedBackup(f"the header of {path.name} is damaged") from exc
    if not isinstance(raw, dict) or raw.get("format") != FORMAT:
        raise NotABackup(f"{path.name} is not a Frontdesk backup file")
    if raw.get("version") != VERSION:
        raise NotABackup(f"{path.name} is a backup of a newer kind (version {raw.get('version')})")
    try:
        header = BackupHeader(**raw)
    except TypeError as exc:
        raise DamagedBackup(f"the header of {path.name} is incomplete") from exc
    return header, len(MAGIC) + 4 + length


def unpack(path: Path, passphrase: str, db_target: Path) -> tuple[BackupHeader, bytes]:
    """Check the passphrase and the checksum, write the DB bytes to ``db_target``.

    Returns the header and the backup's raw key. Nothing outside ``db_target``
    is written.
    """
    header, offset = read_header(path)
    key = backup_key(passphrase, bytes.fromhex(header.kdf_salt))
    if fingerprint(key, bytes.fromhex(header.fingerprint_salt)) != header.key_fingerprint:
        raise WrongBackupPassphrase("the backup passphrase is not the one this backup was made "
                                    "with")
    digest = hashlib.sha256()
    size = 0
    with path.open("rb") as src, db_target.open("xb") as out:
        src.seek(offset)
        for chunk in iter(lambda: src.read(_CHUNK), b""):
            digest.update(chunk)
            size += len(chunk)
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    if size != header.db_size or digest.hexdigest() != header.db_sha256:
        raise DamagedBackup(f"{path.name} is damaged or incomplete (checksum differs)")
    return header, key


@contextlib.contextmanager
def _raw(path: Path, key: bytes) -> Iterator[Any]:
    conn = eng.raw_connect(path, key)
    try:
        yield conn
    finally:
        conn.close()


def check_and_rekey(db: Path, old_key: bytes, new_key: bytes) -> list[str]:
    """Integrity-check an unpacked backup DB, then re-key it to ``new_key`` (``PRAGMA rekey``).

    Returns SQLite's integrity problems (empty when fine); the file is only
    re-keyed when there are none.
    """
    try:
        with _raw(db, old_key) as conn:
            eng.probe(conn)
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                return rows
            conn.execute(f"PRAGMA rekey = \"x'{new_key.hex()}'\"")
    except sqlcipher3.DatabaseError as exc:
        raise DamagedBackup(f"the database inside the backup cannot be read: {exc}") from exc
    return []


def _move_store_files(src: StorePaths, dst_dir: Path) -> None:
    for p in (src.db, src.header, *src.sidecars):
        if p.exists():
            os.replace(p, dst_dir / p.name)


def restore(
    backup: Path, passphrase: str, data_dir: Path, key_source: KeySource,
    check: Callable[[Store], list[str]],
) -> tuple[Store, Path | None]:
    """Replace the store in ``data_dir`` by the backup, keeping the old one until the new one works.

    1. unpack into a staging folder inside ``data_dir`` (same file system, so
       the final moves are renames), check passphrase + checksum;
    2. integrity check, then ``PRAGMA rekey`` to a fresh key from
       ``key_source`` (a new store id, so the old store's keyring entry stays
       valid until the swap is done) and a new header;
    3. open it as a store (migrating an older schema) and run ``check``;
    4. move the current store into ``before-restore-<time>/`` and the staged one
       in, open and ``check`` it again; on any failure the old store is put back.

    Returns the opened store and the folder holding the previous store (or None).
    """
    paths = StorePaths(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    staging_dir = Path(tempfile.mkdtemp(prefix=".restore-", dir=data_dir))
    try:
        staged = StorePaths(staging_dir)
        info, old_key = unpack(backup, passphrase, staged.db)
        store_id = uuid.uuid4().hex
        new_key, extra = key_source.create(store_id)
        problems = check_and_rekey(staged.db, old_key, new_key)
        if problems:
            raise DamagedBackup("the database inside the backup fails its integrity check: "
                                + "; ".join(problems[:3]))
        fp_salt = secrets.token_bytes(16)
        Header(store_id=store_id, key_source=key_source.kind,
               key_fingerprint=fingerprint(new_key, fp_salt), fingerprint_salt=fp_salt.hex(),
               schema_revision=info.schema_revision,
               extra={**extra, "restored_from": info.store_id}).write(staged.header)
        trial = open_store(staging_dir, key_source, create=False)
        try:
            problems = check(trial)
            trial.checkpoint()
        finally:
            trial.close()
        if problems:
            raise DamagedBackup("the backup does not verify: " + "; ".join(problems[:3]))
        kept: Path | None = None
        if paths.db.exists() or paths.header.exists():
            stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
            kept = data_dir / f"before-restore-{stamp}"
            n = 1
            while kept.exists():
                n += 1
                kept = data_dir / f"before-restore-{stamp}-{n}"
            kept.mkdir()
            _move_store_files(paths, kept)
        _move_store_files(staged, data_dir)
        try:
            store = open_store(data_dir, key_source, create=False)
            problems = check(store)
            if problems:
                store.close()
                raise DamagedBackup("the restored store does not verify: "
                                    + "; ".join(problems[:3]))
        except BaseException:
            _move_store_files(paths, staging_dir)
            if kept is not None:
                _move_store_files(StorePaths(kept), data_dir)
                kept.rmdir()
            raise
        return store, kept
    finally:
        shutil.rmtree(staging_dir, ignore_errors=True)
