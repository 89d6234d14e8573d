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

if __package__ in (None, ""):  # `python bench/startup.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

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


def marks(cmd: list[str], env: dict[str, str]) -> dict[str, float]:
    """Seconds from spawn to each ``NAME <epoch>`` line the child prints (SIGNIN, READY)."""
    started = time.time()
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=TIMEOUT_S, check=False)
    out = {line.split()[0]: float(line.split()[1]) - started
           for line in done.stdout.splitlines() if line[:1].isupper() and " " in line}
    if "READY" not in out:
        raise RuntimeError(f"{cmd[2:]} exited {done.returncode} without READY:\n"
                           f"{done.stderr[-2000:]}")
    return out


def desk_marks(data_dir: Path, passphrase: Path, runs: int, pycache: Path
               ) -> tuple[float, float]:
    """Medians for the desk: (sign-in page ready, desk ready to search)."""
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data_dir),
           "--passphrase-file", str(passphrase)]
    name, pin = BENCH_STAFF
    env = child_env(pycache, {READY_ENV: "1", STAFF_ENV: name, PIN_ENV: pin})
    marks(cmd, env)
    seen = [marks(cmd, env) for _ in range(runs)]
    return (statistics.median(m.get("SIGNIN", float("nan")) for m in seen),
            statistics.median(m["READY"] for m in seen))


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


# --- the command line's own start, and the whole comparison (python bench/startup.py) ---

def command_start(argv: list[str], runs: int, pycache: Path) -> float:
    """Median seconds for ``python -m app ARGV`` (e.g. --version) to finish."""
    return _median_after_warmup_exit([sys.executable, "-m", "app", *argv], runs, pycache)


def python_start(code: str, runs: int, pycache: Path) -> float:
    """Median seconds for ``python -c CODE``: the floor for a command-line start."""
    return _median_after_warmup_exit([sys.executable, "-c", code], runs, pycache)


def _median_after_warmup_exit(cmd: list[str], runs: int, pycache: Path) -> float:
    env = child_env(pycache)

    def once() -> float:
        started = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT_S,
                              check=False)
        took = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{cmd[1:]} exited {done.returncode}: {done.stderr[-800:]!r}")
        return took

    once()
    return statistics.median(once() for _ in range(runs))


def main(argv: list[str] | None = None) -> int:
    """Start-up against its floors, measured in the same run, on this machine's load.

    * ``frontdesk --version`` and ``--help`` against ``python -c "import argparse"``
      (an interpreter that starts and imports argparse): target ≤ 2×;
    * the desk ready to search (store opened, signed in, search box focused) against a
      bare Qt window: target ≤ 3×.
    """
    import argparse
    import json
    import tempfile

    from bench.build import ensure_store
    from bench.common import bench_dir, passphrase_file, store_dir

    p = argparse.ArgumentParser(prog="bench/startup.py", description=main.__doc__)
    p.add_argument("--guests", type=int, default=2_000,
                   help="size of the demo store the desk opens (default 2,000)")
    p.add_argument("--runs", type=int, default=7, help="runs per figure (after one warm-up)")
    p.add_argument("--bench-dir", metavar="DIR")
    p.add_argument("--json", metavar="FILE")
    args = p.parse_args(argv)
    folder = bench_dir(args.bench_dir)
    pycache = Path(tempfile.mkdtemp(prefix="frontdesk-pycache-"))
    pp = passphrase_file(folder)
    sdir = store_dir(folder, args.guests)
    ensure_store(sdir, args.guests, pp)
    load_before = os.getloadavg()
    floor = python_start("import argparse", args.runs, pycache)
    bare = python_start("pass", args.runs, pycache)
    version = command_start(["--version"], args.runs, pycache)
    helped = command_start(["--help"], args.runs, pycache)
    qt = bare_qt_start(args.runs, pycache)
    signin, desk = desk_marks(sdir, pp, args.runs, pycache)
    load_after = os.getloadavg()
    rows = [("python -c pass", bare, None, None),
            ("python -c 'import argparse' (floor)", floor, None, None),
            ("frontdesk --version", version, version / floor, 2.0),
            ("frontdesk --help", helped, helped / floor, 2.0),
            ("bare Qt window (floor)", qt, None, None),
            ("sign-in page ready (store open, names listed)", signin, signin / qt, None),
            (f"desk ready to search ({args.guests:,} guests)", desk, desk / qt, 3.0)]
    print(f"Start-up, median of {args.runs} runs after a warm-up; load average "
          f"{load_before[0]:.1f} before, {load_after[0]:.1f} after, {os.cpu_count()} cores")
    for name, secs, ratio, target in rows:
        extra = (f"  {ratio:4.2f}× its floor" + (f" (target ≤ {target:g}×)" if target else "")
                 if ratio else "")
        print(f"  {name:<44} {secs * 1000:7.0f} ms{extra}")
    if args.json:
        Path(args.json).write_text(json.dumps({name: secs for name, secs, _, _ in rows},
                                              indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
