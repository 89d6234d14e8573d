"""The PostgreSQL engine: connection settings and write serialisation for the shared store.

The SQLCipher engine (``storage.engine``) serialises writers with ``BEGIN
IMMEDIATE``; here a write transaction takes transaction-level advisory locks
(``storage.write_locks`` says which and when): the **data lock** just before its first
statement that writes, or that reads the audit log, so two desks changing data queue
instead of interleaving; and the **chain lock**, always after the data lock, just before
the audit hash chain's end is read to append after it, so the chain can never fork. An
audit-only write (a card opened, a look, a sign-in) takes only the chain lock, so it
never waits for an import's data write. What a write transaction only reads before its
first lock (a card, before its "opened" event) does not hold other desks up. Writes run
at READ COMMITTED: each statement after a lock sees every commit made before it,
including the chain's newest event.

Waiting is bounded (``lock_timeout``): a desk that cannot get a lock in time
gets ``StoreBusy`` like the local store's busy timeout, never a hang.
"""

from __future__ import annotations

import select
import time
import weakref
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.pool import QueuePool

from storage import notify, write_locks

# The advisory locks' numbers (pg_advisory_xact_lock takes a bigint): the ASCII of
# "FRONTDSK" for the data lock (the number of the single write lock of earlier versions)
# and of "FDCHAIN!" for the audit chain's lock. Only Frontdesk's own sessions take them.
DATA_LOCK_KEY = WRITE_LOCK_KEY = 0x46524F4E5444534B
CHAIN_LOCK_KEY = 0x4644434841494E21
_KEYS = {write_locks.DATA: DATA_LOCK_KEY, write_locks.CHAIN: CHAIN_LOCK_KEY}
LOCK_TIMEOUT_MS = 10_000
CONNECT_TIMEOUT_S = 5
# A desk that hangs inside a transaction (crash mid-write, a pulled cable) must not
# hold the write lock for ever: the server ends such a session after this long.
IDLE_IN_TRANSACTION_MS = 60_000


_CONNECTION_CLASS: list[type[Any]] = []


def connection_class() -> type[Any]:
    """psycopg's connection class, able to begin a transaction in the round trip of its
    first statement (made once, psycopg being imported only when a shared store is used).

    A write transaction on the shared store runs on a connection in autocommit mode that
    *owes* its ``BEGIN`` (:func:`owes_begin`, set by the engine's ``begin`` hook): psycopg
    sent ``BEGIN`` as a round trip of its own, synced even in a pipeline — one of a card
    open's five. The first statement sends it now: queued before it in the same pipeline
    (``storage.postgres_search``'s driver reads run in one while it is owed), or as the
    first command of a multi-statement query (the locks, :func:`_lock`). Any other first
    statement (a SQLAlchemy statement, a flush) gets it first as before, in a round trip
    of its own: never a statement of a write outside its transaction. ``COMMIT`` and
    ``ROLLBACK`` are psycopg's (sent whenever a transaction is open, autocommit or not)."""
    if _CONNECTION_CLASS:
        return _CONNECTION_CLASS[0]
    import psycopg
    from psycopg.pq import TransactionStatus

    # Both are psycopg's own (not public) generator steps, as of 3.3 (pyproject pins
    # <3.4). Without them the override below would never run and an audit-only write on
    # its autocommit connection would commit statement by statement: refuse instead.
    for step in ("_start_query", "_exec_command"):
        if not callable(getattr(psycopg.Connection, step, None)):
            raise RuntimeError(f"psycopg {psycopg.__version__} has no Connection.{step}: "
                               "this Frontdesk needs psycopg 3.3 for the shared store")

    class Connection(psycopg.Connection[Any]):
        owes_begin = False

        def _start_query(self) -> Any:
            if self.owes_begin and self.pgconn.transaction_status == TransactionStatus.IDLE:
                self.owes_begin = False
                # In a pipeline: queued, sent with the statement that follows (no sync).
                yield from self._exec_command(b"BEGIN")
                return
            yield from super()._start_query()

    _CONNECTION_CLASS.append(Connection)
    return Connection


def queue_commit(dbapi_connection: Any) -> None:
    """``COMMIT`` queued in the connection's open pipeline as psycopg queues its own (no
    cursor, no statement to convert or prepare: ``_exec_command``, checked to be there by
    :func:`connection_class`), sent with the rest at the pipeline's sync; a failure is
    raised there, with the pipeline's other errors."""
    if dbapi_connection._pipeline is None:
        raise RuntimeError("COMMIT is queued only in an open pipeline")
    dbapi_connection.wait(dbapi_connection._exec_command(b"COMMIT"))


