"""Erasing one guest on a big store: FTS5 secure-delete against the old index rebuild.

    .venv/bin/python bench/erasure.py --guests 1000000     # issue #14 target: <= 300 ms

Works on a copy of the bench store (``<bench-dir>/erasure-g<N>``, made afresh
each run, since erasing changes it), opened as the app opens it. Measures
``app.erasure.erase_guest`` for guests spread over the table, wall clock,
with everything it does (delete + cascade, ledger row, audit event,
secure-delete of the search tokens, copies removed, WAL truncated). The
baseline, measured in the same run on the same copy: the erasure as it was
before (FTS5 delete markers, then ``optimize`` rebuilding the whole index,
then the checkpoint). Prints the load average; quotes medians and the ratio.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app.demo import DEMO_STAFF
from app.views import Role
from bench.build import scratch_store
from bench.common import bench_dir, passphrase_file
from bench.measure import sign_in


def _erase_old_way(store: object, guest_id: int) -> None:
    """The erasure before this change: delete, then optimize the whole index, checkpoint."""
    from app import erasure
    from storage import engine as eng
    from storage import search

    erasure._delete(store, None, guest_id, erasure._now(), via="bench")  # type: ignore[arg-type]
    with store.write() as s:  # type: ignore[attr-defined]
        search.optimize_index(s)
    eng.truncate_wal(store.engine, 3000)  # type: ignore[attr-defined]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1_000_000)
    parser.add_argument("--bench-dir")
    parser.add_argument("--rounds", type=int, default=9)
    parser.add_argument("--baseline-rounds", type=int, default=3)
    parser.add_argument("--json", metavar="FILE")
    args = parser.parse_args(argv)

    from sqlalchemy import text

    from app import erasure
    from app.opening import key_source_for, open_store

    folder = bench_dir(args.bench_dir)
    pass_file = passphrase_file(folder)
    work = scratch_store(folder, args.guests, pass_file, "erasure")
    started = time.perf_counter()
    store = open_store(work, key_source_for(str(pass_file)))
    first_open = time.perf_counter() - started
    try:
        from app.pins import hash_pin
        from storage.bench_support import set_pin_on_copy

        name, pin = next((n, p) for n, r, p in DEMO_STAFF if r == Role.MANAGER)
        # The shared bench stores' PINs may differ from the demo defaults: set it on this copy.
        set_pin_on_copy(store, name, hash_pin(pin))
        manager = sign_in(store, (name, pin))
        with store.read() as s:
            ids = [int(r[0]) for r in s.execute(text(
                "SELECT id FROM guest ORDER BY id"))][:: max(1, args.guests // 50)]
        new: list[float] = []
        for guest_id in ids[: args.rounds]:
            t = time.perf_counter()
            erasure.erase_guest(store, manager, guest_id)
            new.append(time.perf_counter() - t)
        with store.write() as s:   # the old way had no secure-delete
            s.execute(text(
                "INSERT INTO guest_fts(guest_fts, rank) VALUES ('secure-delete', 0)"))
        old: list[float] = []
        for guest_id in ids[args.rounds: args.rounds + args.baseline_rounds]:
            t = time.perf_counter()
            _erase_old_way(store, guest_id)
            old.append(time.perf_counter() - t)
    finally:
        store.close()
        shutil.rmtree(work, ignore_errors=True)
    load = os.getloadavg()
    result = {
        "guests": args.guests, "load_average": load, "first_open_s": first_open,
        "erase_ms": [round(x * 1000, 1) for x in new],
        "erase_median_ms": statistics.median(new) * 1000,
        "baseline_optimize_ms": [round(x * 1000, 1) for x in old],
        "baseline_median_ms": statistics.median(old) * 1000 if old else None,
    }
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {args.guests:,} guests; "
          f"first open of the copy {first_open:.1f} s")
    print(f"erase one guest (secure-delete): median {result['erase_median_ms']:.0f} ms, "
          f"max {max(new) * 1000:.0f} ms over {len(new)}")
    if old:
        ratio = statistics.median(old) / statistics.median(new)
        print(f"baseline (delete + FTS optimize): median {result['baseline_median_ms']:.0f} ms "
              f"over {len(old)}; the new erasure is {ratio:.0f}x faster")
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
