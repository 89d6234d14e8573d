"""A change feed: tells an open desk that another desk (or window) changed guest data.

The desk subscribes with two callbacks and gets, from a background thread:

* ``on_change(change)`` soon after another desk commits a change to guest data
  (a label, an arrival, an erasure…): refresh what is on screen;
* ``on_connection(ok, message)`` when the shared store's server goes away
  (``ok=False``, with a message to show: what is on screen is now stale and
  read-only) and when it is back (``ok=True``, followed by an ``on_change``, since
  changes may have been missed meanwhile).

The local store has no server to lose; its feed only reports changes (a second
window on the same PC). Nothing here runs on the caller's thread: the UI moves
the callbacks to its own thread (``ui.change_watch``).
"""

from __future__ import annotations

import contextlib
import logging
import threading
from collections.abc import Callable

from app.i18n import _
from storage import notify
from storage.notify import Change
from storage.store import Store

log = logging.getLogger("frontdesk.changes")

__all__ = ["Change", "ChangeFeed"]

RETRY_SECONDS = 1.0
WAIT_SECONDS = 0.5


class ChangeFeed:
    """Watches one open store on a daemon thread until :meth:`stop`."""

    def __init__(self, store: Store, on_change: Callable[[Change], None],
                 on_connection: Callable[[bool, str], None] | None = None) -> None:
        self.store = store
        self._on_change = on_change
        self._on_connection = on_connection or (lambda ok, message: None)
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.connected = True
        self.ready = threading.Event()  # set once the first watcher is listening

    def start(self) -> ChangeFeed:
        self._thread = threading.Thread(target=self._run, name="frontdesk-changes", daemon=True)
        self._thread.start()
        return self

    def stop(self, timeout: float = 5.0) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self) -> None:
        watcher: notify.FileWatcher | notify.ServerWatcher | None = None
        while not self._stop.is_set():
            try:
                if watcher is None:
                    watcher = notify.watcher_for(self.store)
                    self.ready.set()
                    if not self.connected:
                        self.connected = True
                        self._on_connection(True, "")
                        self._on_change(Change(watcher.seq))  # catch up on what was missed
                change = watcher.wait(WAIT_SECONDS)
                if change is not None:
                    self._on_change(change)
            except Exception as exc:  # the server went away (or never answered): retry
                log.info("change feed: %s", type(exc).__name__)
                if watcher is not None:
                    with contextlib.suppress(Exception):  # already broken
                        watcher.close()
                    watcher = None
                if self.connected:
                    self.connected = False
                    self._on_connection(False, _(
                        "The shared store cannot be reached. What you see may be out of "
                        "date and cannot be changed until the connection is back; Frontdesk "
                        "keeps trying by itself."))
                self._stop.wait(RETRY_SECONDS)
        if watcher is not None:
            watcher.close()
