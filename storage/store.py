"""Opening, creating and using one encrypted store (a folder with a DB and its header).

The order of checks is what lets a failed open leave every file untouched and
name the right problem:

1. the folder and files: a folder in the file's place, a read-only folder or
   file system, a file this account may not read or write (``storage.fscheck``);
2. no DB file: create one (header first, so a crash mid-create can resume);
   but a header whose store was finished, beside a missing or empty (0-byte)
   DB, is refused: nothing is rebuilt in its place;
3. a plain SQLite file, or an empty one without a header: not a Frontdesk store;
4. the header's record of the DB file's salt differs: the header belongs to another store;
5. ask the key source (keyring/passphrase/memory) for the key;
6. compare the key's fingerprint with the header: wrong key;
7. the file's size (whole pages, as many as SQLite expects) and the first read
   through SQLCipher: damaged file; an I/O failure is checked against the disk
   first (full disk, read-only mount). Damage in a page the open does not read
   is named "damaged" when a use case meets it (``Store.read``/``write``), and
   ``frontdesk verify`` checks every page (``integrity_problems``): reading
   the whole file at each open would cost about a minute on a million guests
   (``bench/open_check.py``, docs/performance.md);
8. schema revision unknown to this version: newer app wrote it, refuse.

Only after all pass is anything written (WAL mode, migrations, the header
brought up to date). A lost header is rebuilt from the file itself when the
key source can find the key without it (``storage.keys``).
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

import sqlcipher3
from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session, sessionmaker

from storage import (
    audit_anchor,
    audit_journal,
    fscheck,
    migrate,
    notify,
    search,
    wal_checkpoints,
    write_locks,
)
from storage import engine as eng
from storage.errors import (
    DamagedStore,
    HeaderMismatch,
    HeaderMissing,
    NotAStore,
    StorageError,
    StoreFileMissing,
    StorePathIsFolder,
    WrongKey,
    WrongKeySource,
)
from storage.header import LEGACY_RECOVERY_FIELDS, Header
from storage.keys import KeySource, fingerprint, wrap_key
from storage.models import Setting
from storage.store_upkeep import (
    FILE_MODE,
    KDF_COPY_NAME,
    LINEAGE_KEY,
    bring_up_to_date,
    headerless_key,
    make_private,
    private_folder,
    rebuilt_header,
    write_identity,
)

log = logging.getLogger(__name__)

DB_NAME = "frontdesk.db"
HEADER_NAME = "frontdesk.db.header.json"
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"
SALT_LEN = 16


@dataclass(frozen=True)
class StorePaths:
    data_dir: Path

    @property
    def db(self) -> Path:
        return self.data_dir / DB_NAME

    @property
    def header(self) -> Path:
        return self.data_dir / HEADER_NAME

    @property
    def kdf_copy(self) -> Path:
        return self.data_dir / KDF_COPY_NAME

    @property
    def sidecars(self) -> tuple[Path, Path]:
        return (self.db.with_name(DB_NAME + "-wal"), self.db.with_name(DB_NAME + "-shm"))

    @property
    def journal(self) -> Path:
        """Audit events written while a long write held the store (storage.audit_journal)."""
        return self.data_dir / audit_journal.JOURNAL_NAME


class Store:
    """An open store: an engine plus read and write sessions.

    ``read()`` gives a session in a deferred transaction; ``write()`` gives one
    in ``BEGIN IMMEDIATE`` that commits on success and rolls back on error, so
    a use case and its audit event land together or not at all. SQLite
    failures inside either (busy, damaged page, full disk) are raised as
    ``storage.errors`` types, or as what ``on_error`` turns them into.

    ``kind`` names the engine: ``"sqlcipher"`` here (a local file), ``"postgresql"``
    for the shared store (``storage.postgres.SharedStore``, same interface). ``shared``
    is what app/ asks (a venue's store on a server, not this desk's file), so no engine
    name is spelt outside storage/.
    """

    kind = "sqlcipher"
    shared = False

    def __init__(self, paths: StorePaths, engine: Engine, header: Header,
                 key: bytes | None = None) -> None:
        self.paths = paths
        self.engine = engine
        self.header = header
        # Set by app.opening: turns a StorageError (busy, damaged, disk full) into the
        # app's error with its plain-words message, for every use case without a try.
        self.on_error: Callable[[StorageError], Exception] | None = None
        # What the open repaired or brought up to date ("header rebuilt", ...), to log.
        self.notes: list[str] = []
        self._read = sessionmaker(engine, expire_on_commit=False)
        # Writes that log audit events re-anchor the chain head outside the file after
        # commit (storage.audit_anchor; trust-auth's hook).
        where = audit_anchor.where_for(header.key_source)
        info = {audit_anchor.INFO_STORE: (header.store_id, where)} if where else {}
        self._write = sessionmaker(
            engine.execution_options(**{eng.WRITE_OPTION: True}), expire_on_commit=False,
            info=info)
        # An audit-only write (storage.write_locks): reads anything, writes only audit events.
        self._audit_write = sessionmaker(
            engine.execution_options(**{eng.WRITE_OPTION: True,
                                        write_locks.AUDIT_ONLY_OPTION: True}),
            expire_on_commit=False, info=info)
        # The same, waiting only briefly for its lock (a counted event: see write()).
        self._brief_write = sessionmaker(
            engine.execution_options(**{eng.WRITE_OPTION: True,
                                        write_locks.AUDIT_ONLY_OPTION: True,
                                        write_locks.BRIEF_WAIT_OPTION:
                                            write_locks.BRIEF_WAIT_MS}),
            expire_on_commit=False, info=info)
        audit_anchor.install()
        notify.watch_writes(self._write)  # other desks learn of changes (storage.notify)
        notify.watch_writes(self._audit_write)
        notify.watch_writes(self._brief_write)
        # Where a card opened during another desk's long write is audited (given the key:
        # a store opened without it, a bench copy, waits for the lock instead).
        self._journal = (audit_journal.Journal(paths.journal, key, header.store_id)
                         if key is not None else None)
        # The WAL folded back by a thread of its own, never in a use case's commit
        # (storage.wal_checkpoints): the local file only.
        self._checkpoints = (wal_checkpoints.Checkpointer(engine)
                             if self.kind == "sqlcipher" else None)

    @property
    def busy_error(self) -> Callable[[StorageError], Exception] | None:
        """The older name of ``on_error`` (it first only turned "busy" into words)."""
        return self.on_error

    @busy_error.setter
    def busy_error(self, value: Callable[[StorageError], Exception] | None) -> None:
        self.on_error = value

    @property
    def store_id(self) -> str:
        return self.header.store_id

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._named_failures(), self._read() as session, session.begin():
            yield session

    @contextmanager
    def search_read(self) -> Iterator[Session]:
        """A read transaction for type-ahead search (``app.guests.find_guests``): on the
        local store straight on a pooled driver connection, without an ORM session
        (``storage.search.DriverRead``: ~0.25 ms less CPU per key press). What it hands
        out serves ``storage.search.raw_rows`` and the per-transaction keeping of
        ``storage.search`` only, never ORM queries; elsewhere it is :meth:`read`."""
        if self.kind != "sqlcipher":
            with self.read() as session:
                yield session
            return
        with self._named_failures(), search.driver_read(self.engine) as read:
            yield cast(Session, read)   # the parts of a Session the search's reads use

    @contextmanager
    def write(self, *, audit_only: bool = False, brief: bool = False) -> Iterator[Session]:
        """A write transaction. ``audit_only``: it writes nothing but audit events (a card
        opened, a look, a sign-in); on the shared store it then never waits for another
        desk's data write, only for the audit chain (``storage.write_locks``). ``brief``
        (audit-only writes only): wait for the lock ``BRIEF_WAIT_MS``, not the usual bound,
        then fail as busy — for an event that can wait for the next one (a count)."""
        journal, folded = self._journal, None
        with self._named_failures(), self._session_for(audit_only, brief)() as session:
            with session.begin():
                yield session
                if journal is not None:
                    # Events that waited beside the store go onto the chain with this write.
                    folded = audit_journal.fold(session, journal)
            if journal is not None and folded is not None:
                journal.forget(folded)

    @property
    def defers_events(self) -> bool:
        """Whether an audit event may be written beside the store while its one writer is
        busy (:meth:`defer_event`); False on the shared store, where an audit-only write
        never waits for another desk's data write."""
        return self._journal is not None

    def defer_event(self, *, at: Any, staff_id: int | None, action: str,
                    guest_ref: str | None, detail: dict[str, object]) -> bool:
        """Write an audit event beside the store, durably; the next write puts it on the
        chain (``storage.audit_journal``). Only when :attr:`defers_events`. False when the
        journal cannot take it (another store's file, unwritable): nothing was written,
        and the caller must write the event the usual way, waiting for the lock."""
        if self._journal is None:
            raise RuntimeError("this store keeps no journal of waiting audit events")
        try:
            self._journal.add(at=at, staff_id=staff_id, action=action, guest_ref=guest_ref,
                              detail=detail)
        except (audit_journal.NotThisStores, sqlcipher3.Error, OSError) as exc:
            log.warning("an audit event cannot wait in %s (%s); writing it to the store",
                        self._journal.path, exc)
            return False
        return True

    def _session_for(self, audit_only: bool, brief: bool = False) -> sessionmaker[Session]:
        if brief and not audit_only:
            raise ValueError("only an audit-only write may wait briefly")
        if brief:
            return self._brief_write
        return self._audit_write if audit_only else self._write

    @contextmanager
    def _named_failures(self) -> Iterator[None]:
        try:
            yield
        except DBAPIError as exc:
            named = fscheck.from_sqlite_error(exc, self.paths.db)
            if named is None:
                raise
            raise (self.on_error(named) if self.on_error else named) from exc

    def save_header(self) -> None:
        """Write ``self.header`` back (after changing it, e.g. the recovery wrap)."""
        self.header.write(self.paths.header)

    def setting(self, key: str) -> str | None:
        with self.read() as s:
            value = s.scalar(select(Setting.value).where(Setting.key == key))
        return None if value is None else str(value)

    @property
    def lineage(self) -> str:
        """The id shared by this store and every store restored from its backups."""
        return self.setting(LINEAGE_KEY) or self.header.store_id

    def integrity_problems(self) -> list[str]:
        return eng.integrity_problems(self.engine)

    def quick_problems(self, whole_below: int | None = None) -> tuple[list[str], bool]:
        """``verify``'s quick checks (bounded cost): (problems, every page checked?)."""
        return eng.quick_problems(self.engine, self.paths.db, self.paths.sidecars[0],
                                  whole_below=whole_below)

    def checkpoint(self) -> None:
        eng.checkpoint(self.engine)

    def scrub_deleted(self, wait_ms: int) -> bool:
        """Push deleted rows' old page images out of the store's files (erasure).

        SQLite: fold the WAL into the zeroed main file and empty it; False when
        another reader kept the WAL in use for ``wait_ms``.
        """
        return eng.truncate_wal(self.engine, wait_ms)

    def close(self) -> None:
        if self._checkpoints is not None:
            self._checkpoints.stop()
        self.engine.dispose()
        if self._journal is not None:
            self._journal.close()


