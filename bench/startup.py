"""Start-up timings: the desk on a big store (cold_start_s) and a bare Qt window (the floor).

Both are measured the same way: wall-clock time from just before the child
process is spawned until it prints ``READY <epoch seconds>``. The desk prints
it when ``FRONTDESK_BENCH_EXIT_WHEN_READY=1`` is set (ui/main.py), at the
moment its main window is shown and the search box is enabled and has focus,
and then quits. The sign-in dialog stands in between: in bench mode the desk
signs in with ``FRONTDESK_BENCH_PIN`` for ``FRONTDESK_BENCH_STAFF`` through
the normal ``app.staff.sign_in`` (PIN hash check, audit event), so the
figure includes the store open, the key derivation and the sign-in.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench.common import BENCH_STAFF, ROOT

READY_ENV = "FRONTDESK_BENCH_EXIT_WHEN_READY"
PIN_ENV = "FRONTDESK_BENCH_PIN"
STAFF_ENV = "FRONTDESK_BENCH_STAFF"
TIMEOUT_S = 120


def gui_hook_exists() -> bool:
    """True once ui/main.py knows the bench hook (the GUI is built by another task)."""
    main = ROOT / "ui" / "main.py"
    return main.exists() and READY_ENV in main.read_text(encoding="utf-8")


def child_env(pycache: Path, extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "offscreen", "PYTHONPYCACHEPREFIX": str(pycache),
            **(extra or {})}


def time_to_ready(cmd: list[str], env: dict[str, str]) -> float:
    """Seconds from spawn to the child's READY line."""
    started = time.time()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True)
    try:
        out, err = proc.communicate(timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        proc.kill()
        out, err = proc.communicate()
        raise RuntimeError(f"{cmd[2:]} did not get ready in {TIMEOUT_S} s: {err[-2000:]}"
                           ) from exc
    for line in out.splitlines():
        if line.startswith("READY "):
            return float(line.split()[1]) - started
    raise RuntimeError(f"{cmd[2:]} exited {proc.returncode} without READY:\n{err[-2000:]}")


def _median_after_warmup(cmd: list[str], env: dict[str, str], runs: int) -> float:
    time_to_ready(cmd, env)
    return statistics.median(time_to_ready(cmd, env) for _ in range(runs))


def bare_qt_start(runs: int, pycache: Path) -> float:
    """Median seconds for bench/bare_qt.py to show an empty QMainWindow."""
    cmd = [sys.executable, str(Path(__file__).resolve().parent / "bare_qt.py")]
    return _median_after_warmup(cmd, child_env(pycache), runs)


def desk_start(data_dir: Path, passphrase: Path, runs: int, pycache: Path) -> float:
    """Median seconds for `python -m app` on ``data_dir`` to be ready for the first search."""
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data_dir),
           "--passphrase-file", str(passphrase)]
    name, pin = BENCH_STAFF
    env = child_env(pycache, {READY_ENV: "1", STAFF_ENV: name, PIN_ENV: pin})
    return _median_after_warmup(cmd, env, runs)
