"""Telling every open desk that guest data changed: a change counter and engine-specific watchers.

Every write transaction that changed guest data (anything but the audit log, the
settings and the staff table: sign-ins and card openings write those, and desks must
not wake each other for them) bumps a counter in the ``setting`` table just before
it commits. How other desks learn of it depends on the engine:

* **PostgreSQL**: the same transaction sends ``NOTIFY frontdesk_changes`` (delivered
  only if it commits); :class:`ServerWatcher` holds one ``LISTEN`` connection.
* **SQLite** (a second window on the same PC): :class:`FileWatcher` polls
  ``PRAGMA data_version`` (no I/O unless another connection committed) and reads
  the counter only when it moved.

Which tables a transaction touched is noted by a ``before_cursor_execute`` hook on
the engine (:func:`track`), so ORM flushes, Core bulk inserts and raw statements
are all seen; :func:`before_commit` runs from the write session.
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine, event, text
from sqlalchemy.orm import Session

CHANNEL = "frontdesk_changes"
SEQ_KEY = "changes.seq"
SEQ_SQL = "SELECT value FROM setting WHERE key = ?"  # on a SQLite driver connection
_TOUCHED = "frontdesk_touched"
QUIET_TABLES = frozenset({"audit_event", "setting", "alembic_version", "staff"})
_WRITE = re.compile(r"^\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+\"?(\w+)", re.I)


@dataclass(frozen=True)
class Change:
    """What changed since the last look: the counter and, when known, the tables."""

    seq: int
    tables: frozenset[str] = frozenset()


def track(engine: Engine) -> None:
    """Note, per connection, which data tables each transaction writes to."""

    @event.listens_for(engine, "before_cursor_execute")
    def _note(conn: Any, cursor: Any, statement: str, parameters: Any, context: Any,
              executemany: bool) -> None:
        m = _WRITE.match(statement)
        if m is not None and m.group(1).lower() not in QUIET_TABLES:
            conn.info.setdefault(_TOUCHED, set()).add(m.group(1).lower())

    @event.listens_for(engine, "begin")
    def _fresh(conn: Any) -> None:
        conn.info.pop(_TOUCHED, None)


def note_write(conn: Any, table: str) -> None:
    """What :func:`track` notes for a statement, for rows sent another way (``COPY``)."""
    if table.lower() not in QUIET_TABLES:
        conn.info.setdefault(_TOUCHED, set()).add(table.lower())


def watch_writes(session_factory: Any) -> None:
    """Run :func:`before_commit` in every session made by ``session_factory``."""
    event.listen(session_factory, "before_commit", before_commit)


def before_commit(session: Session) -> None:
    """Bump the change counter (and NOTIFY on PostgreSQL) if guest data was written."""
    session.flush()
    conn = session.connection()
    touched: set[str] | None = conn.info.pop(_TOUCHED, None)
    if not touched:
        return
    if session.get_bind().dialect.name == "postgresql":
        # The bump, this transaction's rows of the change log stamped with it, and the
        # NOTIFY: one statement (storage.postgres_changes).
        from storage import postgres_changes

        tables = json.dumps(sorted(touched))
        if session.execute(text(postgres_changes.BUMP_SQL),
                           {"k": SEQ_KEY, "c": CHANNEL, "tables": tables}).first() is None:
            session.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"),
                            {"k": SEQ_KEY})
            session.execute(text(postgres_changes.STAMP_SQL), {"seq": 1})
            payload = json.dumps({"seq": 1, "tables": sorted(touched)})
            session.execute(text("SELECT pg_notify(:c, :p)"), {"c": CHANNEL, "p": payload})
        return
    seq = session.execute(
        text("UPDATE setting SET value = CAST(CAST(value AS INTEGER) + 1 AS VARCHAR(20)) "
             "WHERE key = :k RETURNING value"), {"k": SEQ_KEY}).scalar()
    if seq is None:
        session.execute(text("INSERT INTO setting (key, value) VALUES (:k, '1')"),
                        {"k": SEQ_KEY})


def current_seq(session: Session) -> int:
    value = session.execute(text("SELECT value FROM setting WHERE key = :k"),
                            {"k": SEQ_KEY}).scalar()
    return int(value) if value is not None else 0


class FileWatcher:
    """The local store: another window's commits show as a new ``data_version``."""

    def __init__(self, engine: Engine) -> None:
        self._raw = engine.raw_connection()
        self._version = self._data_version()
        self.seq = self._seq()

    def _data_version(self) -> int:
        cur = self._raw.cursor()
        try:
            cur.execute("PRAGMA data_version")
            row: Any = cur.fetchone()
            return int(row[0])
        finally:
            cur.close()

    def _seq(self) -> int:
        cur = self._raw.cursor()
        try:
            cur.execute(SEQ_SQL, (SEQ_KEY,))
            row = cur.fetchone()
            return int(row[0]) if row else 0
        finally:
            cur.close()

    def wait(self, timeout: float, poll: float = 0.1) -> Change | None:
        """The next change within ``timeout`` seconds, or ``None``."""
        deadline = time.monotonic() + timeout
        while True:
            version = self._data_version()
            if version != self._version:
                self._version = version
                seq = self._seq()
                if seq != self.seq:
                    self.seq = seq
                    return Change(seq)
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            time.sleep(min(poll, left))

    def close(self) -> None:
        self._raw.close()


