"""Named queries the application core uses. All SQL of app/ use cases is here.

Keeping them in one module (typed ORM ``select()``, no engine-specific SQL)
means a second engine (PostgreSQL) needs no change in ``app/``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import and_, bindparam, delete, func, or_, select, text
from sqlalchemy.orm import Session, selectinload

from storage import notify, search
from storage.models import (
    Assignment,
    AuditEvent,
    Consent,
    ConsentPurpose,
    Guest,
    Label,
    LabelStatus,
    Role,
    Service,
    Setting,
    Staff,
    Visit,
    VisitKind,
    VisitStatus,
)

# --- staff -----------------------------------------------------------------

def staff_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(Staff)) or 0)


def active_staff(s: Session) -> Sequence[Staff]:
    return s.scalars(select(Staff).where(Staff.active).order_by(Staff.name)).all()


def all_staff(s: Session) -> Sequence[Staff]:
    return s.scalars(select(Staff).order_by(Staff.active.desc(), Staff.name)).all()


def staff_by_name(s: Session, name: str) -> Staff | None:
    return s.scalar(select(Staff).where(Staff.name == name))


def newest_change_time(s: Session) -> dt.datetime | None:
    """The newest time any guest, staff member, label, consent or label use was made.

    ``verify`` compares it with the newest audit event: changes newer than the
    log's end mean events were cut off the end (not an older copy of the file).
    """
    times = [s.scalar(select(func.max(col))) for col in (
        Guest.created_at, Staff.created_at, Label.proposed_at, Consent.given_at,
        Assignment.added_at)]
    found = [t for t in times if t is not None]
    return max(found) if found else None


# Built once: every use case (and every key press of a search) asks. Run on the session's
# connection (Core, no ORM execution context: about half the cost); it reads committed
# rows, as this check should (app.permissions.require runs it in a read transaction).
# On the shared store, with the change counter (storage.notify) in the same round trip.
_STANDING_AND_SEQ_PG = ("SELECT role, active, (SELECT value FROM setting WHERE key = :k) "
                        "FROM staff WHERE id = :staff_id")
_STANDING_RAW = "SELECT role, active FROM staff WHERE id = ?"


def staff_standing(s: Session, staff_id: int) -> tuple[Role, bool] | None:
    """Current role and active flag of one staff member (primary-key read, per use case).

    On SQLite it runs on the session's driver connection (``storage.search.raw_rows``: the
    same transaction, ~0.1 ms less than through SQLAlchemy), since type-ahead search reads
    it on every key press (docs/performance.md); still read every time, never remembered.
    On PostgreSQL the change counter comes in the same round trip
    (:func:`_standing_noting_changes`).
    """
    if s.get_bind().dialect.name == "postgresql":
        return _standing_noting_changes(s, staff_id)
    rows = search.raw_rows(s, _STANDING_RAW, (staff_id,))
    return (Role(rows[0][0]), bool(rows[0][1])) if rows else None


def _standing_noting_changes(s: Session, staff_id: int) -> tuple[Role, bool] | None:
    """The same, and the change counter as this transaction's (``storage.search`` reads it
    at every key press to know whether what it keeps is still right): one round trip of a
    key press's 4-6 fewer on the shared store (postgres helper)."""
    from storage import postgres_search

    # On the driver connection, as the search's own statements (no SQLAlchemy statement
    # and result handling: ~0.5 ms of a key press's desk CPU, docs/performance.md).
    postgres_search.queue_ahead(s, staff_id)   # a key press's first search statement with it
    rows = postgres_search.fetch_rows(s, _STANDING_AND_SEQ_PG,
                                      {"staff_id": staff_id, "k": notify.SEQ_KEY})
    if not rows:
        return None
    row = rows[0]
    search.note_change_seq(s, int(row[2]) if row[2] is not None else 0)
    return Role(row[0]), bool(row[1])


def first_manager(s: Session) -> Staff | None:
    return s.scalar(select(Staff).where(Staff.role == Role.MANAGER).order_by(Staff.id).limit(1))


def staff_names(s: Session, ids: set[int]) -> dict[int, Staff]:
    if not ids:
        return {}
    return {st.id: st for st in s.scalars(select(Staff).where(Staff.id.in_(ids)))}


# --- guests ----------------------------------------------------------------

def guests_by_ids(s: Session, ids: Sequence[int]) -> Sequence[Guest]:
    if not ids:
        return []
    return s.scalars(select(Guest).where(Guest.id.in_(ids))).all()


def guest_by_ref(s: Session, ref: str) -> Guest | None:
    return s.scalar(select(Guest).where(Guest.ref == ref))


def guest_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(Guest)) or 0)