def open_store(data_dir: Path, key_source: KeySource, *, create: bool = True) -> Store:
    """Open (or create) the store in ``data_dir``. Raises ``storage.errors`` on failure."""
    paths = StorePaths(Path(data_dir))
    try:
        fscheck.check_folder(paths.data_dir)
        for path in (paths.db, paths.header):
            if path.is_dir():
                raise StorePathIsFolder(path)
        size = paths.db.stat().st_size if paths.db.exists() else None
        if size:
            return _open_existing(paths, key_source)
        if paths.header.exists():
            fscheck.check_files([paths.header])
            header = _read_header(paths)
            if header.schema_revision:
                # The store was finished once: its data is gone, not yet to be made.
                raise StoreFileMissing(paths.db, empty=size == 0)
            return _create(paths, key_source, resume=header)
        if size == 0:
            raise NotAStore(paths.db, "it is an empty file, and there is no header beside it")
        if not create:
            raise NotAStore(paths.db, "there is no store in this folder")
        return _create(paths, key_source, resume=None)
    except OSError as exc:
        named = fscheck.from_os_error(exc, paths.db)
        if named is None:
            raise
        raise named from exc


def _private_files(paths: StorePaths) -> None:
    make_private(paths.data_dir, folder=True)
    for p in (paths.db, paths.header, paths.kdf_copy, *paths.sidecars):
        if p.exists():
            make_private(p)


