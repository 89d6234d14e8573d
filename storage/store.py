"""Opening, creating and using one encrypted store (a folder with a DB and its header).

The order of checks is what lets a failed open leave the file untouched and
name the right problem:

1. no DB file: create one (header first, so a crash mid-create can resume);
2. no header, or a plain SQLite header: not a Frontdesk store;
3. ask the key source (keyring/passphrase/memory) for the key;
4. compare the key's fingerprint with the header: wrong key;
5. first read through SQLCipher fails: damaged file;
6. schema revision unknown to this version: newer app wrote it, refuse.

Only after all six pass is anything written (WAL mode, migrations).
"""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import sqlcipher3
from sqlalchemy import Engine
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from storage import audit_anchor, migrate
from storage import engine as eng
from storage.errors import (
    DamagedStore,
    NotAStore,
    SchemaTooNew,
    StoreBusy,
    WrongKey,
    WrongKeySource,
)
from storage.header import Header
from storage.keys import KeySource, fingerprint, wrap_key

DB_NAME = "frontdesk.db"
HEADER_NAME = "frontdesk.db.header.json"
PLAIN_SQLITE_MAGIC = b"SQLite format 3\x00"


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
    def sidecars(self) -> tuple[Path, Path]:
        return (self.db.with_name(DB_NAME + "-wal"), self.db.with_name(DB_NAME + "-shm"))


