"""`frontdesk verify`: SQLite's integrity check, the audit chain, its anchors, our invariants.

Two depths. ``verify_store(store)`` (and ``frontdesk verify --full``) reads
every page of the file and walks the whole chain: on a million guests that
takes minutes. ``frontdesk verify`` without ``--full`` is the quick check,
whose cost does not grow with the store (``full=False``): the open's checks,
the first and newest rows of every table, the newest ``QUICK_EVENTS`` events
of the chain, and every anchor (an anchored event's hash is compared
wherever it sits). A small store gets every check either way.

The chain alone proves the log is consistent with *itself*. Its anchors — the
head kept in the keyring (or the user's state folder), the head inside each
backup, a fingerprint a manager noted on paper — prove it is the *same* log
that was written. Compared with an anchor, four tampers get their own name:

* **truncated**: the newest events are gone and the head moved back, while
  the store still holds changes made after its last event;
* **rolled back**: the whole file is an older copy (nothing newer than its
  last event), or the newest events were cut with everything they did;
* **re-attributed**: events were pinned on other staff and the chain
  recomputed (the anchor's count of events per person differs);
* **recomputed**: events were changed and every hash recalculated.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from app.audit_log import chain_problem
from app.i18n import _
from storage import audit_anchor, audit_chain, queries
from storage.audit_anchor import Anchor
from storage.store import Store


@dataclass(frozen=True)
class VerifyReport:
    problems: tuple[str, ...]
    audit_events: int
    findings: tuple[str, ...] = ()   # codes: truncated, rolled_back, re-attributed, recomputed…
    notes: tuple[str, ...] = ()      # worth saying, not a failure
    fingerprint: str = ""            # the head now, to note down
    complete: bool = True            # every page and the whole chain were checked

    @property
    def ok(self) -> bool:
        return not self.problems


QUICK_EVENTS = 10_000   # events walked by the quick check (the newest)


def verify_store(store: Store, *, backups: Sequence[Path] = (),
                 noted: Sequence[str] = (), full: bool = True,
                 quick_events: int | None = None,
                 quick_whole_below: int | None = None) -> VerifyReport:
    """Check the store; compare the chain with its keyring anchor, backups and noted prints.

    ``full=False`` is the quick check (bounded cost, see the module docstring);
    ``quick_events`` (default ``QUICK_EVENTS``) and ``quick_whole_below`` (bytes; default
    the engine's) set its bounds.
    """
    if full:
        problems, pages_all = list(store.integrity_problems()), True
    else:
        problems, pages_all = store.quick_problems(quick_whole_below)
    findings: list[str] = []
    notes: list[str] = []
    with store.read() as s:
        chain = audit_chain.verify(s) if full else audit_chain.verify_tail(
            s, QUICK_EVENTS if quick_events is None else quick_events)
        head = audit_chain.head(s)
        chain_all = full or head is None or chain.events >= head[0]
        if not chain.ok:
            problem = chain_problem(chain.problem)
            problems.append(_("audit log broken at event {id}: {problem}",
                              id=chain.first_broken_id, problem=problem)
                            if chain.first_broken_id else
                            _("audit log broken: {problem}", problem=problem))
            findings.append("broken")
        problems += [_("assignment {id} uses a label that is {status}", id=a,
                       status=_label_status(st.value))
                     for a, st in queries.assignments_on_unapproved_labels(s)]
        for source, anchor in _anchors(store, s, backups, notes):
            found = compare(s, anchor, source)
            if found:
                findings.append(found[0])
                problems.append(found[1])
        for text in noted:
            found = _compare_noted(s, text)
            if found:
                findings.append(found[0])
                problems.append(found[1])
    print_ = audit_anchor.fingerprint(head[0], head[1]) if head else ""
    return VerifyReport(tuple(problems), chain.events, tuple(findings), tuple(notes), print_,
                        complete=pages_all and chain_all)


def compare_with_anchor(store: Store, s: Session) -> tuple[str, str] | None:
    """The keyring (or state-folder) anchor against the chain: the audit screen's check."""
    for source, anchor in _anchors(store, s, (), []):
        found = compare(s, anchor, source)
        if found:
            return found
    return None


def _anchors(store: Store, s: Session, backups: Sequence[Path], notes: list[str]
             ) -> list[tuple[str, Anchor]]:
    out: list[tuple[str, Anchor]] = []
    where = audit_anchor.where_for(store.header.key_source)
    if where is not None:
        anchor = audit_anchor.load(store.store_id, where)
        if anchor is not None:
            out.append((_("the anchor in the keyring") if where == "keyring" else
                        _("the anchor outside the store"), anchor))
        elif store.shared:   # each desk anchors in its own keyring
            if audit_chain.head(s) is not None:
                notes.append(_("This desk holds no anchor of the shared store yet (it has not "
                               "written to it); the next change made here makes one."))
        elif queries.setting_value(s, audit_anchor.ANCHORED_KEY) is not None:
            out.append((_("the store's own record"), Anchor(-1, "", "")))   # missing: reported
        elif audit_chain.head(s) is not None:
            notes.append(_("This store has no anchor outside the database yet (it was last "
                           "written by an older Frontdesk); the next change makes one."))
    from storage import backup as sb

    for path in backups:
        try:
            header, _offset = sb.read_header(Path(path))
        except (sb.BackupError, OSError) as exc:
            notes.append(_("The backup {file} could not be read: {reason}",
                           file=Path(path).name, reason=str(exc)))
            continue
        anchor = Anchor.from_value(header.audit_anchor)
        if header.store_id != store.store_id and \
                header.store_id != store.header.extra.get("restored_from"):
            notes.append(_("The backup {file} is of another store; not compared.",
                           file=Path(path).name))
        elif anchor is None:
            notes.append(_("The backup {file} holds no anchor (made by an older Frontdesk).",
                           file=Path(path).name))
        elif header.store_id == store.store_id:
            out.append((_("the backup {file}", file=Path(path).name), anchor))
    return out


def compare(s: Session, anchor: Anchor, source: str) -> tuple[str, str] | None:
    """Name what separates the chain from ``anchor``: (code, sentence), or None if it holds."""
    if anchor.id < 0:
        return ("anchor_missing", _(
            "the audit anchor outside the store is missing (the store was anchored before): "
            "someone removed it, perhaps to hide a change to the log"))
    head = audit_chain.head(s)
    last_id, last_at = (head[0], head[2]) if head else (0, None)
    if last_id < anchor.id:
        # Fewer events than the anchor knows. An older copy of the file ends before the
        # anchor's time and holds nothing newer than its last event; a cut log either
        # went on after the anchor's time, or still holds what the cut events did.
        when = last_at.isoformat(sep=" ", timespec="minutes") if last_at else "—"
        anchored_at = _when(anchor.at)
        at = anchored_at.isoformat(sep=" ", timespec="minutes") if anchored_at else anchor.at
        if _cut_not_copied(s, anchor, last_at, anchored_at):
            return ("truncated", _(
                "audit log truncated: {source} knows event {anchor} ({at}) but the log now "
                "stops at event {last} ({when}) while the store went on — events were deleted "
                "from its end", source=source, anchor=anchor.id, at=at,
                last=last_id, when=when))
        return ("rolled_back", _(
            "store rolled back: {source} knows event {anchor} ({at}) but this store ends at "
            "event {last} ({when}) — it is an older copy of the file, or its newest events "
            "were removed with everything they did", source=source, anchor=anchor.id,
            at=at, last=last_id, when=when))
    if audit_chain.hash_at(s, anchor.id) == anchor.hash:
        return None
    counts = audit_chain.staff_counts(s, after=0, upto=anchor.id)
    if anchor.by_staff and sum(counts.values()) == sum(anchor.by_staff.values()) and \
            counts != dict(anchor.by_staff):
        return ("re-attributed", _(
            "audit log re-attributed: events up to {anchor} were moved between staff and "
            "the chain recomputed ({changes}; {source} counts differently)", anchor=anchor.id,
            changes=_count_changes(s, dict(anchor.by_staff), counts), source=source))
    return ("recomputed", _(
        "audit log recomputed: event {anchor} no longer has the hash {source} remembers — "
        "events up to it were changed and every hash recalculated", anchor=anchor.id,
        source=source))


def _cut_not_copied(s: Session, anchor: Anchor, last_at: dt.datetime | None,
                    anchored_at: dt.datetime | None) -> bool:
    """The log is shorter than the anchor: were events cut (the data is all still there,
    or the log went on afterwards), rather than the whole file put back (rows missing)?"""
    if last_at is not None and anchored_at is not None and last_at > anchored_at:
        return True   # events written after the anchor's moment: not an older copy
    if anchor.rows:
        now = audit_anchor.row_marks(s)
        return all(now.get(table, 0) >= mark for table, mark in anchor.rows.items())
    newest = queries.newest_change_time(s)   # an anchor without row marks: go by time
    return newest is not None and (last_at is None or newest > last_at)


def _when(text: str) -> dt.datetime | None:
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return None


def _compare_noted(s: Session, text: str) -> tuple[str, str] | None:
    parsed = audit_anchor.parse_fingerprint(text)
    if parsed is None:
        return ("bad_fingerprint", _(
            "“{text}” is not a noted fingerprint; write it as EVENT:XXXX-XXXX, e.g. "
            "1234:3F9A-C2D1", text=text))
    event_id, digest = parsed
    h = audit_chain.hash_at(s, event_id)
    if h is not None and h.startswith(digest):
        return None
    if h is None:
        return compare(s, Anchor(event_id, "", ""), _("the noted fingerprint {fp}", fp=text))
    return ("recomputed", _(
        "audit log recomputed: event {id} no longer matches the fingerprint {fp} noted down; "
        "the log was changed and its hashes recalculated", id=event_id, fp=text))


def _count_changes(s: Session, before: dict[str, int], now: dict[str, int]) -> str:
    ids = {int(k) for k in set(before) | set(now) if k.isdigit()}
    names = {str(k): v.name for k, v in queries.staff_names(s, ids).items()}
    parts = []
    for key in sorted(set(before) | set(now)):
        if before.get(key, 0) != now.get(key, 0):
            who = names.get(key, _("system") if key == audit_anchor.SYSTEM else f"#{key}")
            parts.append(f"{who} {before.get(key, 0)} → {now.get(key, 0)}")
    return ", ".join(parts)


def _label_status(status: str) -> str:
    words = {"proposed": _("proposed"), "approved": _("approved"), "rejected": _("rejected"),
             "retired": _("retired")}
    return words.get(status, status)
