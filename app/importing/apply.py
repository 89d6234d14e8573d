"""Previewing a plan (read-only: how it matches the store) and applying it (one transaction).

How rows are matched to guests the store knows: ``app.importing.matching``.
An import is all or nothing: a plan with bad rows is refused, naming every bad
row, unless the person explicitly chose to import only the good rows. Applying
first prepares the new guests on a read snapshot (other desks keep writing), then
writes everything inside one short ``store.write()`` (the visits, name words and
events of a large file are built by a helper thread while the guests are inserted:
``app.importing.prepare``): guests, visits and their
audit events (``guest.created`` / ``visit.recorded`` with ``via="import"``, and
one ``import.applied`` naming the file by its SHA-256 and the counts), inserted
set-wise. Cancelling or any failure raises inside the transaction, so it rolls
back and the store is exactly as before; a change another desk made after the
snapshot is caught under the lock and the import is prepared again (after a few tries,
under the write lock: an import at a busy reception is never starved).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app.audit import bulk_read
from app.clock import now as _now
from app.errors import FrontdeskError, ValidationError
from app.guests import region_in
from app.i18n import _, joined, ngettext_
from app.importing.collector import while_paused
from app.importing.matching import Matched, match
from app.importing.plan import ImportPlan, RowError
from app.importing.prepare import (
    ImportResult,
    Prepared,
    helper,
    only_reads_since,
    prepare,
    release,
)
from app.permissions import Action, require
from app.views import Actor
from storage import audit_chain, bulk, name_terms
from storage import import_queries as iq
from storage.models import Guest, Visit
from storage.store import Store

__all__ = ["ATTEMPTS", "ImportCancelled", "ImportHasErrors", "ImportResult", "Preview",
           "apply", "preview"]

ERRORS_IN_MESSAGE = 10
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(FrontdeskError):
    def __init__(self) -> None:
        super().__init__(_("The import was cancelled; nothing was imported."))


class ImportHasErrors(ValidationError):
    """The file has bad rows and the person did not choose to import only the good ones."""

    def __init__(self, errors: tuple[RowError, ...]) -> None:
        lines = len({e.line for e in errors})
        shown = errors[:ERRORS_IN_MESSAGE]
        more = (_(" … and {n} more (every one is listed in the preview).",
                  n=len(errors) - len(shown)) if len(errors) > len(shown) else "")
        super().__init__(_("File"), ngettext_(
            "{n} row has errors, so nothing was imported: {errors}{more}. Correct the file "
            "and import it again, or choose to import only the good rows.",
            "{n} rows have errors, so nothing was imported: {errors}{more}. Correct the file "
            "and import it again, or choose to import only the good rows.",
            lines, n=lines, errors=joined([e.text for e in shown]), more=more))
        self.errors = errors


@dataclass(frozen=True)
class Preview:
    plan: ImportPlan
    new_guests: int
    matched_guests: int
    visits: int
    duplicate_visits: int
    new_names: tuple[str, ...]      # a sample, for the screen
    matched_names: tuple[str, ...]
    row_status: tuple[str, ...]     # per planned row: "new" or "matched"
    same_name: tuple[str, ...] = ()  # new guests who may already have a profile
    # The match itself, for :func:`apply` to use again while nothing but reads happened.
    matched: Matched | None = field(default=None, repr=False, compare=False)

    @property
    def error_lines(self) -> int:
        return self.plan.error_lines

    def summary_lines(self) -> list[str]:
        """The preview in plain sentences (the CLI prints these; the GUI shows the same).

        Every bad row is listed: nothing is imported while there is one, unless the
        person chooses to import only the good rows.
        """
        p = self.plan
        lines: list[str] = [
            _("File: {name} — {encoding}, {delimiter}-separated, {rows} rows",
              name=p.file_name or _("(unnamed)"), encoding=p.encoding,
              delimiter=p.delimiter_name, rows=format(p.records, ",")),
            _("New guests: {n}", n=format(self.new_guests, ",")),
            _("Matched guests: {n}", n=format(self.matched_guests, ",")),
            _("Visits to add: {n} ({dup} already in the store, skipped)",
              n=format(self.visits, ","),
              dup=format(self.duplicate_visits, ",")) if self.duplicate_visits else
            _("Visits to add: {n}", n=format(self.visits, ",")),
            _("Rows with errors: {n}", n=format(p.error_lines, ",")),
        ]
        lines += [_("  {error}", error=e.text) for e in p.errors]
        if self.same_name:
            lines.append(ngettext_(
                "{n} new guest has the name of a guest already known or of another row "
                "(different or no contact details): check for a duplicate profile: {names}",
                "{n} new guests have the name of a guest already known or of another row "
                "(different or no contact details): check for duplicate profiles: {names}",
                len(self.same_name), n=len(self.same_name),
                names=", ".join(self.same_name[:10])
                + (" …" if len(self.same_name) > 10 else "")))
        lines += list(s.text for s in p.skipped)
        lines += list(p.notes)
        return lines


@while_paused
def preview(store: Store, actor: Actor, plan: ImportPlan) -> Preview:
    """What applying would do, read-only."""
    require(store, actor, Action.IMPORT)
    with store.read() as s:
        seen_event = iq.last_audit_id(s)  # first: see prepare.prepare
        top_guest, top_visit = bulk.max_id(s, Guest), bulk.max_id(s, Visit)
        region = region_in(s)
        m = match(s, plan, region, look_for_same_names=True)
        names = iq.guest_names(s, list(m.matched_refs)[:20])
    result = Preview(
        plan, len(m.new_rows), len(m.matched_refs), len(m.visit_rows), m.duplicate_visits,
        tuple(r.guest.full_name for r in m.new_rows[:20]),
        tuple(names[i] for i in list(m.matched_refs)[:20] if i in names),
        tuple("matched" if gid is not None else "new" for gid in m.existing),
        m.same_name, Matched(store, plan, region, seen_event, top_guest, top_visit, m),
    )
    # The preview read every guest to match against: a bulk read (trust-auth's hook).
    bulk_read(store, actor, "import.previewed", rows=len(plan.rows),
              matched=len(m.matched_refs))
    return result


ATTEMPTS = 3


def _still_true(s: Session, p: Prepared) -> bool:
    """Whether what the preparation read still holds under the write lock."""
    return only_reads_since(s, p.seen_event, p.top_guest, p.top_visit)


def _cache_mib(rows: int) -> int:
    """The page cache for writing ``rows`` rows: the usual 32 MiB for a daily file, up to
    256 MiB for a backlog (memory that is given back when the write ends)."""
    return max(32, min(256, rows // 1000))


@while_paused
def apply(store: Store, actor: Actor, plan: ImportPlan, *, only_good_rows: bool = False,
          progress: Progress | None = None, cancelled: Cancelled | None = None,
          prepared: Callable[[], None] | None = None,
          previewed: Preview | None = None) -> ImportResult:
    """Write the plan in one short transaction; ``cancelled()`` returning True writes nothing.

    A plan with bad rows writes nothing (:class:`ImportHasErrors`) unless
    ``only_good_rows`` says the person chose to leave the bad rows out.

    Matching, validation and building the guests' rows happen first, on a read snapshot,
    while other desks go on working; the write lock is then taken only to insert the
    prepared rows set-wise (a large file's visits, name words and events are built by a
    helper thread meanwhile, while the engine inserts the guests). If another desk
    changed guests meanwhile, the preparation is made again from a fresh snapshot; after
    :data:`ATTEMPTS` such tries (a busy reception marking arrivals all the time) the last
    one prepares under the write lock, as imports always
    did: other desks wait for it, but an import is never starved. ``prepared()`` is called
    after each preparation on a snapshot, before the write lock is asked for (tests drive
    "another desk writes now" with it).

    ``previewed``: the :func:`preview` of this plan. Its match is used again when nothing
    but reads was audited since (no other desk changed guests, visits or settings), so a
    large file is matched once, not twice; otherwise the file is matched afresh.
    """
    require(store, actor, Action.IMPORT)
    if plan.errors and not only_good_rows:
        raise ImportHasErrors(plan.errors)
    at = _now()
    done = 0
    kept = previewed.matched if previewed is not None else None
    if kept is not None and (kept.store is not store or kept.plan is not plan):
        kept = None  # another store's or another plan's preview: match afresh

    def check(step: int, total: int) -> None:
        nonlocal done
        done += step
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    def write(s: Session, p: Prepared, pool: ThreadPoolExecutor) -> ImportResult:
        total = p.rows()
        step = functools.partial(check, total=total)
        with bulk.roomy_cache(s, _cache_mib(total)):
            if p.own_pairs:  # without the insert triggers; their pairs are written below
                bulk.insert_guests_bare(s, p.guests, after_batch=step)
            else:
                bulk.insert_prepared(s, p.guests, after_batch=step)
            # what is still to build, beside the visits' insert (prepare.py), and the audit
            # chain's end to hash the events after (read under the lock: only SQLite's
            # helper does, whose chain end no other desk moves while the lock is held)
            p.start(audit_chain.chain_end(s) if p.chained is not None else None)
            # the visits, then the words, pairs and events, were built meanwhile (prepare.py)
            bulk.insert_prepared(s, p.visits.result(), after_batch=step)
            later = p.later.result()
            name_terms.insert_name_terms(s, later.terms)
            if p.own_pairs:
                bulk.insert_name_pairs(s, later.pairs)
            chained = p.chained.result() if p.chained is not None else None
            audit_chain.append_prepared(s, later.events, after_batch=step, chained=chained)
        check(0, total)
        # Every row is written: the helper thread lets go of them while the commit runs
        # (freeing a large file's rows holds the interpreter lock for a fifth of a second,
        # the engine's commit does not).
        pool.submit(release, p.guests, p.visits.result(), later, chained)
        return p.result

    with helper() as pool:
        for _attempt in range(ATTEMPTS):
            done = 0
            if cancelled is not None and cancelled():
                raise ImportCancelled()
            with store.read() as s:
                p = prepare(s, actor, plan, at, kept, pool)
            kept = None  # if it did not hold now, it will not later
            if prepared is not None:
                prepared()
            check(0, p.rows())  # before the lock is asked for
            with store.write() as s:
                if _still_true(s, p):
                    return write(s, p, pool)
            # nothing written yet: prepare again from a fresh snapshot
        done = 0
        with store.write() as s:  # still changing: prepared under the lock, never starved
            p = prepare(s, actor, plan, at, None, pool)
            check(0, p.rows())
            return write(s, p, pool)
