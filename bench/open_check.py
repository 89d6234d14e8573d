"""What checking a store for damage costs at open, on a big store.

    .venv/bin/python bench/open_check.py --guests 1000000

The open (``storage.store``) checks that the file holds whole pages, reads
its first pages through SQLCipher (HMAC-checked) and compares its size with
the page count SQLite expects. A flipped page further in is only found when
something reads it (named "damaged" then) or by ``frontdesk verify``. This
measures, on the same store in the same run: the probe alone (the open's
read before this change: the baseline), the open's checks, and the two
whole-file checks one could run at open instead: ``PRAGMA
cipher_integrity_check`` (every page's HMAC) and ``PRAGMA quick_check``
(every b-tree page). Medians of ``--runs`` runs each, file in the OS cache.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import ensure_store
from bench.common import bench_dir, passphrase_file, store_dir


def _median(runs: int, fn: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--guests", type=int, default=1_000_000)
    parser.add_argument("--bench-dir")
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args(argv)

    from app.opening import key_source_for, open_store
    from storage import engine as eng
    from storage.store import StorePaths

    folder = bench_dir(args.bench_dir)
    pass_file = passphrase_file(folder)
    data = store_dir(folder, args.guests)
    ensure_store(data, args.guests, pass_file)
    source = key_source_for(str(pass_file))
    store = open_store(data, source)   # once: upgrades an older bench store
    key = source.load(store.header, b"")
    store.close()
    paths = StorePaths(data)
    size = paths.db.stat().st_size

    def on_fresh_connection(fn: Callable[[Any], Any]) -> Callable[[], Any]:
        def run() -> Any:
            conn = eng.raw_connect(paths.db, key)
            try:
                return fn(conn)
            finally:
                conn.close()
        return run

    def checks(conn: Any) -> None:
        eng.check_whole_pages(conn, paths.db)
        eng.probe(conn)
        eng.check_page_count(conn, paths.db, paths.sidecars[0])

    def cipher_check(conn: Any) -> None:
        assert conn.execute("PRAGMA cipher_integrity_check").fetchall() == []

    def quick_check(conn: Any) -> None:
        assert conn.execute("PRAGMA quick_check").fetchall() == [("ok",)]

    on_fresh_connection(cipher_check)()   # warm the OS cache with one whole read
    probe = _median(args.runs, on_fresh_connection(eng.probe))
    ours = _median(args.runs, on_fresh_connection(checks))
    whole_open = _median(args.runs, lambda: open_store(data, source).close())
    hmac_all = _median(args.runs, on_fresh_connection(cipher_check))
    quick = _median(args.runs, on_fresh_connection(quick_check))
    load = os.getloadavg()
    print(f"load average {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}; {args.guests:,} guests, "
          f"{size / 2**20:,.0f} MiB file; medians of {args.runs}")
    print(f"probe only (baseline, the open's read before) {probe * 1000:8.1f} ms")
    print(f"open's damage checks (pages, probe, count)    {ours * 1000:8.1f} ms "
          f"({ours / probe:.1f}x the probe)")
    print(f"whole open_store (scrypt key derivation incl.) {whole_open * 1000:8.1f} ms")
    print(f"PRAGMA cipher_integrity_check (every page)    {hmac_all * 1000:8.1f} ms "
          f"({hmac_all / whole_open:.1f}x the whole open)")
    print(f"PRAGMA quick_check (every b-tree page)        {quick * 1000:8.1f} ms "
          f"({quick / whole_open:.1f}x the whole open)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
