"""Copying a local store into an empty shared store, and proving the copy is whole.

Every table of the models is copied in foreign-key order with its own ids (so the
audit chain's hashes, which cover the ids, stay valid), in batches, inside the
caller's one write transaction on the server: a failure anywhere leaves the
shared store as empty as it was. The source is only read.

:func:`table_digests` summarises each table as (row count, SHA-256 over its rows
in id order, every value normalised), computed the same way on both engines;
the copy is accepted only when every table's digest matches.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, Table, func, insert, select, text
from sqlalchemy.orm import Session

from storage.models import Base, Setting

BATCH = 5000
# Rows of these tables say which store this is, not what it holds: each side keeps its own.
_OWN_SETTINGS = ("store.id",)

Progress = Callable[[str, int, int], None]


def tables() -> list[Table]:
    """The models' tables, parents before children."""
    return list(Base.metadata.sorted_tables)


def _order(table: Table) -> list[Any]:
    return list(table.primary_key.columns)


def _rows(conn: Connection | Session, table: Table) -> Iterable[Any]:
    query = select(table).order_by(*_order(table))
    if table.name == Setting.__tablename__:
        query = query.where(table.c.key.not_in(_OWN_SETTINGS))
    return conn.execute(query.execution_options(yield_per=BATCH))


def non_empty_tables(session: Session) -> list[str]:
    """Tables of the target that already hold rows (settings that name the store aside)."""
    found = []
    for table in tables():
        query = select(func.count()).select_from(table)
        if table.name == Setting.__tablename__:
            query = query.where(table.c.key.not_in(_OWN_SETTINGS))
        if session.execute(query).scalar():
            found.append(table.name)
    return found


def copy_rows(source: Connection | Session, target: Session,
              progress: Progress | None = None) -> dict[str, int]:
    """Insert every source row into the target; {table: rows copied}."""
    copied: dict[str, int] = {}
    for table in tables():
        total = int(source.execute(select(func.count()).select_from(table)).scalar() or 0)
        done = 0
        batch: list[dict[str, Any]] = []
        for row in _rows(source, table):
            batch.append(dict(row._mapping))
            if len(batch) >= BATCH:
                target.execute(insert(table), batch)
                done += len(batch)
                batch = []
                if progress:
                    progress(table.name, done, total)
        if batch:
            target.execute(insert(table), batch)
            done += len(batch)
        if progress:
            progress(table.name, done, total)
        copied[table.name] = done
        if "id" in table.c and target.get_bind().dialect.name == "postgresql":
            target.execute(
                text("SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                     f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"),
                {"t": table.name})
    return copied


def _normal(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def table_digests(conn: Connection | Session) -> dict[str, tuple[int, str]]:
    """{table: (rows, sha256 of the rows in id order)}, the same on both engines."""
    out: dict[str, tuple[int, str]] = {}
    for table in tables():
        h = hashlib.sha256()
        n = 0
        for row in _rows(conn, table):
            h.update(json.dumps([_normal(v) for v in row], ensure_ascii=False,
                                separators=(",", ":")).encode("utf-8"))
            h.update(b"\n")
            n += 1
        out[table.name] = (n, h.hexdigest())
    return out
