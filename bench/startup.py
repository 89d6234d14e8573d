"""Start-up timings: the desk on an existing store against a bare Qt window (the floor).

What is measured is what a receptionist experiences: ``frontdesk`` started on
the desk's existing encrypted store, **its key in the system keyring** (a real
Secret Service: gnome-keyring in a private D-Bus session, started by
``scripts/with-secret-service.sh`` when this process has no keyring), until the
desk is **ready to search: signed in, the search box enabled and focused**.
Sign-in is required before searching (nothing about a guest is on screen
before a PIN), so it is part of the figure: the desk types the PIN through the
sign-in page the moment the names are listed (``FRONTDESK_BENCH_PIN`` for
``FRONTDESK_BENCH_STAFF``, the normal ``app.staff.sign_in``: scrypt PIN check,
audit event). No human typing time is counted, so this is the floor of what a
person sees; a person typing a PIN gives the desk a second or more to finish
loading in the background.

Every figure is wall-clock time from just before the child process is spawned
until it prints a mark (``NAME <epoch seconds>``, only with
``FRONTDESK_BENCH_EXIT_WHEN_READY=1``, ui/main.py): ``WINDOW`` when the main
window has been shown and painted (as bench/bare_qt.py prints ``READY`` for an
empty QMainWindow), ``SIGNIN`` when the store is open and the names are listed,
``READY`` when the search box has the focus. ``--key passphrase`` measures a
``--passphrase-file`` store instead (its key stretched with scrypt at every open).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):  # `python bench/startup.py`
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import BENCH_STAFF, ROOT

READY_ENV = "FRONTDESK_BENCH_EXIT_WHEN_READY"
# Set when this script re-ran itself inside a private Secret Service (no endless re-runs).
SECRET_SERVICE_ENV = "FRONTDESK_BENCH_IN_SECRET_SERVICE"
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


def desk_marks(data_dir: Path, passphrase: Path | None, runs: int, pycache: Path
               ) -> dict[str, float]:
    """Medians for the desk of each mark (WINDOW, SIGNIN, READY); ``passphrase`` None: the
    store's key is in the keyring."""
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data_dir)]
    if passphrase is not None:
        cmd += ["--passphrase-file", str(passphrase)]
    name, pin = BENCH_STAFF
    env = child_env(pycache, {READY_ENV: "1", STAFF_ENV: name, PIN_ENV: pin})
    marks(cmd, env)
    floor = bare_qt_once(pycache)
    floor()
    seen = [{**marks(cmd, env), "FLOOR": floor()} for _ in range(runs)]
    return {mark: statistics.median(m.get(mark, float("nan")) for m in seen)
            for mark in ("WINDOW", "SIGNIN", "READY", "FLOOR")}