def _create(paths: StorePaths, key_source: KeySource, resume: Header | None) -> Store:
    private_folder(paths.data_dir)
    fscheck.check_folder(paths.data_dir)
    if resume is not None:
        # A previous create stopped after writing the header: reuse its id and key.
        header = resume
        salt = bytes.fromhex(header.db_salt) if header.db_salt else b""
        key = _key_for(header, key_source, salt)
    else:
        store_id = uuid.uuid4().hex
        new = key_source.create(store_id)
        key, salt = new.key, new.db_salt
        fp_salt = secrets.token_bytes(16)
        header = Header(store_id=store_id, key_source=key_source.kind,
                        key_fingerprint=fingerprint(key, fp_salt), fingerprint_salt=fp_salt.hex(),
                        db_salt=salt.hex(), kdf=new.kdf)
        header.write(paths.header)
    paths.db.unlink(missing_ok=True)  # an empty file left by the interrupted create
    fd = os.open(paths.db, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE)
    os.close(fd)  # created private, before SQLCipher writes a byte (-wal/-shm inherit it)
    try:
        conn = eng.raw_connect(paths.db, key, salt=salt or None)
        try:
            eng.enable_wal(conn)
        finally:
            conn.close()
        engine = eng.make_engine(paths.db, key)
        with engine.begin() as c:
            migrate.upgrade(c)
            write_identity(c, header)
    except (sqlcipher3.Error, DBAPIError) as exc:
        named = fscheck.from_sqlite_error(exc, paths.db)
        if named is None:
            raise
        raise named from exc
    if not header.db_salt:
        header.db_salt = _file_salt(paths.db).hex()
    header.schema_revision = migrate.head()
    header.write(paths.header)
    return Store(paths, engine, header, key)


