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
from collections.abc import Callable, Iterable, Iterator
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
              progress: Progress | None = None,
              source_digests: dict[str, tuple[int, str]] | None = None) -> dict[str, int]:
    """Insert every source row into the target; {table: rows copied}.

    ``source_digests``, when given, is filled with :func:`table_digests` of the source,
    computed from the rows as they are copied (one read of the source instead of two:
    at a million guests, reading the encrypted local store took as long as the copy).

    On PostgreSQL the rows go in with ``COPY … FROM STDIN`` (psycopg's ``copy``), each
    value first passed through the column type's own bind step, exactly as an ``INSERT``
    would send it; other targets get batched ``INSERT``s. ``COPY`` is several times faster
    at a million guests (no statement to build, parse and plan per batch; see
    docs/performance.md), and the digests compared afterwards would catch any value it
    carried differently.
    """
    copied: dict[str, int] = {}
    postgres = target.get_bind().dialect.name == "postgresql"
    for table in tables():
        total = int(source.execute(select(func.count()).select_from(table)).scalar() or 0)
        digest = _Digest(table) if source_digests is not None else None
        rows = _rows(source, table)
        if digest is not None:
            rows = _fed(rows, digest)
        if postgres:
            done = _copy_in(rows, target, table, total, progress)
        else:
            done = _insert_in(rows, target, table, total, progress)
        if digest is not None and source_digests is not None:
            source_digests[table.name] = digest.result()
        if progress:
            progress(table.name, done, total)
        copied[table.name] = done
        if "id" in table.c and postgres:
            target.execute(
                text("SELECT setval(pg_get_serial_sequence(:t, 'id'), "
                     f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"),
                {"t": table.name})
    return copied


def _fed(rows: Iterable[Any], digest: _Digest) -> Iterator[Any]:
    for row in rows:
        digest.add(row)
        yield row


def _insert_in(rows: Iterable[Any], target: Session, table: Table, total: int,
               progress: Progress | None) -> int:
    done = 0
    batch: list[dict[str, Any]] = []
    for row in rows:
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
    return done


def _copy_in(rows: Iterable[Any], target: Session, table: Table, total: int,
             progress: Progress | None) -> int:
    """``COPY table (columns) FROM STDIN`` inside the target's transaction."""
    conn = target.connection()
    dialect = conn.dialect
    columns = list(table.c)
    steps = [c.type.dialect_impl(dialect).bind_processor(dialect) for c in columns]
    plain = all(step is None for step in steps)
    quote = dialect.identifier_preparer.quote
    statement = (f"COPY {quote(table.name)} ({', '.join(quote(c.name) for c in columns)}) "
                 "FROM STDIN")
    raw: Any = conn.connection.dbapi_connection  # psycopg's own connection: its copy()
    done = 0
    with raw.cursor() as cur, cur.copy(statement) as copy:
        for row in rows:
            if plain:
                copy.write_row(tuple(row))
            else:
                copy.write_row(tuple(v if step is None or v is None else step(v)
                                     for step, v in zip(steps, row, strict=True)))
            done += 1
            if progress and done % BATCH == 0:
                progress(table.name, done, total)
    return done


def _normal(value: Any) -> Any:
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    if isinstance(value, bool):
        return int(value)
    if hasattr(value, "value") and isinstance(value.value, str):  # enums
        return value.value
    return value


def _needs_normal(table: Table) -> list[int]:
    """Positions of the columns whose values :func:`_normal` may change (dates, flags,
    enums): plain text and numbers go into the digest as they are, without a call per value
    (a million guests' digests spent most of their time there)."""
    out = []
    for i, column in enumerate(table.c):
        try:
            kind: Any = column.type.python_type
        except NotImplementedError:
            kind = None
        if kind not in (int, str, float, bytes):
            out.append(i)
    return out


class _Digest:
    """One table's digest, fed row by row (by :func:`table_digests`, or by the copy)."""

    _dumps = json.JSONEncoder(ensure_ascii=False, separators=(",", ":")).encode

    def __init__(self, table: Table) -> None:
        self._hash = hashlib.sha256()
        self._normal = _needs_normal(table)
        self.rows = 0

    def add(self, row: Any) -> None:
        values = list(row)
        for i in self._normal:
            values[i] = _normal(values[i])
        self._hash.update(self._dumps(values).encode("utf-8"))
        self._hash.update(b"\n")
        self.rows += 1

    def result(self) -> tuple[int, str]:
        return self.rows, self._hash.hexdigest()


def table_digests(conn: Connection | Session) -> dict[str, tuple[int, str]]:
    """{table: (rows, sha256 of the rows in id order)}, the same on both engines."""
    out: dict[str, tuple[int, str]] = {}
    for table in tables():
        digest = _Digest(table)
        for row in _rows(conn, table):
            digest.add(row)
        out[table.name] = digest.result()
    return out
