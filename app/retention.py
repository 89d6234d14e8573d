"""Retention: labels disappear when their time is up; long-absent guests get a manager's review.

* Every assignment carries ``expires_at`` (added + the label's retention).
  :func:`purge_expired` deletes the rows past it (also labels already removed,
  which were kept only as history) and writes one "label.expired" event per
  guest with the count. The desk runs it at start and once a day.
* Guests not seen for :data:`DEFAULT_GUEST_MONTHS` months (a setting in the
  ``setting`` table) are listed for a manager, who erases them or keeps them
  with a reason code; keeping stores ``guest.retention_reviewed_at`` so the
  guest leaves the list until another retention period has passed.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor, GuestInfo
from storage import queries
from storage.models import Guest, Setting
from storage.store import Store

SETTING_GUEST_MONTHS = "retention.guest_months"
DEFAULT_GUEST_MONTHS = 24
MIN_MONTHS, MAX_MONTHS = 1, 120
REVIEW_LIMIT = 500

# Why a manager keeps a guest who has not visited for a long time (codes, no free text).
KEEP_REASONS: dict[str, str] = {
    "future_booking": "The guest has a booking or stay coming up",
    "guest_asked": "The guest asked us to keep their details",
    "legal_hold": "We must keep the record for a legal reason (invoice, claim)",
    "regular_elsewhere": "The guest visits our other venue or was seen recently",
}


@dataclass(frozen=True)
class PurgeResult:
    assignments: int
    guests: int


@dataclass(frozen=True)
class RetentionCandidate:
    guest: GuestInfo
    last_seen: dt.datetime


def guest_retention_months(s: Any) -> int:
    """The configured number of months (in an open session); the default if unset or bad."""
    row = s.get(Setting, SETTING_GUEST_MONTHS)
    try:
        months = int(row.value) if row is not None else DEFAULT_GUEST_MONTHS
    except ValueError:
        return DEFAULT_GUEST_MONTHS
    return months if MIN_MONTHS <= months <= MAX_MONTHS else DEFAULT_GUEST_MONTHS


def months_before(at: dt.datetime, months: int) -> dt.datetime:
    """The same wall-clock moment ``months`` calendar months earlier (day clipped to 28)."""
    total = at.year * 12 + (at.month - 1) - months
    year, month = divmod(total, 12)
    return at.replace(year=year, month=month + 1, day=min(at.day, 28))


def purge_expired(store: Store, now: dt.datetime | None = None, *,
                  batch_guests: int = 200, pause_s: float = 0.15) -> PurgeResult:
    """Delete every assignment whose retention has ended; one audit event per guest.

    Runs without a signed-in actor (at start and daily): the events name no staff.
    Works in short transactions of ``batch_guests`` guests with a pause between
    full batches, so a large backlog never holds the store's write lock for long
    and a desk writing at the same time gets its turn (SQLite's lock is not
    fair: back-to-back transactions would starve it). Nothing is written when
    nothing has expired.
    """
    at = now or _now()
    from app.merge import clear_expired_undo  # search helper's hook: merge undo data expires

    clear_expired_undo(store, at)
    with store.read() as s:
        if not queries.any_expired_assignment(s, at):
            return PurgeResult(0, 0)
    assignments = guests = 0
    while True:
        with store.write() as s:
            counts = queries.delete_expired_assignments(s, at, batch_guests)
            for ref, n in sorted(counts.items()):
                record(s, None, "label.expired", guest_ref=ref, at=at, deleted=n)
        if not counts:
            return PurgeResult(assignments, guests)
        assignments += sum(counts.values())
        guests += len(counts)
        if len(counts) >= batch_guests:
            time.sleep(pause_s)


def retention_months(store: Store) -> int:
    with store.read() as s:
        return guest_retention_months(s)


def set_retention_months(store: Store, actor: Actor, months: int) -> None:
    require(store, actor, Action.MANAGE_RETENTION)
    if not MIN_MONTHS <= months <= MAX_MONTHS:
        raise ValidationError(_("Months"), _(
            "Choose between {low} and {high} months.", low=MIN_MONTHS, high=MAX_MONTHS))
    with store.write() as s:
        s.merge(Setting(key=SETTING_GUEST_MONTHS, value=str(months)))
        record(s, actor, "setting.changed", setting=SETTING_GUEST_MONTHS, value=months)


def due_for_review(store: Store, actor: Actor, now: dt.datetime | None = None,
                   limit: int = REVIEW_LIMIT) -> list[RetentionCandidate]:
    """Guests not seen (and not kept) for the retention period, longest absent first."""
    require(store, actor, Action.MANAGE_RETENTION)
    from app import snapshots

    at = now or _now()
    with store.read() as s:
        cutoff = months_before(at, guest_retention_months(s))
        return [RetentionCandidate(snapshots.guest(g), seen)
                for g, seen in queries.guests_due_for_retention_review(s, cutoff, limit)]


def keep_guest(store: Store, actor: Actor, guest_id: int, reason: str,
               now: dt.datetime | None = None) -> None:
    """Keep a long-absent guest for another period, with a reason code (audited)."""
    require(store, actor, Action.MANAGE_RETENTION)
    if reason not in KEEP_REASONS:
        raise ValidationError(_("Reason"), _("Choose one of the listed reasons."))
    at = now or _now()
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        g.retention_reviewed_at = at
        record(s, actor, "guest.kept", guest_ref=g.ref, at=at, reason=reason)
