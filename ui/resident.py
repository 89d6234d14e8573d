"""The listening side of a desk kept running in the background (``frontdesk --background``).

``app.resident`` says why and what crosses the socket. Here a QLocalServer on
the socket ``app.resident.socket_path`` names answers each ``show <store>``
line: for its own store it brings the window up on the sign-in page (or where
it is, if it is already on screen) and answers ``shown``; anything else gets
``other`` and the asking ``frontdesk`` starts a desk of its own.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

from app import resident


class AlreadyWaiting(RuntimeError):
    """Another desk already waits in the background on this store."""


class ResidentListener(QObject):
    """Answers ``frontdesk`` started while this desk waits. ``show`` brings the window up."""

    def __init__(self, identity: str, show: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.identity = identity
        self._show = show
        self._pending: dict[QLocalSocket, bytes] = {}
        self.path: Path | None = resident.socket_path(identity)
        self.server = QLocalServer(self)
        self.server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        self.server.newConnection.connect(self._accept)

    def listen(self) -> bool:
        """Start listening; False when this system has no private folder for the socket.

        Raises AlreadyWaiting when a desk answers on the socket already: one desk waits
        per store. A socket file nobody answers on (a desk that was killed) is replaced.
        """
        if self.path is None:
            return False
        if self.path.exists():
            probe = QLocalSocket()
            probe.connectToServer(str(self.path))
            alive = probe.waitForConnected(500)
            probe.abort()
            if alive:
                raise AlreadyWaiting(str(self.path))
            QLocalServer.removeServer(str(self.path))
        return self.server.listen(str(self.path))

    def close(self) -> None:
        self.server.close()  # removes the socket file

    def _accept(self) -> None:
        while self.server.hasPendingConnections():
            conn = self.server.nextPendingConnection()
            self._pending[conn] = b""
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(lambda c=conn: self._forget(c))

    def _forget(self, conn: QLocalSocket) -> None:
        self._pending.pop(conn, None)
        conn.deleteLater()

    def _read(self, conn: QLocalSocket) -> None:
        data = self._pending.get(conn, b"") + bytes(conn.readAll().data())
        if b"\n" not in data and len(data) < 4096:
            self._pending[conn] = data
            return
        line = data.split(b"\n", 1)[0].decode("utf-8", "replace")
        self._pending[conn] = b""
        answer = resident.answer_to(line, self.identity)
        if answer == resident.SHOWN:
            self._show()
        conn.write(f"{answer}\n".encode())
        conn.flush()
        conn.disconnectFromServer()
