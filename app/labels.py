"""Putting approved labels on guests and taking them off again.

The service, not the UI, refuses anything but an approved label, and a
special-category (health) label without the guest's recorded consent.

Taking a label off keeps as little as the reason allows:

* **the guest asked us to forget it** (Show guest's "Please forget this", or
  staff choosing that reason at the desk): the assignment row is deleted and
  the audit event ("label.forgotten") names neither the label nor the
  assignment, so nothing left in the store tells which label it was. The
  "label.assigned" event never named the label either (only the assignment's
  row number, which now points at nothing), and the WAL is folded back into the
  file so the deleted row's old page does not linger there;
* **staff removed it** (no longer true, added by mistake): a normal label's row
  stays, with who removed it and why, for the venue's short record time
  (``venue_settings.REMOVED_RECORD_DAYS``, default 30 days) so a manager can
  check the change; then retention deletes it. A health label's row is deleted
  at once: nothing of special-category data outlives its use.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from app import snapshots, venue_settings
from app.audit import record
from app.clock import now as _now
from app.errors import ConsentRequired, LabelNotApproved, NotFound, ValidationError
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor, AssignmentInfo, LabelInfo
from storage import queries
from storage.models import (
    Assignment,
    ConsentPurpose,
    Guest,
    Label,
    LabelStatus,
    RemovalReason,
    Sensitivity,
    Source,
)
from storage.store import Store

# Reasons staff may pick when removing a label at the desk.
DESK_REMOVAL_REASONS = (
    RemovalReason.GUEST_REQUEST,
    RemovalReason.NO_LONGER_TRUE,
    RemovalReason.ADDED_BY_MISTAKE,
)
SCRUB_WAIT_MS = 500
# Removals that keep nothing: the row is deleted in the same transaction.
FORGETTING_REASONS = frozenset({RemovalReason.GUEST_REQUEST, RemovalReason.CONSENT_WITHDRAWN})


def approved_labels(store: Store, actor: Actor) -> list[LabelInfo]:
    """The picker's list: approved labels only."""
    require(store, actor, Action.ASSIGN_LABEL)
    with store.read() as s:
        return [snapshots.label(lb) for lb in queries.labels_with_status(s, LabelStatus.APPROVED)]


def check_source(sensitivity: Sensitivity, source: Source) -> None:
    """Health information rests on what the guest tells us, never on what staff think they
    saw (issue #17; added by the desk helper). The desk calls it before asking consent."""
    if sensitivity == Sensitivity.SPECIAL and Source(source) != Source.GUEST_TOLD:
        raise ValidationError(_("Source"), _(
            "Health information is recorded only when the guest tells us: ask the guest, "
            "and add it as “the guest told us”, with their consent."))


def assign_label(
    store: Store, actor: Actor, guest_id: int, label_id: int, source: Source, *,
    now: dt.datetime | None = None,
) -> AssignmentInfo:
    require(store, actor, Action.ASSIGN_LABEL)
    at = now or _now()
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        lb = s.get(Label, label_id)
        if lb is None or lb.status != LabelStatus.APPROVED:
            raise LabelNotApproved(_(
                "Only approved labels can be added to a guest. Propose the label and a "
                "manager will review it."
            ))
        if queries.active_assignment(s, guest_id, label_id) is not None:
            raise ValidationError(_("Label"), _("The guest already has this label."))
        consent_id = None
        check_source(lb.sensitivity, source)
        if lb.sensitivity == Sensitivity.SPECIAL:
            consent = queries.active_consent(s, guest_id, ConsentPurpose.HEALTH)
            if consent is None:
                raise ConsentRequired(_(
                    "This label is health information: record the guest's explicit consent "
                    "first, or leave it off."
                ))
            consent_id = consent.id
        a = Assignment(
            guest_id=guest_id, label_id=label_id, added_by=actor.id, added_at=at,
            source=Source(source), expires_at=at + dt.timedelta(days=lb.retention_days),
            consent_id=consent_id,
        )
        s.add(a)
        s.flush()
        # No label id: if the guest later asks us to forget it, nothing may tell which it was.
        record(s, actor, "label.assigned", guest_ref=g.ref, at=at, assignment=a.id,
               source=a.source.value)
        return snapshots.assignment(a)


