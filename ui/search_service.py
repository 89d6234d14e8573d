"""Type-ahead search off the GUI thread, dropping stale results.

Typing one key must never wait for the store: each request carries a
generation number, a single worker thread runs ``guests.find_guests``
(thread-safe in app/) and skips any request that a newer key press has
already replaced, and the GUI ignores answers for old generations.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QObject, QThread, QTimer, Signal, Slot

from app import guests
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor
from ui.i18n import say

DEBOUNCE_MS = 30


class _Worker(QObject):
    """Lives in the search thread; runs one query at a time."""

    found = Signal(int, str, object)  # generation, typed text, list[GuestInfo] | str (error)

    def __init__(self, service: SearchService) -> None:
        super().__init__()
        self._service = service

    @Slot(int, str, int, object, object)
    def run(self, generation: int, typed: str, limit: int, store: object,
            actor: object) -> None:
        if generation != self._service.latest:
            return  # a newer key press replaced this request before it started
        handed: list[object] = []

        def hand_over(found: object) -> None:
            # The list is shown before the search's count is written (app.guests).
            handed.append(found)
            if generation == self._service.latest:
                self.found.emit(generation, typed, found)

        try:
            guests.find_guests(store, actor, typed, limit,  # type: ignore[arg-type]
                               hand_over=hand_over)
        except FrontdeskError as exc:
            if not handed and generation == self._service.latest:
                self.found.emit(generation, typed, say(exc))

    @Slot(object, object)
    def warm(self, store: object, actor: object) -> None:
        """Read what the first key press would read first (``guests.warm_up_search``);
        a failure here is the first search's to report, so it is dropped."""
        if store is not self._service._store:
            return   # signed out or locked since
        # Any failure is the first key press's to meet and name (it reads them again).
        with contextlib.suppress(Exception):
            guests.warm_up_search(store, actor)  # type: ignore[arg-type]


class SearchService(QObject):
    """Owns the search thread. ``search(text)`` returns at once; ``results`` arrives later.

    A key press asks for ``guests.SEARCH_LIMIT`` guests (a screenful); ``more(text, limit)``
    asks for the same text again with a longer list when staff go past its end.
    """

    results = Signal(str, list, int)  # typed text, [GuestInfo], the limit asked for
    failed = Signal(str)
    _request = Signal(int, str, int, object, object)
    _warm = Signal(object, object)

    def __init__(self, parent: QObject | None = None, debounce_ms: int = DEBOUNCE_MS) -> None:
        super().__init__(parent)
        self.latest = 0
        self._store: Store | None = None
        self._actor: Actor | None = None
        self._pending = ""
        self._limit = guests.SEARCH_LIMIT
        self._thread = QThread(self)
        self._thread.setObjectName("frontdesk-search")
        self._worker = _Worker(self)
        self._worker.moveToThread(self._thread)
        self._request.connect(self._worker.run)
        self._warm.connect(self._worker.warm)
        self._worker.found.connect(self._deliver)
        self._thread.finished.connect(self._worker.deleteLater)
        self._thread.start()
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self._send)

    def bind(self, store: Store | None, actor: Actor | None) -> None:
        """Search as this person (None after sign-out/lock: every later answer is dropped)."""
        self._store, self._actor = store, actor
        self._pending = ""  # nothing typed about a guest outlives a lock
        self.cancel()

    def warm_up(self) -> None:
        """Once signed in: the search thread reads what the first key press would read
        first (today's and the week's arrivals), so that key press runs only its search."""
        if self._store is not None and self._actor is not None:
            self._warm.emit(self._store, self._actor)

    def search(self, typed: str) -> None:
        self.latest += 1
        self._pending = typed
        self._limit = guests.SEARCH_LIMIT
        if not typed.strip():
            self._debounce.stop()
            self.results.emit(typed, [], self._limit)
            return
        self._debounce.start()

    def more(self, typed: str, limit: int) -> None:
        """The same text again with a longer list (no debounce: nothing is being typed)."""
        if not typed.strip():
            return
        self.latest += 1
        self._pending = typed
        self._limit = limit
        self._debounce.stop()
        self._send()

    def cancel(self) -> None:
        """Forget anything in flight (used on lock and when the field is cleared)."""
        self.latest += 1
        self._debounce.stop()

    def _send(self) -> None:
        if self._store is None or self._actor is None:
            return
        self._request.emit(self.latest, self._pending, self._limit, self._store, self._actor)

    @Slot(int, str, object)
    def _deliver(self, generation: int, typed: str, result: object) -> None:
        if generation != self.latest:
            return  # stale: the user has typed more since
        if isinstance(result, str):
            self.failed.emit(result)
        else:
            self.results.emit(typed, list(result), self._limit)  # type: ignore[call-overload]

    def shutdown(self) -> None:
        """Stop the thread (window closing); waits for a running query to finish."""
        self.cancel()
        if self._thread.isRunning():
            self._thread.quit()
            self._thread.wait()