def background_marks(data_dir: Path, passphrase: Path | None, runs: int, pycache: Path
                     ) -> dict[str, float]:
    """Medians for ``frontdesk`` when a desk waits in the background on its store (started
    with ``frontdesk --background`` first, as at login, and kept for every run): seconds
    from spawning ``frontdesk`` to the waiting desk's marks (WINDOW shown, SIGNIN, READY
    signed in with the search box focused), and to ``frontdesk`` itself exiting (EXIT).
    After each READY the waiting desk puts itself away (signed out, hidden) for the next."""
    import queue
    import threading

    store_args = ["--data-dir", str(data_dir)]
    if passphrase is not None:
        store_args += ["--passphrase-file", str(passphrase)]
    name, pin = BENCH_STAFF
    env = child_env(pycache, {READY_ENV: "1", STAFF_ENV: name, PIN_ENV: pin})
    desk = subprocess.Popen([sys.executable, "-m", "app", *store_args, "--background"],
                            cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    lines: queue.Queue[str] = queue.Queue()

    def read() -> None:
        assert desk.stdout is not None
        for line in desk.stdout:
            lines.put(line)
    threading.Thread(target=read, daemon=True).start()

    def marks_until(last: str) -> dict[str, float]:
        seen: dict[str, float] = {}
        while last not in seen:
            try:
                line = lines.get(timeout=TIMEOUT_S)
            except queue.Empty:
                desk.kill()
                raise RuntimeError(f"the background desk never printed {last}") from None
            if line.startswith("NOT READY"):
                raise RuntimeError(f"the background desk: {line.strip()}")
            if line[:1].isupper() and " " in line:
                seen[line.split()[0]] = float(line.split()[1])
        return seen

    try:
        marks_until("WAITING")
        launcher = [sys.executable, "-m", "app", *store_args]

        def once() -> dict[str, float]:
            started = time.time()
            done = subprocess.run(launcher, cwd=ROOT, env=child_env(pycache),
                                  capture_output=True, text=True, timeout=TIMEOUT_S,
                                  check=False)
            exited = time.time() - started
            if done.returncode != 0:
                raise RuntimeError(f"frontdesk exited {done.returncode}: {done.stderr[-800:]}")
            got = marks_until("READY")
            return {**{mark: at - started for mark, at in got.items()}, "EXIT": exited}

        once()
        floor = bare_qt_once(pycache)
        floor()
        seen = [{**once(), "FLOOR": floor()} for _ in range(runs)]
    finally:
        desk.terminate()
        try:
            desk.wait(timeout=10)
        except subprocess.TimeoutExpired:
            desk.kill()
            desk.wait()
    return {mark: statistics.median(m[mark] for m in seen)
            for mark in ("EXIT", "WINDOW", "SIGNIN", "READY", "FLOOR")}


def keyring_usable() -> bool:
    """Whether this process has a keyring Frontdesk accepts (one known to encrypt)."""
    from storage.errors import StorageError
    from storage.keys import usable_backend

    try:
        usable_backend()
    except StorageError:
        return False
    return True


def keyring_store(folder: Path, guests: int) -> Path:
    """A store of ``guests`` demo guests whose key is in this session's keyring, made by
    the real ``frontdesk demo-data`` (a private Secret Service forgets its keys when it
    stops, so the store is made again at every run)."""
    import shutil

    target = folder / f"startup-keyring-g{guests}"
    shutil.rmtree(target, ignore_errors=True)
    print(f"Building a keyring store of {guests:,} guests in {target} …", file=sys.stderr,
          flush=True)
    done = subprocess.run([sys.executable, "-m", "app", "demo-data", "--data-dir", str(target),
                           "--guests", str(guests)], cwd=ROOT, capture_output=True, text=True,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"demo-data failed ({done.returncode}):\n{done.stderr[-2000:]}")
    return target


def _median_after_warmup(cmd: list[str], env: dict[str, str], runs: int) -> float:
    time_to_ready(cmd, env)
    return statistics.median(time_to_ready(cmd, env) for _ in range(runs))


def bare_qt_once(pycache: Path) -> Callable[[], float]:
    """One start of bench/bare_qt.py, in seconds, each time it is called: run in turn with the
    desk's starts, so a ratio compares starts made at the same moments of the load."""
    cmd = [sys.executable, str(Path(__file__).resolve().parent / "bare_qt.py")]
    env = child_env(pycache)
    return lambda: time_to_ready(cmd, env)


def bare_qt_start(runs: int, pycache: Path) -> float:
    """Median seconds for bench/bare_qt.py to show an empty QMainWindow."""
    once = bare_qt_once(pycache)
    once()
    return statistics.median(once() for _ in range(runs))


def desk_start(data_dir: Path, passphrase: Path, runs: int, pycache: Path) -> float:
    """Median seconds for `python -m app` on ``data_dir`` to be ready for the first search
    (a passphrase store, as bench/run.py builds them; ``main`` measures a keyring store)."""
    cmd = [sys.executable, "-m", "app", "--data-dir", str(data_dir),
           "--passphrase-file", str(passphrase)]
    name, pin = BENCH_STAFF
    env = child_env(pycache, {READY_ENV: "1", STAFF_ENV: name, PIN_ENV: pin})
    return _median_after_warmup(cmd, env, runs)


# --- the command line's own start, and the whole comparison (python bench/startup.py) ---

def interleaved_exits(cmds: dict[str, list[str]], runs: int, pycache: Path
                      ) -> dict[str, float]:
    """Median seconds for each command to finish, run in turn (one of each, ``runs`` times,
    after one warm-up each): a command and its floor see the same moments of the machine's
    load, so their ratio does not move with it (at ~50 ms, a run of one then a run of the
    other could differ by a third on a quiet machine)."""
    env = child_env(pycache)

    def once(cmd: list[str]) -> float:
        started = time.perf_counter()
        done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, timeout=TIMEOUT_S,
                              check=False)
        took = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{cmd[1:]} exited {done.returncode}: {done.stderr[-800:]!r}")
        return took

    for cmd in cmds.values():
        once(cmd)
    seen: dict[str, list[float]] = {name: [] for name in cmds}
    for _ in range(runs):
        for name, cmd in cmds.items():
            seen[name].append(once(cmd))
    return {name: statistics.median(times) for name, times in seen.items()}


