"""The guest card's rows, read as plain tuples in one round trip (both engines).

A card open is the desk's commonest read after a key press. Through the ORM it was six
reads (the guest, then visits, assignments with their labels and staff, consents with
their recorders, the labels' wordings and names, each a separate ``selectin`` round
trip) and ~8.5 ms of the desk's CPU building ORM objects only to copy them into the
frozen views of ``app.views`` (measured at a million guests on the shared store: the
server's part was ~2 ms). Here the same rows are read with five plain statements on the
session's driver connection, in its transaction, and handed to ``app.guests`` as named
tuples: on PostgreSQL the five are sent together in one pipeline (one round trip, not
six), on SQLite (in-process, no round trips) one after the other.

Values are converted as SQLAlchemy's column types would: enum columns to their
``StrEnum`` members, and on SQLite the text of ``DateTime`` and ``Date`` columns to
``datetime``/``date`` (``app.guests.build_card`` compares and sorts them).
"""

from __future__ import annotations

import datetime as dt
import functools
import operator
from collections.abc import Sequence
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from storage.models import (
    Category,
    ConsentPurpose,
    LabelStatus,
    RemovalReason,
    Role,
    Sensitivity,
    Service,
    Source,
    VisitKind,
    VisitStatus,
)
from storage.search import GuestRow


class CardVisit(NamedTuple):
    id: int
    guest_id: int
    kind: VisitKind
    starts_at: dt.datetime
    ends_on: dt.date | None
    service: Service | None
    party_size: int
    place: str
    status: VisitStatus


class CardConsent(NamedTuple):
    id: int
    purpose: ConsentPurpose
    given_at: dt.datetime
    recorder_name: str
    recorder_role: Role
    withdrawn_at: dt.datetime | None


class CardLabel(NamedTuple):
    """A label as the card shows it: its row, its wordings (language, guest wording,
    purpose) and its staff names (language, name), both sorted by language."""

    id: int
    key: str | None
    category: Category
    sensitivity: Sensitivity
    retention_days: int
    status: LabelStatus
    proposed_at: dt.datetime
    review_note: str
    wordings: tuple[tuple[str, str, str], ...]
    names: tuple[tuple[str, str], ...]


class CardAssignment(NamedTuple):
    id: int
    label: CardLabel
    adder_name: str
    adder_role: Role
    added_at: dt.datetime
    source: Source
    expires_at: dt.datetime
    consent_id: int | None
    removed_at: dt.datetime | None
    remover_name: str | None
    removal_reason: RemovalReason | None


class CardRows(NamedTuple):
    """Everything a guest card shows, in id order within each kind."""

    guest: GuestRow   # the columns of a search row (storage.search)
    visits: list[CardVisit]
    assignments: list[CardAssignment]
    consents: list[CardConsent]


_GUEST = ("SELECT id, ref, full_name, preferred_name, pronunciation, language, email, phone, "
          "created_at, last_visit_at FROM guest WHERE id = :g")
_VISITS = ("SELECT id, guest_id, kind, starts_at, ends_on, service, party_size, place, status "
           "FROM visit WHERE guest_id = :g ORDER BY id")
_CONSENTS = ("SELECT c.id, c.purpose, c.given_at, s.name, s.role, c.withdrawn_at "
             "FROM consent c JOIN staff s ON s.id = c.recorded_by "
             "WHERE c.guest_id = :g ORDER BY c.id")
_ASSIGNMENTS = (
    "SELECT a.id, a.label_id, ad.name, ad.role, a.added_at, a.source, a.expires_at, "
    "a.consent_id, a.removed_at, rm.name, a.removal_reason, "
    "l.key, l.category, l.sensitivity, l.retention_days, l.status, l.proposed_at, "
    "l.review_note "
    "FROM assignment a JOIN label l ON l.id = a.label_id "
    "JOIN staff ad ON ad.id = a.added_by LEFT JOIN staff rm ON rm.id = a.removed_by "
    "WHERE a.guest_id = :g ORDER BY a.id")
# The wordings (kind 0) and staff names (kind 1) of the labels on this guest, one statement.
_LABEL_TEXTS = (
    "SELECT w.label_id, 0, w.language, w.guest_wording, w.purpose FROM label_wording w "
    "WHERE w.label_id IN (SELECT label_id FROM assignment WHERE guest_id = :g) "
    "UNION ALL "
    "SELECT n.label_id, 1, n.language, n.staff_wording, '' FROM label_name n "
    "WHERE n.label_id IN (SELECT label_id FROM assignment WHERE guest_id = :g)")
_STATEMENTS = (_GUEST, _VISITS, _CONSENTS, _ASSIGNMENTS, _LABEL_TEXTS)
_PG_STATEMENTS = tuple(s.replace(":g", "%(g)s") for s in _STATEMENTS)

