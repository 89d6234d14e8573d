"""Building every row an import writes, before (and beside) the write.

:func:`prepare` turns a plan and its match into the rows ``app.importing.apply``
inserts: the new guests, their visits, the words of their names for the name
dictionary, and the audit events. It reads only a snapshot (the newest audit event and
the highest ids, and the match when the preview's no longer holds), so other desks go
on writing meanwhile.

The new guests' rows are built at once; the rest (visits, name words and audit events,
pure Python over the plan) is built by a helper thread while the guests are being
written: SQLite and PostgreSQL's drivers let go of Python's interpreter lock while the
engine works, so on a machine with an idle core that Python work costs no waiting (a
100,000-row import's visits, words and events take seconds to build, the guests as long
to insert). On SQLite the guests go in without their insert triggers, so no Python
function is called per guest meanwhile (``storage.bulk.insert_guests_bare``; the
name-pair trigger's call waited for the interpreter lock behind the helper: 3-10x
slower), and once they are written the helper also hashes the events after the audit
chain's end read under the write lock (``Prepared.start``). When every core is busy the
helper gains nothing and only makes the write lock last longer (measured:
docs/performance.md), so then, and for a small file, everything is built in the calling
thread before the lock, as before.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from app.guests import region_in
from app.importing.matching import Match, Matched, match
from app.importing.plan import ImportPlan
from app.views import Actor
from storage import audit_chain, bulk, name_terms
from storage import import_queries as iq
from storage.models import Guest, Visit, VisitKind, VisitStatus

# Below this many guests and visits, everything is built in the calling thread.
HELPER_FROM = 5_000

# Audit actions that only record a read: another desk doing these while an import is
# being prepared changes nothing the import matched against.
READ_ACTIONS = frozenset({
    "guest.opened", "guests.searched", "guests.listed", "arrivals.listed", "guest.shown",
    "guest.printed", "guest.exported", "import.previewed", "staff.signed_in",
})
_GUEST_COLUMNS = ("id", "ref", "full_name", "preferred_name", "pronunciation", "language",
                  "email", "phone", "phone_e164", "created_at", "last_visit_at")
_VISIT_COLUMNS = ("id", "guest_id", "kind", "starts_at", "ends_on", "service", "party_size",
                  "place", "status", "reference")
_KIND_WORDS = {kind: kind.value for kind in VisitKind}  # an enum's .value costs ~1 µs


@dataclass(frozen=True)
class ImportResult:
    guests_created: int
    guests_matched: int
    visits: int
    duplicate_visits: int
    skipped_rows: int


@dataclass(frozen=True)
class Later:
    """What is written after the visits: the name words and the audit events."""

    terms: list[dict[str, str]]
    events: audit_chain.PreparedEvents
    pairs: list[tuple[str, str, int]]   # the new guests' name pairs (own_pairs), in key order


@dataclass(frozen=True)
class Prepared:
    """Everything an import writes, built from one read snapshot."""

    seen_event: int   # the newest audit event when the match was made
    top_guest: int    # the highest guest and visit ids then: the new rows' ids follow them
    top_visit: int
    guests: bulk.PreparedRows
    visit_count: int
    # The guests' name pairs are written from ``later.pairs`` (bulk.insert_guests_bare),
    # not by the table's trigger: on an engine with that table (SQLite).
    own_pairs: bool
    # Being built, in this order (by the helper thread for a large file):
    visits: Future[bulk.PreparedRows]
    later: Future[Later]
    result: ImportResult
    # Called once the guests are inserted, with the audit chain's end then (the id and hash
    # of its newest event; None: no event yet): on SQLite with the helper, it chains the
    # events after that end (``chained``).
    start: Callable[[tuple[int, str] | None], None]
    # The events chained after that end by the helper (SQLite, large file), beside the
    # visits' and pairs' inserts; None: they are chained when appended.
    chained: Future[audit_chain.Chained] | None = None

    def rows(self) -> int:
        """The steps of progress: the rows written (guests, visits, their events)."""
        return 2 * (len(self.guests) + self.visit_count) + 1


def spare_core() -> bool:
    """Whether a core is likely idle: the last minute's load average leaves one free (not
    known, as on Windows: no)."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return False
    return load < (os.cpu_count() or 1) - 0.5


@contextmanager
def helper() -> Iterator[ThreadPoolExecutor]:
    """The helper thread of one apply; gone (its work finished or dropped) at the end."""
    pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="import-prepare")
    try:
        yield pool
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def only_reads_since(s: Session, seen_event: int, top_guest: int, top_visit: int) -> bool:
    """Whether what a snapshot read still holds: nothing but reads were audited since
    ``seen_event`` (every change to guests, visits or settings appends an event), and no
    guest or visit took an id above the snapshot's highest ones."""
    if iq.last_audit_id(s) != seen_event and not iq.actions_after(
            s, seen_event) <= READ_ACTIONS:
        return False
    return (bulk.max_id(s, Guest), bulk.max_id(s, Visit)) == (top_guest, top_visit)


