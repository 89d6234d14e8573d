"""Benchmark-only helpers: a plaintext copy of a store, and picking guests to measure.

Nothing in ``app/`` or ``ui/`` imports this module (tests/test_layering.py
and a grep keep it that way). It exists so ``bench/run.py`` can measure the
cost of encryption as a ratio: the same rows, the same schema, the same
engine and search code, once through SQLCipher and once without a key.
A plaintext copy holds guest data unencrypted: benchmarks run it on demo
data only and delete it afterwards.
"""

from __future__ import annotations

import datetime as dt
import uuid
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


# --- search quality (bench/search_quality.py) -------------------------------------------

def full_name_counts(store: Store) -> dict[str, int]:
    """How many guests carry each full name (one scan; namesakes limit any ranking)."""
    with store.read() as s:
        rows = s.execute(text("SELECT full_name, count(*) FROM guest GROUP BY full_name"))
        return {str(r[0]): int(r[1]) for r in rows}


def sample_guests(store: Store, n: int, seed: int, *, with_phone: bool = False
                  ) -> list[tuple[int, str, str | None]]:
    """``n`` (id, full name, phone) spread over the table, deterministic for a seed."""
    with store.read() as s:
        top = int(s.execute(text("SELECT max(id) FROM guest")).scalar() or 0)
        if top == 0:
            return []
        step = max(1, top // max(1, n * (3 if with_phone else 1)))
        cond = " AND phone IS NOT NULL" if with_phone else ""
        rows = s.execute(
            text("SELECT id, full_name, phone FROM guest WHERE id >= :a AND (id - :a) % :step "
                 f"= 0{cond} LIMIT :n"),
            {"a": seed % step + 1, "step": step, "n": n})
        return [(int(r[0]), str(r[1]), r[2]) for r in rows]


def guests_visiting(store: Store, start: dt.datetime, end: dt.datetime
                    ) -> list[tuple[int, str, str, str]]:
    """(guest id, full name, place, kind) of visits starting in [start, end), not cancelled."""
    with store.read() as s:
        rows = s.execute(
            text("SELECT v.guest_id, g.full_name, v.place, v.kind FROM visit v "
                 "JOIN guest g ON g.id = v.guest_id WHERE v.starts_at >= :a AND "
                 "v.starts_at < :b AND v.status != 'cancelled' ORDER BY v.id"),
            {"a": start, "b": end})
        return [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]


def unranked_search(store: Store, typed: str, limit: int = 50) -> int:
    """The baseline: the FTS5 query as it was (whole words, then prefixes), no ranking."""
    from storage import search

    with store.read() as s:
        return len(search.search_guest_rows(s, typed, limit))


def add_guest_with_visits(store: Store, name: str, visits: int, start: dt.datetime) -> int:
    """A guest with ``visits`` past stays, in one transaction (merge timing)."""
    from storage import bulk
    from storage.models import Guest, Visit, VisitKind, VisitStatus

    with store.write() as s:
        gid = bulk.max_id(s, Guest) + 1
        bulk.insert_rows(s, Guest, [dict(id=gid, ref=uuid.uuid4().hex, full_name=name,
                                         preferred_name="", pronunciation="", language="en",
                                         email=None, phone=None, phone_e164=None,
                                         created_at=start)])
        first = bulk.max_id(s, Visit) + 1
        bulk.insert_rows(s, Visit, [dict(
            id=first + i, guest_id=gid, kind=VisitKind.STAY,
            starts_at=start + dt.timedelta(days=7 * i), ends_on=(start + dt.timedelta(
                days=7 * i + 2)).date(), service=None, party_size=2, place=str(100 + i),
            status=VisitStatus.DEPARTED) for i in range(visits)])
        return gid


def delete_guests(store: Store, ids: list[int]) -> None:
    """Remove benchmark-made guests again (rows only; demo data, no erasure needed)."""
    with store.write() as s:
        for gid in ids:
            s.execute(text("DELETE FROM guest WHERE id = :i"), {"i": gid})


def set_pin_on_copy(store: Store, name: str, pin_hash: str) -> None:
    """Give staff member ``name`` a known PIN (hashed by the caller) on a bench *copy*.

    The bench stores were built by other runs whose PINs may differ from the demo
    defaults; a benchmark that needs a manager (erasure) sets one on its own copy.
    """
    with store.write() as s:
        s.execute(text("UPDATE staff SET pin_hash = :h, failed_attempts = 0, "
                       "locked_until = NULL WHERE name = :n"), {"h": pin_hash, "n": name})
