"""The manager's audit screen: filtered events and the hash chain's verdict.

Reading the log is not itself audited (that would grow the chain while a
manager scrolls it); changing it is impossible without breaking the chain.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from app.i18n import N_, Msg, _, ngettext_, num
from app.permissions import Action, require
from app.views import Actor, AuditInfo
from storage import audit_anchor, audit_chain, queries
from storage.store import Store

DEFAULT_LIMIT = 1000


@dataclass(frozen=True)
class ChainStatus:
    """The chain's verdict, with a sentence for the screen."""

    ok: bool
    events: int
    broken_at: int | None
    problem: str
    fingerprint: str = ""    # the head, "1234:3F9A-C2D1", for the manager to note down
    anchor_problem: str = ""  # the chain differs from its anchor outside the store

    @property
    def fingerprint_line(self) -> str:
        """The line under the verdict: what to write down, and how to check it later."""
        if not self.fingerprint:
            return ""
        return _("Fingerprint of the log: {fp} — note it down with the date; "
                 "“frontdesk verify --noted {fp}” checks the log still ends the same way.",
                 fp=self.fingerprint)

    @property
    def message(self) -> str:
        if self.anchor_problem and not self.broken_at:
            return _("{problem}. Restore from a backup and tell the venue's IT.",
                     problem=self.anchor_problem)
        if self.ok:
            return ngettext_("Audit log verified: {n} event", "Audit log verified: {n} events",
                             self.events, n=num(self.events))
        if self.broken_at:
            return _("Broken at event {id}: {problem}. Restore from a backup and tell the "
                     "venue's IT.", id=self.broken_at, problem=chain_problem(self.problem))
        return _("Broken: {problem}. Restore from a backup and tell the venue's IT.",
                 problem=chain_problem(self.problem))


# storage/ (no i18n there) says what broke in fixed English sentences; say them here.
_PROBLEMS: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"event (?P<a>\d+) is missing before (?P<b>\d+)"),
     N_("event {a} is missing before {b}")),
    (re.compile(r"event (?P<a>\d+) does not follow the one before it"),
     N_("event {a} does not follow the one before it")),
    (re.compile(r"event (?P<a>\d+) was changed after it was written"),
     N_("event {a} was changed after it was written")),
    (re.compile(r"events after (?P<a>\d+) were removed"), N_("events after {a} were removed")),
    (re.compile(r"the chain head record is missing"), N_("the chain head record is missing")),
)


def chain_problem(problem: str) -> str:
    """The audit chain's problem (an English sentence from storage/) as a translatable Msg."""
    for pattern, msgid in _PROBLEMS:
        m = pattern.fullmatch(problem)
        if m:
            return Msg(msgid, m.groupdict())
    return problem


@dataclass(frozen=True)
class AuditFilter:
    staff_id: int | None = None
    guest_ref: str | None = None
    action: str | None = None
    since: dt.date | None = None   # first day shown
    until: dt.date | None = None   # last day shown (inclusive)


def list_events(store: Store, actor: Actor, flt: AuditFilter | None = None, *,
                limit: int = DEFAULT_LIMIT) -> list[AuditInfo]:
    """Newest first, filtered by staff member, guest token, action (or prefix) and days."""
    require(store, actor, Action.VIEW_AUDIT)
    f = flt or AuditFilter()
    since = dt.datetime.combine(f.since, dt.time()) if f.since else None
    until = None
    if f.until and f.until < dt.date.max:   # the last day counts whole; date.max means "any"
        until = dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time())
    with store.read() as s:
        rows = queries.audit_events(s, staff_id=f.staff_id, guest_ref=f.guest_ref or None,
                                    action=f.action or None, since=since, until=until,
                                    limit=limit)
        names = queries.staff_names(s, {r.staff_id for r in rows if r.staff_id is not None})
        out = []
        for r in rows:
            st = names.get(r.staff_id) if r.staff_id is not None else None
            out.append(AuditInfo(
                id=r.id, at=r.at, staff_id=r.staff_id,
                staff_name=st.name if st else (_("system") if r.staff_id is None else
                                               _("staff #{id}", id=r.staff_id)),
                staff_role=st.role.value if st else "",
                action=r.action, guest_ref=r.guest_ref, detail=r.detail,
            ))
    return out


def actions(store: Store, actor: Actor) -> list[str]:
    """Every action name in the log, for the filter's drop-down."""
    require(store, actor, Action.VIEW_AUDIT)
    with store.read() as s:
        return queries.audit_actions(s)


def verify_chain(store: Store, actor: Actor) -> ChainStatus:
    """Recompute the whole chain and report the first broken link."""
    require(store, actor, Action.VIEW_AUDIT)
    from app.verify import compare_with_anchor

    with store.read() as s:
        report = audit_chain.verify(s)
        head = audit_chain.head(s)
        anchored = compare_with_anchor(store, s)
    fp = audit_anchor.fingerprint(head[0], head[1]) if head else ""
    problem = anchored[1] if anchored else ""
    return ChainStatus(report.ok and not problem, report.events, report.first_broken_id,
                       report.problem, fp, problem)
