"""The SQLCipher engine: every engine-specific PRAGMA lives here.

SQLAlchemy's plain ``sqlite+pysqlite`` dialect is pointed at the ``sqlcipher3``
module and given a ``creator`` so that each new connection is keyed and
configured before SQLAlchemy sees it. Transactions are begun by us: plain
``BEGIN`` for reads, ``BEGIN IMMEDIATE`` for writes, so two desks writing at
once queue on SQLite's lock instead of failing half-way (and the audit hash
chain stays linear).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from storage import name_pairs, notify, write_locks
from storage.write_locks import WRITE_OPTION as WRITE_OPTION

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024


def key_pragma(key: bytes, salt: bytes | None = None) -> str:
    """A raw SQLCipher key; with ``salt``, a new file is written with that salt first."""
    return f"\"x'{key.hex()}{salt.hex() if salt else ''}'\""


def raw_connect(path: Path, key: bytes, *, salt: bytes | None = None,
                busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Any:
    """Open and key one DB-API connection; reads nothing from the file yet.

    ``salt`` matters only for a file SQLCipher is about to create (or rekey):
    an existing file's salt is read from its first 16 bytes.
    """
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {key_pragma(key, salt)}")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    # The name-pair triggers' words (storage.name_pairs): every connection that may
    # write a guest needs them, so every connection gets them.
    name_pairs.register(conn)
    return conn


def probe(conn: Any) -> None:
    """First read of the file: raises ``sqlcipher3.DatabaseError`` on a wrong key or damage."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def check_whole_pages(conn: Any, db: Path) -> None:
    """A file cut short inside a page is damaged (a stat; reads nothing)."""
    from storage.errors import DamagedStore

    page_size = int(conn.execute("PRAGMA cipher_page_size").fetchone()[0])
    size = db.stat().st_size
    if size % page_size:
        raise DamagedStore(db, f"the file is cut short ({size:,} bytes is not a whole number "
                               f"of {page_size:,}-byte pages)")


def check_page_count(conn: Any, db: Path, wal: Path) -> None:
    """A file cut short at a page boundary is damaged: it must hold every page SQLite expects.

    Only compared when the WAL holds nothing (after a clean close), since pages
    may still live in the WAL. Costs a PRAGMA and a stat.
    """
    from storage.errors import DamagedStore

    page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
    pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
    held = db.stat().st_size // page_size
    wal_frames = wal.exists() and wal.stat().st_size > 32
    if not wal_frames and pages > held:
        raise DamagedStore(db, f"the file is cut short (it holds {held:,} of its {pages:,} "
                               "pages)")


