"""Checkpoints of the local store's WAL, run beside the desk's work, never inside a commit.

SQLite copies the write-ahead log back into the store's file (a *checkpoint*) in the
commit that finds the log over 1,000 pages, whichever connection that is. After another
desk's 100,000-row import (~340 MB of log) that was often the next card open at a desk:
its own commit of one audit event copied the import's pages and synced the file, 1.5 s
with 0.2 s of CPU (docs/performance.md, lead, 2026-11-28 evening). So the connections of
an open store have automatic checkpoints off (``PRAGMA wal_autocheckpoint = 0``, set the
first time each is checked out of the pool), and one thread per open store runs a passive
checkpoint a moment after write commits (:data:`SETTLE_S`: the commits of a burst, an import's
batches, are folded into one). A passive checkpoint takes no lock a desk waits for: it
copies what no reader still needs and leaves the rest for the next one; a reader or
writer at another desk goes on meanwhile.

What this changes for the file: the log is folded as before, a moment later, by this
process's thread instead of the committing use case. Closing the store still folds it
all (SQLite does so when the last connection closes), and erasure and backup still fold
and truncate it themselves (``storage.engine.checkpoint``, ``truncate_wal``).
"""

from __future__ import annotations

import logging
import threading
from typing import Any

from sqlalchemy import Engine, event

from storage.write_locks import WRITE_OPTION

log = logging.getLogger(__name__)

SETTLE_S = 0.5   # wait this long after a commit for more before checkpointing
_OFF = "frontdesk.autocheckpoint_off"


class Checkpointer:
    """The checkpoint thread of one open store's engine (see the module docstring)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._due = threading.Event()
        self._stopped = threading.Event()   # set by stop(): ends a wait at once
        self.runs = 0   # checkpoints run (tests, benches)
        event.listen(engine, "checkout", self._checked_out)
        event.listen(engine, "commit", self._committed)
        self._thread = threading.Thread(target=self._run, name="frontdesk-checkpoints",
                                        daemon=True)
        self._thread.start()

    @staticmethod
    def _checked_out(dbapi_connection: Any, record: Any, _proxy: Any) -> None:
        if not record.info.get(_OFF):
            dbapi_connection.execute("PRAGMA wal_autocheckpoint = 0")
            record.info[_OFF] = True

    def _committed(self, conn: Any) -> None:
        # Only a write adds to the log: a read's commit (every key press) wakes nothing.
        if conn.get_execution_options().get(WRITE_OPTION):
            self._due.set()

    def _run(self) -> None:
        while True:
            self._due.wait()
            # Let a burst of commits settle (and this commit finish) before folding.
            while self._due.is_set() and not self._stopped.is_set():
                self._due.clear()
                self._stopped.wait(SETTLE_S)   # close() must not wait this out
            if self._stopped.is_set():
                return
            try:
                self.checkpoint_now()
            except Exception:   # never the desk's problem: the next commit tries again
                log.warning("WAL checkpoint failed", exc_info=True)

    def checkpoint_now(self) -> tuple[int, int, int]:
        """One passive checkpoint on a transaction-free connection: (busy, log frames,
        frames checkpointed), as SQLite reports it."""
        with self._engine.connect() as conn:
            dbapi: Any = conn.connection.dbapi_connection
            busy, frames, done = dbapi.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        self.runs += 1
        return int(busy), int(frames), int(done)

    def stop(self) -> None:
        """End the thread (before the engine is disposed); a checkpoint under way ends
        first. Idempotent. Connections keep automatic checkpoints off: the last one to
        close folds the log (SQLite's own rule), no commit does."""
        self._stopped.set()
        self._due.set()
        self._thread.join(timeout=30)
