"""Helpers shared by the import tests: counting what is in a store."""

from __future__ import annotations

from sqlalchemy import func, select

from storage.models import AuditEvent, Guest, Setting, Visit
from storage.store import Store


def counts(store: Store) -> tuple[int, int, int, int]:
    """(guests, visits, audit events, settings): all four unchanged means nothing was written."""
    with store.read() as s:
        return tuple(  # type: ignore[return-value]
            int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (Guest, Visit, AuditEvent, Setting)
        )