def list_guests(s: Session, limit: int, offset: int = 0) -> Sequence[Guest]:
    return s.scalars(select(Guest).order_by(Guest.full_name).limit(limit).offset(offset)).all()


# Built once: a card open (every desk, many times an hour) no longer builds the statement
# and its loader options again before SQLAlchemy finds it in its cache.
_CARD = select(Guest).where(Guest.id == bindparam("guest_id")).options(
    selectinload(Guest.visits),
    selectinload(Guest.consents),
    selectinload(Guest.assignments).selectinload(Assignment.remover),
)


def guest_for_card(s: Session, guest_id: int) -> Guest | None:
    return s.scalar(_CARD, {"guest_id": guest_id})


def last_seen(s: Session, guest_id: int, before: dt.datetime) -> dt.datetime | None:
    value = s.scalar(
        select(func.max(Visit.starts_at)).where(
            Visit.guest_id == guest_id,
            Visit.starts_at <= before,
            Visit.status != VisitStatus.CANCELLED,
        )
    )
    return value


# --- visits ----------------------------------------------------------------

def visits_between(
    s: Session, kind: VisitKind, start: dt.datetime, end: dt.datetime,
    service: Service | None = None,
) -> Sequence[Visit]:
    q = (
        select(Visit)
        .where(Visit.kind == kind, Visit.starts_at >= start, Visit.starts_at < end)
        .options(selectinload(Visit.guest))
        .order_by(Visit.starts_at, Visit.place)
    )
    if service is not None:
        q = q.where(Visit.service == service)
    return s.scalars(q).all()


# --- labels ----------------------------------------------------------------

def labels_with_status(s: Session, *statuses: LabelStatus) -> Sequence[Label]:
    return s.scalars(
        select(Label).where(Label.status.in_(statuses)).order_by(Label.category, Label.id)
    ).all()


def labels_proposed_by(s: Session, staff_id: int) -> Sequence[Label]:
    return s.scalars(
        select(Label).where(Label.proposed_by == staff_id).order_by(Label.proposed_at.desc())
    ).all()


def label_by_key(s: Session, key: str) -> Label | None:
    return s.scalar(select(Label).where(Label.key == key))


def label_usage(s: Session) -> dict[int, int]:
    rows = s.execute(
        select(Assignment.label_id, func.count(func.distinct(Assignment.guest_id)))
        .where(Assignment.removed_at.is_(None))
        .group_by(Assignment.label_id)
    )
    return {int(r[0]): int(r[1]) for r in rows}


def active_assignment(s: Session, guest_id: int, label_id: int) -> Assignment | None:
    return s.scalar(
        select(Assignment).where(
            Assignment.guest_id == guest_id,
            Assignment.label_id == label_id,
            Assignment.removed_at.is_(None),
        )
    )


def active_assignments_of_label(s: Session, label_id: int) -> Sequence[Assignment]:
    return s.scalars(
        select(Assignment).where(Assignment.label_id == label_id,
                                 Assignment.removed_at.is_(None))
    ).all()


def active_assignments_with_consent(s: Session, consent_id: int) -> Sequence[Assignment]:
    return s.scalars(
        select(Assignment).where(Assignment.consent_id == consent_id,
                                 Assignment.removed_at.is_(None))
    ).all()


def removed_assignments(s: Session) -> Sequence[Assignment]:
    """Labels taken off guests whose record is still kept (until their ``expires_at``)."""
    return s.scalars(select(Assignment).where(Assignment.removed_at.is_not(None))).all()


def assignments_with_consent(s: Session, consent_id: int) -> Sequence[Assignment]:
    """Every label row (active or a kept record) that relies on one consent."""
    return s.scalars(select(Assignment).where(Assignment.consent_id == consent_id)
                     .order_by(Assignment.id)).all()


def assignment_label_ids(s: Session, ids: set[int]) -> dict[int, int]:
    """{assignment id: label id} for the assignments that still exist (audit sentences)."""
    if not ids:
        return {}
    rows = s.execute(select(Assignment.id, Assignment.label_id)
                     .where(Assignment.id.in_(sorted(ids)))).all()
    return {int(r[0]): int(r[1]) for r in rows}


def guests_by_ref_prefix(s: Session, prefix: str, limit: int = 5) -> Sequence[Guest]:
    """Guests whose reference starts with ``prefix`` (a short reference read back)."""
    return s.scalars(select(Guest).where(Guest.ref.startswith(prefix, autoescape=True))
                     .order_by(Guest.id).limit(limit)).all()


def active_consent(s: Session, guest_id: int, purpose: ConsentPurpose) -> Consent | None:
    return s.scalar(
        select(Consent)
        .where(Consent.guest_id == guest_id, Consent.purpose == purpose,
               Consent.withdrawn_at.is_(None))
        .order_by(Consent.given_at.desc())
        .limit(1)
    )


