"""The look-ups an import needs, each answered from an index for just the file's keys.

An import used to load every guest to match rows in memory, so its cost grew
with the store (13 s and ~700 MB for 200 rows on a million guests). These
functions take the keys found in the file (emails, phones, booking numbers,
dates) and ask for only those rows, in chunks that keep each statement's
parameter list short, so the cost follows the file.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, TypeVar

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from storage import bulk
from storage.models import Visit, VisitKind

CHUNK = 500
T = TypeVar("T")


def _chunks(values: Iterable[T]) -> Iterator[list[T]]:
    items = list(dict.fromkeys(values))  # unique, in order
    for i in range(0, len(items), CHUNK):
        yield items[i:i + CHUNK]


def email_key(email: str) -> str:
    """The form emails are compared in: trimmed, ASCII letters lower-cased.

    The same folding as the ``lower(email)`` index (SQLite's ``lower()`` folds ASCII
    only), so the index answers the look-up.
    """
    if email.isascii():   # nearly every address: the same folding, ten times quicker
        return email.strip().lower()
    return email.strip().translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _rows_in(s: Session, head: str, chunk: Sequence[object]) -> list[Any]:
    """Rows of ``head`` (a statement ending in ``… IN``) for one chunk of keys, through the
    driver: building SQLAlchemy's expanding ``IN`` of 500 values cost more than the
    index look-ups themselves (a 100,000-row file asks some 600 of these)."""
    mark = bulk.placeholder(s)
    return list(s.connection().exec_driver_sql(
        f"{head} ({', '.join([mark] * len(chunk))})", tuple(chunk)))


def guests_by_email(s: Session, keys: Iterable[str]) -> list[tuple[int, str, str]]:
    """(id, ref, email key) of guests whose email matches one of ``keys`` (see email_key)."""
    out: list[tuple[int, str, str]] = []
    for chunk in _chunks(keys):
        rows = _rows_in(s, "SELECT id, ref, lower(email) FROM guest WHERE lower(email) IN",
                        chunk)
        out += [(int(r[0]), str(r[1]), str(r[2])) for r in rows]
    return sorted(out)


def guests_by_phone(s: Session, phones: Iterable[str]) -> list[tuple[int, str, str, str]]:
    """(id, ref, full name, E.164 phone) of guests whose number is one of ``phones`` (E.164)."""
    out: list[tuple[int, str, str, str]] = []
    for chunk in _chunks(phones):
        rows = _rows_in(s, "SELECT id, ref, full_name, phone_e164 FROM guest "
                           "WHERE phone_e164 IN", chunk)
        out += [(int(r[0]), str(r[1]), str(r[2]), str(r[3])) for r in rows]
    return sorted(out)


def visits_by_reference(s: Session, references: Iterable[str]
                        ) -> list[tuple[int, str, str, VisitKind]]:
    """(guest id, guest ref, reference, kind) of visits carrying one of ``references``."""
    out: list[tuple[int, str, str, VisitKind]] = []
    for chunk in _chunks(references):
        rows = _rows_in(s, "SELECT visit.guest_id, guest.ref, visit.reference, visit.kind "
                           "FROM visit JOIN guest ON guest.id = visit.guest_id "
                           "WHERE visit.reference IN", chunk)
        out += [(int(r[0]), str(r[1]), str(r[2]), VisitKind(r[3])) for r in rows]
    return sorted(out)


def _stamp(value: Any) -> dt.datetime:
    """A visit's start read through the driver: SQLite keeps it as the text SQLAlchemy
    writes (``2026-03-01 14:00:00.000000``), PostgreSQL's driver gives a ``datetime``."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def visits_on_days(s: Session, days: Sequence[dt.date]
                   ) -> list[tuple[int, str, str, VisitKind, dt.datetime, str]]:
    """(guest id, guest ref, full name, kind, start, place) of the visits starting on ``days``.

    Rows with neither email nor phone are recognised by name, day and room or table;
    the ``starts_at`` index answers one range per day. Through the driver, as the other
    look-ups (ORM rows cost more than the look-up: docs/performance.md)."""
    # The bounds converted as SQLAlchemy converts a visit's start (SQLite compares text).
    bind = bulk.binder(s, Visit, ("starts_at", "starts_at"))
    mark = bulk.placeholder(s)
    conn = s.connection()
    sql = ("SELECT visit.guest_id, guest.ref, guest.full_name, visit.kind, visit.starts_at, "
           "visit.place FROM visit JOIN guest ON guest.id = visit.guest_id "
           f"WHERE visit.starts_at >= {mark} AND visit.starts_at < {mark}")
    out: list[tuple[int, str, str, VisitKind, dt.datetime, str]] = []
    for day in sorted(set(days)):
        start = dt.datetime.combine(day, dt.time())
        rows = conn.exec_driver_sql(sql, bind((start, start + dt.timedelta(days=1))))
        out += [(int(r[0]), str(r[1]), str(r[2]), VisitKind(r[3]), _stamp(r[4]), str(r[5]))
                for r in rows]
    return out