def main(argv: list[str] | None = None) -> int:
    """Start-up against its floors, measured in the same run, on this machine's load.

    * ``frontdesk --version`` and ``--help`` against ``python -c "import argparse"``
      (an interpreter that starts and imports argparse): target ≤ 2×;
    * the desk on a keyring store (window shown; sign-in page ready; signed in with the
      search box focused) against a bare Qt window: target ≤ 3× for ready to search.
    """
    import argparse
    import json
    import tempfile

    from bench.build import ensure_store
    from bench.common import bench_dir, passphrase_file, store_dir

    p = argparse.ArgumentParser(prog="bench/startup.py", description=main.__doc__)
    p.add_argument("--guests", type=int, default=2_000,
                   help="size of the demo store the desk opens (default 2,000)")
    p.add_argument("--runs", type=int, default=7, help="runs per figure (after one warm-up); "
                   "the command-line figures are run in turn with their floors")
    p.add_argument("--key", choices=("keyring", "passphrase"), default="keyring",
                   help="where the store's key comes from (default: the keyring, as at a "
                        "desk; a private Secret Service is started when none is running)")
    p.add_argument("--bench-dir", metavar="DIR")
    p.add_argument("--json", metavar="FILE")
    args = p.parse_args(argv)
    if args.key == "keyring" and not keyring_usable():
        if os.environ.get(SECRET_SERVICE_ENV):
            raise SystemExit("bench/startup.py: no usable keyring even inside "
                             "scripts/with-secret-service.sh (is gnome-keyring installed?)")
        script = ROOT / "scripts" / "with-secret-service.sh"
        os.environ[SECRET_SERVICE_ENV] = "1"
        os.execvp("bash", ["bash", str(script), sys.executable, str(Path(__file__).resolve()),
                           *(sys.argv[1:] if argv is None else argv)])
    folder = bench_dir(args.bench_dir)
    pycache = Path(tempfile.mkdtemp(prefix="frontdesk-pycache-"))
    pp = passphrase_file(folder)
    if args.key == "keyring":
        sdir, key_file = keyring_store(folder, args.guests), None
    else:
        sdir, key_file = store_dir(folder, args.guests), pp
        ensure_store(sdir, args.guests, pp)
    load_before = os.getloadavg()
    app = [sys.executable, "-m", "app"]
    exits = interleaved_exits({"floor": [sys.executable, "-c", "import argparse"],
                               "bare": [sys.executable, "-c", "pass"],
                               "version": [*app, "--version"], "help": [*app, "--help"]},
                              args.runs, pycache)
    floor, bare, version, helped = (exits[k] for k in ("floor", "bare", "version", "help"))
    desk = desk_marks(sdir, key_file, args.runs, pycache)
    waiting = background_marks(sdir, key_file, args.runs, pycache)
    qt, qt_waiting = desk["FLOOR"], waiting["FLOOR"]
    load_after = os.getloadavg()
    rows = [("python -c pass", bare, None, None),
            ("python -c 'import argparse' (floor)", floor, None, None),
            ("frontdesk --version", version, version / floor, 2.0),
            ("frontdesk --help", helped, helped / floor, 2.0),
            ("bare Qt window (floor, run in turn with the desk)", qt, None, None),
            ("desk window shown (sign-in page)", desk["WINDOW"], desk["WINDOW"] / qt, None),
            ("sign-in page ready (store open, names listed)", desk["SIGNIN"],
             desk["SIGNIN"] / qt, None),
            (f"desk ready to search, signed in ({args.guests:,} guests)", desk["READY"],
             desk["READY"] / qt, 3.0),
            ("`frontdesk` with a desk waiting (frontdesk --background):", None, None, None),
            ("background desk: `frontdesk` handed over, exited", waiting["EXIT"], None, None),
            ("background desk: bare Qt window (floor, run in turn)", qt_waiting, None, None),
            ("background desk: window shown, names listed", waiting["WINDOW"],
             waiting["WINDOW"] / qt_waiting, None),
            ("background desk: ready to search, signed in", waiting["READY"],
             waiting["READY"] / qt_waiting, 3.0)]
    print(f"Start-up, median of {args.runs} runs after a warm-up, {args.key} store; load "
          f"average {load_before[0]:.1f} before, {load_after[0]:.1f} after, "
          f"{os.cpu_count()} cores")
    for name, secs, ratio, target in rows:
        if secs is None:
            print(f"  {name}")
            continue
        name = name.replace("background desk: ", "  ")
        extra = (f"  {ratio:4.2f}× its floor" + (f" (target ≤ {target:g}×)" if target else "")
                 if ratio else "")
        print(f"  {name:<50} {secs * 1000:7.0f} ms{extra}")
    if args.json:
        Path(args.json).write_text(json.dumps({name: secs for name, secs, _, _ in rows
                                               if secs is not None},
                                              indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