# The newest change counter each server's notifications told this process of, by
# ``host:port/dbname`` (as ``storage.postgres_search._server_of`` names a server): a key
# press that knows the counter moved since its search last read it sends the arrivals
# windows' change-log read with its permission read (``storage.search._windows_ahead``)
# instead of in a round trip of its own. Only a hint: the counter the key press reads
# decides what is read again.
_heard: dict[str, int] = {}


def server_of(info: Any) -> str:
    """``host:port/dbname`` of a psycopg connection's ``info``: the key :func:`heard` is
    kept by, and asked by (``storage.postgres_search._server_of``), so both name a server
    the same way."""
    return f"{info.host}:{info.port}/{info.dbname}"


def heard(server: str) -> int | None:
    """The newest change counter a :class:`ServerWatcher` in this process heard of for
    ``server`` (``host:port/dbname``), or None when none watches it."""
    return _heard.get(server)


class ServerWatcher:
    """The shared store: one ``LISTEN`` connection; the counter catches up after a gap."""

    def __init__(self, connect: Any) -> None:
        self._conn = connect()
        self._conn.autocommit = True
        self._conn.execute(f"LISTEN {CHANNEL}")
        self.server = server_of(self._conn.info)
        self.seq = self._seq()
        self._tell(self.seq)

    def _tell(self, seq: int) -> None:
        if seq > _heard.get(self.server, -1):
            _heard[self.server] = seq

    def _seq(self) -> int:
        row = self._conn.execute("SELECT value FROM setting WHERE key = %s", (SEQ_KEY,)
                                 ).fetchone()
        return int(row[0]) if row else 0

    def wait(self, timeout: float) -> Change | None:
        """The next change within ``timeout`` seconds (notifications merged), or ``None``.

        Raises the driver's error when the connection is lost.
        """
        tables: set[str] = set()
        newest = self.seq
        for note in self._conn.notifies(timeout=timeout, stop_after=1):
            newest, tables = self._merge(note.payload, newest, tables)
        if newest == self.seq:
            self._conn.execute("SELECT 1")  # a dead connection raises here, not silently
            return None
        # Take whatever else arrived meanwhile, without waiting.
        for note in self._conn.notifies(timeout=0.0):
            newest, tables = self._merge(note.payload, newest, tables)
        self.seq = newest
        self._tell(newest)
        return Change(newest, frozenset(tables))

    @staticmethod
    def _merge(payload: str, newest: int, tables: set[str]) -> tuple[int, set[str]]:
        try:
            data = json.loads(payload)
            return max(newest, int(data["seq"])), tables | set(data.get("tables", ()))
        except (ValueError, KeyError, TypeError):
            return newest + 1, tables

    def close(self) -> None:
        self._conn.close()


def watcher_for(store: Any) -> FileWatcher | ServerWatcher:
    """The right watcher for an open store (raises the engine's error if it cannot start)."""
    if getattr(store, "kind", "") == "postgresql":
        return ServerWatcher(store.connect_raw)
    return FileWatcher(store.engine)
