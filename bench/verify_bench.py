"""`frontdesk verify` on a big store: the quick default against ``--full``.

    .venv/bin/python bench/verify_bench.py --guests 1000000     # issue #14 target: quick <= 10 s

Works on a copy of the bench store (``<bench-dir>/verify-g<N>``, made afresh each
run: opening a store may bring its header up to date). Measures, wall clock:

* ``frontdesk verify`` as a desk runs it (a new process: start, key derivation,
  open, quick checks), ``--rounds`` times;
* ``app.verify.verify_store(full=False)`` on the open store, and its parts;
* the baseline for the same work, in the same run: the raw SQL reads the quick
  check makes (the newest events, each table's first and newest rows), without
  hashing or comparing;
* with ``--full``, once: ``verify_store(full=True)`` (every page, the whole chain),
  the depth every ``verify`` had before.

Prints the load average; quotes medians.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import scratch_store
from bench.common import bench_dir, own_state_folder, passphrase_file

ROOT = Path(__file__).resolve().parent.parent


def _raw_baseline(store: object, events: int, rows: int) -> float:
    """The reads the quick check makes, as plain SQL: no hashing, no comparing."""
    from sqlalchemy import text

    t = time.perf_counter()
    with store.engine.connect() as conn:  # type: ignore[attr-defined]
        raw = conn.connection.dbapi_connection
        assert raw is not None
        raw.execute("SELECT * FROM audit_event ORDER BY id DESC LIMIT ?", (events,)).fetchall()
        names = [r[0] for r in raw.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND sql NOT LIKE 'CREATE VIRTUAL%'").fetchall()]
        for name in names:
            raw.execute(f'SELECT * FROM "{name}" LIMIT {rows}').fetchall()
            with contextlib.suppress(Exception):   # a WITHOUT ROWID table
                raw.execute(f'SELECT * FROM "{name}" ORDER BY rowid DESC LIMIT {rows}').fetchall()
        conn.execute(text("SELECT 1"))
        conn.rollback()
    return time.perf_counter() - t


def _anchor_this_copy(store: Any) -> None:
    from storage import audit_anchor

    where = audit_anchor.where_for(store.header.key_source)
    assert where is not None
    with store.read() as s:
        anchor = audit_anchor.compute(s, store.store_id, where)
    if anchor is not None:
        audit_anchor.save(store.store_id, where, anchor)


def cpu_share() -> tuple[float, float]:
    """(wall, CPU) seconds of a fixed CPU-bound task (one scrypt) in a new process: how
    much of a core this machine gives a process right now (wall/CPU = 1 when quiet)."""
    code = ("import hashlib; hashlib.scrypt(b'x', salt=b'y' * 16, n=2**17, r=8, p=1, "
            "maxmem=2**28, dklen=32)")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True)
    wall = time.perf_counter() - t
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1_000_000)
    parser.add_argument("--bench-dir")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--full", action="store_true", help="also time verify --full once")
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    from app import verify
    from app.opening import key_source_for, open_store
    from storage import engine as eng

    folder = bench_dir(args.bench_dir)
    pass_file = passphrase_file(folder)
    work = scratch_store(folder, args.guests, pass_file, "verify")
    # Every copy of a bench store has the same store id, so the anchors other runs wrote
    # for their copies (in the user's state folder) would not match this one: give this
    # run (and its `frontdesk verify` processes) a state folder of its own, holding the
    # anchor of this copy, as a desk that made the store would have.
    own_state = contextlib.ExitStack()
    own_state.enter_context(own_state_folder("verify"))
    result: dict[str, object] = {"guests": args.guests}
    try:
        t = time.perf_counter()
        store = open_store(work, key_source_for(str(pass_file)))
        result["first_open_s"] = time.perf_counter() - t
        _anchor_this_copy(store)
        store.close()

        cli: list[float] = []
        cli_cpu: list[float] = []
        for _ in range(args.rounds):
            t = time.perf_counter()
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            run = subprocess.run([sys.executable, "-m", "app", "verify", "--data-dir", str(work),
                                  "--passphrase-file", str(pass_file)], cwd=ROOT,
                                 capture_output=True, text=True, check=False)
            cli.append(time.perf_counter() - t)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cli_cpu.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
            if run.returncode != 0:
                print(run.stdout, run.stderr, file=sys.stderr)
                raise SystemExit(f"verify failed ({run.returncode})")
        result["cli_quick_s"] = cli
        result["cli_quick_cpu_s"] = cli_cpu
        result["cli_says"] = run.stdout.strip().splitlines()[0]

        t = time.perf_counter()
        store = open_store(work, key_source_for(str(pass_file)))
        result["open_s"] = time.perf_counter() - t
        try:
            quick: list[float] = []
            pages: list[float] = []
            base: list[float] = []
            for _ in range(args.rounds):
                t = time.perf_counter()
                report = verify.verify_store(store, full=False)
                quick.append(time.perf_counter() - t)
                assert report.ok, report.problems
                t = time.perf_counter()
                store.quick_problems()
                pages.append(time.perf_counter() - t)
                base.append(_raw_baseline(store, verify.QUICK_EVENTS, eng.QUICK_ROWS))
            result.update(quick_s=quick, quick_pages_s=pages, baseline_raw_reads_s=base,
                          quick_complete=report.complete)
            if args.full:
                t = time.perf_counter()
                report = verify.verify_store(store, full=True)
                result["full_s"] = time.perf_counter() - t
                result["full_events"] = report.audit_events
                assert report.ok, report.problems
        finally:
            store.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        own_state.close()
    load = os.getloadavg()
    result["load_average"] = load
    result["cpu_share_wall_cpu_s"] = share = cpu_share()
    med = statistics.median
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {args.guests:,} guests; "
          f"a CPU-bound task of {share[1]:.2f} s CPU took {share[0]:.2f} s wall clock")
    print(f"frontdesk verify (quick, new process, open included): median "
          f"{med(cli):.2f} s over {len(cli)}, CPU time {med(cli_cpu):.2f} s (the rest is "
          f"waiting for a core) — \"{result['cli_says'][:40]}…\"")
    print(f"  of which the open (scrypt, checks): {result['open_s']:.2f} s")
    print(f"verify_store(full=False) on the open store: median {med(quick):.2f} s "
          f"(page/row checks {med(pages):.2f} s)")
    print(f"baseline, the same reads as raw SQL: median {med(base):.2f} s")
    if "full_s" in result:
        print(f"verify_store(full=True): {result['full_s']:.1f} s "
              f"({result['full_events']:,} events)")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, default=str) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
