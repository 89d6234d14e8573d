"""Merging two profiles of one person, visibly, audited, and undoable for a while.

A manager chooses which profile to keep and, field by field, whose name,
email, phone… the kept profile shows (:func:`preview` lays both side by side
with the conflicts and how they will be resolved). :func:`merge_guests` then,
in one write transaction:

* moves every visit, label, consent (and earlier merges) of the other profile
  to the kept one;
* resolves conflicts visibly: a label active on both stays once (the kept
  profile's; the other copy is set aside), two active consents for one purpose
  become one (the kept profile's; labels that relied on the other now rely on
  it);
* deletes the other guest row; its audit history stays under its token and is
  shown with the kept guest's (``guest_merge.merged_ref``);
* stores what an undo needs in ``guest_merge.undo_data`` and records "guest.merged".

:func:`undo_merge` puts everything back — the other profile with its id and
token, its rows, the set-aside label and consent, the kept profile's own
values — until :data:`UNDO_DAYS` have passed; then the undo data is cleared
(:func:`clear_expired_undo`). Erasing the kept guest deletes the merge row and
its undo data with them (cascade) and ledgers the other token too (app.erasure).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from app import phones, snapshots
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.guests import region_in
from app.i18n import Msg, _
from app.permissions import Action, require
from app.views import Actor, GuestInfo
from storage import name_terms, profiles
from storage.models import Assignment, Consent, Guest, GuestMerge
from storage.store import Store

UNDO_DAYS = 30
FIELDS = ("full_name", "preferred_name", "pronunciation", "language", "email", "phone")


@dataclass(frozen=True)
class Side:
    guest: GuestInfo
    visits: int
    labels: int
    consents: int


@dataclass(frozen=True)
class MergePreview:
    keep: Side
    other: Side
    differing: tuple[str, ...]  # fields whose values differ (the manager chooses)
    conflicts: tuple[Msg, ...]  # what will be resolved, and how


@dataclass(frozen=True)
class MergeInfo:
    id: int
    guest_id: int
    merged_ref: str
    merged_name: str  # the other profile's name while undo data is kept, else ""
    merged_at: dt.datetime
    undo_until: dt.datetime
    can_undo: bool


def _load(s: Any, guest_id: int) -> Guest:
    g = profiles.guest_with_rows(s, guest_id)
    if g is None:
        raise NotFound(_("That guest no longer exists."))
    return g


def _side(g: Guest) -> Side:
    return Side(snapshots.guest(g), len(g.visits),
                sum(1 for a in g.assignments if a.removed_at is None), len(g.consents))


def _plan(keep: Guest, other: Guest) -> tuple[list[Assignment], list[tuple[Consent, Consent]],
                                               list[Msg]]:
    """Labels on both (other's copy set aside) and consents on both (other's folded in)."""
    kept_labels = {a.label_id for a in keep.assignments if a.removed_at is None}
    dropped = [a for a in other.assignments if a.removed_at is None and a.label_id in kept_labels]
    conflicts = [_("The label “{label}” is on both profiles: it is kept once, as added to the "
                   "kept profile.", label=a.label.staff_wording) for a in dropped]
    folded: list[tuple[Consent, Consent]] = []
    for c in other.consents:
        if c.withdrawn_at is not None:
            continue
        same = [k for k in keep.consents if k.purpose == c.purpose and k.withdrawn_at is None]
        if same:
            folded.append((c, same[0]))
            conflicts.append(_("Both profiles have consent for {purpose}: the kept profile's "
                               "(given {day}) stays; labels relying on the other now rely on "
                               "it.", purpose=c.purpose.value,
                               day=same[0].given_at.date().isoformat()))
    return dropped, folded, conflicts


def preview(store: Store, actor: Actor, keep_id: int, other_id: int) -> MergePreview:
    require(store, actor, Action.MERGE_GUESTS)
    if keep_id == other_id:
        raise ValidationError(_("Merge"), _("Choose two different profiles to merge."))
    with store.read() as s:
        keep, other = _load(s, keep_id), _load(s, other_id)
        _dropped, _folded, conflicts = _plan(keep, other)
        differing = tuple(f for f in FIELDS if getattr(keep, f) != getattr(other, f))
        return MergePreview(_side(keep), _side(other), differing, tuple(conflicts))


def merge_guests(store: Store, actor: Actor, keep_id: int, other_id: int, *,
                 take_from_other: frozenset[str] = frozenset(),
                 now: dt.datetime | None = None) -> int:
    """Merge ``other_id`` into ``keep_id``; returns the merge's id (for :func:`undo_merge`)."""
    require(store, actor, Action.MERGE_GUESTS)
    if keep_id == other_id:
        raise ValidationError(_("Merge"), _("Choose two different profiles to merge."))
    unknown = set(take_from_other) - set(FIELDS)
    if unknown:
        raise ValidationError(_("Merge"), _("Unknown fields: {fields}.",
                                            fields=", ".join(sorted(unknown))))
    at = now or _now()
    with store.write() as s:
        profiles.clear_expired_undo(s, at)
        keep, other = _load(s, keep_id), _load(s, other_id)
        dropped, folded, _conflicts = _plan(keep, other)
        kept_before = {f: getattr(keep, f) for f in (*FIELDS, "phone_e164")}
        for f in sorted(take_from_other):
            setattr(keep, f, getattr(other, f))
        if "phone" in take_from_other:
            keep.phone_e164 = phones.to_e164(keep.phone, region_in(s))
        dropped_ids = {a.id for a in dropped}
        folded_ids = {c.id for c, _k in folded}
        repointed = [(a.id, a.consent_id) for a in other.assignments
                     if a.consent_id in folded_ids and a.id not in dropped_ids]
        undo: dict[str, Any] = {
            "guest": profiles.row_values(other),
            "kept_before": {f: kept_before[f] for f in kept_before
                            if kept_before[f] != getattr(keep, f)},
            "visits": [v.id for v in other.visits],
            "assignments": [a.id for a in other.assignments if a.id not in dropped_ids],
            "consents": [c.id for c in other.consents if c.id not in folded_ids],
            "merges": [m.id for m in other.merges],
            "dropped_assignments": [profiles.row_values(a) for a in dropped],
            "dropped_consents": [profiles.row_values(c) for c, _k in folded],
            "repointed": repointed,
        }
        s.flush()  # the kept profile's new values, before rows move under it
        new_consent = {c.id: k.id for c, k in folded}
        for aid, old in repointed:
            profiles.set_consent(s, [aid], new_consent[old] if old is not None else None)
        profiles.delete_rows(s, Assignment, sorted(dropped_ids))
        for key, model in profiles.MOVABLE.items():
            profiles.move_rows(s, model, undo[key], other.id, keep.id)
        profiles.delete_rows(s, Consent, sorted(folded_ids))
        other_ref = other.ref
        s.expunge(other)
        profiles.delete_guest_row(s, other_id)
        merge = GuestMerge(guest_id=keep.id, merged_ref=other_ref, merged_at=at,
                           merged_by=actor.id, undo_until=at + dt.timedelta(days=UNDO_DAYS),
                           undo_data=json.dumps(undo, default=str))
        s.add(merge)
        s.flush()
        record(s, actor, "guest.merged", guest_ref=keep.ref, at=at, merge_id=merge.id,
               merged_ref=other_ref, visits=len(undo["visits"]),
               labels=len(undo["assignments"]), consents=len(undo["consents"]),
               labels_set_aside=len(dropped), consents_folded=len(folded),
               fields=sorted(take_from_other))
        s.expire_all()
        return merge.id