def remove_label(
    store: Store, actor: Actor, assignment_id: int, reason: RemovalReason, *,
    now: dt.datetime | None = None,
) -> None:
    """Take a label off a guest, keeping only what the reason allows (see the module doc)."""
    require(store, actor, Action.REMOVE_LABEL)
    at = now or _now()
    why = RemovalReason(reason)
    with store.write() as s:
        a = s.get(Assignment, assignment_id)
        if a is None or a.removed_at is not None:
            raise NotFound(_("That label is no longer on the guest."))
        ref = a.guest.ref
        deleted = why in FORGETTING_REASONS or a.label.sensitivity == Sensitivity.SPECIAL
        if deleted:
            forget_in_merge_undo(a)
        if why in FORGETTING_REASONS:
            s.delete(a)
            record(s, actor, "label.forgotten", guest_ref=ref, at=at)
        elif deleted:
            s.delete(a)
            record(s, actor, "label.removed", guest_ref=ref, at=at, reason=why.value)
        else:
            _remove(a, actor, why, at)
            record(s, actor, "label.removed", guest_ref=ref, at=at, assignment=a.id,
                   reason=why.value)
    if deleted:
        scrub(store)


def forget_label(store: Store, actor: Actor, assignment_id: int, *,
                 now: dt.datetime | None = None) -> None:
    """The guest's "Please forget this": the label is deleted, and nothing tells which it was."""
    require(store, actor, Action.REMOVE_LABEL)
    remove_label(store, actor, assignment_id, RemovalReason.GUEST_REQUEST, now=now)


def forget_in_merge_undo(a: Assignment) -> None:
    """Take a deleted label out of what a merge keeps for its undo (``guest_merge``).

    A merge of two profiles keeps, for its undo period, the rows it moved (ids) and the
    duplicate labels it set aside (whole rows, label ids included). When the guest has
    a label forgotten, or a health label goes, neither may tell it any more: the
    assignment leaves the moved ids, and set-aside copies of the same label go too.
    """
    for m in a.guest.merges:
        if not m.undo_data:
            continue
        undo = json.loads(m.undo_data)
        undo["assignments"] = [i for i in undo.get("assignments", []) if i != a.id]
        undo["repointed"] = [p for p in undo.get("repointed", []) if p[0] != a.id]
        undo["dropped_assignments"] = [r for r in undo.get("dropped_assignments", [])
                                       if r.get("label_id") != a.label_id]
        m.undo_data = json.dumps(undo, default=str)


def _remove(a: Assignment, actor: Actor | None, reason: RemovalReason, at: dt.datetime) -> None:
    """Mark a normal label removed; its record is kept for the venue's short record time."""
    a.removed_at = at
    a.removed_by = actor.id if actor else None
    a.removal_reason = reason
    s = _session_of(a)
    days = venue_settings.int_value_in(s, venue_settings.REMOVED_RECORD_DAYS)
    a.expires_at = min(a.expires_at, at + dt.timedelta(days=days))


def _session_of(a: Assignment) -> Any:
    from sqlalchemy.orm import object_session

    return object_session(a)


def shorten_removed_records(s: Any, days: int) -> int:
    """A shorter record time applies to the records already kept (a longer one does not)."""
    changed = 0
    for a in queries.removed_assignments(s):
        until = (a.removed_at or a.expires_at) + dt.timedelta(days=days)
        if until < a.expires_at:
            a.expires_at = until
            changed += 1
    return changed


def scrub(store: Store) -> None:
    """Push the deleted rows' old page images out of the store's files, as erasure does.

    ``secure_delete`` zeroes the deleted cells in the page; until the WAL is folded
    back and emptied it still holds the page as it was. Best effort and short: a
    reader holding the WAL (another desk) delays the emptying, never the guest's choice.
    """
    store.scrub_deleted(SCRUB_WAIT_MS)
