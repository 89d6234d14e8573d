"""Fast multi-row inserts for demo data and imports (one statement per batch)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from storage.models import Base


def insert_rows(session: Session, model: type[Base], rows: Sequence[dict[str, Any]]) -> None:
    if rows:
        session.execute(insert(model), list(rows))


def max_id(session: Session, model: type[Base]) -> int:
    column = model.__table__.c.id
    return int(session.scalar(select(func.coalesce(func.max(column), 0))) or 0)
