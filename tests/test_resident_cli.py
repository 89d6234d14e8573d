"""`frontdesk` hands over to a desk waiting in the background; `frontdesk autostart` makes the
login entry that starts one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from app import autostart, resident
from tests.resident_helpers import runtime_dir

__all__ = ["runtime_dir"]  # a fixture
ROOT = Path(__file__).resolve().parent.parent


def frontdesk(*args: str, env_extra: dict[str, str] | None = None
              ) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "FRONTDESK_LANG": "en",
           **(env_extra or {})}
    return subprocess.run([sys.executable, "-m", "app", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120, check=False)


class FakeWaitingDesk:
    """A socket answering as a waiting desk does (ui.resident), recording what it was asked."""

    def __init__(self, identity: str, answer: str = resident.SHOWN) -> None:
        path = resident.socket_path(identity)
        assert path is not None
        self.asked: list[str] = []
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        self.sock.bind(str(path))
        self.sock.listen(4)
        self.answer = answer
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self) -> None:
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            with conn:
                data = conn.recv(4096)
                if data:
                    self.asked.append(data.decode())
                    conn.sendall(f"{self.answer}\n".encode())

    def close(self) -> None:
        self.sock.close()


def test_frontdesk_asks_the_desk_waiting_on_its_store_and_exits(
        tmp_path: Path, runtime_dir: Path) -> None:
    data_dir = tmp_path / "store"
    data_dir.mkdir()
    desk = FakeWaitingDesk(resident.local_identity(data_dir))
    try:
        done = frontdesk("--data-dir", str(data_dir))
    finally:
        desk.close()
    assert done.returncode == 0, done.stderr
    assert desk.asked == [f"show {resident.local_identity(data_dir)}\n"]
    assert list(data_dir.iterdir()) == []  # no desk of its own was started: no store made


def test_background_refuses_a_second_desk_on_the_same_store_and_a_demo(
        tmp_path: Path, runtime_dir: Path) -> None:
    data_dir = tmp_path / "store"
    data_dir.mkdir()
    desk = FakeWaitingDesk(resident.local_identity(data_dir))
    try:
        done = frontdesk("--data-dir", str(data_dir), "--background")
    finally:
        desk.close()
    assert done.returncode == 2
    assert "already waits in the background" in done.stderr
    assert desk.asked == []  # it only checked: the waiting desk was not shown
    demo = frontdesk("--demo", "--background")
    assert demo.returncode == 2 and "cannot wait in the background" in demo.stderr


def test_the_socket_lives_in_a_private_folder_only(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    shared = tmp_path / "rt"
    shared.mkdir(mode=0o755)
    shared.chmod(0o755)
    (shared / "frontdesk").mkdir(mode=0o755)
    (shared / "frontdesk").chmod(0o755)  # readable by others: not trusted
    monkeypatch.setenv(resident.RUNTIME_ENV, str(shared))
    assert resident.socket_path("local:/x") is None
    assert resident.ask_to_show("local:/x") is False
    (shared / "frontdesk").chmod(0o700)
    path = resident.socket_path("local:/x")
    assert path is not None and path.parent == shared / "frontdesk"
    assert path != resident.socket_path("local:/y")


def test_autostart_on_writes_a_login_entry_for_this_store_and_off_removes_it(
        tmp_path: Path) -> None:
    data_dir = tmp_path / "my store"
    on = frontdesk("autostart", "on", "--data-dir", str(data_dir))
    assert on.returncode == 0, on.stderr
    entry = Path(os.environ["XDG_CONFIG_HOME"]) / "autostart" / autostart.FILE_NAME
    text = entry.read_text(encoding="utf-8")
    exec_line = next(line for line in text.splitlines() if line.startswith("Exec="))
    assert "--background" in exec_line
    assert f'--data-dir "{data_dir.resolve()}"' in exec_line  # quoted: the folder has a space
    shown = frontdesk("autostart", "show")
    assert shown.returncode == 0 and exec_line in shown.stdout
    off = frontdesk("autostart", "off")
    assert off.returncode == 0 and not entry.exists()
    assert "does not start at login" in frontdesk("autostart", "show").stdout


def test_autostart_on_names_the_store_the_desk_would_open_as_a_desk_started_by_hand_does(
        tmp_path: Path) -> None:
    """Without --data-dir the entry still names the folder ($FRONTDESK_DATA_DIR here): the
    login session may not have the variable, and a desk started by hand on that folder
    recognises the entry as its own (and keeps itself ready when closed)."""
    data_dir = tmp_path / "from the environment"
    on = frontdesk("autostart", "on", env_extra={"FRONTDESK_DATA_DIR": str(data_dir)})
    assert on.returncode == 0, on.stderr
    assert f'--data-dir "{data_dir.resolve()}"' in autostart.entry_path().read_text("utf-8")
    assert autostart.opens_at_login(autostart.command_line(data_dir=data_dir))
    assert not autostart.opens_at_login(autostart.command_line(data_dir=tmp_path / "other"))


def test_an_exec_argument_is_quoted_as_the_desktop_entry_specification_says() -> None:
    assert autostart.quoted("/usr/bin/python3") == "/usr/bin/python3"
    assert autostart.quoted("/a b/$HOME") == '"/a b/\\$HOME"'
    assert autostart.quoted("100%") == "100%%"
