"""Which locks a write transaction holds: the data lock, the chain lock, and audit-only writes.

A write transaction on the shared store takes up to two transaction-level advisory
locks (``storage.engine_postgres``), always in this order, so they cannot deadlock:

1. the **data lock**, before its first statement that writes (``INSERT``/``UPDATE``/
   ``DELETE``) or that reads the audit log: data writers queue one behind the other,
   and what one reads after taking it (an import re-checking what it prepared) cannot
   change under it;
2. the **chain lock**, taken by ``storage.audit_chain`` just before it reads the chain's
   end to append after it: two desks' events never share a previous hash. A transaction
   that already holds the data lock takes the chain lock after it; one that does not
   (a plain write) takes the data lock first, then the chain lock.

An **audit-only** write (``store.write(audit_only=True)``: a card opened, a look, a
sign-in, a search counted) takes only the chain lock: it reads what it likes without a
lock and writes nothing but its audit events and the chain's head, so it never waits for
a long data write (an import holds the data lock for seconds at a million guests but the
chain lock only for its own events at the end). Before the chain lock it may also write
the ``staff`` row (a wrong PIN's count), which only row locks guard: a transaction
waiting on a row lock holds no advisory lock, so no cycle can form. Anything else it
tries to write raises :class:`AuditOnlyWrite` at once — on both engines, so a use case
declared audit-only by mistake fails in the SQLCipher tests too, and PostgreSQL's
deadlock detector is never what saves us.

The SQLCipher engine has one writer by nature (``BEGIN IMMEDIATE``): it takes no lock
here, only keeps the same bookkeeping (what the transaction wrote, whether the chain
was reached) so the rule above is checked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session

# The first schema revision whose desks take the chain lock: a desk that does not know it
# refuses the store as newer than itself (migration 0016), so no desk that appends without
# the chain lock shares a database with one that takes it.
PROTOCOL_REVISION = "0016"
WRITE_OPTION = "frontdesk_write"
AUDIT_ONLY_OPTION = "frontdesk_audit_only"
# A counted event (a search, a Today refresh: app.audit) waits this long for its lock, not
# the usual bound: if another desk holds it (an import's events and commit), the count is
# kept and rides on the next event, and the read that made it is never held up.
BRIEF_WAIT_OPTION = "frontdesk_brief_wait_ms"
BRIEF_WAIT_MS = 50
DATA, CHAIN = "data", "chain"

CHAIN_TABLE = "audit_event"
# The chain's own rows in ``setting``: its head, the "anchored" mark and how far the
# journal of waiting events was folded (audit_chain, audit_anchor, audit_journal); written
# only under the chain lock.
CHAIN_SETTINGS = frozenset({"audit.head", "audit.anchored", "audit.journal"})
# What an audit-only write may change before it reaches the chain (row locks only).
BEFORE_CHAIN_TABLES = frozenset({"staff"})
# Tables whose highest id the audit anchor keeps (storage.audit_anchor.row_marks).
ROW_MARK_TABLES = frozenset({"guest", "visit", "assignment", "consent"})

_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)
_NAMES_CHAIN = re.compile(r"\baudit_event\b", re.I)
_STATE = "frontdesk_write_state"

# (DB-API cursor or Connection, DATA/CHAIN) -> lock taken; for CHAIN, what the engine read
# in the same round trip right after the lock: the chain's end (id, hash, at) as a 1-tuple
# ``(row,)`` (row None: no event yet), or None when it read nothing.
Locker = Callable[[Any, str], tuple[Any] | None]


class AuditOnlyWrite(RuntimeError):
    """An audit-only transaction tried to write data (a programming error, never a user's)."""


@dataclass
class _State:
    audit_only: bool
    locker: Locker | None
    chain_end: tuple[Any] | None = None   # read with the chain lock (see Locker)
    # The chain's end read with the chain lock in a round trip of the caller's own (a card
    # open's pipeline, ``take_chain_with``), for the first ``hold_chain`` to hand over.
    pending_end: tuple[Any] | None = None
    held: set[str] = field(default_factory=set)
    wrote: set[str] = field(default_factory=set)
    # COMMIT was sent with the transaction's last event (``committed_with_event``): any
    # statement after it would run outside the transaction.
    committed: bool = False


def written_table(statement: str) -> str | None:
    m = _WRITE.match(statement)
    return m.group(1).lower() if m else None


def _params(parameters: Any) -> Iterable[Any]:
    if isinstance(parameters, dict):
        return parameters.values()
    if isinstance(parameters, (list, tuple)):
        out: list[Any] = []
        for p in parameters:
            out.extend(_params(p) if isinstance(p, (dict, list, tuple)) else [p])
        return out
    return ()


def _is_chain_setting(parameters: Any) -> bool:
    return any(isinstance(v, str) and v in CHAIN_SETTINGS for v in _params(parameters))


def install(engine: Engine, locker: Locker | None) -> None:
    """Keep each write transaction's lock state; ``locker`` takes an advisory lock (None:
    the engine serialises writers by itself, as SQLite's ``BEGIN IMMEDIATE`` does)."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        opts = conn.get_execution_options()
        if opts.get(WRITE_OPTION):
            conn.info[_STATE] = _State(bool(opts.get(AUDIT_ONLY_OPTION)), locker)
        else:
            conn.info.pop(_STATE, None)

    @event.listens_for(engine, "before_cursor_execute")
    def _before(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                executemany: bool) -> None:
        state: _State | None = conn.info.get(_STATE)
        if state is None:
            return
        if state.committed:
            raise AuditOnlyWrite("a statement after its transaction was committed with its "
                                 "last audit event")
        table = written_table(statement)
        if table is not None:
            _on_write(state, cursor, table, parameters)
        elif not state.audit_only and DATA not in state.held \
                and _NAMES_CHAIN.search(statement):
            _take(state, cursor, DATA)   # reads the log to decide what to write


def _on_write(state: _State, target: Any, table: str, parameters: Any) -> None:
    state.wrote.add(table)
    if state.audit_only:
        if table == CHAIN_TABLE:
            _take(state, target, CHAIN)   # audit_chain took it already
        elif not _audit_only_may_write(state, table, parameters):
            raise AuditOnlyWrite(
                f"an audit-only write transaction may not write {table!r}"
                + (" after its audit event" if table in BEFORE_CHAIN_TABLES else ""))
        return
    _take(state, target, DATA)
    if table == CHAIN_TABLE:
        _take(state, target, CHAIN)


def before_copy(session: Session, table: str) -> None:
    """What the statement hook does for an ``INSERT``, for rows sent another way (a
    ``COPY``, which SQLAlchemy's hooks do not see): take the locks, note the table."""
    conn = session.connection()
    state: _State | None = conn.info.get(_STATE)
    if state is not None:
        _on_write(state, conn, table, ())


def _audit_only_may_write(state: _State, table: str, parameters: Any) -> bool:
    if CHAIN in state.held:
        return table == "setting" and _is_chain_setting(parameters)
    return table in BEFORE_CHAIN_TABLES


def _take(state: _State, target: Any, which: str) -> None:
    if which in state.held:
        return
    if which == CHAIN and not state.audit_only and DATA not in state.held:
        _take(state, target, DATA)   # the one order: data before chain
    if state.locker is not None:
        end = state.locker(target, which)
        if which == CHAIN:
            state.chain_end = end
    state.held.add(which)


def hold_chain(session: Session) -> tuple[Any] | None:
    """Take the chain lock (and, for a data write, the data lock first) before reading the
    chain's end. Pending ORM rows are written first: a data write's under the data lock,
    an audit-only write's staff row before any advisory lock.

    Returns ``(row,)`` when the engine read the chain's end in the lock's own round trip
    (PostgreSQL: a second statement after the lock, with its own snapshot, so it sees
    every event committed before the lock was granted), once; else None: read it."""
    session.flush()
    conn = session.connection()
    state: _State | None = conn.info.get(_STATE)
    if state is None:
        return None   # not a write transaction (a copy, a test): nothing to serialise against
    if CHAIN in state.held:
        # Taken before: events may have been appended since, read the end — unless it was
        # taken with the caller's reads (take_chain_with) and nothing was appended yet.
        end, state.pending_end = state.pending_end, None
        return end
    state.chain_end = None
    _take(state, conn, CHAIN)
    end, state.chain_end = state.chain_end, None
    return end


def wrote(session: Session) -> frozenset[str]:
    """The tables this write transaction has written so far (empty outside one)."""
    state: _State | None = session.connection().info.get(_STATE)
    return frozenset(state.wrote) if state is not None else frozenset()


def audit_only(session: Session) -> bool:
    """Whether this is an audit-only write transaction (``store.write(audit_only=True)``)."""
    state: _State | None = session.connection().info.get(_STATE)
    return state is not None and state.audit_only


def holds(session: Session, which: str) -> bool:
    state: _State | None = session.connection().info.get(_STATE)
    return state is not None and which in state.held


def chain_first_lock(session: Session) -> bool:
    """Whether this write transaction's next lock may be the chain lock, sent by the
    caller with its own reads (``take_chain_with``): an audit-only write on an engine
    with advisory locks that holds none yet (the one order: nothing before it)."""
    state: _State | None = session.connection().info.get(_STATE)
    return (state is not None and state.audit_only and state.locker is not None
            and not state.held)


def take_chain_with(session: Session, end: tuple[Any]) -> None:
    """The caller took the chain lock and read the chain's end right after it (``end``:
    ``(row,)``, row None for an empty chain) in a round trip of its own — a card open's
    pipeline, after its reads (``storage.card``). The next ``hold_chain`` returns that
    end without a round trip: no other desk can append while the lock is held."""
    state: _State | None = session.connection().info.get(_STATE)
    assert state is not None and not state.held
    state.held.add(CHAIN)
    state.pending_end = end


def committed_with_event(session: Session) -> None:
    """This audit-only write sent its ``COMMIT`` with its last event, in one round trip
    (``storage.audit_chain.append(last=True)``): its locks are gone with it, and any
    statement it would still send through the session raises :class:`AuditOnlyWrite`
    instead of running outside the transaction."""
    state: _State | None = session.connection().info.get(_STATE)
    assert state is not None and state.audit_only
    state.committed = True
    state.held.clear()
