"""Matching a plan against the store (read-only preview) and applying it (one transaction).

Matching asks the store only about the file's own keys (indexed look-ups, so the
cost follows the file, not the store). A row belongs to an existing guest when,
in this order:

1. its booking number is already on one of the guest's visits;
2. the email is the same (capitals ignored);
3. the full name and the phone are the same;
4. (rows with neither email nor phone) the same name had a visit of the same kind
   on the same day in the same room or at the same table.

Rows of the same file that share an email or name + phone become one new guest.
A visit the guest already has (same booking number, or same kind and start) is
not imported twice, so re-importing the same export changes nothing.

An import is all or nothing: a plan with bad rows is refused, naming every bad
row, unless the person explicitly chose to import only the good rows. Applying
first prepares everything on a read snapshot (other desks keep writing), then
writes everything inside one short ``store.write()``: guests, visits and their
audit events (``guest.created`` / ``visit.recorded`` with ``via="import"``, and
one ``import.applied`` naming the file by its SHA-256 and the counts), inserted
set-wise. Cancelling or any failure raises inside the transaction, so it rolls
back and the store is exactly as before; a change another desk made after the
snapshot is caught under the lock and the import is prepared again (after a few tries,
under the write lock: an import at a busy reception is never starved).
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import phones
from app.audit import bulk_read
from app.clock import now as _now
from app.errors import FrontdeskError, ValidationError
from app.guests import region_in
from app.i18n import _, joined, ngettext_
from app.importing.plan import ImportPlan, PlannedRow, RowError
from app.permissions import Action, require
from app.views import Actor
from storage import audit_chain, bulk, name_terms
from storage import import_queries as iq
from storage.models import Guest, Visit, VisitKind, VisitStatus
from storage.store import Store

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
class Match:
    """How each planned row lands: an existing guest id, or the index of a new guest."""

    existing: tuple[int | None, ...]   # per row: existing guest id or None
    new_index: tuple[int | None, ...]  # per row: index into ``new_rows`` or None
    new_rows: tuple[PlannedRow, ...]   # the first row of each new guest
    visit_rows: tuple[int, ...]        # indexes of rows whose visit will be written
    duplicate_visits: int
    matched_refs: dict[int, str]       # existing guest id -> ref (for the audit)
    # New guests whose full name is already in the store or on another row of the file
    # with other (or no) contact details: perhaps the same person; shown in the preview.
    same_name: tuple[str, ...] = ()


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


def _fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


def match(s: Session, plan: ImportPlan, *, look_for_same_names: bool = False) -> Match:
    rows = plan.rows
    region = region_in(s)
    e164 = [phones.to_e164(r.guest.phone, region) for r in rows]
    # What the store knows about the file's keys, one indexed look-up per kind of key.
    by_reference: dict[tuple[str, VisitKind], tuple[int, str]] = {
        (ref, kind): (gid, gref) for gid, gref, ref, kind in iq.visits_by_reference(
            s, [r.visit.reference for r in rows if r.visit and r.visit.reference])}
    by_email: dict[str, tuple[int, str]] = {}
    for gid, gref, email in iq.guests_by_email(
            s, [iq.email_key(r.guest.email) for r in rows if r.guest.email]):
        by_email.setdefault(email, (gid, gref))
    by_name_phone: dict[tuple[str, str], tuple[int, str]] = {}
    for gid, gref, full_name, phone in iq.guests_by_phone(s, [p for p in e164 if p]):
        by_name_phone.setdefault((full_name, phone), (gid, gref))
    no_contact = [r for r in rows if r.visit and not r.guest.email and not r.guest.phone]
    by_visit: dict[tuple[str, VisitKind, object, str], tuple[int, str]] = {}
    for gid, gref, full_name, kind, starts_at, place in iq.visits_on_days(
            s, [r.visit.starts_at.date() for r in no_contact if r.visit]):
        by_visit.setdefault((_fold_name(full_name), kind, starts_at.date(), place), (gid, gref))

    refs: dict[int, str] = {}
    existing: list[int | None] = []
    new_index: list[int | None] = []
    new_rows: list[PlannedRow] = []
    known_visit: set[int] = set()  # rows whose visit the store already has
    file_email: dict[str, int] = {}
    file_name_phone: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        g, v = row.guest, row.visit
        e = iq.email_key(g.email) if g.email else None
        number = e164[i] or g.phone  # an unparseable number still pairs rows of the file
        np = (g.full_name, number) if number else None
        hit = by_reference.get((v.reference, v.kind)) if v and v.reference else None
        if hit is not None:
            known_visit.add(i)
        else:
            hit = ((by_email.get(e) if e else None) or (by_name_phone.get(np) if np else None))
        if hit is None and v is not None and not e and not np:
            hit = by_visit.get((_fold_name(g.full_name), v.kind, v.starts_at.date(), v.place))
            if hit is not None:
                known_visit.add(i)
        if hit is not None:
            refs[hit[0]] = hit[1]
            existing.append(hit[0])
            new_index.append(None)
            continue
        found = file_email.get(e) if e else None
        if found is None and np:
            found = file_name_phone.get(np)
        if found is None:
            found = len(new_rows)
            new_rows.append(row)
        idx: int = found
        if e:
            file_email.setdefault(e, idx)
        if np:
            file_name_phone.setdefault(np, idx)
        existing.append(None)
        new_index.append(idx)
    matched = sorted({gid for gid in existing if gid is not None})
    known = iq.visit_keys_for_guests(s, matched)
    seen: set[tuple[str, int, VisitKind, object]] = set()
    visit_rows: list[int] = []
    duplicates = 0
    for i, row in enumerate(rows):
        v = row.visit
        if v is None:
            continue
        owner_id = existing[i]
        owner: tuple[str, int] = (("g", owner_id) if owner_id is not None
                                  else ("n", new_index[i] or 0))
        key = (*owner, v.kind, v.starts_at)
        if i in known_visit or key in seen or (
                owner_id is not None and (owner_id, v.kind, v.starts_at) in known):
            duplicates += 1
            continue
        seen.add(key)
        visit_rows.append(i)
    return Match(tuple(existing), tuple(new_index), tuple(new_rows), tuple(visit_rows),
                 duplicates, {gid: refs[gid] for gid in matched},
                 _same_names(s, new_rows) if look_for_same_names else ())


def _same_names(s: Session, new_rows: list[PlannedRow]) -> tuple[str, ...]:
    """New guests whose name another new guest or a known guest already has."""
    names = [r.guest.full_name for r in new_rows]
    twice = {n for n, c in Counter(_fold_name(n) for n in names).items() if c > 1}
    known = {_fold_name(n) for n in iq.guests_named(s, names)}
    return tuple(dict.fromkeys(n for n in names if _fold_name(n) in twice | known))


def preview(store: Store, actor: Actor, plan: ImportPlan) -> Preview:
    """What applying would do, read-only."""
    require(store, actor, Action.IMPORT)
    with store.read() as s:
        m = match(s, plan, look_for_same_names=True)
        names = iq.guest_names(s, list(m.matched_refs)[:20])
    result = Preview(
        plan, len(m.new_rows), len(m.matched_refs), len(m.visit_rows), m.duplicate_visits,
        tuple(r.guest.full_name for r in m.new_rows[:20]),
        tuple(names[i] for i in list(m.matched_refs)[:20] if i in names),
        tuple("matched" if gid is not None else "new" for gid in m.existing),
        m.same_name,
    )
    # The preview read every guest to match against: a bulk read (trust-auth's hook).
    bulk_read(store, actor, "import.previewed", rows=len(plan.rows),
              matched=len(m.matched_refs))
    return result


@dataclass(frozen=True)
class ImportResult:
    guests_created: int
    guests_matched: int
    visits: int
    duplicate_visits: int
    skipped_rows: int


# Audit actions that only record a read: another desk doing these while an import is
# being prepared changes nothing the import matched against.
READ_ACTIONS = frozenset({
    "guest.opened", "guests.searched", "guests.listed", "arrivals.listed", "guest.shown",
    "guest.printed", "guest.exported", "import.previewed", "staff.signed_in",
})
ATTEMPTS = 3
_GUEST_COLUMNS = ("id", "ref", "full_name", "preferred_name", "pronunciation", "language",
                  "email", "phone", "phone_e164", "created_at")
_VISIT_COLUMNS = ("id", "guest_id", "kind", "starts_at", "ends_on", "service", "party_size",
                  "place", "status", "reference")


@dataclass(frozen=True)
class _Prepared:
    """Everything an import writes, built from one read snapshot before the write lock."""

    seen_event: int   # the newest audit event in the snapshot
    top_guest: int    # the highest guest and visit ids in the snapshot: the new rows'
    top_visit: int    # ids follow them
    guests: bulk.PreparedRows
    visits: bulk.PreparedRows
    terms: list[dict[str, str]]
    events: audit_chain.PreparedEvents
    result: ImportResult


def _prepare(store: Store, actor: Actor, plan: ImportPlan, at: dt.datetime) -> _Prepared:
    """Match the plan and build every row, id, search-dictionary row and audit event the
    import will write, in a read transaction: other desks go on writing meanwhile."""
    with store.read() as s:
        return _prepare_in(s, actor, plan, at)


def _prepare_in(s: Session, actor: Actor, plan: ImportPlan, at: dt.datetime) -> _Prepared:
    """:func:`_prepare` in an open session (a read snapshot, or the write transaction)."""
    # The newest event and ids first: on an engine whose reads see each new commit
    # (PostgreSQL's READ COMMITTED), a change made while matching is then still
    # newer than what was seen, and caught under the write lock.
    seen_event = iq.last_audit_id(s)
    top_guest, top_visit = bulk.max_id(s, Guest), bulk.max_id(s, Visit)
    m, region = match(s, plan), region_in(s)
    refs = [uuid.uuid4().hex for _ in m.new_rows]
    guests = bulk.prepare_rows(s, Guest, _GUEST_COLUMNS, (
        (top_guest + 1 + j, refs[j], r.guest.full_name, r.guest.preferred_name, "",
         r.guest.language, r.guest.email, r.guest.phone,
         phones.to_e164(r.guest.phone, region), at)
        for j, r in enumerate(m.new_rows)))
    terms = name_terms.name_term_rows(n for r in m.new_rows
                                  for n in (r.guest.full_name, r.guest.preferred_name))
    events: list[audit_chain.Event] = [
        (at, actor.id, "guest.created", ref, {"via": "import"}) for ref in refs]
    visit_rows: list[tuple[object, ...]] = []
    for n, i in enumerate(m.visit_rows):
        v = plan.rows[i].visit
        assert v is not None
        visit_id = top_visit + 1 + n
        gid = m.existing[i]
        if gid is None:
            idx = m.new_index[i] or 0
            gid, ref = top_guest + 1 + idx, refs[idx]
        else:
            ref = m.matched_refs[gid]
        visit_rows.append((visit_id, gid, v.kind, v.starts_at, v.ends_on, v.service,
                           v.party_size, v.place, VisitStatus.EXPECTED,
                           v.reference or None))
        events.append((at, actor.id, "visit.recorded", ref,
                       {"visit": visit_id, "kind": v.kind.value, "via": "import"}))
    visits = bulk.prepare_rows(s, Visit, _VISIT_COLUMNS, visit_rows)
    result = ImportResult(len(m.new_rows), len(m.matched_refs), len(m.visit_rows),
                          m.duplicate_visits, plan.error_lines)
    events.append((at, actor.id, "import.applied", None, {
        "file_sha256": plan.sha256, "layout": plan.fingerprint[:12],
        "rows": plan.records, "guests_created": result.guests_created,
        "guests_matched": result.guests_matched, "visits": result.visits,
        "duplicate_visits": result.duplicate_visits,
        "rows_with_errors": result.skipped_rows,
    }))
    prepared_events = audit_chain.prepare_events(s, events)
    return _Prepared(seen_event, top_guest, top_visit, guests, visits, terms,
                     prepared_events, result)


def _still_true(s: Session, p: _Prepared) -> bool:
    """Whether what the preparation read still holds under the write lock: nothing but
    reads were audited since (every change to guests, visits or settings appends an
    event), and no guest or visit took the ids the new rows were given."""
    if iq.last_audit_id(s) != p.seen_event and not iq.actions_after(
            s, p.seen_event) <= READ_ACTIONS:
        return False
    return (bulk.max_id(s, Guest), bulk.max_id(s, Visit)) == (p.top_guest, p.top_visit)


def _cache_mib(rows: int) -> int:
    """The page cache for writing ``rows`` rows: the usual 32 MiB for a daily file, up to
    256 MiB for a backlog (memory that is given back when the write ends)."""
    return max(32, min(256, rows // 1000))


def apply(store: Store, actor: Actor, plan: ImportPlan, *, only_good_rows: bool = False,
          progress: Progress | None = None, cancelled: Cancelled | None = None,
          prepared: Callable[[], None] | None = None) -> ImportResult:
    """Write the plan in one short transaction; ``cancelled()`` returning True writes nothing.

    A plan with bad rows writes nothing (:class:`ImportHasErrors`) unless
    ``only_good_rows`` says the person chose to leave the bad rows out.

    Matching, validation and building every row happen first, on a read snapshot, while
    other desks go on working; the write lock is then taken only to insert the prepared
    rows set-wise. If another desk changed guests meanwhile, the preparation is made again
    from a fresh snapshot; after :data:`ATTEMPTS` such tries (a busy reception marking
    arrivals all the time) the last one prepares under the write lock, as imports always
    did: other desks wait for it, but an import is never starved. ``prepared()`` is called
    after each preparation on a snapshot, before the write lock is asked for (tests drive
    "another desk writes now" with it).
    """
    require(store, actor, Action.IMPORT)
    if plan.errors and not only_good_rows:
        raise ImportHasErrors(plan.errors)
    at = _now()
    done = 0

    def check(step: int, total: int) -> None:
        nonlocal done
        done += step
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    def rows_of(p: _Prepared) -> int:
        # progress: the rows written (guests, visits, their events), one step per batch
        return 2 * (len(p.guests) + len(p.visits)) + 1

    def write(s: Session, p: _Prepared) -> ImportResult:
        total = rows_of(p)
        step = functools.partial(check, total=total)
        with bulk.roomy_cache(s, _cache_mib(total)):
            bulk.insert_prepared(s, p.guests, after_batch=step)
            name_terms.insert_name_terms(s, p.terms)
            bulk.insert_prepared(s, p.visits, after_batch=step)
            audit_chain.append_prepared(s, p.events, after_batch=step)
        check(0, total)
        return p.result

    for _attempt in range(ATTEMPTS):
        done = 0
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        p = _prepare(store, actor, plan, at)
        if prepared is not None:
            prepared()
        check(0, rows_of(p))  # before the lock is asked for
        with store.write() as s:
            if _still_true(s, p):
                return write(s, p)
        # nothing written yet: prepare again from a fresh snapshot
    done = 0
    with store.write() as s:  # still changing: prepared under the lock, never starved
        p = _prepare_in(s, actor, plan, at)
        check(0, rows_of(p))
        return write(s, p)