def undo_merge(store: Store, actor: Actor, merge_id: int, *, now: dt.datetime | None = None
               ) -> GuestInfo:
    """Put both profiles back as they were before :func:`merge_guests`; returns the other."""
    require(store, actor, Action.MERGE_GUESTS)
    at = now or _now()
    with store.write() as s:
        profiles.clear_expired_undo(s, at)
        merge = s.get(GuestMerge, merge_id)
        if merge is None:
            raise NotFound(_("That merge was already undone."))
        if merge.undo_data is None or merge.undo_until < at:
            raise ValidationError(_("Undo merge"), _(
                "This merge can no longer be undone: the {days} days for undoing have passed.",
                days=UNDO_DAYS))
        undo = json.loads(merge.undo_data)
        keep = _load(s, merge.guest_id)
        other = dict(undo["guest"])
        if profiles.ref_taken(s, other["ref"]):
            raise ValidationError(_("Undo merge"), _("The other profile exists again already."))
        if profiles.id_taken(s, Guest, int(other["id"])):
            other.pop("id")  # its number went to a new guest since: it gets a new one
        profiles.insert_row(s, Guest, other)
        restored = profiles.guest_by_ref(s, other["ref"])
        assert restored is not None
        for key, model in profiles.MOVABLE.items():
            profiles.move_rows(s, model, undo[key], keep.id, restored.id)
        for row in undo["dropped_consents"]:
            if not profiles.id_taken(s, Consent, int(row["id"])):
                profiles.insert_row(s, Consent, {**row, "guest_id": restored.id})
        for row in undo["dropped_assignments"]:
            if not profiles.id_taken(s, Assignment, int(row["id"])):
                profiles.insert_row(s, Assignment, {**row, "guest_id": restored.id})
        for aid, old in undo["repointed"]:
            profiles.set_consent(s, [aid], old)
        for f, value in undo["kept_before"].items():
            setattr(keep, f, value)
        name_terms.remember_names(s, [restored.full_name, restored.preferred_name])
        merged_ref = merge.merged_ref
        s.delete(merge)
        record(s, actor, "guest.merge_undone", guest_ref=keep.ref, at=at, merge_id=merge_id,
               merged_ref=merged_ref)
        s.flush()
        s.expire_all()
        return snapshots.guest(_load(s, restored.id))


def recent_merges(store: Store, actor: Actor, *, guest_id: int | None = None,
                  now: dt.datetime | None = None) -> list[MergeInfo]:
    """Merges, newest first, with whether each can still be undone (manager's list)."""
    require(store, actor, Action.MERGE_GUESTS)
    at = now or _now()
    with store.read() as s:
        out = []
        for m in profiles.merges(s, guest_id=guest_id):
            name = ""
            if m.undo_data:
                name = str(json.loads(m.undo_data).get("guest", {}).get("full_name", ""))
            out.append(MergeInfo(m.id, m.guest_id, m.merged_ref, name, m.merged_at,
                                 m.undo_until, m.undo_data is not None and m.undo_until >= at))
        return out


def clear_expired_undo(store: Store, now: dt.datetime | None = None) -> int:
    """Clear undo data past its period (called by app.retention's daily purge)."""
    at = now or _now()
    with store.read() as s:
        if not profiles.any_expired_undo(s, at):
            return 0
    with store.write() as s:
        return profiles.clear_expired_undo(s, at)


def merged_refs(g: Guest) -> list[str]:
    """Tokens of profiles merged into ``g`` (erasure ledgers them with the guest's own)."""
    return [m.merged_ref for m in g.merges]