class Store:
    """An open store: an engine plus read and write sessions.

    ``read()`` gives a session in a deferred transaction; ``write()`` gives one
    in ``BEGIN IMMEDIATE`` that commits on success and rolls back on error, so
    a use case and its audit event land together or not at all.

    ``kind`` names the engine: ``"sqlcipher"`` here (a local file), ``"postgresql"``
    for the shared store (``storage.postgres.SharedStore``, same interface).
    """

    kind = "sqlcipher"

    def __init__(self, paths: StorePaths, engine: Engine, header: Header) -> None:
        self.paths = paths
        self.engine = engine
        self.header = header
        # Set by app.opening: turns StoreBusy into the app's StoreBusyError, so the
        # message reaches the UI from every use case without a try in each one.
        self.busy_error: Callable[[StoreBusy], Exception] | None = None
        self._read = sessionmaker(engine, expire_on_commit=False)
        # Writes that log audit events re-anchor the chain head outside the file after
        # commit (storage.audit_anchor; trust-auth's hook).
        where = audit_anchor.where_for(header.key_source)
        self._write = sessionmaker(
            engine.execution_options(**{eng.WRITE_OPTION: True}), expire_on_commit=False,
            info={audit_anchor.INFO_STORE: (header.store_id, where)} if where else {},
        )
        audit_anchor.install()

    @property
    def store_id(self) -> str:
        return self.header.store_id

    @contextmanager
    def read(self) -> Iterator[Session]:
        with self._read() as session, session.begin():
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        try:
            with self._write() as session, session.begin():
                yield session
        except OperationalError as exc:
            if "locked" in str(exc.orig) or "busy" in str(exc.orig):
                busy = StoreBusy(str(exc.orig))
                if self.busy_error is not None:
                    raise self.busy_error(busy) from exc
                raise busy from exc
            raise

    def save_header(self) -> None:
        """Write ``self.header`` back (after changing ``extra``, e.g. the recovery wrap)."""
        self.header.write(self.paths.header)

    def integrity_problems(self) -> list[str]:
        return eng.integrity_problems(self.engine)

    def checkpoint(self) -> None:
        eng.checkpoint(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def open_store(data_dir: Path, key_source: KeySource, *, create: bool = True) -> Store:
    """Open (or create) the store in ``data_dir``. Raises ``storage.errors`` on failure."""
    paths = StorePaths(Path(data_dir))
    if not paths.db.exists():
        if not create:
            raise NotAStore(paths.db, "there is no store in this folder")
        return _create(paths, key_source)
    return _open_existing(paths, key_source)


def _create(paths: StorePaths, key_source: KeySource) -> Store:
    paths.data_dir.mkdir(parents=True, exist_ok=True)
    if paths.header.exists():
        # A previous create stopped after writing the header: reuse its id and key.
        header = _read_header(paths)
        key = _key_for(header, key_source)
    else:
        store_id = uuid.uuid4().hex
        key, extra = key_source.create(store_id)
        salt = uuid.uuid4().hex
        header = Header(
            store_id=store_id,
            key_source=key_source.kind,
            key_fingerprint=fingerprint(key, bytes.fromhex(salt)),
            fingerprint_salt=salt,
            extra=extra,
        )
        header.write(paths.header)
    paths.db.touch(mode=0o600)  # created private, before SQLCipher writes a byte
    conn = eng.raw_connect(paths.db, key)
    try:
        eng.enable_wal(conn)
    finally:
        conn.close()
    engine = eng.make_engine(paths.db, key)
    with engine.begin() as c:
        migrate.upgrade(c)
    header.schema_revision = migrate.head()
    header.write(paths.header)
    return Store(paths, engine, header)


def _read_header(paths: StorePaths) -> Header:
    try:
        return Header.read(paths.header)
    except (OSError, ValueError, UnicodeDecodeError) as exc:
        raise NotAStore(paths.db, f"its header file {paths.header.name} is unreadable: {exc}"
                        ) from exc


def _key_for(header: Header, key_source: KeySource) -> bytes:
    # "memory" (tests, demo) and "recovery" (the recovery passphrase unwraps the
    # key recorded in the header) may open a store of any kind.
    if header.key_source != key_source.kind and not {"memory", "recovery"} & {
            header.key_source, key_source.kind}:
        raise WrongKeySource(header.key_source, key_source.kind)
    key = key_source.load(header.store_id, header.extra)
    if fingerprint(key, bytes.fromhex(header.fingerprint_salt)) != header.key_fingerprint:
        raise WrongKey(key_source.kind)
    return key


def _open_existing(paths: StorePaths, key_source: KeySource) -> Store:
    with paths.db.open("rb") as fh:
        magic = fh.read(16)
    if magic == PLAIN_SQLITE_MAGIC:
        raise NotAStore(paths.db, "it is an unencrypted SQLite file, not a Frontdesk store")
    if not paths.header.exists():
        raise NotAStore(paths.db, f"the header file {paths.header.name} is missing")
    header = _read_header(paths)
    key = _key_for(header, key_source)
    sidecars_before = {p: p.exists() for p in paths.sidecars}
    conn = eng.raw_connect(paths.db, key)
    try:
        eng.probe(conn)
        revision = _revision(conn)
        migrate.check_not_newer(revision)
    except sqlcipher3.DatabaseError as exc:
        conn.close()
        _remove_new_sidecars(sidecars_before)
        raise DamagedStore(paths.db, str(exc)) from exc
    except SchemaTooNew:
        conn.close()
        _remove_new_sidecars(sidecars_before)
        raise
    try:
        eng.enable_wal(conn)
    finally:
        conn.close()
    engine = eng.make_engine(paths.db, key)
    if revision != migrate.head():
        _backup_before_migrating(paths, revision)
        with engine.begin() as c:
            migrate.upgrade(c)
        header.schema_revision = migrate.head()
        header.write(paths.header)
    return Store(paths, engine, header)


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
    for side in paths.sidecars:
        if side.exists():
            shutil.copy2(side, target.with_name(target.name + side.name[len(DB_NAME):]))



def add_recovery(store: Store, key_source: KeySource, passphrase: str) -> None:
    """Record in the header a wrap of the store key that ``passphrase`` can open.

    ``key_source`` must give the store's current key (checked against the
    fingerprint); the header is rewritten atomically. Replaces an older wrap.
    """
    key = _key_for(store.header, key_source)
    store.header.extra.update(wrap_key(key, passphrase, store.header.store_id))
    store.save_header()
