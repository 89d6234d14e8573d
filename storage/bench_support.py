"""Benchmark-only helpers: a plaintext copy of a store, and picking guests to measure.

Nothing in ``app/`` or ``ui/`` imports this module (tests/test_layering.py
and a grep keep it that way). It exists so ``bench/run.py`` can measure the
cost of encryption as a ratio: the same rows, the same schema, the same
engine and search code, once through SQLCipher and once without a key.
A plaintext copy holds guest data unencrypted: benchmarks run it on demo
data only and delete it afterwards.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import text

from storage import engine as eng
from storage.store import Store, StorePaths


def export_plain(store: Store, target: Path) -> None:
    """Write an unencrypted copy of ``store`` to ``target`` with ``sqlcipher_export``."""
    if target.exists():
        target.unlink()
    store.checkpoint()
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(target),))
        try:
            raw.execute("SELECT sqlcipher_export('plain')").fetchall()
        finally:
            raw.execute("DETACH DATABASE plain")


def open_plain(path: Path, like: Store) -> Store:
    """Open a plaintext copy through the same engine settings and Store class (no key)."""

    def creator() -> Any:
        conn = sqlcipher3.connect(str(path), check_same_thread=False, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {eng.BUSY_TIMEOUT_MS}")
        eng.configure(conn)
        return conn

    conn = creator()
    try:
        eng.enable_wal(conn)
    finally:
        conn.close()
    return Store(StorePaths(path.parent), eng.engine_from(creator), like.header)


def guests_with_most_visits(store: Store, n: int) -> list[int]:
    """Ids of ``n`` guests with the most visits (the heaviest cards to open)."""
    with store.read() as s:
        rows = s.execute(
            text("SELECT guest_id FROM visit GROUP BY guest_id "
                 "ORDER BY count(*) DESC, guest_id LIMIT :n"),
            {"n": n},
        )
        return [int(r[0]) for r in rows]


def sample_names(store: Store, n: int, seed: int) -> list[str]:
    """``n`` full names of guests spread over the table (deterministic for a seed)."""
    with store.read() as s:
        top = int(s.execute(text("SELECT max(id) FROM guest")).scalar() or 0)
        if top == 0:
            return []
        step = max(1, top // max(1, n))
        start = seed % step + 1
        rows = s.execute(
            text("SELECT full_name FROM guest WHERE id >= :a AND (id - :a) % :step = 0 "
                 "LIMIT :n"),
            {"a": start, "step": step, "n": n},
        )
        return [str(r[0]) for r in rows]


def sample_contacts(store: Store, n: int, seed: int) -> list[tuple[str, str | None, str | None]]:
    """(full name, email, phone) of ``n`` guests spread over the table, for import files."""
    with store.read() as s:
        top = int(s.execute(text("SELECT max(id) FROM guest")).scalar() or 0)
        step = max(1, top // max(1, n))
        rows = s.execute(
            text("SELECT full_name, email, phone FROM guest WHERE id >= :a "
                 "AND (id - :a) % :step = 0 LIMIT :n"),
            {"a": seed % step + 1, "step": step, "n": n},
        )
        return [(str(r[0]), r[1], r[2]) for r in rows]


def time_raw_inserts(store: Store, rows: int) -> float:
    """Seconds for one executemany of ``rows`` guests and one of ``rows`` visits, rolled back.

    The floor under an import of that many rows: the engine's own cost of the writes
    (encryption, indexes, the search index's triggers) with no matching and no audit.
    """
    import datetime as dt
    import time
    import uuid

    from storage.models import Guest, Visit

    now = dt.datetime(2027, 1, 1)
    with store.engine.connect() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        top = int(raw.execute("SELECT coalesce(max(id), 0) FROM guest").fetchone()[0])
        vtop = int(raw.execute("SELECT coalesce(max(id), 0) FROM visit").fetchone()[0])
        guests = [(top + i + 1, uuid.uuid4().hex, f"Raw{i} Baseline", "", "", "en",
                   f"raw{i}@example.org", None, now) for i in range(rows)]
        visits = [(vtop + i + 1, top + i + 1, "stay", now, None, None, 2, "101", "expected")
                  for i in range(rows)]
        started = time.perf_counter()
        raw.execute("BEGIN IMMEDIATE")
        try:
            raw.executemany(f"INSERT INTO {Guest.__tablename__} (id, ref, full_name, "
                            "preferred_name, pronunciation, language, email, phone, "
                            "created_at) VALUES (?,?,?,?,?,?,?,?,?)", guests)
            raw.executemany(f"INSERT INTO {Visit.__tablename__} (id, guest_id, kind, "
                            "starts_at, ends_on, service, party_size, place, status) "
                            "VALUES (?,?,?,?,?,?,?,?,?)", visits)
            return time.perf_counter() - started
        finally:
            raw.execute("ROLLBACK")
