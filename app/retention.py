"""Retention: labels disappear when their time is up; long-absent guests get a manager's review.

* Every assignment carries ``expires_at`` (added + the label's retention).
  :func:`purge_expired` deletes the rows past it (also labels already removed,
  which were kept only as history) and writes one "label.expired" event per
  guest with the count. The desk runs it at start and once a day.
* Labels staff took off stay as a record only for the venue's short record
  time (``venue_settings.REMOVED_RECORD_DAYS``): removing one shortens its
  ``expires_at`` (``app.labels``), so the same purge deletes it.
* Guests not seen for ``venue_settings.GUEST_MONTHS`` months (24 by default) are
  listed for a manager, who erases them or keeps them with a reason code;
  keeping stores ``guest.retention_reviewed_at`` so the guest leaves the list
  until another retention period has passed.
"""

from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Any

from app import venue_settings
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import N_, _
from app.permissions import Action, require
from app.views import Actor, GuestInfo
from storage import queries
from storage.models import Guest
from storage.store import Store

SETTING_GUEST_MONTHS = venue_settings.GUEST_MONTHS.key
DEFAULT_GUEST_MONTHS = int(venue_settings.GUEST_MONTHS.default)
MIN_MONTHS, MAX_MONTHS = venue_settings.GUEST_MONTHS.minimum, venue_settings.GUEST_MONTHS.maximum
REVIEW_LIMIT = 500

# Why a manager keeps a guest who has not visited for a long time (codes, no free text).
KEEP_REASONS: dict[str, str] = {
    "future_booking": N_("The guest has a booking or stay coming up"),
    "guest_asked": N_("The guest asked us to keep their details"),
    "legal_hold": N_("We must keep the record for a legal reason (invoice, claim)"),
    "regular_elsewhere": N_("The guest visits our other venue or was seen recently"),
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
    return venue_settings.int_value_in(s, venue_settings.GUEST_MONTHS)


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
    venue_settings.set_value(store, actor, venue_settings.GUEST_MONTHS, months)


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