def _read_header(paths: StorePaths) -> Header:
    try:
        return Header.read(paths.header)
    except (ValueError, UnicodeDecodeError) as exc:
        raise NotAStore(paths.db, f"its header file {paths.header.name} is unreadable: {exc}"
                        ) from exc


def _file_salt(db: Path) -> bytes:
    with db.open("rb") as fh:
        return fh.read(SALT_LEN)


def _key_for(header: Header, key_source: KeySource, db_salt: bytes) -> bytes:
    # "memory" (tests, demo) and "recovery" (the recovery passphrase unwraps the
    # key recorded in the header) may open a store of any kind.
    if header.key_source != key_source.kind and not {"memory", "recovery"} & {
            header.key_source, key_source.kind}:
        raise WrongKeySource(header.key_source, key_source.kind)
    key = key_source.load(header, db_salt)
    if fingerprint(key, bytes.fromhex(header.fingerprint_salt)) != header.key_fingerprint:
        raise WrongKey(key_source.kind)
    return key


def _open_existing(paths: StorePaths, key_source: KeySource) -> Store:
    fscheck.check_access(paths.data_dir, [paths.db, paths.header, *paths.sidecars])
    db_salt = _file_salt(paths.db)
    if db_salt == PLAIN_SQLITE_MAGIC:
        raise NotAStore(paths.db, "it is an unencrypted SQLite file, not a Frontdesk store")
    header: Header | None = None
    kdf: dict[str, Any] = {}
    if paths.header.exists():
        header = _read_header(paths)
        if header.db_salt and header.db_salt != db_salt.hex():
            raise HeaderMismatch(paths.header, header.store_id)
        key = _key_for(header, key_source, db_salt)
    else:
        key, kdf = headerless_key(paths, key_source, db_salt)
    sidecars_before = {p: p.exists() for p in paths.sidecars}
    conn = eng.raw_connect(paths.db, key)
    try:
        eng.check_whole_pages(conn, paths.db)
        eng.probe(conn)
        eng.check_page_count(conn, paths.db, paths.sidecars[0])
        revision = _revision(conn)
        migrate.check_not_newer(revision)
    except (sqlcipher3.Error, StorageError) as exc:
        conn.close()
        _remove_new_sidecars(sidecars_before)
        if isinstance(exc, StorageError):
            raise
        named = fscheck.from_sqlite_error(exc, paths.db)
        if named is None:
            named = DamagedStore(paths.db, str(exc))
        if header is None and isinstance(named, DamagedStore):
            named = HeaderMissing(paths.header, "and the key found without it does not open "
                                                "the file (a wrong passphrase, or damage)")
        elif isinstance(named, DamagedStore) and not header.db_salt:  # type: ignore[union-attr]
            named = DamagedStore(paths.db, named.detail + "; or the header file beside it "
                                                         "belongs to another store")
        raise named from exc
    try:
        eng.enable_wal(conn)
    finally:
        conn.close()
    engine = eng.make_engine(paths.db, key)
    try:
        if revision != migrate.head():
            _backup_before_migrating(paths, revision)
            with engine.begin() as c:
                migrate.upgrade(c)
        store = Store(paths, engine,
                      header or rebuilt_header(engine, key_source, key, db_salt, kdf), key)
        if header is None:
            store.notes.append("header rebuilt")
        bring_up_to_date(store, key_source, key, db_salt, revision)
    except DBAPIError as exc:
        engine.dispose()
        named = fscheck.from_sqlite_error(exc, paths.db)
        if named is None:
            raise
        raise named from exc
    _private_files(paths)
    return store


