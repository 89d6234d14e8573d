"""Another desk at work while something else runs: search, open a card, again and again.

Run by bench/import_bench.py as ``python -m bench.desk_probe DIR PASSPHRASE STOPFILE``.
Each card open writes its audit event, so it needs the store's write lock: the
time it takes is how long a receptionist would wait. Searches only read (their audit
count waits for a free moment). Stops when STOPFILE exists and prints
``{"opens": n, "max_s": …, "p95_s": …, "median_s": …, "errors": n, "searches": n,
"search_max_s": …, "journal_writes": n, "journal_max_s": …}`` (the card events written
beside the store while another desk held it, ``storage.audit_journal``, and the longest).
"""

from __future__ import annotations

import json
import random
import statistics
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import guests
from app.errors import FrontdeskError
from bench.common import percentile
from bench.measure import open_bench_store, sign_in
from storage import bench_support


def main() -> int:
    folder, passphrase, stop = (Path(a) for a in sys.argv[1:4])
    store = open_bench_store(folder, passphrase)
    waits: list[float] = []
    searches: list[float] = []
    slow: list[tuple[float, float, str]] = []   # (wall clock, seconds, what) beyond 0.2 s
    errors = 0
    journal: list[float] = []   # seconds each card event written beside the store took
    deferred = store.defer_event

    def timed_defer(**kw: object) -> bool:
        t = time.perf_counter()
        try:
            return deferred(**kw)  # type: ignore[arg-type]
        finally:
            journal.append(time.perf_counter() - t)

    store.defer_event = timed_defer  # type: ignore[method-assign]
    try:
        actor = sign_in(store)
        ids = bench_support.guests_with_most_visits(store, 200)
        names = bench_support.sample_names(store, 200, seed=5)
        rng = random.Random(5)
        print("ready", flush=True)
        while not stop.exists():
            t, text = time.perf_counter(), rng.choice(names)[:4]
            try:
                guests.find_guests(store, actor, text)
            except FrontdeskError:
                errors += 1
            searches.append(time.perf_counter() - t)
            if searches[-1] > 0.2:
                slow.append((time.time(), searches[-1], f"search {text!r}"))
            t, cpu, beside = time.perf_counter(), time.thread_time(), len(journal)
            try:
                guests.open_card(store, actor, rng.choice(ids))
            except FrontdeskError:
                errors += 1
            waits.append(time.perf_counter() - t)
            if waits[-1] > 0.2:   # its own CPU, and its write beside the store if any
                slow.append((time.time(), waits[-1], "card open (CPU {:.0f} ms{})".format(
                    (time.thread_time() - cpu) * 1000,
                    f", beside the store {journal[-1] * 1000:.0f} ms"
                    if len(journal) > beside else "")))
            time.sleep(0.05)  # a person reads the card before opening the next
    finally:
        store.close()
    print(json.dumps({"opens": len(waits), "errors": errors,
                      "max_s": max(waits, default=0.0), "p95_s": percentile(waits, 95),
                      "median_s": statistics.median(waits) if waits else 0.0,
                      "searches": len(searches), "search_max_s": max(searches, default=0.0),
                      "journal_writes": len(journal), "journal_max_s": max(journal, default=0.0),
                      "slow": slow}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
