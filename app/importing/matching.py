"""Matching a plan against the store: which rows are guests it knows, which visits it has.

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

The preview matches the file once; :class:`Matched` keeps that match with what the
snapshot it was made on had seen (the newest audit event, the highest ids), so the
apply can use it again when nothing but reads happened since instead of matching the
whole file a second time (``app.importing.apply``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy.orm import Session

from app import phones
from app.importing.plan import ImportPlan, PlannedRow
from storage import import_queries as iq
from storage.models import VisitKind
from storage.store import Store


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
    # Per planned row: its phone in E.164 (None: no phone, or not a possible number).
    e164: tuple[str | None, ...] = ()
    new_first: tuple[int, ...] = ()    # per new guest: the index of its first row


def _fold_name(name: str) -> str:
    return " ".join(name.casefold().split())


def match(s: Session, plan: ImportPlan, region: str, *, look_for_same_names: bool = False
          ) -> Match:
    """How each row of ``plan`` lands in the store ``s`` reads (phones read in ``region``)."""
    rows = plan.rows
    e164 = e164_numbers(rows, region)
    emails = [iq.email_key(r.guest.email) if r.guest.email else None for r in rows]
    # What the store knows about the file's keys, one indexed look-up per kind of key.
    by_reference: dict[tuple[str, VisitKind], tuple[int, str]] = {
        (ref, kind): (gid, gref) for gid, gref, ref, kind in iq.visits_by_reference(
            s, [r.visit.reference for r in rows if r.visit and r.visit.reference])}
    by_email: dict[str, tuple[int, str]] = {}
    for gid, gref, email in iq.guests_by_email(
            s, [e for e in emails if e]):
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
    new_first: list[int] = []
    known_visit: set[int] = set()  # rows whose visit the store already has
    file_email: dict[str, int] = {}
    file_name_phone: dict[tuple[str, str], int] = {}
    for i, row in enumerate(rows):
        g, v = row.guest, row.visit
        e = emails[i]
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
            new_first.append(i)
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
                 _same_names(s, new_rows) if look_for_same_names else (), tuple(e164),
                 tuple(new_first))


def _same_names(s: Session, new_rows: list[PlannedRow]) -> tuple[str, ...]:
    """New guests whose name another new guest or a known guest already has."""
    names = [r.guest.full_name for r in new_rows]
    folded = [_fold_name(n) for n in names]
    twice = {n for n, c in Counter(folded).items() if c > 1}
    alike = twice | {_fold_name(n) for n in iq.guests_named(s, names)}  # once, not per name
    return tuple(dict.fromkeys(n for n, f in zip(names, folded, strict=True) if f in alike))


def e164_numbers(rows: Sequence[PlannedRow], region: str) -> list[str | None]:
    """Each row's phone in E.164, each distinct number read once: ``phonenumbers`` costs
    ~0.1 ms a number, and a backlog repeats its regular guests' numbers."""
    known: dict[str, str | None] = {}
    out: list[str | None] = []
    for r in rows:
        typed = r.guest.phone
        if not typed:
            out.append(None)
            continue
        if typed not in known:
            known[typed] = phones.to_e164(typed, region)
        out.append(known[typed])
    return out


@dataclass(frozen=True)
class Matched:
    """A plan's match and what the read snapshot it was made on had seen: the newest
    audit event and the highest guest and visit ids. While nothing but reads has been
    audited since and the ids are the same, the match still holds (every change to
    guests, visits or settings appends an audit event)."""

    store: Store
    plan: ImportPlan
    region: str
    seen_event: int
    top_guest: int
    top_visit: int
    match: Match
