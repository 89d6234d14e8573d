"""One desk alone on the shared store: where a key press's and a card open's time goes.

    .venv/bin/python bench/shared_alone.py --guests 1000000 --bench-dir DIR [--names 40]
        [--key-ms MIN,MAX] [--pause-s MIN,MAX] [--arrival-every S]
        [--explain MS] [--profile FILE [--cpu]] [--show N] [--json FILE]

On a fresh copy of the bench database (as ``bench/shared_store.py`` makes one), one desk
signed in as a receptionist types ``--names`` guests' names a key at a time (no pause),
searching at every key until the guest is among the first five, then opens the card.
Per operation it prints the wall time, the time inside the driver (server + network:
``bench.shared_desks.DbTimer``), the desk's own CPU time (``getrusage``) and the number of
statements; ``--show N`` lists the statements of the first N guests' key presses and of
every key press slower than 20 ms. The first key press of the process is left out of the
figures (the bench's "first search" is measured there).

``--key-ms MIN,MAX`` paces the keys as the 8-desk bench's desks do (a pause drawn between
MIN and MAX ms before each key; ``--pause-s`` after each card), and ``--arrival-every S``
runs the bench's arrivals desk beside it (another process marking a guest arrived every S
seconds): one paced desk alone, with and without another desk's changes, statement by
statement. The desk runs a change feed as the desk's window does (``ui.change_watch``;
``--no-feed``: none). A key press after which the change counter moved says so in ``--json``
(``"changed"``: the search read the change log, ``storage.postgres_changes``).

``--explain MS``: the server logs the plan of every statement slower than MS with its
buffers (``auto_explain``, loaded for the run's sessions and removed afterwards; the plans
are in ``<bench dir>/pg/server.log``). ``--profile FILE``: cProfile of the desk's calls
(``--cpu``: CPU time instead of wall time), its top functions printed.

Printed, never asserted; the load average at the end. Less noise than the 8-desk bench
on a shared machine: the app's own cost per operation against the server's.
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import os
import pstats
import random
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench import shared_desks
from bench.common import bench_dir, min_max, percentile
from bench.shared_desks import DESK_STAFF, DbTimer, _cpu, open_desk, sign_in

RUN_DB = "bench_alone_run"


def _explain(server: Any, ms: float | None) -> None:
    """Log slow statements' plans for new sessions (``ms`` None: stop)."""
    import psycopg

    with psycopg.connect(server.admin_conninfo("postgres"), autocommit=True) as c:
        if ms is None:
            c.execute("ALTER SYSTEM RESET session_preload_libraries")
            for name in ("log_min_duration", "log_analyze", "log_buffers"):
                c.execute(f"ALTER SYSTEM RESET auto_explain.{name}")  # type: ignore[arg-type]
        else:
            c.execute("LOAD 'auto_explain'")
            c.execute("ALTER SYSTEM SET session_preload_libraries = 'auto_explain'")
            c.execute(f"ALTER SYSTEM SET auto_explain.log_min_duration = "  # type: ignore[arg-type]
                      f"'{ms}ms'")
            c.execute("ALTER SYSTEM SET auto_explain.log_analyze = on")
            c.execute("ALTER SYSTEM SET auto_explain.log_buffers = on")
        c.execute("SELECT pg_reload_conf()")


