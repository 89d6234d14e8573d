"""The listening side of a desk kept running in the background (``frontdesk --background``).

``app.resident`` says why and what crosses the socket. Here a Unix socket at
``app.resident.socket_path``, watched by Qt's event loop (``QSocketNotifier``:
no QtNetwork, which the frozen build leaves out), answers each ``show <store>``
line: for its own store it brings the window up on the sign-in page (or where
it is, if it is already on screen) and answers ``shown``; anything else gets
``other`` and the asking ``frontdesk`` starts a desk of its own.
"""

from __future__ import annotations

import contextlib
import os
import socket
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QSocketNotifier

from app import resident

MAX_LINE = 4096  # a request is one short line; anything longer is answered "other"


def _nothing() -> None:
    pass


class AlreadyWaiting(RuntimeError):
    """Another desk already waits in the background on this store."""


class ResidentListener(QObject):
    """Answers ``frontdesk`` started while this desk waits. ``show`` brings the window up."""

    def __init__(self, identity: str, show: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.identity = identity
        self._show = show
        self.path: Path | None = resident.socket_path(identity)
        self._server: socket.socket | None = None
        self._notifier: QSocketNotifier | None = None
        # per connection: the socket, its notifier, what it sent so far
        self._clients: dict[int, tuple[socket.socket, QSocketNotifier, bytearray]] = {}

    def listen(self) -> bool:
        """Start listening; False when this system has no private folder for the socket.

        Raises AlreadyWaiting when a desk answers on the socket already: one desk waits
        per store. A socket file nobody answers on (a desk that was killed) is replaced.
        """
        if self.path is None:
            return False
        if self.path.exists():
            if resident.desk_waits(self.identity):
                raise AlreadyWaiting(str(self.path))
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        old_mask = os.umask(0o077)  # the socket file itself: this user only
        try:
            server.bind(str(self.path))
        except OSError:
            server.close()
            return False
        finally:
            os.umask(old_mask)
        server.listen(8)
        server.setblocking(False)
        self._server = server
        self._notifier = QSocketNotifier(server.fileno(), QSocketNotifier.Type.Read, self)
        # Bound methods, not lambdas holding ``self``: a cycle through a Qt object would be
        # freed by the collector whenever it runs — on any thread, which Qt does not allow.
        self._notifier.activated.connect(self._accept)
        return True

    def close(self) -> None:
        """Stop listening and remove the socket file (and let go of ``show``, which holds the
        window: no cycle left for the collector to free on another thread)."""
        self._show = _nothing
        for fd in list(self._clients):
            self._drop(fd)
        if self._notifier is not None:
            self._notifier.setEnabled(False)
            self._notifier.deleteLater()
            self._notifier = None
        if self._server is not None:
            self._server.close()
            self._server = None
            if self.path is not None:
                with contextlib.suppress(FileNotFoundError):
                    self.path.unlink()

    def _accept(self, *_signal: object) -> None:
        if self._server is None:
            return
        try:
            conn, _ = self._server.accept()
        except (BlockingIOError, InterruptedError):
            return
        conn.setblocking(False)
        notifier = QSocketNotifier(conn.fileno(), QSocketNotifier.Type.Read, self)
        self._clients[conn.fileno()] = (conn, notifier, bytearray())
        notifier.activated.connect(self._ready)

    def _ready(self, *_signal: object) -> None:
        notifier = self.sender()
        if isinstance(notifier, QSocketNotifier):
            self._read(int(notifier.socket()))

    def _read(self, fd: int) -> None:
        client = self._clients.get(fd)
        if client is None:
            return
        conn, _notifier, got = client
        try:
            data = conn.recv(MAX_LINE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:  # closed without a request (a check that a desk waits)
            self._drop(fd)
            return
        got.extend(data)
        if b"\n" not in got and len(got) < MAX_LINE:
            return
        line = bytes(got).split(b"\n", 1)[0].decode("utf-8", "replace")
        answer = resident.answer_to(line, self.identity)
        if answer == resident.SHOWN:
            self._show()
        with contextlib.suppress(OSError):
            conn.setblocking(True)
            conn.settimeout(1.0)
            conn.sendall(f"{answer}\n".encode())
        self._drop(fd)

    def _drop(self, fd: int) -> None:
        client: Any = self._clients.pop(fd, None)
        if client is None:
            return
        conn, notifier, _got = client
        notifier.setEnabled(False)
        notifier.deleteLater()
        conn.close()
