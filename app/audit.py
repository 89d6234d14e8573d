"""Writing audit events: every use case calls :func:`record` inside its write transaction.

Reads are audited too, shaped so the log stays readable and type-ahead stays cheap:

* **one guest's profile** (card, report, export, details): :func:`look` records
  "guest.opened" — except when the same person already did or saw something about
  that guest in the last 10 minutes (their own change, or their own opening), so a
  card re-read after one's own edit does not bury real looks in the guest's "who
  opened your profile" list. An explicit ``open_card`` is always recorded.
* **bulk reads** (paging through guests, the Today lists, an import preview):
  :func:`bulk_read` records what was listed and how many rows, never names; the
  Today lists, refreshed often, once per person, list and 10 minutes.
* **search**: :func:`note_search` records that searches happened and how many —
  never the typed text — at most once per person per minute (the count of the
  searches in between rides on the next event).
"""

from __future__ import annotations

import datetime as dt
import threading
import time

from sqlalchemy.orm import Session

from app.errors import StoreBusyError
from app.views import Actor
from storage import audit_chain, queries
from storage.errors import StoreBusy
from storage.store import Store

TOUCH_WINDOW = dt.timedelta(minutes=10)
SEARCH_WINDOW_S = 60.0
LIST_WINDOW_S = 600.0


def record(
    session: Session, actor: Actor | None, action: str, *, guest_ref: str | None = None,
    at: dt.datetime | None = None, **detail: object,
) -> None:
    """Append an event to the hash chain. ``detail`` holds ids and codes, never guest text."""
    from app.clock import now

    staff_id, fields = _who(actor, detail)
    audit_chain.append(session, at=at or now(), staff_id=staff_id, action=action,
                       guest_ref=guest_ref, detail=fields)


def record_last(
    session: Session, actor: Actor | None, action: str, *, guest_ref: str | None = None,
    at: dt.datetime | None = None, **detail: object,
) -> None:
    """:func:`record` as the transaction's last step: nothing is read or written in it
    after this event. On the shared store an audit-only write (a card open) then commits
    in the event's own round trip (``storage.audit_chain.append``'s ``last``): when this
    returns the event is committed, or it raised and nothing was."""
    from app.clock import now

    staff_id, fields = _who(actor, detail)
    audit_chain.append(session, at=at or now(), staff_id=staff_id, action=action,
                       guest_ref=guest_ref, detail=fields, last=True)


def _who(actor: Actor | None, detail: dict[str, object]
         ) -> tuple[int | None, dict[str, object]]:
    """The event's staff id and detail: a credential that is not a person is named in the
    detail (it has no staff row)."""
    staff_id = actor.id if actor and not actor.service else None
    if actor and actor.service:
        return staff_id, {**detail, "credential": actor.service}
    return staff_id, dict(detail)


def record_late(store: Store, actor: Actor, action: str, *, guest_ref: str | None,
                at: dt.datetime, **detail: object) -> bool:
    """Record an event while another desk's long write holds the local store: written
    durably beside it now, put on the chain by the next write (``storage.audit_journal``),
    with its own time. Only where ``store.defers_events``; call after the read it audits.
    False when it could not be written there: then what was read must not be shown until
    the event is recorded the usual way."""
    staff_id, fields = _who(actor, detail)
    return store.defer_event(at=at, staff_id=staff_id, action=action, guest_ref=guest_ref,
                             detail=fields)


def look(session: Session, actor: Actor, guest_ref: str, at: dt.datetime, *, via: str) -> bool:
    """Audit a read of one guest's profile, unless this person touched it within 10 minutes.

    Returns whether an event was written. Call inside the read's write transaction.
    """
    last = queries.last_touch(session, guest_ref, actor.id)
    if last is not None and dt.timedelta(0) <= at - last < TOUCH_WINDOW:
        return False
    record(session, actor, "guest.opened", guest_ref=guest_ref, at=at, via=via)
    return True


# (store id, staff id, what…) -> (monotonic time of the last event, reads since, rows since)
_pending: dict[tuple[object, ...], tuple[float, int, int]] = {}
_lock = threading.Lock()


def _due(key: tuple[object, ...], window: float, rows: int) -> tuple[int, int] | None:
    """Count this read; (reads, rows) to record now, or None while the window is open."""
    clock = time.monotonic()
    with _lock:
        last, reads, total = _pending.get(key, (-window - 1.0, 0, 0))
        reads, total = reads + 1, total + rows
        if clock - last < window:
            _pending[key] = (last, reads, total)
            return None
        _pending[key] = (clock, 0, 0)
    return reads, total


def _put_back(key: tuple[object, ...], reads: int, rows: int) -> None:
    """A counted event could not be written (another desk holds the write lock): keep its
    counts pending and due, so the next read of the same kind writes them."""
    with _lock:
        _last, more_reads, more_rows = _pending.get(key, (0.0, 0, 0))
        _pending[key] = (-float("inf"), reads + more_reads, rows + more_rows)


def bulk_read(store: Store, actor: Actor, action: str, *, rows: int, window: float = 0.0,
              key: tuple[object, ...] = (), **detail: object) -> bool:
    """Record a read of many guests (what was listed, how many rows; never names).

    With ``window`` (seconds), the same person listing the same ``key`` again within it
    is only counted, and the count rides on the next event. Returns whether one was written.
    """
    pending = (store.store_id, actor.id, action, *key)
    due = _due(pending, window, rows)
    if due is None:
        return False
    from app.clock import now

    reads, rows_since = due
    fields: dict[str, object] = {"rows": rows, **({"reads": reads} if window else {}), **detail}
    try:
        # A counted list does not wait for the lock beyond a moment (see the except).
        with store.write(audit_only=True, brief=bool(window)) as s:
            audit_chain.append(s, at=now(), staff_id=actor.id, action=action, guest_ref=None,
                               detail=fields)
    except (StoreBusyError, StoreBusy):
        if not window:
            raise  # an uncounted read is recorded with the read, or the read fails
        # A counted list (Today's, refreshed often) is not held up by another desk's long
        # write: its count waits for the next refresh, as a search's does.
        _put_back(pending, reads, rows_since)
        return False
    return True


def note_search(store: Store, actor: Actor, results: int) -> bool:
    """A search happened: recorded at most once per person per minute, with the count of
    searches (and results) since the last such event. The typed text is never kept."""
    pending = (store.store_id, actor.id, "guests.searched")
    due = _due(pending, SEARCH_WINDOW_S, results)
    if due is None:
        return False
    searches, total = due
    try:
        with store.write(audit_only=True, brief=True) as s:
            record(s, actor, "guests.searched", searches=searches, results=total)
    except (StoreBusyError, StoreBusy):
        # Reading is never held up by a writer: if another desk holds the lock beyond a
        # moment (an import's events and commit), the count stays pending and rides on the
        # next search's event.
        _put_back(pending, searches, total)
        return False
    except BaseException:
        # Any other failure (the server gone): the count stays pending too, and the error
        # is the caller's (the results may have been shown already: find_guests' hand_over).
        _put_back(pending, searches, total)
        raise
    return True


def forget_pending() -> None:
    """Start every window afresh (tests)."""
    with _lock:
        _pending.clear()