# On PostgreSQL the five reads go as one statement of tagged rows (_tagged): each row is
# (kind, key, the guest's 10 columns, a visit's 9, a consent's 6, an assignment's 18, a
# label text's 5), its own kind's columns filled and the others NULL. One statement instead
# of five: psycopg's per-statement work (a cursor, preparing, the parameters dumped) was
# the largest part of a card open's desk CPU (docs/performance.md). The NULLs are typed
# (i: integer, t: timestamp, d: date, else text), for UNION ALL resolves their types pair by
# pair and two untyped NULLs would make a text column that a timestamp cannot join.
# ``int``, not ``integer``: the statement (with its guard) then stays within the 4,096
# characters whose conversion psycopg caches; at 4,140 it was parsed again at every card
# (``_query2pg_nocache``: ~0.5 ms of 11 under the profiler).
_SLOTS = ("i.......tt",            # guest
          "ii.td.i..",             # visit
          "i.t..t",                # consent
          "ii..t.tit.....i.t.",    # assignment, with its label
          "ii...")                 # label text
_CASTS = {"i": "NULL::int", "t": "NULL::timestamp", "d": "NULL::date", ".": "NULL::text"}
_KEYS = ("id", "id", "id", "id", "label_id")   # each kind's rows in this order
_STARTS = [2 + sum(map(len, _SLOTS[:k])) for k in range(len(_SLOTS))]
_SPANS = [(a, a + len(slot)) for a, slot in zip(_STARTS, _SLOTS, strict=True)]
_KIND_AND_KEY = operator.itemgetter(0, 1)


def _tagged(guard: str) -> str:
    """The card's five reads as one driver statement, read only when ``guard`` (a statement
    giving one row when it passes) gives its row: no row at all when it does not, and then
    a guest row of NULLs when there is no such guest. One statement, one snapshot: the
    guard and every read see the same standing and the same guest."""
    nulls = [[_CASTS[c] for c in slot] for slot in _SLOTS]
    parts = []
    for kind, sql in enumerate(_PG_STATEMENTS):
        cols = [f"{kind}", f"q.{_KEYS[kind]}"]
        for other in range(len(_SLOTS)):
            cols += ["q.*"] if other == kind else nulls[other]
        source = ("ok LEFT JOIN ({sql}) q ON true" if kind == 0 else "ok, ({sql}) q")
        parts.append(f"SELECT {', '.join(cols)} FROM {source.format(sql=sql)}")
    return f"WITH ok AS MATERIALIZED ({guard}) {' UNION ALL '.join(parts)}"


_TAGGED = _tagged("SELECT 1")


def _untag(rows: list[tuple[Any, ...]]) -> list[list[tuple[Any, ...]]]:
    """The five reads' rows (as :data:`_STATEMENTS` give them) from :func:`_tagged`'s."""
    out: list[list[tuple[Any, ...]]] = [[] for _ in _SLOTS]
    for row in sorted(rows, key=_KIND_AND_KEY):   # sorted here: no sort on the server
        a, b = _SPANS[row[0]]
        out[row[0]].append(row[a:b])
    return out


def _is_pg(session: Session) -> bool:
    return session.get_bind().dialect.name == "postgresql"


def _pg_results(raw: Any, params: dict[str, Any], extra: tuple[str, ...] = ()
                ) -> list[list[tuple[Any, ...]]]:
    """The five reads' rows (one statement, :func:`_tagged`), then ``extra``'s rows, in
    order, sent together in one pipeline: one round trip to the server."""
    from storage.postgres_search import pipeline

    tagged, *rest = pipeline(raw, [(sql, params) for sql in (_TAGGED, *extra)])
    return [*_untag(tagged), *rest]


def _sqlite_results(raw: Any, params: dict[str, Any]) -> list[list[tuple[Any, ...]]]:
    import sqlcipher3

    try:
        return [list(raw.execute(sql, params).fetchall()) for sql in _STATEMENTS]
    except sqlcipher3.dbapi2.Error as exc:
        raise DBAPIError.instance(_STATEMENTS[0], params, exc, sqlcipher3.dbapi2.Error) from exc


def _when(value: Any) -> Any:
    """A ``DateTime`` value: SQLite keeps it as text ("2026-11-27 14:02:00.000000")."""
    return dt.datetime.fromisoformat(value) if isinstance(value, str) else value


def _day(value: Any) -> Any:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value


def _member(cls: type[StrEnum], value: Any) -> Any:
    return None if value is None else cls(value)


_AHEAD = "frontdesk.card.ahead"


@functools.cache
def _guarded() -> str:
    """The card's reads (:func:`_tagged`) read only when the guard passes
    (``storage.postgres_search.GUARD_PASSES``): no row when it did not, a guest row of
    NULLs when it passed and there is no such guest (``id`` is never NULL in a guest's
    row)."""
    from storage.postgres_search import GUARD_PASSES

    return _tagged(GUARD_PASSES)


