"""Helpers for tests that run tests/crash_writer.py in child processes (crash, concurrency)."""

from __future__ import annotations

import os
import shlex
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from app import staff, vocabulary
from app.opening import MemoryKey, open_store
from app.verify import verify_store
from storage.keys import new_key
from storage.models import Assignment, Consent, Guest, Visit

WRITER = Path(__file__).with_name("crash_writer.py")


@dataclass
class Commits:
    """Everything the writers said they committed."""

    guests: dict[int, str] = field(default_factory=dict)
    visits: dict[int, int] = field(default_factory=dict)       # visit id -> guest id
    labels: dict[int, int] = field(default_factory=dict)       # assignment id -> guest id
    consents: dict[int, int] = field(default_factory=dict)     # consent id -> guest id
    busy: int = 0

    @property
    def total(self) -> int:
        return len(self.guests) + len(self.visits) + len(self.labels) + len(self.consents)

    def add(self, output: bytes) -> None:
        """Parse complete lines only: a line cut by the kill says nothing."""
        lines = output.split(b"\n")
        for raw in lines[:-1]:
            parts = raw.decode().split()
            match parts:
                case ["guest", gid, name_hex]:
                    self.guests[int(gid)] = bytes.fromhex(name_hex).decode()
                case ["visit", gid, vid]:
                    self.visits[int(vid)] = int(gid)
                case ["label", gid, aid]:
                    self.labels[int(aid)] = int(gid)
                case ["consent", gid, cid]:
                    self.consents[int(cid)] = int(gid)
                case ["busy"]:
                    self.busy += 1


def make_store(folder: Path) -> tuple[Path, bytes, Path]:
    """A store with a manager and the starter vocabulary; its raw key kept in a key file."""
    key = new_key()
    data_dir = folder / "store"
    s = open_store(data_dir, MemoryKey(key))
    actor = staff.create_first_manager(s, "Eva Visser", "4826")
    vocabulary.load_starter(s, actor)
    s.close()
    key_file = folder / "store.key"
    key_file.write_text(key.hex())
    key_file.chmod(0o600)
    return data_dir, key, key_file


def spawn(data_dir: Path, key_file: Path, *, seed: int, tag: str = "w",
          ops: int | None = None) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, str(WRITER), "--data-dir", str(data_dir), "--key-file", str(key_file),
           "--seed", str(seed), "--tag", tag]
    if ops is not None:
        cmd += ["--ops", str(ops)]
    env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)


class ForkServer:
    """Writers forked by one ``crash_writer.py --fork-server`` process: each is a process
    of its own that opens the store, writes and is killed, as a spawned one; only the
    interpreter's start and imports (a second of each round, before the store is
    touched) are done once. Its output goes to a file in ``folder``."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.err = folder / "fork-server.err"
        env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        with self.err.open("wb") as err:
            self.proc = subprocess.Popen([sys.executable, str(WRITER), "--fork-server"],
                                         stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                         stderr=err, env=env)
        self.count = 0

    def _ask(self, *words: str) -> int:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self.proc.stdin.write((shlex.join(words) + "\n").encode())
        self.proc.stdin.flush()
        answer = self.proc.stdout.readline()
        if not answer:
            raise AssertionError(f"fork server gone: {self.err.read_text()[-2000:]}")
        return int(answer)

    def spawn(self, data_dir: Path, key_file: Path, *, seed: int, tag: str) -> Forked:
        self.count += 1
        out = self.folder / f"writer-{self.count}.out"
        pid = self._ask(str(out), "--data-dir", str(data_dir), "--key-file", str(key_file),
                        "--seed", str(seed), "--tag", tag)
        return Forked(self, pid, out)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait(timeout=60)
        if self.proc.stdout is not None:
            self.proc.stdout.close()


@dataclass
class Forked:
    server: ForkServer
    pid: int
    out: Path

    def output(self) -> bytes:
        return self.out.read_bytes() if self.out.exists() else b""

    def wait_ready(self, timeout: float = 120.0) -> None:
        end = time.monotonic() + timeout
        while not self.output().startswith(b"READY\n"):
            if time.monotonic() > end:
                self.kill()
                raise AssertionError(f"writer did not start: {self.output()[:200]!r} "
                                     f"{self.server.err.read_text()[-2000:]}")
            time.sleep(0.002)

    def kill(self) -> tuple[int, bytes]:
        """SIGKILL, reaped: its exit code and everything it printed."""
        os.kill(self.pid, signal.SIGKILL)
        return self.server._ask("wait", str(self.pid)), self.output()


def wait_ready(proc: subprocess.Popen[bytes]) -> None:
    assert proc.stdout is not None
    line = proc.stdout.readline()
    if line != b"READY\n":
        proc.kill()
        _, err = proc.communicate()
        raise AssertionError(f"writer did not start: {line!r} {err.decode()[-2000:]}")


def check_store(data_dir: Path, key: bytes, commits: Commits) -> int:
    """The store opens, passes integrity + audit chain, and holds every reported commit.

    Returns the number of audit events.
    """
    s = open_store(data_dir, MemoryKey(key), create=False)
    try:
        report = verify_store(s)
        assert report.ok, report.problems
        with s.read() as session:
            for gid, name in commits.guests.items():
                g = session.get(Guest, gid)
                assert g is not None and g.full_name == name, (gid, name)
            for vid, gid in commits.visits.items():
                v = session.get(Visit, vid)
                assert v is not None and v.guest_id == gid, (vid, gid)
            for aid, gid in commits.labels.items():
                a = session.get(Assignment, aid)
                assert a is not None and a.guest_id == gid, (aid, gid)
            for cid, gid in commits.consents.items():
                c = session.get(Consent, cid)
                assert c is not None and c.guest_id == gid, (cid, gid)
        return report.audit_events
    finally:
        s.close()
