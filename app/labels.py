"""Putting approved labels on guests and taking them off again.

The service, not the UI, refuses anything but an approved label, and a
special-category (health) label without the guest's recorded consent.
"""

from __future__ import annotations

import datetime as dt

from app import snapshots
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
            raise LabelNotApproved(
                _("Only approved labels can be added to a guest. Propose the label and a "
                "manager will review it.")
            )
        if queries.active_assignment(s, guest_id, label_id) is not None:
            raise ValidationError(_("Label"), _("The guest already has this label."))
        consent_id = None
        check_source(lb.sensitivity, source)
        if lb.sensitivity == Sensitivity.SPECIAL:
            consent = queries.active_consent(s, guest_id, ConsentPurpose.HEALTH)
            if consent is None:
                raise ConsentRequired(
                    _("This label is health information: record the guest's explicit consent "
                    "first, or leave it off.")
                )
            consent_id = consent.id
        a = Assignment(
            guest_id=guest_id, label_id=label_id, added_by=actor.id, added_at=at,
            source=Source(source), expires_at=at + dt.timedelta(days=lb.retention_days),
            consent_id=consent_id,
        )
        s.add(a)
        s.flush()
        record(s, actor, "label.assigned", guest_ref=g.ref, at=at, assignment=a.id,
               label=lb.id, source=a.source.value)
        return snapshots.assignment(a)


def remove_label(
    store: Store, actor: Actor, assignment_id: int, reason: RemovalReason, *,
    now: dt.datetime | None = None,
) -> None:
    """Take a label off a guest; the row stays (with who/when/why) until retention ends."""
    require(store, actor, Action.REMOVE_LABEL)
    at = now or _now()
    with store.write() as s:
        a = s.get(Assignment, assignment_id)
        if a is None or a.removed_at is not None:
            raise NotFound(_("That label is no longer on the guest."))
        _remove(a, actor, RemovalReason(reason), at)
        record(s, actor, "label.removed", guest_ref=a.guest.ref, at=at, assignment=a.id,
               label=a.label_id, reason=RemovalReason(reason).value)


def _remove(a: Assignment, actor: Actor | None, reason: RemovalReason, at: dt.datetime) -> None:
    a.removed_at = at
    a.removed_by = actor.id if actor else None
    a.removal_reason = reason