def new_refs(n: int) -> list[str]:
    """``n`` new guest tokens, each as ``uuid.uuid4().hex`` makes one (version 4, the RFC 4122
    variant, 122 random bits from the system's random source), from one read of it:
    ``uuid4()`` per guest was ~0.4 s of a 72,000-guest file's preparation."""
    raw = os.urandom(16 * n).hex()
    return [f"{h[:12]}4{h[13:16]}{_VARIANT[int(h[16], 16) & 3]}{h[17:]}"
            for h in (raw[i:i + 32] for i in range(0, 32 * n, 32))]


_VARIANT = "89ab"   # the RFC 4122 variant: the 17th hex digit is 10xx in binary


def prepare(s: Session, actor: Actor, plan: ImportPlan, at: dt.datetime,
            kept: Matched | None, pool: ThreadPoolExecutor) -> Prepared:
    """Match the plan (or use the preview's match, ``kept``, if it still holds) and build
    the rows to write, in the open session ``s`` (a read snapshot, or the write
    transaction); the visits, name words and events are handed to ``pool``'s thread
    when the file is large."""
    # The newest event and ids first: on an engine whose reads see each new commit
    # (PostgreSQL's READ COMMITTED), a change made while matching is then still
    # newer than what was seen, and caught under the write lock.
    seen_event = iq.last_audit_id(s)
    top_guest, top_visit = bulk.max_id(s, Guest), bulk.max_id(s, Visit)
    region = region_in(s)
    if kept is not None and kept.region == region and \
            only_reads_since(s, kept.seen_event, kept.top_guest, kept.top_visit):
        # The preview's match still holds: the write lock checks from the preview's
        # snapshot on, so a change made since the preview is caught there as well.
        seen_event, top_guest, top_visit, m = (kept.seen_event, kept.top_guest,
                                               kept.top_visit, kept.match)
    else:
        m = match(s, plan, region)
    refs = new_refs(len(m.new_rows))
    # Each new guest's latest visit, written with the guest: the visit trigger that keeps
    # guest.last_visit_at (migration 0018) then finds it right and rewrites no guest row.
    latest: dict[int, dt.datetime] = {}
    for i in m.visit_rows:
        idx = m.new_index[i]
        if m.existing[i] is None and idx is not None:
            starts = plan.rows[i].visit.starts_at  # type: ignore[union-attr]
            if idx not in latest or latest[idx] < starts:
                latest[idx] = starts
    # The new guests take their ids in the order of their names, so they are inserted in
    # the order of the name index they land all over (each of its pages changed in one
    # go, not again and again: ~0.5 s less of the write lock for 72,000 new guests).
    order = sorted(range(len(m.new_rows)), key=lambda j: m.new_rows[j].guest.full_name)
    ids = [0] * len(order)
    for n, j in enumerate(order):
        ids[j] = top_guest + 1 + n
    rows = m.new_rows
    guests = bulk.prepare_rows(s, Guest, _GUEST_COLUMNS, (
        (ids[j], refs[j], rows[j].guest.full_name, rows[j].guest.preferred_name, "",
         rows[j].guest.language, rows[j].guest.email, rows[j].guest.phone,
         m.e164[m.new_first[j]], at, latest.get(j))
        for j in order))
    result = ImportResult(len(m.new_rows), len(m.matched_refs), len(m.visit_rows),
                          m.duplicate_visits, plan.error_lines)
    visits: Future[bulk.PreparedRows] = Future()
    later: Future[Later] = Future()
    own_pairs = bulk.keeps_name_pairs(s)
    args = (s, actor, plan, m, at, refs, ids, top_visit, result, guests, own_pairs,
            visits, later)
    start: Callable[[tuple[int, str] | None], None] = _nothing
    chained: Future[audit_chain.Chained] | None = None
    if len(m.new_rows) + len(m.visit_rows) < HELPER_FROM or not spare_core():
        _build_rest(*args)
    else:
        # The session is only asked which engine it talks to (see bulk.prepare_rows).
        pool.submit(_build_rest, *args)
        if own_pairs:
            # SQLite: the events are chained (hashed) by the helper too, after the chain's
            # end read under the write lock once the guests are written, while the visits
            # and pairs are inserted.
            chained = Future()
            start = _once(lambda after: pool.submit(_chain, later, chained, after))
    return Prepared(seen_event, top_guest, top_visit, guests, len(m.visit_rows), own_pairs,
                    visits, later, result, start, chained)


def _nothing(_after: tuple[int, str] | None) -> None:
    pass


def _once(job: Callable[[tuple[int, str] | None], object]
          ) -> Callable[[tuple[int, str] | None], None]:
    done: list[bool] = []

    def run(after: tuple[int, str] | None) -> None:
        if not done:
            done.append(True)
            job(after)
    return run


