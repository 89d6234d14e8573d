"""Writing audit events: every use case calls :func:`record` inside its write transaction."""

from __future__ import annotations

import datetime as dt

from sqlalchemy.orm import Session

from app.views import Actor
from storage import audit_chain


def record(
    session: Session, actor: Actor | None, action: str, *, guest_ref: str | None = None,
    at: dt.datetime | None = None, **detail: object,
) -> None:
    """Append an event to the hash chain. ``detail`` holds ids and codes, never guest text."""
    from app.clock import now

    audit_chain.append(
        session,
        at=at or now(),
        staff_id=actor.id if actor else None,
        action=action,
        guest_ref=guest_ref,
        detail=dict(detail),
    )