def visit_keys_for_guests(s: Session, guest_ids: Iterable[int]
                          ) -> set[tuple[int, VisitKind, dt.datetime]]:
    """(guest id, kind, start) of the visits these guests already have: re-imports skip them."""
    kinds = {k.value: k for k in VisitKind}
    out: set[tuple[int, VisitKind, dt.datetime]] = set()
    for chunk in _chunks(guest_ids):
        rows = _rows_in(s, "SELECT guest_id, kind, starts_at FROM visit WHERE guest_id IN",
                        chunk)
        out.update((int(r[0]), kinds[r[1]], _stamp(r[2])) for r in rows)
    return out


def guest_names(s: Session, guest_ids: Sequence[int]) -> dict[int, str]:
    out: dict[int, str] = {}
    for chunk in _chunks(guest_ids):
        out.update((int(r[0]), str(r[1])) for r in
                   _rows_in(s, "SELECT id, full_name FROM guest WHERE id IN", chunk))
    return out


def guests_named(s: Session, names: Iterable[str]) -> list[str]:
    """The full names among ``names`` that some guest already has (exact spelling), each once.

    Each name is asked whether one guest has it (one index seek), not for every guest who
    has it: a guest book repeats common names, and ``SELECT DISTINCT full_name … IN`` read
    every one of their index entries (a 100,000-row file's 53,000 names at a million
    guests: 0.34-0.39 s of the preview's CPU, 0.20-0.23 s this way)."""
    if s.get_bind().dialect.name != "sqlite":
        out: list[str] = []
        for chunk in _chunks(names):
            out += [str(r[0]) for r in _rows_in(
                s, "SELECT DISTINCT full_name FROM guest WHERE full_name IN", chunk)]
        return out
    conn = s.connection()
    found: list[str] = []
    for start in range(0, len(unique := list(dict.fromkeys(names))), _NAMES_PER_STATEMENT):
        found += [str(r[0]) for r in conn.exec_driver_sql(
            "SELECT value FROM json_each(?) "
            "WHERE EXISTS (SELECT 1 FROM guest WHERE full_name = value)",
            (json.dumps(unique[start:start + _NAMES_PER_STATEMENT], ensure_ascii=False),))]
    return found


_NAMES_PER_STATEMENT = 5_000


def last_audit_id(s: Session) -> int:
    """The newest audit event's id: every write appends one, so an unchanged id between a
    read and a later write means nothing was written in between."""
    from storage.models import AuditEvent

    return int(s.scalar(select(func.coalesce(func.max(AuditEvent.id), 0))) or 0)


def actions_after(s: Session, event_id: int) -> set[str]:
    """The kinds of audit events written after ``event_id`` (a primary-key range)."""
    from storage.models import AuditEvent

    return {str(r[0]) for r in s.execute(
        select(AuditEvent.action).where(AuditEvent.id > event_id).distinct())}
