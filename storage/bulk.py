"""Fast multi-row inserts for demo data and imports (one statement per batch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import Table, func, insert, select, text
from sqlalchemy.orm import Session

from storage.models import Base


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    """One Core executemany for the batch; every row must carry the same keys.

    Core, not the ORM's bulk insert: the ORM groups *consecutive* rows by which
    values are None, so randomly missing emails or phones split a batch into
    thousands of one-row statements (the demo build took 30% longer).
    """
    if rows:
        table = model.__table__
        assert isinstance(table, Table)
        session.execute(insert(table), list(rows))
        if "id" in rows[0] and session.get_bind().dialect.name == "postgresql":
            advance_id_sequence(session, table)


def advance_id_sequence(session: Session, table: Table) -> None:
    """After rows were inserted with their own ids, move PostgreSQL's id sequence past them.

    SQLite picks ``max(id) + 1`` by itself; a PostgreSQL serial column would
    otherwise hand out an id that a bulk insert already used.
    """
    session.execute(
        text("SELECT setval(pg_get_serial_sequence(:t, 'id'), "
             f"(SELECT coalesce(max(id), 0) + 1 FROM {table.name}), false)"),
        {"t": table.name},
    )


def max_id(session: Session, model: type[Base]) -> int:
    column = model.__table__.c.id
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0)