def _revision(conn: object) -> str:
    cur = conn.execute(  # type: ignore[attr-defined]
        "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
    )
    if cur.fetchone() is None:
        return ""
    row = conn.execute("SELECT version_num FROM alembic_version").fetchone()  # type: ignore[attr-defined]
    return str(row[0]) if row else ""


def _remove_new_sidecars(before: dict[Path, bool]) -> None:
    """Delete -wal/-shm files that our failed open created (and only those)."""
    for path, existed in before.items():
        if not existed and path.exists():
            path.unlink()


def _backup_before_migrating(paths: StorePaths, revision: str) -> None:
    """Keep a copy of the store as it was before a schema upgrade (still encrypted)."""
    target = paths.data_dir / f"{DB_NAME}.before-{revision or 'empty'}"
    if target.exists():
        return
    shutil.copy2(paths.db, target)
    make_private(target)
    for side in paths.sidecars:
        if side.exists():
            copy = target.with_name(target.name + side.name[len(DB_NAME):])
            shutil.copy2(side, copy)
            make_private(copy)


def add_recovery(store: Store, key_source: KeySource, passphrase: str) -> None:
    """Record in the header a wrap of the store key that ``passphrase`` can open.

    ``key_source`` must give the store's current key (checked against the
    fingerprint); the header is rewritten atomically. Replaces an older wrap.
    """
    key = _key_for(store.header, key_source, bytes.fromhex(store.header.db_salt))
    store.header.recovery = wrap_key(key, passphrase, store.header.store_id)
    for legacy in LEGACY_RECOVERY_FIELDS:
        store.header.extra.pop(legacy, None)
    store.save_header()
