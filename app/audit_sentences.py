"""The audit log in sentences: "Luca Rossi removed “Quiet room” at the guest's request".

The log itself holds codes and ids (``label.removed``, ``{"label": 12, "reason":
"guest_request"}``) so it never holds guest text and stays the same in every language.
This module turns each event into a :class:`app.i18n.Msg`, said in the reader's
language by the screen (``ui.i18n.say``). Labels and staff are named from the store;
a guest stays "the guest" (the log knows them only by a token).

An action without a sentence here (a new one another part adds) still reads as
"Name: the.action (details)", so nothing is ever hidden.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

from app import snapshots
from app.greeting import isolate
from app.i18n import N_, Msg, _, ngettext_
from app.permissions import Action, require
from app.views import Actor, AuditInfo
from storage import queries
from storage.models import RemovalReason, Role, Source, VisitKind
from storage.store import Store

# The reader-facing name of each action, for the filter's drop-down (codes stay the key).
ACTION_NAMES: dict[str, str] = {
    "backup.made": N_("Backup made"),
    "backup.settings": N_("Daily backup settings changed"),
    "consent.given": N_("Consent recorded"),
    "consent.withdrawn": N_("Consent withdrawn"),
    "demo.generated": N_("Demo data generated"),
    "guest.created": N_("Guest added"),
    "guest.erased": N_("Guest erased"),
    "guest.exported": N_("Guest's data exported"),
    "guest.kept": N_("Guest kept at retention review"),
    "guest.merged": N_("Two guest profiles merged"),
    "guest.merge_undone": N_("Guest merge undone"),
    "guest.opened": N_("Guest card opened"),
    "guests.listed": N_("Guest list read"),          # read auditing (trust-auth)
    "guests.searched": N_("Guests searched"),
    "arrivals.listed": N_("Arrivals or bookings list read"),
    "import.previewed": N_("Import previewed"),
    "guest.printed": N_("Guest's copy printed"),
    "guest.shown": N_("Shown to the guest"),
    "guest.updated": N_("Guest details corrected"),
    "import.mapping_saved": N_("Import columns saved"),
    "label.approved": N_("Label approved"),
    "label.assigned": N_("Label added to a guest"),
    "label.edited": N_("Label edited in review"),
    "label.expired": N_("Labels deleted at the end of retention"),
    "label.forgotten": N_("Label forgotten at the guest's request"),
    "label.proposed": N_("Label proposed"),
    "label.rejected": N_("Label rejected"),
    "label.removed": N_("Label removed from a guest"),
    "label.retention_changed": N_("Label retention changed"),
    "label.retired": N_("Label retired"),
    "label.reworded": N_("Label reworded"),
    "label.special_answer": N_("Special-category question answered"),
    "recovery.set_up": N_("Recovery passphrase set up"),
    "recovery.used": N_("Recovery passphrase used"),
    "setting.changed": N_("Setting changed"),
    "show_guest.ended": N_("Show guest ended"),
    "show_guest.wrong_pin": N_("Wrong PIN at Show guest"),
    "staff.activated": N_("Staff account reactivated"),
    "staff.created": N_("Staff member added"),
    "staff.deactivated": N_("Staff account deactivated"),
    "staff.pin_reset": N_("PIN reset"),
    "staff.role_changed": N_("Staff role changed"),
    "staff.sign_in_failed": N_("Wrong PIN"),
    "staff.signed_in": N_("Signed in"),
    "staff.unlocked": N_("Staff account unlocked"),
    "store.restored": N_("Store restored from a backup"),
    "store.copied_out": N_("Store copied to a shared store"),
    "store.moved_in": N_("Local store moved in"),
    "desk.store_chosen": N_("Desk set to this shared store"),
    "desk.store_left": N_("Desk set back to its local store"),
    "visit.arrived": N_("Marked arrived"),
    "visit.cancelled": N_("Visit cancelled"),
    "visit.departed": N_("Marked departed"),
    "visit.expected": N_("Marked expected again"),
    "visit.recorded": N_("Visit recorded"),
    "vocabulary.starter_loaded": N_("Starter vocabulary loaded"),
    "vocabulary.own_words_changed": N_("Own words changed"),
}

_ROLE = {Role.RECEPTIONIST: N_("receptionist"), Role.HOST: N_("host"),
         Role.MANAGER: N_("manager")}
_REMOVED_WHY = {
    RemovalReason.GUEST_REQUEST: N_("at the guest's request"),
    RemovalReason.NO_LONGER_TRUE: N_("because it is no longer true"),
    RemovalReason.ADDED_BY_MISTAKE: N_("because it was added by mistake"),
    RemovalReason.CONSENT_WITHDRAWN: N_("because the guest withdrew their consent"),
    RemovalReason.LABEL_RETIRED: N_("because the label was retired"),
    RemovalReason.EXPIRED: N_("because its retention ended"),
}
_FIELDS = {"full_name": N_("full name"), "preferred_name": N_("preferred name"),
           "pronunciation": N_("pronunciation"), "language": N_("language"),
           "email": N_("email"), "phone": N_("phone")}


def action_name(code: str) -> Msg:
    """The action as a reader names it ("Label removed from a guest"); unknown: the code."""
    name = ACTION_NAMES.get(code)
    return Msg(name) if name is not None else Msg("{code}", {"code": code})


@dataclass(frozen=True)
class Names:
    """What the sentences need from the store: label wordings and staff names by id."""

    labels: Mapping[int, str]
    staff: Mapping[int, tuple[str, Role]]
    language: str | None = None  # the reader's, for dates written in words

    def day(self, value: object) -> str:
        """An ISO date from the details ("2026-11-27") as the reader writes it
        ("27 Nov 2026", "27 nov 2026"); as stored when no language is given."""
        if self.language is None or not isinstance(value, str):
            return str(value)
        try:
            day = dt.date.fromisoformat(value)
        except ValueError:
            return value
        from app import localdates

        return localdates.short_date(day, self.language)

    def label(self, label_id: object) -> str:
        if isinstance(label_id, int) and label_id in self.labels:
            return self.labels[label_id]
        return f"#{label_id}"

    def person(self, staff_id: object) -> str:
        if isinstance(staff_id, int) and staff_id in self.staff:
            return isolate(self.staff[staff_id][0])
        return f"#{staff_id}"


def sentences(store: Store, actor: Actor, events: Sequence[AuditInfo],
              language: str | None = None) -> list[Msg]:
    """One sentence per event, reading the names it needs in one transaction; labels are
    named in ``language`` (the reader's) when given, else by their source-language name."""
    require(store, actor, Action.VIEW_AUDIT)
    details = [_detail(e.detail) for e in events]
    staff_ids = {v for d in details if isinstance(v := d.get("staff"), int)}
    staff_ids |= {v for d in details if isinstance(v := d.get("by"), int)}
    with store.read() as s:
        # Label events name the assignment, not the label (show-guest: a label the guest
        # later has forgotten must leave no trace); name it while the assignment exists.
        by_assignment = queries.assignment_label_ids(
            s, {v for d in details if "label" not in d and isinstance(v := d.get("assignment"),
                                                                     int)})
        for d in details:
            aid = d.get("assignment")
            if "label" not in d and isinstance(aid, int) and aid in by_assignment:
                d["label"] = by_assignment[aid]
        label_ids = {v for d in details if isinstance(v := d.get("label"), int)}
        found = queries.labels_by_ids(s, label_ids)
        labels = {i: (snapshots.label(lb).staff_name(language) if language else lb.staff_wording)
                  for i, lb in found.items()}
        staff = {i: (st.name, st.role) for i, st in queries.staff_names(s, staff_ids).items()}
    names = Names(labels, staff, language)
    return [describe(e, d, names) for e, d in zip(events, details, strict=True)]


def _detail(raw: str) -> dict[str, object]:
    try:
        data = json.loads(raw)
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def _who(event: AuditInfo) -> str:
    """The staff member's name, fenced in Unicode isolates when it is right-to-left."""
    return isolate(event.staff_name) if event.staff_id is not None else ""


def describe(event: AuditInfo, detail: Mapping[str, object], names: Names) -> Msg:
    """The sentence for one event (pure: the names come in ``names``)."""
    who = _who(event)
    build = SENTENCES.get(event.action)
    if build is not None:
        msg = build(who, detail, names)
        if msg is not None:
            return msg
    shown = ", ".join(f"{k}={v}" for k, v in sorted(detail.items()))
    if who:
        return _("{who}: {action} ({details})", who=who, action=event.action, details=shown) \
            if shown else _("{who}: {action}", who=who, action=event.action)
    return _("Frontdesk: {action} ({details})", action=event.action, details=shown) \
        if shown else _("Frontdesk: {action}", action=event.action)


Builder = Callable[[str, Mapping[str, object], Names], "Msg | None"]


def _int(detail: Mapping[str, object], key: str) -> int:
    value = detail.get(key)
    return value if isinstance(value, int) and not isinstance(value, bool) else 0


def _label_assigned(who: str, d: Mapping[str, object], n: Names) -> Msg:
    if "label" not in d:  # the label was forgotten since, or removed and purged
        if d.get("source") == Source.STAFF_OBSERVED.value:
            return _("{who} added a label that is no longer kept (staff observed it)", who=who)
        return _("{who} added a label that is no longer kept (the guest told us)", who=who)
    label = n.label(d.get("label"))
    if d.get("source") == Source.STAFF_OBSERVED.value:
        return _("{who} added “{label}” (staff observed it)", who=who, label=label)
    return _("{who} added “{label}” (the guest told us)", who=who, label=label)


def _label_removed(who: str, d: Mapping[str, object], n: Names) -> Msg:
    label = n.label(d.get("label")) if "label" in d else Msg(N_("a label no longer kept"))
    try:
        why = Msg(_REMOVED_WHY[RemovalReason(str(d.get("reason")))])
    except (KeyError, ValueError):
        why = Msg("{reason}", {"reason": d.get("reason")})
    if not who:
        return _("Frontdesk removed “{label}” {why}", label=label, why=why)
    return _("{who} removed “{label}” {why}", who=who, label=label, why=why)


def _consent_withdrawn(who: str, d: Mapping[str, object], n: Names) -> Msg:
    removed = d.get("removed")
    count = len(removed) if isinstance(removed, list) else _int(d, "deleted")
    if d.get("by_guest"):
        return ngettext_(
            "The guest withdrew their consent for health information; {n} health label was "
            "removed (recorded by {who})",
            "The guest withdrew their consent for health information; {n} health labels were "
            "removed (recorded by {who})", count, n=count, who=who)
    return ngettext_(
        "{who} recorded that the guest withdrew their consent for health information; {n} "
        "health label was removed",
        "{who} recorded that the guest withdrew their consent for health information; {n} "
        "health labels were removed", count, n=count, who=who)


def _guest_updated(who: str, d: Mapping[str, object], n: Names) -> Msg:
    fields = d.get("fields")
    names = [Msg(_FIELDS[f]) for f in fields if isinstance(f, str) and f in _FIELDS] \
        if isinstance(fields, list) else []
    listed = Msg(", ".join(f"{{f{i}}}" for i in range(len(names))),
                 {f"f{i}": m for i, m in enumerate(names)}) if names else Msg(N_("nothing"))
    if d.get("by_guest"):
        return _("The guest corrected their details in Show guest ({fields}); {who} was with "
                 "them", fields=listed, who=who)
    return _("{who} corrected the guest's details ({fields})", who=who, fields=listed)


def _visit_recorded(who: str, d: Mapping[str, object], n: Names) -> Msg:
    if d.get("kind") == VisitKind.STAY.value:
        return _("{who} recorded a hotel stay", who=who)
    return _("{who} recorded a restaurant booking", who=who)


def _staff_created(who: str, d: Mapping[str, object], n: Names) -> Msg:
    role = d.get("role")
    role_word = Msg(_ROLE[Role(role)]) if role in {r.value for r in Role} else Msg(
        "{role}", {"role": role})
    if d.get("first"):
        return _("{who} created the store's first manager account", who=who)
    return _("{who} added {name} as {role}", who=who, name=n.person(d.get("staff")),
             role=role_word)


def _role_changed(who: str, d: Mapping[str, object], n: Names) -> Msg:
    def word(value: object) -> Msg:
        return Msg(_ROLE[Role(str(value))]) if value in {r.value for r in Role} else Msg(
            "{role}", {"role": value})

    return _("{who} changed {name}'s role from {old} to {new}", who=who,
             name=n.person(d.get("staff")), old=word(d.get("old")), new=word(d.get("new")))


def _sign_in_failed(who: str, d: Mapping[str, object], n: Names) -> Msg:
    name = n.person(d.get("staff"))
    if d.get("locked"):
        return _("Wrong PIN for {name} (attempt {n}); the account was locked for 5 minutes",
                 name=name, n=_int(d, "attempt"))
    return _("Wrong PIN for {name} (attempt {n})", name=name, n=_int(d, "attempt"))


def _backup_made(who: str, d: Mapping[str, object], n: Names) -> Msg:
    if d.get("automatic") or not who:
        return _("The daily backup was made")
    if d.get("via") == "cli":
        return _("{who} made a backup from the command line", who=who)
    return _("{who} made a backup", who=who)


def _erased(who: str, d: Mapping[str, object], n: Names) -> Msg:
    if d.get("via") == "reapplied":
        return _("An erased guest brought back by a restored backup was erased again")
    return _("{who} erased a guest and everything about them ({visits} visits, {labels} "
             "labels, {consents} consents)", who=who or "Frontdesk", visits=_int(d, "visits"),
             labels=_int(d, "labels"), consents=_int(d, "consents"))


def _simple(template: str, **keys: str) -> Builder:
    """A sentence with {who} and, optionally, {label} / {name} / numbers from the details."""

    def build(who: str, d: Mapping[str, object], n: Names) -> Msg:
        params: dict[str, object] = {"who": who or "Frontdesk"}
        for placeholder, key in keys.items():
            if placeholder == "label":
                params[placeholder] = n.label(d.get(key))
            elif placeholder == "name":
                params[placeholder] = n.person(d.get(key))
            else:
                params[placeholder] = d.get(key, "")
        return Msg(template, params)

    return build


def _list_read(who: str, d: Mapping[str, object], n: Names) -> Msg:
    """Today's list read, with how often since the last entry ("1 time", "3 times")."""
    raw = d.get("reads", 1)
    reads = raw if isinstance(raw, int) else 1
    return ngettext_("{who} read the list for {day} ({rows} guests; read {reads} time since "
                     "the last entry)",
                     "{who} read the list for {day} ({rows} guests; read {reads} times since "
                     "the last entry)", reads,
                     who=who or "Frontdesk", day=n.day(d.get("day", "")), rows=d.get("rows", ""),
                     reads=reads)


_ANSWERS = {"none": N_("no special category"), "health": N_("health (consent needed)"),
            "other": N_("another special category (refused)")}


def _special_answer(who: str, d: Mapping[str, object], n: Names) -> Msg:
    """The manager's answer on a label, with what the automatic check found beside it."""
    answer = str(d.get("answer", ""))
    found = str(d.get("check", "")) or "nothing"
    return Msg(N_("{who} answered for “{label}”: {answer}; the automatic check found: {found}"),
               {"who": who or "Frontdesk", "label": n.label(d.get("label")),
                "answer": Msg(_ANSWERS[answer]) if answer in _ANSWERS else answer,
                "found": found})


SENTENCES: dict[str, Builder] = {
    "label.assigned": _label_assigned,
    "label.removed": _label_removed,
    "consent.given": _simple(N_("{who} recorded the guest's consent for health information")),
    "consent.withdrawn": _consent_withdrawn,
    "guest.created": _simple(N_("{who} added a new guest")),
    "guest.updated": _guest_updated,
    "guest.opened": _simple(N_("{who} opened the guest's card")),
    "guest.shown": _simple(N_("{who} showed the guest everything we keep about them")),
    "guest.exported": _simple(N_("{who} saved a copy of the guest's data ({format})"),
                              format="format"),
    "guest.erased": _erased,
    "guest.printed": _simple(N_("{who} printed a copy of the guest's data on “{printer}”"),
                             printer="printer"),
    "label.forgotten": _simple(N_("{who} deleted a label at the guest's request (which one "
                                  "is not kept)")),
    "show_guest.wrong_pin": _simple(N_("A wrong PIN was typed at Show guest (try {attempt}; "
                                       "the next try waited {wait} s). No account counts it."),
                                    attempt="attempt", wait="wait"),
    "show_guest.ended": _simple(N_("Show guest, opened by {who}, ended with {name}'s PIN"),
                                name="by"),
    "guest.kept": _simple(N_("{who} kept a guest at the retention review")),
    "guest.merged": _simple(N_("{who} merged another profile of the same guest into this one "
                               "({visits} visits, {labels} labels moved)"),
                            visits="visits", labels="labels"),
    "guest.merge_undone": _simple(N_("{who} undid a merge: the other profile is separate "
                                     "again")),
    "visit.recorded": _visit_recorded,
    "visit.arrived": _simple(N_("{who} marked the guest as arrived")),
    "visit.expected": _simple(N_("{who} marked the guest as expected again")),
    "visit.departed": _simple(N_("{who} marked the guest as departed")),
    "visit.cancelled": _simple(N_("{who} cancelled the guest's visit")),
    "staff.created": _staff_created,
    "staff.signed_in": _simple(N_("{who} signed in")),
    "staff.sign_in_failed": _sign_in_failed,
    "staff.activated": _simple(N_("{who} reactivated {name}'s account"), name="staff"),
    "staff.deactivated": _simple(N_("{who} deactivated {name}'s account"), name="staff"),
    "staff.pin_reset": _simple(N_("{who} set a new PIN for {name}"), name="staff"),
    "staff.unlocked": _simple(N_("{who} unlocked {name}'s account"), name="staff"),
    "staff.role_changed": _role_changed,
    "label.proposed": _simple(N_("{who} proposed the label “{label}”"), label="label"),
    "label.approved": _simple(N_("{who} approved the label “{label}”"), label="label"),
    "label.edited": _simple(N_("{who} edited the label “{label}” before approving it"),
                            label="label"),
    "label.rejected": _simple(N_("{who} rejected the label “{label}”"), label="label"),
    "label.reworded": _simple(N_("{who} reworded the label “{label}”"), label="label"),
    "label.special_answer": _special_answer,
    "label.retention_changed": _simple(
        N_("{who} changed how long “{label}” is kept: {old} → {new} days"), label="label",
        old="old_days", new="new_days"),
    "label.retired": _simple(N_("{who} retired the label “{label}” ({removed} removed now)"),
                             label="label", removed="removed"),
    "label.expired": _simple(N_("Frontdesk deleted {deleted} label(s) of a guest at the end "
                                "of their retention"), deleted="deleted"),
    "backup.made": _backup_made,
    "backup.settings": _simple(N_("{who} changed the daily backup settings")),
    "store.restored": _simple(N_("{who} restored the store from a backup")),
    "store.copied_out": _simple(N_("{who} copied this store into a shared store ({guests} "
                                   "guests)"), guests="guests"),
    "store.moved_in": _simple(N_("{who} moved a local store into this shared store ({guests} "
                                 "guests, {events} audit events)"), guests="guests",
                              events="events"),
    "desk.store_chosen": _simple(N_("{who} set a desk to open this shared store")),
    "desk.store_left": _simple(N_("{who} set a desk back to its local store")),
    "recovery.set_up": _simple(N_("{who} set up a recovery passphrase")),
    "recovery.used": _simple(N_("The store was opened with the recovery passphrase")),
    "setting.changed": _simple(N_("{who} changed the setting {key}"), key="key"),
    "demo.generated": _simple(N_("Demo data was generated ({guests} guests)"), guests="guests"),
    "vocabulary.own_words_changed": _simple(
        N_("{who} saved the venue's own words ({blocked} blocked, {warned} to look at twice)"),
        blocked="blocked", warned="warned"),
    "vocabulary.starter_loaded": _simple(
        N_("{who} loaded the starter vocabulary ({labels} labels)"), labels="labels"),
    "import.mapping_saved": _simple(N_("{who} saved how an import file's columns are read")),
    # Bulk reads and searches (app.audit: counts only, never names or typed text).
    "guests.listed": _simple(N_("{who} read a page of the guest list ({rows} guests from "
                                "number {offset})"), rows="rows", offset="offset"),
    "guests.searched": _simple(N_("{who} searched for guests ({searches} searches since the "
                                  "last entry)"), searches="searches"),
    "arrivals.listed": _list_read,
    "import.previewed": _simple(N_("{who} previewed an import of {rows} rows, matched against "
                                   "every guest ({matched} found)"), rows="rows",
                                matched="matched"),
}

