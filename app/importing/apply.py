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
writes everything inside one ``store.write()``: guests, visits and their audit
events (``guest.created`` / ``visit.recorded`` with ``via="import"``, and one
``import.applied`` naming the file by its SHA-256 and the counts). Cancelling
or any failure raises inside the transaction, so it rolls back and the store is
exactly as before.
"""

from __future__ import annotations

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
from storage import audit_chain, bulk, search
from storage import import_queries as iq
from storage.models import Guest, Visit, VisitKind, VisitStatus
from storage.store import Store

BATCH = 5000
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


def _prepare(m: Match, region: str
             ) -> tuple[list[str | None], list[dict[str, str]], list[str]]:
    """What the new guests' rows need that the store does not: their phone numbers in
    E.164, their names' search-dictionary rows and their random references."""
    e164 = [phones.to_e164(r.guest.phone, region) for r in m.new_rows]
    terms = search.name_term_rows(n for r in m.new_rows
                                  for n in (r.guest.full_name, r.guest.preferred_name))
    return e164, terms, [uuid.uuid4().hex for _ in m.new_rows]


def apply(store: Store, actor: Actor, plan: ImportPlan, *, only_good_rows: bool = False,
          progress: Progress | None = None, cancelled: Cancelled | None = None
          ) -> ImportResult:
    """Write the plan in one transaction; ``cancelled()`` returning True rolls it all back.

    A plan with bad rows writes nothing (:class:`ImportHasErrors`) unless
    ``only_good_rows`` says the person chose to leave the bad rows out.
    """
    require(store, actor, Action.IMPORT)
    if plan.errors and not only_good_rows:
        raise ImportHasErrors(plan.errors)
    at = _now()

    def check(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    # Match and prepare every row before taking the write lock, so other desks wait only
    # for the writes themselves. If anything was written meanwhile (every write appends
    # an audit event), the match is made again under the lock.
    with store.read() as s:
        m, seen_event, region = match(s, plan), iq.last_audit_id(s), region_in(s)
    check(0, 1)
    new_guests = _prepare(m, region)
    with store.write() as s:
        if iq.last_audit_id(s) != seen_event:  # rare: another desk wrote meanwhile
            m, region = match(s, plan), region_in(s)
            new_guests = _prepare(m, region)
        e164, terms, refs = new_guests
        total = len(m.new_rows) + len(m.visit_rows)
        done = 0
        check(done, total)
        first_id = bulk.max_id(s, Guest) + 1
        for start in range(0, len(m.new_rows), BATCH):
            chunk = m.new_rows[start:start + BATCH]
            bulk.insert_rows(s, Guest, [
                dict(id=first_id + start + j, ref=refs[start + j], full_name=r.guest.full_name,
                     preferred_name=r.guest.preferred_name, pronunciation="",
                     language=r.guest.language, email=r.guest.email, phone=r.guest.phone,
                     phone_e164=e164[start + j], created_at=at)
                for j, r in enumerate(chunk)])
            audit_chain.append_many(s, [
                (at, actor.id, "guest.created", refs[start + j], {"via": "import"})
                for j in range(len(chunk))])
            done += len(chunk)
            check(done, total)
        search.insert_name_terms(s, terms)
        visit_id = bulk.max_id(s, Visit) + 1
        for start in range(0, len(m.visit_rows), BATCH):
            rows: list[dict[str, object]] = []
            events: list[audit_chain.Event] = []
            for i in m.visit_rows[start:start + BATCH]:
                v = plan.rows[i].visit
                assert v is not None
                gid = m.existing[i]
                if gid is None:
                    idx = m.new_index[i] or 0
                    gid, ref = first_id + idx, refs[idx]
                else:
                    ref = m.matched_refs[gid]
                rows.append(dict(id=visit_id, guest_id=gid, kind=v.kind, starts_at=v.starts_at,
                                 ends_on=v.ends_on, service=v.service, party_size=v.party_size,
                                 place=v.place, status=VisitStatus.EXPECTED,
                                 reference=v.reference or None))
                events.append((at, actor.id, "visit.recorded", ref,
                               {"visit": visit_id, "kind": v.kind.value, "via": "import"}))
                visit_id += 1
            bulk.insert_rows(s, Visit, rows)
            audit_chain.append_many(s, events)
            done += len(rows)
            check(done, total)
        result = ImportResult(len(m.new_rows), len(m.matched_refs), len(m.visit_rows),
                              m.duplicate_visits, plan.error_lines)
        audit_chain.append_many(s, [(at, actor.id, "import.applied", None, {
            "file_sha256": plan.sha256, "layout": plan.fingerprint[:12],
            "rows": plan.records, "guests_created": result.guests_created,
            "guests_matched": result.guests_matched, "visits": result.visits,
            "duplicate_visits": result.duplicate_visits, "rows_with_errors": result.skipped_rows,
        })])
        check(total, total)
    return result
