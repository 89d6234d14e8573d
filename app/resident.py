"""A desk kept running in the background, shown again at once by ``frontdesk``.

Why: before anyone can search, a cold start pays ~1 s of Python that no
reordering removes (SQLAlchemy and the models, the keyring's D-Bus session,
opening the store, the app layers; docs/performance.md "Start-up"). A desk
started at login with ``frontdesk --background`` pays it while the person is
still taking off their coat: it opens the store and waits, hidden, on its
sign-in page. ``frontdesk`` then asks it, over a socket only this user can
reach, to show itself, and exits; the window appears on the sign-in page with
the names listed.

The socket carries one line each way and never anything about a guest or a
person: ``show <store>`` in, ``shown`` (or ``other`` when the waiting desk has
another store open) out. What the background desk keeps in memory is what a
locked desk keeps (docs/threat-model.md "A desk kept running").

No Qt here: the launcher asks before Qt is imported (``app.cli``); the
listening side is ``ui.resident``.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import socket
import stat
from pathlib import Path

RUNTIME_ENV = "XDG_RUNTIME_DIR"
ASK_TIMEOUT_S = 3.0
SHOW = "show"
SHOWN = "shown"
OTHER = "other"


def local_identity(data_dir: Path) -> str:
    """What names a local store for the waiting desk: its folder, made absolute."""
    return f"local:{Path(data_dir).expanduser().resolve()}"


def shared_identity(address: str) -> str:
    """What names a shared store: its address without options (no password is ever in it)."""
    return f"shared:{address.split('?', 1)[0]}"


def runtime_folder() -> Path | None:
    """This user's private folder for the socket, or None when there is none to trust.

    ``$XDG_RUNTIME_DIR`` (made by the login session: owned by the user, mode 0700),
    else ``frontdesk-<uid>`` in the temporary folder, made 0700 here. A folder owned by
    someone else, or open to others, is refused: another user could then answer in the
    desk's place or read what it is asked.
    """
    if os.name != "posix":
        return None
    base = os.environ.get(RUNTIME_ENV, "")
    if base and Path(base).is_dir():
        folder = Path(base) / "frontdesk"
    else:
        import tempfile  # only without a login session's runtime folder

        folder = Path(tempfile.gettempdir()) / f"frontdesk-{os.getuid()}"

    with contextlib.suppress(FileExistsError):
        folder.mkdir(mode=0o700, parents=False)
    try:
        info = folder.lstat()
    except OSError:
        return None
    if (not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid()
            or info.st_mode & 0o077):
        return None
    return folder


def socket_path(identity: str) -> Path | None:
    """Where the desk waiting on ``identity`` listens (one socket per store, short enough
    for the 108-byte limit of a socket's path)."""
    folder = runtime_folder()
    if folder is None:
        return None
    digest = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:16]
    return folder / f"desk-{digest}.sock"


def _exchange(identity: str, request: str | None, timeout: float) -> str | None:
    """Connect to the desk waiting on this store and, with ``request``, send it and read the
    answer line. None when nobody listens (or answers in time); "" for a bare connect."""
    path = socket_path(identity)
    if path is None or not path.exists():
        return None
    answer = b""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
            conn.settimeout(timeout)
            conn.connect(str(path))
            if request is not None:
                conn.sendall(f"{request}\n".encode())
                while not answer.endswith(b"\n") and len(answer) < 64:
                    part = conn.recv(64)
                    if not part:
                        break
                    answer += part
    except OSError:
        return None
    return answer.decode("utf-8", "replace").strip()


def ask_to_show(identity: str, timeout: float = ASK_TIMEOUT_S) -> bool:
    """Ask a desk waiting in the background on this store to show itself.

    True when it answered that it did (the caller then has nothing left to do);
    False when no desk waits on this store, or it did not answer in time: the caller
    starts a desk of its own, as without a background desk.
    """
    return _exchange(identity, f"{SHOW} {identity}", timeout) == SHOWN


def desk_waits(identity: str) -> bool:
    """Whether a desk already listens on this store's socket (asked nothing: it is not shown)."""
    return _exchange(identity, None, ASK_TIMEOUT_S) is not None


def answer_to(line: str, identity: str) -> str:
    """The waiting desk's answer to one request line (kept here so both ends agree)."""
    word, _, asked = line.strip().partition(" ")
    return SHOWN if word == SHOW and asked == identity else OTHER
