"""What a demo store's guest book looks like: who is here today and this week, how far back.

    python bench/demo_shape.py --guests 1000000 [--bench-dir DIR] [--day YYYY-MM-DD]

Counts, on a built bench store (bench/build.py), the guests with a visit (not
cancelled) starting today, in the seven days from today (what search ranks as
"this week") and in the fortnight around today, and the visits per calendar year.
A real venue's week is bounded by its rooms and tables, not by the size of its
book (issue #15 item 5, ``app.demo_visits``). Printed, not asserted.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_dir, passphrase_file, store_dir
from bench.measure import open_bench_store
from storage import bench_support


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/demo_shape.py", description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=100_000)
    p.add_argument("--bench-dir", metavar="DIR")
    p.add_argument("--day", type=dt.date.fromisoformat, default=dt.date.today(),
                   help="the store's today (the day it was built)")
    args = p.parse_args(argv)
    folder = bench_dir(args.bench_dir)
    store = open_bench_store(store_dir(folder, args.guests), passphrase_file(folder))
    started = time.perf_counter()
    try:
        day = dt.datetime.combine(args.day, dt.time())

        def guests_in(first: int, days: int) -> int:
            start = day + dt.timedelta(days=first)
            rows = bench_support.guests_visiting(store, start, start + dt.timedelta(days=days))
            return len({gid for gid, _n, _p, _k in rows})

        print(f"{args.guests:,} guests, today {args.day}:")
        for label, first, days in (("today", 0, 1), ("today and the coming six days", 0, 7),
                                   ("the fortnight around today", -7, 15)):
            n = guests_in(first, days)
            print(f"  guests with a visit {label}: {n:,} ({100 * n / args.guests:.3f}%)")
        years: Counter[int] = Counter()
        for year in range(args.day.year - 20, args.day.year + 1):
            rows = bench_support.guests_visiting(store, dt.datetime(year, 1, 1),
                                                 dt.datetime(year + 1, 1, 1))
            if rows:
                years[year] = len(rows)
        print("  visits per year: " + ", ".join(f"{y}: {n:,}" for y, n in sorted(years.items())))
        print(f"  visits in all: {sum(years.values()):,} "
              f"({sum(years.values()) / args.guests:.2f} per guest)")
    finally:
        store.close()
    print(f"({time.perf_counter() - started:.1f} s; load average (1 min) "
          f"{os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
