"""The PostgreSQL engine: connection settings and write serialisation for the shared store.

The SQLCipher engine (``storage.engine``) serialises writers with ``BEGIN
IMMEDIATE``; here a write transaction takes one transaction-level advisory lock
just before its first statement that writes, or that reads the audit log, so two
desks writing at once queue instead of interleaving, and the audit hash chain
(which reads the last event and appends the next) can never fork. What a write
transaction only reads before that (a card, before its "opened" event) does not
hold other desks up. Writes run at READ COMMITTED: each statement after the lock
sees every commit made before it, including the chain's newest event.

Waiting is bounded (``lock_timeout``): a desk that cannot get the lock in time
gets ``StoreBusy`` like the local store's busy timeout, never a hang.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from storage import notify
from storage.engine import WRITE_OPTION

# One number for "the Frontdesk write lock" (pg_advisory_xact_lock takes a bigint):
# the ASCII of "FRONTDSK". Only Frontdesk's own sessions take it.
WRITE_LOCK_KEY = 0x46524F4E5444534B
LOCK_TIMEOUT_MS = 10_000
_LOCKED = "frontdesk_write_locked"
_NEEDS_LOCK = re.compile(r"^\s*(?:INSERT|UPDATE|DELETE)\b|\baudit_event\b", re.I)
CONNECT_TIMEOUT_S = 5
# A desk that hangs inside a transaction (crash mid-write, a pulled cable) must not
# hold the write lock for ever: the server ends such a session after this long.
IDLE_IN_TRANSACTION_MS = 60_000


def session_options() -> str:
    """Per-connection server settings, sent in the startup packet (no extra round trip)."""
    return (f"-c lock_timeout={LOCK_TIMEOUT_MS} "
            f"-c idle_in_transaction_session_timeout={IDLE_IN_TRANSACTION_MS} "
            "-c client_encoding=UTF8 -c TimeZone=UTC")


def engine_from(creator: Callable[[], Any], *, pool_size: int = 4) -> Engine:
    """A pooled engine around ``creator`` (a psycopg connection factory).

    ``pool_pre_ping`` checks a pooled connection before use, so a desk whose
    server restarted reconnects by itself instead of failing its next click.
    """
    engine = create_engine(
        "postgresql+psycopg://", creator=creator, poolclass=QueuePool,
        pool_size=pool_size, max_overflow=4, pool_pre_ping=True, pool_use_lifo=True,
    )

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        conn.info.pop(_LOCKED, None)

    @event.listens_for(engine, "before_cursor_execute")
    def _serialise(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
                   executemany: bool) -> None:
        if conn.info.get(_LOCKED) or not conn.get_execution_options().get(WRITE_OPTION):
            return
        if _NEEDS_LOCK.search(statement):
            conn.info[_LOCKED] = True
            cursor.execute(f"SELECT pg_advisory_xact_lock({WRITE_LOCK_KEY})")
            cursor.fetchall()

    notify.track(engine)  # which data tables each write touched (storage.notify)
    return engine


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
