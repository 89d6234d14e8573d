"""Encrypted backup files: the engine-specific half (ATTACH … KEY, sqlcipher_export, rekey).

A backup is one file, so it can be carried to another machine on a USB stick
and restored there without this machine's keyring::

    b"FDBACKUP\\n"                      magic (9 bytes)
    4-byte big-endian length N
    N bytes of UTF-8 JSON header        plain: format, version, created_at, store_id,
                                        lineage, schema_revision, scrypt salt and
                                        parameters, key fingerprint + its salt,
                                        db_size, db_sha256
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
import re
import secrets
import shutil
import struct
import tempfile
import threading
import uuid
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError

from storage import engine as eng
from storage import fscheck
from storage.errors import DamagedStore
from storage.header import Header
from storage.keys import STRONG_SCRYPT, KeySource, derive, fingerprint, kdf_record
from storage.store import Store, StorePaths, open_store
from storage.store_upkeep import FOLDER_MODE, private_folder

MAGIC = b"FDBACKUP\n"
FORMAT = "frontdesk-backup"
VERSION = 2          # 2: scrypt parameters recorded as numbers, and the store's lineage
READABLE_VERSIONS = (1, 2)
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
    kdf: str = "scrypt-n32768-r8-p1"   # version 1's only derivation, kept as a label
    kdf_params: dict[str, Any] = field(default_factory=dict)  # version 2: n, r, p, length
    lineage: str = ""                  # version 2: the store line it belongs to (erasures)
    # The audit chain's head when the backup was made (storage.audit_anchor), readable
    # without the passphrase so `frontdesk verify --backup` can compare (trust-auth's hook).
    audit_anchor: dict[str, Any] | None = None
    format: str = FORMAT
    version: int = VERSION

    def kdf_record(self) -> dict[str, Any]:
        """The scrypt salt and parameters this backup's key was derived with."""
        if self.kdf_params:
            return {**self.kdf_params, "salt": self.kdf_salt}
        m = re.fullmatch(r"scrypt-n(\d+)-r(\d+)-p(\d+)", self.kdf)
        if m is None:
            raise DamagedBackup(f"unknown key derivation {self.kdf!r}")
        n, r, p = (int(g) for g in m.groups())
        return {"name": "scrypt", "n": n, "r": r, "p": p, "length": 32, "salt": self.kdf_salt}

    @property
    def store_line(self) -> str:
        return self.lineage or self.store_id


def backup_key(passphrase: str, kdf: dict[str, Any]) -> bytes:
    """The raw SQLCipher key of a backup, stretched from its passphrase."""
    try:
        return derive(passphrase.encode("utf-8"), kdf)
    except ValueError as exc:
        raise DamagedBackup(str(exc)) from exc


def _atomic_target(target: Path) -> tuple[BinaryIO, Path]:
    """A temp file (mode 0600) in the target's own folder (never the system temp folder)."""
    private_folder(target.parent)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    return os.fdopen(fd, "wb"), Path(tmp)