def owes_begin(dbapi_connection: Any) -> bool:
    """Whether a write transaction on this driver connection has not sent its ``BEGIN``
    yet: its first statement will (see :func:`connection_class`)."""
    return bool(getattr(dbapi_connection, "owes_begin", False))


def take_begin(dbapi_connection: Any) -> bool:
    """The owed ``BEGIN`` is the caller's to send, in its own statement's round trip
    (True; then it must be sent before anything else), or none is owed (False)."""
    if owes_begin(dbapi_connection):
        dbapi_connection.owes_begin = False
        return True
    return False


def session_options() -> str:
    """Per-connection server settings, sent in the startup packet (no extra round trip)."""
    # No parallel workers: a desk's statements read tens of index entries, and starting
    # workers for a misjudged one cost ~10 ms and two more processes on a busy server
    # (measured on the search at a million guests, docs/performance.md "A word index").
    # No JIT either: a desk's statement never runs long enough to repay compiling it, and
    # a misjudged one (a one-letter prefix, a forgiving look-up over a common range) was
    # compiled for 100-400 ms, a key press held that long (storage/name_terms.py).
    return (f"-c lock_timeout={LOCK_TIMEOUT_MS} "
            f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS} "
            "-c max_parallel_workers_per_gather=0 -c jit=off "
            "-c client_encoding=UTF8 -c TimeZone=UTC")


# A pooled connection idle longer than this is pinged before use (one round trip); one
# used more recently only if its socket has something to read (below).
PING_IDLE_S = 5.0
_USED_AT = "frontdesk.used_at"


def _readable(dbapi_connection: Any) -> bool:
    """Whether the server sent an idle connection something (no round trip): a server that
    ended the session (a restart, ``pg_terminate_backend``) sends its goodbye and closes
    the socket, which makes it readable; a healthy idle one has nothing to say."""
    try:
        return bool(select.select([dbapi_connection.fileno()], [], [], 0)[0])
    except (OSError, ValueError, AttributeError):
        return True


def engine_from(creator: Callable[[], Any], *, pool_size: int = 4) -> Engine:
    """A pooled engine around ``creator`` (a psycopg connection factory).

    A pooled connection is checked before use, so a desk whose server restarted
    reconnects by itself instead of failing its next click: pinged (SQLAlchemy's
    ``do_ping``) when it was idle for more than ``PING_IDLE_S`` or its socket is readable
    (the server ended the session), else used as it is. SQLAlchemy's ``pool_pre_ping``
    pinged before every transaction: one round trip of the 4-6 of a card open or a key
    press, each a wait for a CPU on a busy server (docs/performance.md).
    """
    engine = create_engine(
        "postgresql+psycopg://", creator=creator, poolclass=QueuePool,
        pool_size=pool_size, max_overflow=4, pool_use_lifo=True,
    )

    @event.listens_for(engine, "connect")
    def _connected(dbapi_connection: Any, record: Any) -> None:
        record.info[_USED_AT] = time.monotonic()

    @event.listens_for(engine, "checkin")
    def _checked_in(dbapi_connection: Any, record: Any) -> None:
        record.info[_USED_AT] = time.monotonic()

    @event.listens_for(engine, "checkout")
    def _alive(dbapi_connection: Any, record: Any, proxy: Any) -> None:
        used_at = record.info.get(_USED_AT)
        if (used_at is not None and time.monotonic() - used_at < PING_IDLE_S
                and not _readable(dbapi_connection)):
            return
        try:
            alive = engine.dialect.do_ping(dbapi_connection)
        except Exception as exc:   # the driver's error: the session is gone
            raise DisconnectionError() from exc
        if not alive:
            raise DisconnectionError()

    @event.listens_for(engine, "begin")
    def _owe_begin(conn: Any) -> None:
        # A write on an autocommit connection (SharedStore's audit-only writes): its BEGIN
        # goes with its first statement (connection_class).
        raw = conn.connection.dbapi_connection
        if conn.get_execution_options().get(write_locks.WRITE_OPTION) \
                and hasattr(raw, "owes_begin") and raw.autocommit:
            raw.owes_begin = True

    @event.listens_for(engine, "commit")
    @event.listens_for(engine, "rollback")
    def _owes_nothing(conn: Any) -> None:
        raw = conn.connection.dbapi_connection
        if owes_begin(raw):   # a transaction that sent nothing: nothing to end either
            raw.owes_begin = False

    @event.listens_for(engine, "begin")
    def _brief(conn: Any) -> None:
        # A counted event waits for its lock only briefly (storage.store.write's ``brief``):
        # for this transaction only, every lock wait is bounded by it. The bound is set in
        # the round trip of the transaction's first advisory lock (``_lock``), or before
        # its first statement that writes, if one comes first (a row lock): no statement
        # before either waits for a lock, and a round trip of its own was one of a counted
        # search's six (docs/performance.md).
        brief = conn.get_execution_options().get(write_locks.BRIEF_WAIT_OPTION)
        raw = conn.connection.dbapi_connection
        if brief:
            _BRIEF_PENDING[raw] = int(brief)
        else:
            _BRIEF_PENDING.pop(raw, None)

    @event.listens_for(engine, "before_cursor_execute")
    def _brief_before_write(conn: Any, cursor: Any, statement: str, *_rest: Any) -> None:
        if write_locks.written_table(statement) is not None:
            ms = _BRIEF_PENDING.pop(cursor.connection, None)
            if ms is not None:
                with cursor.connection.cursor() as cur:
                    cur.execute(f"SET LOCAL lock_timeout = {ms}")

    write_locks.install(engine, _lock)
    notify.track(engine)  # which data tables each write touched (storage.notify)
    return engine