def configure(conn: Any) -> None:
    """Per-connection settings, applied only after a successful probe."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA secure_delete = ON")
    conn.execute("PRAGMA synchronous = FULL")
    # Decrypted pages kept per connection. Every page read from the file costs
    # an AES decrypt and an HMAC check, so the index pages type-ahead walks
    # should stay decrypted: with 32 MiB instead of 8 MiB, multi-word searches
    # on a million guests take half the time (bench/run.py, docs/performance.md).
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")


def enable_wal(conn: Any) -> None:
    """WAL is persistent in the file: set once when the store is created or opened."""
    conn.execute("PRAGMA journal_mode = WAL")


def make_engine(path: Path, key: bytes) -> Engine:
    """An SQLAlchemy engine whose every connection is keyed and configured."""

    def creator() -> Any:
        conn = raw_connect(path, key)
        configure(conn)
        return conn

    return engine_from(creator)


@contextmanager
def waiting_at_most(execute: Callable[[str], Any], wait_ms: int) -> Iterator[None]:
    """Within the block, this connection waits for a lock at most ``wait_ms``, then the
    usual ``BUSY_TIMEOUT_MS`` again (``execute`` runs a statement on that connection)."""
    execute(f"PRAGMA busy_timeout = {int(wait_ms)}")
    try:
        yield
    finally:
        execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


def engine_from(creator: Callable[[], Any]) -> Engine:
    """The pooled engine and transaction handling around a connection factory."""
    engine = create_engine(
        "sqlite+pysqlite://", creator=creator, module=sqlcipher3.dbapi2, poolclass=QueuePool,
        pool_size=4, max_overflow=4,
        pool_use_lifo=True,  # reuse the connection whose page cache is warm
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        options = conn.get_execution_options()
        write = options.get(WRITE_OPTION, False)
        brief = options.get(write_locks.BRIEF_WAIT_OPTION)
        if not (write and brief):
            conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")
            return
        # BEGIN IMMEDIATE takes the write lock: wait for it only briefly (storage.store.write)
        with waiting_at_most(conn.exec_driver_sql, int(brief)):
            conn.exec_driver_sql("BEGIN IMMEDIATE")

    # One writer by nature: no lock to take, but an audit-only write is checked the same.
    write_locks.install(engine, None)
    notify.track(engine)  # which data tables each write touched (storage.notify)
    return engine


def integrity_problems(engine: Engine) -> list[str]:
    """Every page's HMAC, SQLite's integrity and foreign-key checks; empty when all is well.

    A page that cannot be read at all is reported as damage, not raised.
    """
    from sqlalchemy.exc import DBAPIError

    problems: list[str] = []
    try:
        with engine.connect() as conn:
            pages = [str(r[0]) for r in
                     conn.exec_driver_sql("PRAGMA cipher_integrity_check").fetchall()]
            problems += [f"damaged page: {p}" for p in pages[:10]]
            rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
            problems += [] if rows == ["ok"] else [f"damaged: {r}" for r in rows]
            fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
            problems += [f"foreign key: {tuple(r)}" for r in fk]
            conn.rollback()
    except DBAPIError as exc:
        problems.append(f"damaged: the file cannot be read ({exc.orig})")
    return problems


QUICK_WHOLE_BYTES = 16 * 1024 * 1024   # a file this small gets every check, even in quick mode
QUICK_ROWS = 1000                       # rows read at each end of every table in quick mode


def quick_problems(engine: Engine, db: Path, wal: Path, *,
                   whole_below: int | None = None) -> tuple[list[str], bool]:
    """``verify``'s quick checks: (problems, whether every page was checked).

    A store smaller than ``whole_below`` bytes (default ``QUICK_WHOLE_BYTES``) gets
    :func:`integrity_problems` (every page; well under a second). A larger one
    gets checks whose cost does
    not grow with it: the open's checks again (whole pages, page count against
    the file size, the schema readable), then the first and the newest
    ``QUICK_ROWS`` rows of every table, the pages written most recently, where
    damage from a crash or a full disk lands. Damage deep inside an old page
    is left to ``verify --full`` (a minute or more on a million guests).
    """
    from sqlalchemy.exc import DBAPIError

    from storage.errors import DamagedStore

    problems: list[str] = []
    try:
        with engine.connect() as conn:
            raw: Any = conn.connection.dbapi_connection
            size = int(raw.execute("PRAGMA page_count").fetchone()[0]) * \
                int(raw.execute("PRAGMA page_size").fetchone()[0])
            if size < (QUICK_WHOLE_BYTES if whole_below is None else whole_below):
                conn.rollback()
                return integrity_problems(engine), True
            try:
                check_whole_pages(raw, db)
                check_page_count(raw, db, wal)
            except DamagedStore as exc:
                problems.append(f"damaged: {exc.detail}")
            tables = raw.execute(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
            for name, sql in tables:
                text = str(sql or "").upper()
                if text.startswith("CREATE VIRTUAL"):
                    continue   # its shadow tables are read instead
                quoted = '"' + str(name).replace('"', '""') + '"'
                ends = [f"SELECT * FROM {quoted} LIMIT {QUICK_ROWS}"]
                if "WITHOUT ROWID" not in text:
                    ends.append(f"SELECT * FROM {quoted} ORDER BY rowid DESC LIMIT {QUICK_ROWS}")
                for query in ends:
                    try:
                        raw.execute(query).fetchall()
                    except sqlcipher3.DatabaseError as exc:
                        problems.append(f"damaged: the table {name} cannot be read ({exc})")
                        break
            if problems:
                conn.invalidate()   # SQLCipher's failed page check sticks to the connection
            else:
                conn.rollback()
    except DBAPIError as exc:
        problems.append(f"damaged: the file cannot be read ({exc.orig})")
    except sqlcipher3.DatabaseError as exc:
        problems.append(f"damaged: the file cannot be read ({exc})")
    return problems, False


def truncate_wal(engine: Engine, wait_ms: int) -> bool:
    """Fold the WAL into the main file and empty it; False when a reader kept it in use.

    ``PRAGMA wal_checkpoint(TRUNCATE)`` waits (up to ``wait_ms``) for readers
    that still use the WAL, then reports whether it could finish. On a
    connection of its own transaction-free DB-API handle, so no read
    transaction of ours holds the WAL.
    """
    with engine.connect() as conn:
        dbapi: Any = conn.connection.dbapi_connection
        with waiting_at_most(dbapi.execute, wait_ms):
            busy, _log, _done = dbapi.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()
    return int(busy) == 0


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the main file and truncate it (erasure, backup)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.rollback()