def run(args: argparse.Namespace, server: Any, url: str, desk_pw: str) -> dict[str, Any]:
    import psycopg

    from app import guests
    from app.changes import ChangeFeed

    with psycopg.connect(server.admin_conninfo(RUN_DB)) as c:
        targets = c.execute("SELECT id, full_name FROM guest TABLESAMPLE SYSTEM (2) "
                            "REPEATABLE (7) LIMIT 2000").fetchall()
        top_id = int(c.execute("SELECT max(id) FROM guest").fetchone()[0])  # type: ignore[index]
    store = open_desk(url, desk_pw)
    actor = sign_in(store, DESK_STAFF)
    guests.warm_up_search(store, actor)   # as the desk's window does once signed in
    # … and its change feed (ui.change_watch): other desks' changes heard as they happen.
    feed = None if args.no_feed else ChangeFeed(store, lambda _change: None).start()
    gc.freeze()
    timer = DbTimer(store.engine)
    texts: list[str] = []
    plain_note = timer.note

    def note(took: float, text: str) -> None:
        texts.append(f"{took * 1000:7.2f} ms  {text[:140]!r}")
        plain_note(took, text)

    timer.note = note  # type: ignore[method-assign]
    prof = (cProfile.Profile(time.process_time) if args.cpu else cProfile.Profile()) \
        if args.profile else None
    rng = random.Random(3)
    pace = random.Random(4)
    key_s = tuple(ms / 1000 for ms in min_max(args.key_ms))
    pause_s = min_max(args.pause_s)
    writer = None
    if args.arrival_every > 0:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        # The 8-desk bench's arrivals desk (bench.shared_desks.writer), until stopped.
        stop, marked, marks = ctx.Event(), ctx.Queue(), ctx.Queue()
        writer = ctx.Process(target=shared_desks.writer,
                             args=(url, desk_pw, top_id, float("inf"), args.arrival_every,
                                   marked, marks, stop))
        writer.start()
        time.sleep(3)   # signed in and marking
    rec: dict[str, list[tuple[float, float, int, float]]] = {"search": [], "card": []}
    ops: list[dict[str, Any]] = []   # every operation with its statements (--json)

    handed: list[tuple[float, float, int, float]] = []

    def hand_over(_found: object) -> None:
        handed.append((time.perf_counter(), timer.total, timer.statements, _cpu()))

    def timed(kind: str, call: Any, label: str, show: bool) -> Any:
        texts.clear()
        db0, n0, c0, t0 = timer.total, timer.statements, _cpu(), time.perf_counter()
        if prof is not None:
            prof.enable()
        try:
            return call()
        finally:
            if prof is not None:
                prof.disable()
            # To the moment the results were handed over (a search's count is written
            # after it, as on the desk's search thread: app.guests.find_guests' hand_over).
            t1, db1, n1, c1 = handed[0] if handed else (
                time.perf_counter(), timer.total, timer.statements, _cpu())
            handed.clear()
            took = t1 - t0
            rec[kind].append((took, db1 - db0, n1 - n0, c1 - c0))
            if args.json:
                ops.append({"kind": kind, "typed": label, "wall": took, "db": db1 - db0,
                            "cpu": c1 - c0, "statements": n1 - n0, "texts": list(texts),
                            "changed": any("WITH ch AS MATERIALIZED" in t for t in texts)})
            if show or took > 0.02:
                print(f"{kind} {label!r}: {took * 1000:.1f} ms, in the driver "
                      f"{(timer.total - db0) * 1000:.1f} ms, {timer.statements - n0} "
                      f"statements, CPU {(_cpu() - c0) * 1000:.1f} ms")
                for t in texts:
                    print("     ", t)

    next_key = time.monotonic()

    def paced() -> None:
        nonlocal next_key
        wait = next_key - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        next_key = time.monotonic() + pace.uniform(*key_s)

    for k in range(args.names):
        gid, name = rng.choice(targets)
        for i in range(1, len(name) + 1):
            typed = name[:i]
            if not typed.strip() or typed.endswith(" "):
                continue
            paced()
            found = timed("search", lambda t=typed: guests.find_guests(
                store, actor, t, hand_over=hand_over), typed, k < args.show)
            if gid in [m.id for m in found[:5]]:
                break
        paced()
        timed("card", lambda g=gid: guests.open_card(store, actor, g), str(gid), k < args.show)
        if pause_s[1] > 0:
            time.sleep(pace.uniform(*pause_s))
            next_key = time.monotonic()
    if writer is not None:
        stop.set()
        while marks.get(timeout=60) is not None:
            pass   # its arrivals' times, not used here (read, so the process can end)
        got = marked.get(timeout=60)
        print(f"arrivals marked by the other desk: {len(got['writes'])}"
              + (f" ({len(got['errors'])} failed)" if got["errors"] else ""))
        writer.join(60)
    if feed is not None:
        feed.stop()
    store.close()
    if prof is not None:
        prof.dump_stats(args.profile)
    if args.json:
        import json

        Path(args.json).write_text(json.dumps(ops), encoding="utf-8")
    return rec


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--guests", type=int, default=1_000_000)
    ap.add_argument("--bench-dir")
    ap.add_argument("--names", type=int, default=40)
    ap.add_argument("--show", type=int, default=0)
    ap.add_argument("--key-ms", default="0,0", help="pause before each key (and card), "
                    "MIN,MAX ms (the 8-desk bench: 150,250)")
    ap.add_argument("--pause-s", default="0,0", help="pause after each card, MIN,MAX s")
    ap.add_argument("--arrival-every", type=float, default=0.0,
                    help="another desk marks an arrival every S seconds (0: none)")
    ap.add_argument("--no-feed", action="store_true", help="no change feed (the desk's "
                    "window runs one: ui.change_watch)")
    ap.add_argument("--explain", type=float, metavar="MS")
    ap.add_argument("--profile", metavar="FILE")
    ap.add_argument("--cpu", action="store_true")
    ap.add_argument("--json", metavar="FILE", help="every operation, its figures and its "
                    "statements (with their times), as JSON")
    args = ap.parse_args(argv)
    from bench.shared_build import DESK_ROLE, db_name, drop_run, fresh_run, passwords
    from tests.pg_server import PgServer

    folder = bench_dir(args.bench_dir)
    _owner_pw, desk_pw = passwords(folder)
    server = PgServer.start(folder / "pg")
    try:
        copied = fresh_run(server, db_name(args.guests), RUN_DB)
        if args.explain is not None:
            _explain(server, args.explain)
        try:
            rec = run(args, server, server.url(RUN_DB, DESK_ROLE), desk_pw)
        finally:
            if args.explain is not None:
                _explain(server, None)
            drop_run(server, RUN_DB)
    finally:
        server.stop()
    print(f"\nOne desk alone, {args.names} guests looked up, on a fresh copy made in "
          f"{copied:.1f} s; load average {os.getloadavg()[0]:.2f} (1 min) at the end; keys "
          f"{args.key_ms} ms apart, {args.pause_s} s after a card, an arrival every "
          f"{args.arrival_every:g} s")
    for kind, vals in rec.items():
        vals = vals[1:] if kind == "search" else vals   # the process's first key press apart
        wall, db, cpu = ([v[i] * 1000 for v in vals] for i in (0, 1, 3))
        print(f"  {kind:<6} n={len(vals)}  wall p50 {percentile(wall, 50):6.2f}  p95 "
              f"{percentile(wall, 95):6.2f}  max {max(wall):6.1f} ms | in the driver p50 "
              f"{percentile(db, 50):6.2f}  p95 {percentile(db, 95):6.2f} | desk CPU p50 "
              f"{percentile(cpu, 50):5.2f}  p95 {percentile(cpu, 95):5.2f} ms | statements "
              f"median {statistics.median(v[2] for v in vals):.0f}, max "
              f"{max(v[2] for v in vals)}")
    if args.profile:
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(20)
    return 0


if __name__ == "__main__":
    sys.exit(main())