# Connections whose transaction waits for its locks only briefly, the bound (ms) not yet
# set on the server (see ``_brief`` in engine_from).
_BRIEF_PENDING: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()
# The chain's end, read in the chain lock's round trip (write_locks.Locker).
_CHAIN_END = "SELECT id, hash, at FROM audit_event ORDER BY id DESC LIMIT 1"
# The same two statements for a caller's own pipeline (storage.card): the lock, then the
# end (each statement of a pipeline has its own snapshot at READ COMMITTED, as above).
CHAIN_LOCK_THEN_END = (f"SELECT pg_advisory_xact_lock({CHAIN_LOCK_KEY})", _CHAIN_END)


def _lock(target: Any, which: str) -> tuple[Any] | None:
    """Take one advisory lock on a DB-API cursor (from the statement hook) or a SQLAlchemy
    connection (``write_locks.hold_chain``); waits at most ``lock_timeout``.

    The chain lock comes with the chain's end: two statements in one simple-protocol
    query (no parameters), one round trip. At READ COMMITTED each statement of such a
    query takes its own snapshot, so the second sees every event committed before the
    lock was granted, as a separate statement would."""
    sql = f"SELECT pg_advisory_xact_lock({_KEYS[which]})"
    chain = which == write_locks.CHAIN
    if chain:
        sql += "; " + _CHAIN_END
    raw = (target.connection.dbapi_connection if hasattr(target, "exec_driver_sql")
           else target.connection)
    ms = _BRIEF_PENDING.pop(raw, None)
    if ms is not None:   # this transaction's brief bound, in the same round trip (_brief)
        sql = f"SET LOCAL lock_timeout = {ms}; " + sql
    if take_begin(raw):   # the transaction's BEGIN, in the same round trip
        sql = "BEGIN; " + sql
    if not hasattr(target, "exec_driver_sql"):
        return _run(target, sql, chain)   # the statement hook turns errors into SQLAlchemy's
    import psycopg
    from sqlalchemy.exc import DBAPIError

    try:
        with raw.cursor() as cur:
            return _run(cur, sql, chain)
    except psycopg.Error as exc:   # as SQLAlchemy would raise it (busy, server lost)
        raise DBAPIError.instance(sql, None, exc, psycopg.Error) from exc


def brief_pending(dbapi_connection: Any) -> bool:
    """Whether this connection's transaction still has its brief lock bound to set (a
    caller sending a lock of its own must leave it to ``_lock``: ``storage.card``)."""
    return dbapi_connection in _BRIEF_PENDING


def _run(cur: Any, sql: str, chain: bool) -> tuple[Any] | None:
    cur.execute(sql)
    for _before in range(sql.count("; ") - chain):
        cur.nextset()   # BEGIN's and the SET's results, then the lock's
    cur.fetchall()
    if not chain:
        return None
    cur.nextset()
    return (cur.fetchone(),)


def is_lock_timeout(exc: BaseException | None) -> bool:
    """Whether a driver error is the write lock (or a row lock) not coming in time."""
    return getattr(exc, "sqlstate", None) in {"55P03", "57014"}


def is_connection_lost(exc: BaseException | None) -> bool:
    """Whether a driver error means the server went away (restart, network, shutdown)."""
    if exc is None:
        return False
    state = getattr(exc, "sqlstate", None)
    if state is not None:
        return str(state).startswith(("08", "57P"))
    text = str(exc).lower()
    return any(s in text for s in ("server closed the connection", "connection is closed",
                                   "connection refused", "consuming input failed",
                                   "terminating connection", "connection timeout",
                                   "the connection is lost"))
