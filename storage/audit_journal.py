"""Audit events that could not wait: written beside the store while a long write holds it.

The local store has one writer at a time (SQLite's ``BEGIN IMMEDIATE``). A 100,000-row
import holds that lock for its whole write phase (20-30 s at a million guests), and a
card opened meanwhile must be audited ("guest.opened") without the receptionist waiting
that long, or being told "store busy" after ten seconds. When the lock stays taken beyond
a moment, the card is read in a read transaction and its event is written, durably
(``synchronous = FULL``, before the card is shown), to a small second encrypted file
beside the store (:data:`JOURNAL_NAME`: the store's key, a salt of its own, a lock no
long write holds; in WAL mode, so with its own ``-wal`` and ``-shm`` files while open, and
each event one sync of a file that stays: :func:`_write_ahead`). The next write to the
store, at any desk of this PC, moves the waiting events onto the hash chain inside its own
transaction (:func:`fold`), each with the time
it happened and ``"late": true`` in its detail; the store's ``audit.journal`` setting says,
in the same transaction, how far the journal was folded, so a crash between that commit
and the journal's clean-up (:meth:`Journal.forget`) folds nothing twice.

The journal names the store it belongs to and the run of numbers it counts in (its
*epoch*, new with each journal file): one left beside another store is not folded into
it, and one deleted and made again starts a new count the mark cannot skip. It is never
deleted while in use (a desk of this PC may hold it open); a restore moves it aside with
the store's other files.

What it does not protect (docs/threat-model.md): until the next write folds them, the
waiting events are only in this file, where someone holding the store's key could delete
them, as they could delete the chain's newest events before the anchor saw them.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import secrets
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlcipher3
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from storage import audit_chain
from storage import engine as eng
from storage.models import Setting

log = logging.getLogger(__name__)

JOURNAL_NAME = "frontdesk-pending-audit.db"
MARK_KEY = "audit.journal"   # "<epoch>:<highest journal id folded>" (a chain setting)
SALT_LEN = 16

_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE IF NOT EXISTS event (id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL,"
    " staff_id INTEGER, action TEXT NOT NULL, guest_ref TEXT, detail TEXT NOT NULL)",
)


class NotThisStores(Exception):
    """The journal file beside the store was made for another store (a copied folder):
    it is left as it is (its events are someone's audit), and nothing is added to it."""


@dataclass(frozen=True)
class Waiting:
    """One event written to the journal, not yet on the chain."""

    id: int
    at: dt.datetime
    staff_id: int | None
    action: str
    guest_ref: str | None
    detail: dict[str, object]


class Journal:
    """The journal file of one store (made on its first event, then kept)."""

    def __init__(self, path: Path, key: bytes, store_id: str) -> None:
        self.path = path
        self._key = key
        self._store_id = store_id
        self._conn: Any = None
        self._epoch: str | None = None   # this file's count; None: another store's
        self._lock = threading.Lock()

    def add(self, *, at: dt.datetime, staff_id: int | None, action: str,
            guest_ref: str | None, detail: dict[str, object]) -> None:
        """Write one event, durably, before returning (the caller then shows what it read).

        Raises :class:`NotThisStores` when the file beside the store belongs to another
        store (its events would never be folded here: the caller must wait for the store's
        own lock instead), and sqlcipher3/OS errors when it cannot be written at all."""
        with self._lock:
            conn = self._connection(create=True)
            if self._epoch is None:
                raise NotThisStores(self.path)
            conn.execute("BEGIN IMMEDIATE")
            try:
                conn.execute(
                    "INSERT INTO event (at, staff_id, action, guest_ref, detail) "
                    "VALUES (?, ?, ?, ?, ?)",
                    (at.isoformat(), staff_id, action, guest_ref,
                     json.dumps(detail, sort_keys=True, separators=(",", ":"),
                                ensure_ascii=False)))
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    def waiting(self, mark: str | None) -> tuple[str, list[Waiting]] | None:
        """(epoch, events after ``mark``) of this store's journal; None when there is no
        journal, it belongs to another store, or nothing waits (the cheap, usual case)."""
        if not self.path.exists():
            return None
        with self._lock:
            conn = self._connection(create=False)
            epoch = self._epoch
            if epoch is None:
                return None
            seen_epoch, _, upto = (mark or "").partition(":")
            after = int(upto) if seen_epoch == epoch and upto else 0
            rows = conn.execute(
                "SELECT id, at, staff_id, action, guest_ref, detail FROM event "
                "WHERE id > ? ORDER BY id", (after,)).fetchall()
        if not rows:
            return None
        return epoch, [Waiting(int(r[0]), dt.datetime.fromisoformat(r[1]), r[2], str(r[3]),
                               r[4], json.loads(r[5])) for r in rows]

    def forget(self, upto: int) -> None:
        """Delete the events up to ``upto`` (after the commit that put them on the chain)."""
        with self._lock:
            conn = self._connection(create=False)
            conn.execute("DELETE FROM event WHERE id <= ?", (upto,))

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn, self._epoch = None, None

    def _connection(self, *, create: bool) -> Any:
        if self._conn is not None:
            return self._conn
        new = not self.path.exists()
        if new and not create:
            raise FileNotFoundError(self.path)
        if new:
            self.path.touch(mode=0o600, exist_ok=True)   # private before a byte is written
        try:
            conn = self._open(salt=secrets.token_bytes(SALT_LEN) if new else None)
        except sqlcipher3.DatabaseError:
            if not new:
                raise
            conn = self._open(salt=None)   # another desk made it a moment ago: its salt
        # What the file is never changes while it is open: read once, not at every write.
        meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
        self._epoch = str(meta["epoch"]) if meta.get("store") == self._store_id else None
        if self._epoch is not None:
            _write_ahead(conn)   # this store's journal (another store's is left as it is)
        self._conn = conn
        return conn

    def _open(self, *, salt: bytes | None) -> Any:
        conn = eng.raw_connect(self.path, self._key, salt=salt)
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in _SCHEMA:
                conn.execute(statement)
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('store', ?)", (self._store_id,))
            conn.execute("INSERT OR IGNORE INTO meta VALUES ('epoch', ?)",
                         (secrets.token_hex(8),))
            conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn


def _write_ahead(conn: Any) -> None:
    """The journal in WAL mode: an event is then one append to the journal's own WAL and
    one ``fsync`` of it (``synchronous = FULL``), in files that stay. In SQLite's default
    mode each event made and deleted a rollback journal beside it and synced four times
    (the journal, the folder, the journal again, the file); on ext4 each such sync of a
    changed folder or new file waits for the file system's journal commit, which writes
    out what a large import wrote meanwhile: a card open waited 0.5 s and more there
    (docs/performance.md, "Importing arrivals"). A journal another desk holds mid-write
    stays as it is for now (the next open switches it)."""
    try:
        conn.execute("PRAGMA journal_mode = WAL")
    except sqlcipher3.OperationalError as exc:   # busy: the default mode still works
        log.info("the audit journal stays in its journal mode for now: %s", exc)


def fold(session: Session, journal: Journal) -> int | None:
    """Append the journal's waiting events to the chain in this write transaction and mark
    how far it was folded; returns the highest journal id folded (to :meth:`Journal.forget`
    after the commit), or None. A journal that cannot be read is left as it is and logged:
    the write it rides on is never failed by it."""
    if not journal.path.exists():
        return None   # the usual case: no card was ever opened while the store was held
    mark = session.scalar(select(Setting.value).where(Setting.key == MARK_KEY))
    try:
        found = journal.waiting(None if mark is None else str(mark))
    except (sqlcipher3.Error, OSError, ValueError, KeyError) as exc:
        log.warning("the audit events waiting in %s cannot be read: %s", journal.path, exc)
        return None
    if found is None:
        return None
    epoch, events = found
    # Set-wise, as an import appends its own (the same ids, hashes and head as one
    # ``append`` each): a large import's commit folds the hundreds of card events other
    # desks wrote beside the store meanwhile, and one ``append`` each took ~9 ms of its
    # write phase apiece.
    audit_chain.append_prepared(session, audit_chain.prepare_events(session, (
        (e.at, e.staff_id, e.action, e.guest_ref, {**e.detail, "late": True})
        for e in events)))
    value = f"{epoch}:{events[-1].id}"
    if mark is None:
        session.add(Setting(key=MARK_KEY, value=value))
    else:
        session.execute(update(Setting).where(Setting.key == MARK_KEY).values(value=value)
                        .execution_options(synchronize_session=False))
    return events[-1].id
