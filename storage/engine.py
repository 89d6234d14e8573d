"""The SQLCipher engine: every engine-specific PRAGMA lives here.

SQLAlchemy's plain ``sqlite+pysqlite`` dialect is pointed at the ``sqlcipher3``
module and given a ``creator`` so that each new connection is keyed and
configured before SQLAlchemy sees it. Transactions are begun by us: plain
``BEGIN`` for reads, ``BEGIN IMMEDIATE`` for writes, so two desks writing at
once queue on SQLite's lock instead of failing half-way (and the audit hash
chain stays linear).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from storage import notify

BUSY_TIMEOUT_MS = 10_000
CACHE_KIB = 32 * 1024
WRITE_OPTION = "frontdesk_write"


def raw_connect(path: Path, key: bytes, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Any:
    """Open and key one DB-API connection; reads nothing from the file yet."""
    conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
    return conn


def probe(conn: Any) -> None:
    """First read of the file: raises ``sqlcipher3.DatabaseError`` on a wrong key or damage."""
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


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


def engine_from(creator: Callable[[], Any]) -> Engine:
    """The pooled engine and transaction handling around a connection factory."""
    engine = create_engine(
        "sqlite+pysqlite://", creator=creator, module=sqlcipher3.dbapi2, poolclass=QueuePool,
        pool_size=4, max_overflow=4,
        pool_use_lifo=True,  # reuse the connection whose page cache is warm
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        write = conn.get_execution_options().get(WRITE_OPTION, False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")

    notify.track(engine)  # which data tables each write touched (storage.notify)
    return engine


def integrity_problems(engine: Engine) -> list[str]:
    """SQLite's own integrity and foreign-key checks; empty when all is well."""
    with engine.connect() as conn:
        rows = [r[0] for r in conn.exec_driver_sql("PRAGMA integrity_check").fetchall()]
        problems = [] if rows == ["ok"] else [str(r) for r in rows]
        fk = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
        problems += [f"foreign key: {tuple(r)}" for r in fk]
        conn.rollback()
    return problems


def checkpoint(engine: Engine) -> None:
    """Fold the WAL back into the main file and truncate it (erasure, backup)."""
    with engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()
        conn.rollback()