def ask_with_permission(session: Session, guest_id: int, roles: Sequence[str], *,
                        then_chain: bool = False) -> None:
    """Before a card open's permission check: the card it will read (:func:`card_rows` of
    ``guest_id`` with ``then_chain``), for a person of one of ``roles``. On PostgreSQL the
    card's reads — and, with ``then_chain``, the chain lock and the chain's end — then go
    in the permission read's round trip, each read guarded on the server by the same
    standing (``storage.postgres_search.ask_with_permission``): nothing of the guest is read
    for a person the check would refuse. Nothing is read or sent here; on SQLite (no round
    trips) nothing changes."""
    if not _is_pg(session):
        return
    from storage import postgres_search as pg

    def build(staff_id: int) -> Any:
        from storage import engine_postgres as pge
        from storage import write_locks
        from storage.search import _dbapi

        chain = (then_chain and write_locks.chain_first_lock(session)
                 and not pge.brief_pending(_dbapi(session)))
        if chain:
            session.flush()   # nothing of the ORM's is written under the lock by surprise
        params = {"g": guest_id, "ahead_staff": staff_id,
                  "ahead_roles": pg.roles_param(roles)}
        statements = [_guarded(), *(pge.CHAIN_LOCK_THEN_END if chain else ())]
        return [(sql, params) for sql in statements], _AHEAD, (guest_id, then_chain, chain)

    pg.ask_with_permission(session, build)


def card_rows(session: Session, guest_id: int, *, then_chain: bool = False
              ) -> CardRows | None:
    """The card's rows of guest ``guest_id`` (None if there is no such guest), read on the
    session's connection, in its transaction (the card's audit event is written in it).

    ``then_chain``: the card's "opened" event is appended next. On PostgreSQL, in an
    audit-only write, the chain lock and the chain's end are then taken in the card's own
    round trip, after its reads (``storage.write_locks.take_chain_with``): a card open was
    six round trips (BEGIN, permission, card, chain lock, event, COMMIT), now five. The
    lock is held from there to the commit, as it was from the next round trip before.
    SQLite has no round trips and no advisory locks: nothing changes there."""
    from storage import write_locks
    from storage.search import _dbapi

    raw = _dbapi(session)
    params: dict[str, Any] = {"g": guest_id}
    held = session.info.pop(_AHEAD, None)
    if held is not None and held[0][:2] == (guest_id, then_chain):
        # Read with the permission (ask_with_permission): the lock, when taken there, is
        # held whatever the guard said; the reads are used when the guard passed (else the
        # standing changed between the two statements: read again, as below).
        (_gid, _then, chain), results = held
        if chain:
            write_locks.take_chain_with(session, (results[-1][0] if results[-1] else None,))
        if results[0]:   # the guard passed: a guest row, of NULLs when there is no such guest
            guest, visits, consents, assignments, texts = _untag(results[0])
        else:
            guest, visits, consents, assignments, texts = _pg_results(raw, params)
    elif not _is_pg(session):
        guest, visits, consents, assignments, texts = _sqlite_results(raw, params)
    else:
        from storage import engine_postgres as pge

        chain = (then_chain and write_locks.chain_first_lock(session)
                 and not pge.brief_pending(raw))
        if chain:
            session.flush()   # nothing of the ORM's is written under the lock by surprise
        results = _pg_results(raw, params, pge.CHAIN_LOCK_THEN_END if chain else ())
        guest, visits, consents, assignments, texts = results[:5]
        if chain:
            write_locks.take_chain_with(session, (results[-1][0] if results[-1] else None,))
    guest = [row for row in guest if row[0] is not None]   # a row of NULLs: no such guest
    if not guest:
        return None
    g = guest[0]
    wordings: dict[int, list[tuple[str, str, str]]] = {}
    names: dict[int, list[tuple[str, str]]] = {}
    for label_id, kind, language, words, purpose in texts:
        if kind == 0:
            wordings.setdefault(label_id, []).append((language, words, purpose))
        else:
            names.setdefault(label_id, []).append((language, words))
    labels: dict[int, CardLabel] = {}
    out_assignments = []
    for a in assignments:
        label = labels.get(a[1])
        if label is None:
            label = labels[a[1]] = CardLabel(
                a[1], a[11], Category(a[12]), Sensitivity(a[13]), a[14], LabelStatus(a[15]),
                _when(a[16]), a[17],
                tuple(sorted(wordings.get(a[1], ()), key=lambda w: w[0])),
                tuple(sorted(names.get(a[1], ()), key=lambda n: n[0])))
        out_assignments.append(CardAssignment(
            a[0], label, a[2], Role(a[3]), _when(a[4]), Source(a[5]), _when(a[6]), a[7],
            _when(a[8]), a[9], _member(RemovalReason, a[10])))
    return CardRows(
        guest=GuestRow._make((*g[:8], _when(g[8]), _when(g[9]))),
        visits=[CardVisit(v[0], v[1], VisitKind(v[2]), _when(v[3]), _day(v[4]),
                          _member(Service, v[5]), v[6], v[7], VisitStatus(v[8]))
                for v in visits],
        assignments=out_assignments,
        consents=[CardConsent(c[0], ConsentPurpose(c[1]), _when(c[2]), c[3], Role(c[4]),
                              _when(c[5])) for c in consents],
    )
