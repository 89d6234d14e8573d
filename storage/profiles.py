"""Named queries for one profile per person: likely duplicates, merging and undoing a merge.

Plain SQLAlchemy Core and ORM (no engine-specific SQL), so a PostgreSQL store
runs them unchanged. Rows move between guests with set-based UPDATEs, never
through the ORM's relationship collections: moving a visit out of a guest that
is about to be deleted must not let the delete cascade reach it.
"""

from __future__ import annotations

import datetime as dt
import enum
from collections.abc import Sequence
from typing import Any

from sqlalchemy import Date, DateTime, delete, insert, select, update
from sqlalchemy import Enum as SAEnum
from sqlalchemy.orm import Session

from storage.models import Assignment, Base, Consent, Guest, GuestMerge, Visit


def guests_by_phone(s: Session, e164: str, limit: int = 20) -> Sequence[Guest]:
    return s.scalars(select(Guest).where(Guest.phone_e164 == e164).limit(limit)).all()


def guest_with_rows(s: Session, guest_id: int) -> Guest | None:
    """A guest with visits, labels, consents and merges loaded (merge preview and merge)."""
    return s.get(Guest, guest_id)


def move_rows(s: Session, model: type[Base], ids: Sequence[int], from_id: int, to_id: int
              ) -> int:
    """Point rows ``ids`` of ``model`` that belong to ``from_id`` at guest ``to_id``."""
    if not ids:
        return 0
    table: Any = model.__table__
    done = s.execute(update(table).where(table.c.id.in_(list(ids)), table.c.guest_id == from_id)
                     .values(guest_id=to_id), execution_options={"synchronize_session": False})
    return int(getattr(done, "rowcount", 0) or 0)


def set_consent(s: Session, assignment_ids: Sequence[int], consent_id: int | None) -> None:
    if assignment_ids:
        s.execute(update(Assignment).where(Assignment.id.in_(list(assignment_ids)))
                  .values(consent_id=consent_id),
                  execution_options={"synchronize_session": False})


def delete_rows(s: Session, model: type[Base], ids: Sequence[int]) -> None:
    if ids:
        table: Any = model.__table__
        s.execute(delete(table).where(table.c.id.in_(list(ids))),
                  execution_options={"synchronize_session": False})


def row_values(row: Base) -> dict[str, Any]:
    """Every column of an ORM row as JSON-ready values (dates as ISO text, enums as values)."""
    out: dict[str, Any] = {}
    table: Any = row.__table__
    for col in table.columns:
        v = getattr(row, col.key)
        if isinstance(v, enum.Enum):
            v = v.value
        elif isinstance(v, dt.date | dt.datetime):
            v = v.isoformat()
        out[col.key] = v
    return out


def _typed(model: type[Base], values: dict[str, Any]) -> dict[str, Any]:
    table: Any = model.__table__
    out: dict[str, Any] = {}
    for col in table.columns:
        if col.key not in values:
            continue
        v = values[col.key]
        if v is not None:
            if isinstance(col.type, DateTime):
                v = dt.datetime.fromisoformat(v)
            elif isinstance(col.type, Date):
                v = dt.date.fromisoformat(v)
            elif isinstance(col.type, SAEnum) and col.type.enum_class is not None:
                v = col.type.enum_class(v)
        out[col.key] = v
    return out


def insert_row(s: Session, model: type[Base], values: dict[str, Any]) -> None:
    """Put back a row saved with :func:`row_values` (same id; triggers run as for any insert)."""
    s.execute(insert(model.__table__), [_typed(model, values)])  # type: ignore[arg-type]


def id_taken(s: Session, model: type[Base], row_id: int) -> bool:
    table: Any = model.__table__
    return s.execute(select(table.c.id).where(table.c.id == row_id)).first() is not None


def guest_by_ref(s: Session, ref: str) -> Guest | None:
    return s.scalar(select(Guest).where(Guest.ref == ref))


def ref_taken(s: Session, ref: str) -> bool:
    return s.execute(select(Guest.id).where(Guest.ref == ref)).first() is not None


def delete_guest_row(s: Session, guest_id: int) -> None:
    """Delete a guest row whose visits, labels and consents were moved away first."""
    s.execute(delete(Guest).where(Guest.id == guest_id),
              execution_options={"synchronize_session": False})


def merges(s: Session, *, guest_id: int | None = None, limit: int = 200
           ) -> Sequence[GuestMerge]:
    q = select(GuestMerge).order_by(GuestMerge.merged_at.desc(), GuestMerge.id.desc())
    if guest_id is not None:
        q = q.where(GuestMerge.guest_id == guest_id)
    return s.scalars(q.limit(limit)).all()


def clear_expired_undo(s: Session, at: dt.datetime) -> int:
    """Forget what undoing needs once the undo period has passed (data minimisation)."""
    done = s.execute(update(GuestMerge)
                     .where(GuestMerge.undo_until < at, GuestMerge.undo_data.is_not(None))
                     .values(undo_data=None),
                     execution_options={"synchronize_session": False})
    return int(getattr(done, "rowcount", 0) or 0)


def any_expired_undo(s: Session, at: dt.datetime) -> bool:
    return s.execute(select(GuestMerge.id).where(GuestMerge.undo_until < at,
                                                 GuestMerge.undo_data.is_not(None)).limit(1)
                     ).first() is not None


MOVABLE: dict[str, type[Base]] = {"visits": Visit, "assignments": Assignment,
                                  "consents": Consent, "merges": GuestMerge}