# --- audit -----------------------------------------------------------------

def audit_events(
    s: Session, *, staff_id: int | None = None, guest_ref: str | None = None,
    action: str | None = None, since: dt.datetime | None = None,
    until: dt.datetime | None = None, limit: int = 500,
) -> Sequence[AuditEvent]:
    q = select(AuditEvent).order_by(AuditEvent.id.desc()).limit(limit)
    conds = []
    if staff_id is not None:
        conds.append(AuditEvent.staff_id == staff_id)
    if guest_ref is not None:
        conds.append(AuditEvent.guest_ref == guest_ref)
    if action:
        conds.append(or_(AuditEvent.action == action, AuditEvent.action.startswith(action + ".")))
    if since is not None:
        conds.append(AuditEvent.at >= since)
    if until is not None:
        conds.append(AuditEvent.at < until)
    if conds:
        q = q.where(and_(*conds))
    return s.scalars(q).all()


def audit_actions(s: Session) -> list[str]:
    return [str(a) for a in s.scalars(select(AuditEvent.action).distinct().order_by(
        AuditEvent.action))]


def assignments_on_unapproved_labels(s: Session) -> list[tuple[int, LabelStatus]]:
    """Active assignments whose label was never approved: must always be empty."""
    rows = s.execute(
        select(Assignment.id, Label.status)
        .join(Label, Label.id == Assignment.label_id)
        .where(Assignment.removed_at.is_(None),
               Label.status.in_([LabelStatus.PROPOSED, LabelStatus.REJECTED]))
    ).all()
    return [(int(r[0]), LabelStatus(r[1])) for r in rows]


# --- settings --------------------------------------------------------------

_SETTING_RAW = "SELECT value FROM setting WHERE key = ?"


def setting_value(s: Session, key: str) -> str | None:
    if not isinstance(s, Session):   # a search's read without an ORM session (a phone
        # number typed: the venue's country; storage.store.Store.search_read)
        if s.get_bind().dialect.name == "postgresql":
            rows = s.execute(text("SELECT value FROM setting WHERE key = :k"), {"k": key}).all()
        else:
            rows = search.raw_rows(s, _SETTING_RAW, (key,))
        return str(rows[0][0]) if rows else None
    row = s.get(Setting, key)
    return row.value if row is not None else None


def audit_event_count(s: Session) -> int:
    return int(s.scalar(select(func.count()).select_from(AuditEvent)) or 0)


# --- vocabulary admin ------------------------------------------------------

def labels_with_usage(s: Session, *statuses: LabelStatus) -> list[tuple[Label, int]]:
    """Labels with the given statuses and how many guests carry each one now."""
    usage = label_usage(s)
    return [(lb, usage.get(lb.id, 0)) for lb in labels_with_status(s, *statuses)]


# --- guest report, erasure, retention (Show guest) --------------------------

def last_touch(s: Session, guest_ref: str, staff_id: int) -> dt.datetime | None:
    """When this staff member last did or saw anything about this guest (guest_ref index)."""
    return s.scalar(select(func.max(AuditEvent.at)).where(
        AuditEvent.guest_ref == guest_ref, AuditEvent.staff_id == staff_id))


def guest_audit_events(s: Session, guest_ref: str) -> Sequence[AuditEvent]:
    """Every audit event about one guest, newest first (their access log and history)."""
    return s.scalars(
        select(AuditEvent).where(AuditEvent.guest_ref == guest_ref).order_by(AuditEvent.id.desc())
    ).all()


def guests_by_exact_email(s: Session, email: str) -> Sequence[Guest]:
    """Guests whose email is exactly ``email`` (ignoring ASCII case), for the CLI's GUEST."""
    return s.scalars(
        select(Guest).where(func.lower(Guest.email) == email.lower()).order_by(Guest.id)
    ).all()


def delete_expired_assignments(s: Session, at: dt.datetime, max_guests: int = 500
                               ) -> dict[str, int]:
    """Delete expired assignments of at most ``max_guests`` guests; {guest ref: rows deleted}.

    Bounded so that each write transaction stays short (other desks keep writing);
    call again until it returns an empty dict.
    """
    guest_ids = list(s.scalars(
        select(Assignment.guest_id).where(Assignment.expires_at <= at).distinct()
        .limit(max_guests)
    ))
    if not guest_ids:
        return {}
    rows = s.execute(
        select(Assignment.id, Guest.ref)
        .join(Guest, Guest.id == Assignment.guest_id)
        .where(Assignment.expires_at <= at, Assignment.guest_id.in_(guest_ids))
    ).all()
    counts: dict[str, int] = {}
    for _assignment_id, ref in rows:
        counts[str(ref)] = counts.get(str(ref), 0) + 1
    s.execute(delete(Assignment).where(Assignment.id.in_([r[0] for r in rows])),
              execution_options={"synchronize_session": False})
    return counts