def _remove(path: Path) -> None:
    for p in (path, path.with_name(path.name + "-journal"), path.with_name(path.name + "-wal"),
              path.with_name(path.name + "-shm")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def export(engine: Engine, target: Path, passphrase: str, *, store_id: str,
           schema_revision: str, lineage: str = "", source: Path = Path("frontdesk.db"),
           cancel: Cancellation | None = None,
           audit_anchor: dict[str, Any] | None = None) -> BackupHeader:
    """Write a consistent, passphrase-encrypted copy of the open store to ``target``.

    The plain DB copy is exported next to the target (same folder), wrapped
    into the single backup file, fsynced and renamed into place, so a crash
    never leaves half a backup under the final name.
    """
    salt = secrets.token_bytes(16)
    kdf = kdf_record(STRONG_SCRYPT, salt)
    key = backup_key(passphrase, kdf)
    private_folder(target.parent)
    fd, db_tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".db",
                                       dir=target.parent)
    os.close(fd)
    db_tmp = Path(db_tmp_name)
    db_tmp.unlink()  # SQLCipher must create it itself
    try:
        try:
            _export_db(engine, db_tmp, key, cancel or Cancellation())
        except (sqlcipher3.Error, DBAPIError) as exc:
            if cancel is not None and cancel.cancelled:
                raise BackupCancelled("cancelled") from exc
            if fscheck.sqlite_code(exc) in (fscheck.SQLITE_CORRUPT, fscheck.SQLITE_NOTADB):
                raise DamagedStore(source, str(getattr(exc, "orig", exc))) from exc
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
            db_size=size, db_sha256=digest.hexdigest(),
            kdf=f"scrypt-n{kdf['n']}-r{kdf['r']}-p{kdf['p']}",
            kdf_params={k: v for k, v in kdf.items() if k != "salt"}, lineage=lineage,
            audit_anchor=audit_anchor,
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
    if raw.get("version") not in READABLE_VERSIONS:
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
    key = backup_key(passphrase, header.kdf_record())
    if fingerprint(key, bytes.fromhex(header.fingerprint_salt)) != header.key_fingerprint:
        raise WrongBackupPassphrase("the backup passphrase is not the one this backup was made "
                                    "with")
    digest = hashlib.sha256()
    size = 0
    fd = os.open(db_target, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    with path.open("rb") as src, os.fdopen(fd, "wb") as out:
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


def check_and_rekey(db: Path, old_key: bytes, new_key: bytes, new_salt: bytes) -> list[str]:
    """Integrity-check an unpacked backup DB, then re-key it (``PRAGMA rekey``).

    The file gets ``new_key`` and starts with ``new_salt`` (so it describes its
    own key, see ``storage.keys``). Returns SQLite's integrity problems (empty
    when fine); the file is only re-keyed when there are none. Only ever run on
    a staged copy: a rekey interrupted by a crash leaves a file neither key opens.
    """
    try:
        with _raw(db, old_key) as conn:
            eng.probe(conn)
            rows = [str(r[0]) for r in conn.execute("PRAGMA integrity_check").fetchall()]
            if rows != ["ok"]:
                return rows
            conn.execute(f"PRAGMA rekey = {eng.key_pragma(new_key, new_salt)}")
    except sqlcipher3.DatabaseError as exc:
        raise DamagedBackup(f"the database inside the backup cannot be read: {exc}") from exc
    return []


def _move_store_files(src: StorePaths, dst_dir: Path) -> None:
    journal_wal = [src.journal.with_name(src.journal.name + end) for end in ("-wal", "-shm")]
    for p in (src.db, src.header, src.kdf_copy, *src.sidecars, src.journal, *journal_wal):
        if p.exists():
            os.replace(p, dst_dir / p.name)


def restore(
    backup: Path, passphrase: str, data_dir: Path, key_source: KeySource,
    check: Callable[[Store], list[str]], prepare: Callable[[Store], None] | None = None,
) -> tuple[Store, Path | None]:
    """Replace the store in ``data_dir`` by the backup, keeping the old one until the new one works.

    1. unpack into a staging folder inside ``data_dir`` (same file system, so
       the final moves are renames), check passphrase + checksum;
    2. integrity check, then ``PRAGMA rekey`` to a fresh key from
       ``key_source`` (a new store id, so the old store's keyring entry stays
       valid until the swap is done) and a new header;
    3. open it as a store (migrating an older schema), run ``prepare`` on it
       (the app erases again the guests erased since the backup) and ``check``;
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
        new = key_source.create(store_id)
        problems = check_and_rekey(staged.db, old_key, new.key, new.db_salt)
        if problems:
            raise DamagedBackup("the database inside the backup fails its integrity check: "
                                + "; ".join(problems[:3]))
        fp_salt = secrets.token_bytes(16)
        Header(store_id=store_id, key_source=key_source.kind,
               key_fingerprint=fingerprint(new.key, fp_salt), fingerprint_salt=fp_salt.hex(),
               schema_revision=info.schema_revision, db_salt=new.db_salt.hex(), kdf=new.kdf,
               extra={"restored_from": info.store_id, "lineage": info.store_line}
               ).write(staged.header)
        trial = open_store(staging_dir, key_source, create=False)
        try:
            if prepare is not None:
                prepare(trial)
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
            kept.mkdir(mode=FOLDER_MODE)
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
