"""Matching a plan against the store (read-only preview) and applying it (one transaction).

Matching: a row belongs to an existing guest with the same email (case
ignored) or, failing that, the same full name and phone; rows of the same file
that share an email or name + phone become one new guest. A visit the guest
already has (same kind and start) is not imported twice, so the same daily
export can be imported again safely.

Applying writes everything inside one ``store.write()``: guests, visits and
their audit events (``guest.created`` / ``visit.recorded`` with
``via="import"``, and one ``import.applied`` naming the file by its SHA-256 and
the counts). Cancelling or any failure raises inside the transaction, so it
rolls back and the store is exactly as before.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app.audit import bulk_read
from app.clock import now as _now
from app.errors import FrontdeskError
from app.importing.plan import ImportPlan, PlannedRow
from app.permissions import Action, require
from app.views import Actor
from storage import audit_chain, bulk, queries
from storage.models import Guest, Visit, VisitKind, VisitStatus
from storage.store import Store

BATCH = 5000
Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


class ImportCancelled(FrontdeskError):
    def __init__(self) -> None:
        super().__init__("The import was cancelled; nothing was imported.")


@dataclass(frozen=True)
class Match:
    """How each planned row lands: an existing guest id, or the index of a new guest."""

    existing: tuple[int | None, ...]   # per row: existing guest id or None
    new_index: tuple[int | None, ...]  # per row: index into ``new_rows`` or None
    new_rows: tuple[PlannedRow, ...]   # the first row of each new guest
    visit_rows: tuple[int, ...]        # indexes of rows whose visit will be written
    duplicate_visits: int
    matched_refs: dict[int, str]       # existing guest id -> ref (for the audit)


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

    @property
    def error_lines(self) -> int:
        return self.plan.error_lines

    def summary_lines(self) -> list[str]:
        """The preview in plain sentences (the CLI prints these; the GUI shows the same)."""
        p = self.plan
        lines = [
            f"File: {p.file_name or '(unnamed)'} — {p.encoding}, {p.delimiter_name}-separated, "
            f"{p.records:,} rows",
            f"New guests: {self.new_guests:,}",
            f"Matched guests: {self.matched_guests:,}",
            f"Visits to add: {self.visits:,}"
            + (f" ({self.duplicate_visits:,} already in the store, skipped)"
               if self.duplicate_visits else ""),
            f"Rows with errors (not imported): {p.error_lines:,}",
        ]
        lines += [f"  {e.text}" for e in p.errors[:50]]
        if len(p.errors) > 50:
            lines.append(f"  … and {len(p.errors) - 50:,} more")
        lines += [s.text[0].upper() + s.text[1:] for s in p.skipped]
        lines += list(p.notes)
        return lines


def _key_email(email: str | None) -> str | None:
    return email.strip().lower() if email else None


def match(s: Session, plan: ImportPlan) -> Match:
    by_email: dict[str, int] = {}
    by_name_phone: dict[tuple[str, str], int] = {}
    refs: dict[int, str] = {}
    for gid, ref, email, full_name, phone in queries.guest_match_keys(s):
        refs[gid] = ref
        e = _key_email(email)
        if e is not None:
            by_email.setdefault(e, gid)
        if phone:
            by_name_phone.setdefault((full_name, phone), gid)
    existing: list[int | None] = []
    new_index: list[int | None] = []
    new_rows: list[PlannedRow] = []
    file_email: dict[str, int] = {}
    file_name_phone: dict[tuple[str, str], int] = {}
    for row in plan.rows:
        g = row.guest
        e = _key_email(g.email)
        np = (g.full_name, g.phone) if g.phone else None
        hit = (by_email.get(e) if e else None) or (by_name_phone.get(np) if np else None)
        if hit is not None:
            existing.append(hit)
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
    known = queries.visit_keys_for_guests(s, matched)
    seen: set[tuple[str, int, VisitKind, object]] = set()
    visit_rows: list[int] = []
    duplicates = 0
    for i, row in enumerate(plan.rows):
        v = row.visit
        if v is None:
            continue
        owner_id = existing[i]
        owner: tuple[str, int] = (("g", owner_id) if owner_id is not None
                                  else ("n", new_index[i] or 0))
        key = (*owner, v.kind, v.starts_at)
        if key in seen or (owner_id is not None and (owner_id, v.kind, v.starts_at) in known):
            duplicates += 1
            continue
        seen.add(key)
        visit_rows.append(i)
    return Match(tuple(existing), tuple(new_index), tuple(new_rows), tuple(visit_rows),
                 duplicates, {gid: refs[gid] for gid in matched})


def preview(store: Store, actor: Actor, plan: ImportPlan) -> Preview:
    """What applying would do, read-only."""
    require(store, actor, Action.IMPORT)
    with store.read() as s:
        m = match(s, plan)
        names = {g.id: g.full_name for g in
                 queries.guests_by_ids(s, list(m.matched_refs)[:20])}
    result = Preview(
        plan, len(m.new_rows), len(m.matched_refs), len(m.visit_rows), m.duplicate_visits,
        tuple(r.guest.full_name for r in m.new_rows[:20]),
        tuple(names[i] for i in list(m.matched_refs)[:20] if i in names),
        tuple("matched" if gid is not None else "new" for gid in m.existing),
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


def apply(store: Store, actor: Actor, plan: ImportPlan, *, progress: Progress | None = None,
          cancelled: Cancelled | None = None) -> ImportResult:
    """Write the plan in one transaction; ``cancelled()`` returning True rolls it all back."""
    require(store, actor, Action.IMPORT)
    at = _now()

    def check(done: int, total: int) -> None:
        if cancelled is not None and cancelled():
            raise ImportCancelled()
        if progress is not None:
            progress(done, total)

    with store.write() as s:
        m = match(s, plan)
        total = len(m.new_rows) + len(m.visit_rows)
        done = 0
        check(done, total)
        first_id = bulk.max_id(s, Guest) + 1
        refs = [uuid.uuid4().hex for _ in m.new_rows]
        for start in range(0, len(m.new_rows), BATCH):
            chunk = m.new_rows[start:start + BATCH]
            bulk.insert_rows(s, Guest, [
                dict(id=first_id + start + j, ref=refs[start + j], full_name=r.guest.full_name,
                     preferred_name=r.guest.preferred_name, pronunciation="",
                     language=r.guest.language, email=r.guest.email, phone=r.guest.phone,
                     created_at=at)
                for j, r in enumerate(chunk)])
            audit_chain.append_many(s, [
                (at, actor.id, "guest.created", refs[start + j], {"via": "import"})
                for j in range(len(chunk))])
            done += len(chunk)
            check(done, total)
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
                                 place=v.place, status=VisitStatus.EXPECTED))
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