def any_expired_assignment(s: Session, at: dt.datetime) -> bool:
    return s.scalar(select(Assignment.id).where(Assignment.expires_at <= at).limit(1)) is not None


def guests_due_for_retention_review(
    s: Session, cutoff: dt.datetime, limit: int
) -> list[tuple[Guest, dt.datetime]]:
    """Guests not seen (newest visit, else creation) and not kept by a manager since ``cutoff``.

    Returns each guest with the date they were last seen, oldest first.
    """
    newest = (
        select(Visit.guest_id, func.max(Visit.starts_at).label("newest"))
        .where(Visit.status != VisitStatus.CANCELLED)
        .group_by(Visit.guest_id)
        .subquery()
    )
    seen = func.coalesce(newest.c.newest, Guest.created_at)
    rows = s.execute(
        select(Guest, seen)
        .outerjoin(newest, newest.c.guest_id == Guest.id)
        .where(seen < cutoff,
               or_(Guest.retention_reviewed_at.is_(None), Guest.retention_reviewed_at < cutoff))
        .order_by(seen, Guest.id)
        .limit(limit)
    ).all()
    return [(r[0], r[1]) for r in rows]


# --- import (arrivals and bookings from CSV) ---------------------------------

def guest_match_keys(s: Session) -> list[tuple[int, str, str | None, str, str | None]]:
    """(id, ref, email, full_name, phone) of every guest, streamed: the import matches in memory.

    One scan of the guest table beats one query per imported row (no index covers the
    case-insensitive email match or name + phone).
    """
    rows = s.execute(
        select(Guest.id, Guest.ref, Guest.email, Guest.full_name, Guest.phone)
    ).yield_per(5000)
    return [(int(r[0]), str(r[1]), r[2], str(r[3]), r[4]) for r in rows]


def visit_keys_for_guests(s: Session, guest_ids: Sequence[int]
                          ) -> set[tuple[int, VisitKind, dt.datetime]]:
    """(guest id, kind, start) of the visits these guests already have: re-imports skip them."""
    out: set[tuple[int, VisitKind, dt.datetime]] = set()
    ids = list(guest_ids)
    for i in range(0, len(ids), 500):
        rows = s.execute(
            select(Visit.guest_id, Visit.kind, Visit.starts_at)
            .where(Visit.guest_id.in_(ids[i:i + 500]))
        )
        out.update((int(r[0]), VisitKind(r[1]), r[2]) for r in rows)
    return out


# --- the desk's lists ------------------------------------------------------

def health_labels_of_guests(s: Session, guest_ids: set[int]) -> dict[int, list[Label]]:
    """Each guest's active health (special-category) labels, for the allergy marker on
    Today's lists: one query for the whole list."""
    if not guest_ids:
        return {}
    from storage.models import Sensitivity

    rows = s.execute(
        select(Assignment.guest_id, Label)
        .join(Label, Label.id == Assignment.label_id)
        .where(Assignment.guest_id.in_(guest_ids), Assignment.removed_at.is_(None),
               Label.sensitivity == Sensitivity.SPECIAL)
    )
    out: dict[int, list[Label]] = {}
    for guest_id, label in rows:
        out.setdefault(int(guest_id), []).append(label)
    return {g: sorted(found, key=lambda lb: lb.staff_wording) for g, found in out.items()}


def labels_by_ids(s: Session, ids: set[int]) -> dict[int, Label]:
    """Labels by id (the audit log names them in its sentences)."""
    if not ids:
        return {}
    return {lb.id: lb for lb in s.scalars(select(Label).where(Label.id.in_(ids)))}


def past_visits_of_guests(s: Session, guest_ids: set[int], before: dt.datetime
                          ) -> dict[int, tuple[int, dt.datetime]]:
    """Per guest: how many visits (not cancelled) started before ``before``, and the last
    one's start — the greeting cue for a whole Today list in one query."""
    if not guest_ids:
        return {}
    rows = s.execute(
        select(Visit.guest_id, func.count(), func.max(Visit.starts_at))
        .where(Visit.guest_id.in_(guest_ids), Visit.starts_at < before,
               Visit.status != VisitStatus.CANCELLED)
        .group_by(Visit.guest_id)
    )
    return {int(g): (int(n), last) for g, n, last in rows}


def count_labels_with_status(s: Session, status: LabelStatus) -> int:
    """How many labels have ``status`` (the Manager menu's count of waiting proposals)."""
    return int(s.scalar(select(func.count()).select_from(Label)
                        .where(Label.status == status)) or 0)