def _build_rest(s: Session, actor: Actor, plan: ImportPlan, m: Match, at: dt.datetime,
                refs: list[str], ids: list[int], top_visit: int, result: ImportResult,
                guests: bulk.PreparedRows, own_pairs: bool,
                visits: Future[bulk.PreparedRows], later: Future[Later]) -> None:
    """Build the visits, then the name words, the name pairs (``own_pairs``) and the audit
    events, handing each over as soon as it is ready; a failure is handed over instead."""
    visit_events = _build_visits(s, actor, plan, m, at, refs, ids, top_visit, visits)
    if visit_events is not None:
        _build_later(s, actor, plan, m, at, refs, result, guests, own_pairs, later,
                     visit_events)
    else:
        _fail(later, visits.exception())


def _fail(waiting: Future[Any], exc: BaseException | None) -> None:
    if not waiting.done():
        waiting.set_exception(exc or RuntimeError("the import's visits were not built"))


def _build_visits(s: Session, actor: Actor, plan: ImportPlan, m: Match, at: dt.datetime,
                  refs: list[str], ids: list[int], top_visit: int,
                  visits: Future[bulk.PreparedRows]) -> list[audit_chain.Event] | None:
    """The visits' rows (handed over in ``visits``) and their ``visit.recorded`` events
    (returned); None when building them failed (the failure is in ``visits``)."""
    try:
        events: list[audit_chain.Event] = []
        visit_rows: list[tuple[object, ...]] = []
        for n, i in enumerate(m.visit_rows):
            v = plan.rows[i].visit
            assert v is not None
            visit_id = top_visit + 1 + n
            gid = m.existing[i]
            if gid is None:
                idx = m.new_index[i] or 0
                gid, ref = ids[idx], refs[idx]
            else:
                ref = m.matched_refs[gid]
            visit_rows.append((visit_id, gid, v.kind, v.starts_at, v.ends_on, v.service,
                               v.party_size, v.place, VisitStatus.EXPECTED,
                               v.reference or None))
            events.append((at, actor.id, "visit.recorded", ref,
                           {"visit": visit_id, "kind": _KIND_WORDS[v.kind], "via": "import"}))
        visits.set_result(bulk.prepare_rows(s, Visit, _VISIT_COLUMNS, visit_rows))
        return events
    except BaseException as exc:
        visits.set_exception(exc)
        if not isinstance(exc, Exception):
            raise
        return None


def _build_later(s: Session, actor: Actor, plan: ImportPlan, m: Match, at: dt.datetime,
                 refs: list[str], result: ImportResult, guests: bulk.PreparedRows,
                 own_pairs: bool, later: Future[Later],
                 visit_events: list[audit_chain.Event]) -> None:
    """The name words, the name pairs (``own_pairs``) and the audit events
    (``guest.created`` and ``visit.recorded`` with ``via="import"``, then one
    ``import.applied``), handed over in ``later``; a failure is handed over instead."""
    try:
        events: list[audit_chain.Event] = [
            (at, actor.id, "guest.created", ref, {"via": "import"}) for ref in refs]
        events += visit_events
        events.append((at, actor.id, "import.applied", None, {
            "file_sha256": plan.sha256, "layout": plan.fingerprint[:12],
            "rows": plan.records, "guests_created": result.guests_created,
            "guests_matched": result.guests_matched, "visits": result.visits,
            "duplicate_visits": result.duplicate_visits,
            "rows_with_errors": result.skipped_rows,
        }))
        terms = name_terms.name_term_rows(
            n for r in m.new_rows for n in (r.guest.full_name, r.guest.preferred_name))
        pairs = bulk.name_pair_rows(guests) if own_pairs else []
        later.set_result(Later(terms, audit_chain.prepare_events(s, events), pairs))
    except BaseException as exc:
        _fail(later, exc)
        if not isinstance(exc, Exception):
            raise


def release(guests: bulk.PreparedRows, visits: bulk.PreparedRows, later: Later,
            chained: audit_chain.Chained | None) -> None:
    """Let go of an import's written rows (emptied in place, so they are freed here, on the
    thread that calls this: the helper, while the calling thread commits)."""
    guests.values.clear()
    visits.values.clear()
    later.terms.clear()
    later.pairs.clear()
    later.events.middles.clear()
    later.events.values.clear()
    if chained is not None:
        chained.rows.clear()


def _chain(later: Future[Later], chained: Future[audit_chain.Chained],
           after: tuple[int, str] | None) -> None:
    """The events of ``later`` chained after ``after`` (the chain's end under the write
    lock), handed over in ``chained``; a failure is handed over instead."""
    try:
        chained.set_result(audit_chain.chain(later.result().events, after))
    except BaseException as exc:
        _fail(chained, exc)
        if not isinstance(exc, Exception):
            raise
