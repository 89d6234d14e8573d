"""The shared store under load: 8 desks looking guests up while a 9th imports 5,000 rows.

    .venv/bin/python bench/shared_store.py --guests 1000000 --bench-dir DIR [--seconds 60]
        [--tight] [--key-ms 150,250] [--pause-s 2,5] [--import-rows 5000] [--profile FILE]
        [--floor]

Issue #14's figure: "Shared store on loopback, 1,000,000 guests, 8 desk processes searching
and opening cards while a 9th imports 5,000 rows". The cluster is ``<bench dir>/pg`` (TLS on
loopback, tests/pg_server.py), kept between runs; its database of N guests is made once by
bench/shared_build.py (``move-store`` from a copy of the local demo store) and kept as a
template: **each run works on a fresh copy of it** (``CREATE DATABASE … TEMPLATE``, a file
copy, timed and printed) that is dropped afterwards, so every run starts from the same
database — the import's guests and the arrivals desk's visits of earlier runs are not in
it (they used to pile up: the name dictionary and today's arrivals grew run after run),
and the import file is the same in every run (``--import-seed``). Each run:

1. **baseline** (no load): the same searches and card reads as raw SQL through psycopg;
2. **load** for ``--seconds``: ``--desks`` desk processes type guests' names a key at a
   time, searching at each key, open the card, pause (bench/shared_desks.py: the pacing
   is printed; ``--tight`` drops every pause, a stress figure); the importer imports a
   ``--import-rows`` CSV through ``app.importing`` (read, map, plan, preview, apply) a few
   seconds in; another desk marks an arrival every ``--arrival-every`` s and a watcher
   (``app.changes.ChangeFeed``) times when each becomes visible to it; a probe repeats the
   raw baseline 4 times a second (raw SQL under the same load);
3. **check**: lost writes (the import's guests and visits, every arrival), the audit chain;
4. **warm baselines**: the raw SQL again, and one desk alone (``--alone-seconds``, tight),
   now that the server's caches hold what the load read (a fresh database reads from disk
   at first: the cold baseline of step 1 shows by how much).

``--floor``: the desks (and the one desk alone) are floor desks (bench/shared_floor.py: raw
psycopg, a key press in one round trip, a card open in two, the app's statements and
guards), everything else the same: what the least a faithful desk costs under this load.
Both print each class of key press and card open (typed length, forgiving, after a change,
during the import's apply) and how many of the slowest twentieth each holds.

Printed, never asserted: p50/p95/max per operation beside the baselines, the figures during
the import's apply step, the time inside the driver (server + network) against the whole,
the CPU the server and the desks used, errors, lost writes, and the load average.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing as mp
import os
import pstats
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_dir, min_max, percentile
from bench.shared_desks import (
    Pacing,
    desk,
    importer,
    open_desk,
    raw_probe,
    raw_queries,
    watcher,
    writer,
)
from bench.shared_floor import breakdown, floor_desk, print_breakdown


def _summary(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
            "max": max(ms) if ms else float("nan")}


def _slowest(desks: list[dict[str, Any]], apply_window: Any, n: int = 6
             ) -> list[dict[str, Any]]:
    """The desks' ``n`` slowest operations, each with where its time went."""
    slow = [dict(s) for r in desks for s in r.get("slow", [])]
    for s in slow:
        s["during_apply"] = bool(apply_window) and (
            apply_window[0] <= s["at"] <= apply_window[1] + s["took"])
    return sorted(slow, key=lambda s: -float(s["took"]))[:n]


def _server_cpu(data: Path) -> float:
    """CPU seconds used so far by the cluster's processes (postmaster and its children)."""
    try:
        master = int((data / "postmaster.pid").read_text(encoding="utf-8").split()[0])
    except (OSError, ValueError, IndexError):
        return float("nan")
    tick = os.sysconf("SC_CLK_TCK")
    total = 0.0
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(entry) == master:   # with the backends that have ended (reaped by it)
            total += sum(int(f) for f in fields[11:15]) / tick
        elif int(fields[1]) == master:
            total += (int(fields[11]) + int(fields[12])) / tick
    return total


def _sample(conninfo: str) -> tuple[int, list[tuple[int, str]], list[tuple[str, Any, Any]]]:
    import psycopg

    with psycopg.connect(conninfo) as conn:
        top = int(conn.execute("SELECT max(id) FROM guest").fetchone()[0])  # type: ignore[index]
        rows = conn.execute("SELECT id, full_name, email, phone FROM guest "
                            "TABLESAMPLE SYSTEM (2) REPEATABLE (7) LIMIT 2000").fetchall()
    # The guests the desks look up; the import file's known guests are found by email.
    return (top, [(int(r[0]), str(r[1])) for r in rows],
            [(str(r[1]), r[2], r[3]) for r in rows if r[2]])


def _counts(conninfo: str) -> tuple[int, int]:
    import psycopg

    with psycopg.connect(conninfo) as conn:
        g = conn.execute("SELECT count(*) FROM guest").fetchone()
        v = conn.execute("SELECT count(*) FROM visit").fetchone()
    return int(g[0]), int(v[0])  # type: ignore[index]


def _ops(results: list[dict[str, Any]], kind: str, window: tuple[float, float] | None = None
         ) -> list[float]:
    return [took for r in results if r.get("role") == "desk" for at, took in r[kind]
            if window is None or window[0] <= at <= window[1] + took]


class _Box:
    """A queue of one item for running a desk in this process."""

    def __init__(self) -> None:
        self.item: dict[str, Any] = {}

    def put(self, item: dict[str, Any]) -> None:
        self.item = item


def _alone(url: str, desk_pw: str, targets: list[tuple[int, str]], seconds: float,
           floor: tuple[Any, ...] | None = None) -> dict[str, Any]:
    """One desk with no other desk running (tight): the app's own cost at this machine load
    (``floor``: the floor desk's, with these extra arguments)."""
    box = _Box()
    if seconds > 0:
        tight = Pacing((0.0, 0.0), (0.0, 0.0))
        if floor is not None:
            floor_desk(url, desk_pw, targets, tight, seconds, 1000, box, *floor)
        else:
            desk(url, desk_pw, targets, tight, seconds, 1000, box)
    return box.item


def _floor_args(plans_kept: bool = False) -> tuple[Any, ...]:
    """A floor desk's roles (as ``app.guests`` asks the server to check them) and staff."""
    from app.guests import _roles_that
    from app.permissions import Action
    from bench.shared_desks import DESK_STAFF

    return ((_roles_that(Action.SEARCH_GUESTS), _roles_that(Action.VIEW_GUEST)),
            DESK_STAFF[0], plans_kept)


def run_load(args: argparse.Namespace, server: Any, url: str, desk_pw: str, db: str
             ) -> dict[str, Any]:
    from bench.import_bench import write_export

    admin = server.admin_conninfo(db)
    top_id, targets, known = _sample(admin)
    words = sorted({w for _, n in targets for w in n.split() if len(w) >= 3})
    pacing = Pacing((0.0, 0.0), (0.0, 0.0)) if args.tight else Pacing(
        min_max(args.key_ms), min_max(args.pause_s), args.found_in)
    export = bench_dir(args.bench_dir) / "pgwork" / f"shared-import-{args.import_rows}.csv"
    export.parent.mkdir(parents=True, exist_ok=True)
    # The same file as every shared-store figure so far (the desks' latency is measured
    # here, not the import's own cost; the shared store keeps no name-pair table).
    write_export(export, args.import_rows, known, seed=args.import_seed, real_names=False)
    base = raw_queries(admin, words, top_id, 300)   # also warms the server's caches
    guests_before, visits_before = _counts(admin)
    ctx = mp.get_context("spawn")
    out, events, ready = ctx.Queue(), ctx.Queue(), ctx.Event()
    arrivals = args.arrival_every > 0
    watch = ctx.Process(target=watcher, args=(url, desk_pw, ready, events, out))
    if arrivals:
        watch.start()
        ready.wait(60)
    load_before, cpu_before = os.getloadavg(), _server_cpu(server.data)
    floor = _floor_args(args.floor == "plans-kept") if args.floor else None
    procs = [ctx.Process(target=floor_desk, args=(
        url, desk_pw, targets, pacing, args.seconds, i, out, *floor))
        if floor is not None else ctx.Process(target=desk, args=(
            url, desk_pw, targets, pacing, args.seconds, i, out,
            args.profile if i == 0 else None)) for i in range(args.desks)]
    if args.import_rows:
        procs.append(ctx.Process(target=importer, args=(url, desk_pw, str(export),
                                                        args.import_after, out)))
    if arrivals:
        procs.append(ctx.Process(target=writer, args=(url, desk_pw, top_id, args.seconds,
                                                      args.arrival_every, out, events)))
    procs.append(ctx.Process(target=raw_probe, args=(admin, words, top_id, args.seconds, out)))
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [out.get(timeout=args.seconds + 900) for _ in range(len(procs) + arrivals)]
    for p in [*procs, watch] if arrivals else procs:
        p.join(60)
    wall = time.monotonic() - started
    load_after, cpu_after = os.getloadavg(), _server_cpu(server.data)
    # With the caches warm and no other desk of this run: raw SQL and one desk alone.
    warm = raw_queries(admin, words, top_id, 300)
    alone = _alone(url, desk_pw, targets, args.alone_seconds, floor)
    load_end = os.getloadavg()
    guests_after, visits_after = _counts(admin)
    imp = next((r for r in results if r.get("role") == "import"), {})
    writes = [v for r in results for v in r.get("writes", [])]
    import psycopg

    with psycopg.connect(admin) as conn:
        kept = int(conn.execute(  # type: ignore[index]
            "SELECT count(*) FROM visit WHERE id = ANY(%s) AND status = 'arrived'",
            (writes,)).fetchone()[0])
    store = open_desk(url, desk_pw)
    try:
        from app.verify import verify_store

        chain_ok = verify_store(store).ok
    finally:
        store.close()
    desks = [r for r in results if r.get("role") == "desk"]
    apply_window = imp.get("apply_window")
    report: dict[str, Any] = {
        "floor": args.floor or False, "guests": args.guests, "desks": args.desks,
        "seconds": args.seconds,
        "pacing": pacing.describe(), "wall_s": wall, "arrivals": arrivals,
        "search_ms": _summary(_ops(results, "search")),
        "card_ms": _summary(_ops(results, "card")),
        "search_baseline_ms": _summary(base["search"]),
        "card_baseline_ms": _summary(base["card"]),
        "search_baseline_warm_ms": _summary(warm["search"]),
        "card_baseline_warm_ms": _summary(warm["card"]),
        "search_raw_under_load_ms": _summary([v for r in results for v in r.get("raw_search", [])]),
        "card_raw_under_load_ms": _summary([v for r in results for v in r.get("raw_card", [])]),
        "search_alone_ms": _summary([t for _, t in alone.get("search", [])]),
        "card_alone_ms": _summary([t for _, t in alone.get("card", [])]),
        "statements_per_search": percentile([n for r in desks for n in r["search_statements"]],
                                            50),
        "statements_per_card": percentile([n for r in desks for n in r["card_statements"]], 50),
        "search_in_driver_ms": _summary([v for r in desks for v in r["search_db"]]),
        "card_in_driver_ms": _summary([v for r in desks for v in r["card_db"]]),
        "longest_desk_wait_ms": max([*_ops(results, "search"), *_ops(results, "card")],
                                    default=0) * 1000,
        # Each desk's first search and card open run in a process that has just started,
        # with the other desks starting at the same moment (cold code paths, the first
        # statements of their kind, the first counted search event): apart, as a desk
        # signed in a while ago does not pay for them.
        "longest_desk_wait_after_first_ms": max(
            [took for r in desks for kind in ("search", "card") for _, took in r[kind][1:]],
            default=0) * 1000,
        "slowest": _slowest(desks, apply_window),
        "gc_full_n": sum(r.get("gc_n", [0, 0, 0])[2] for r in desks),
        "gc_full_s": sum(r.get("gc_s", [0.0, 0.0, 0.0])[2] for r in desks),
        "gc_s": sum(sum(r.get("gc_s", [0.0])) for r in desks),
        "keys_per_guest": percentile([k for r in desks for k in r["keys"]], 50),
        "guests_not_in_first": sum(len(r["missed"]) for r in desks),
        "lookups": sum(len(r["keys"]) for r in desks),
        "errors": [e for r in results for e in r.get("errors", [])],
        "import": {k: v for k, v in imp.items() if k not in ("role", "window", "apply_window")},
        "writes": len(writes), "arrivals_lost": len(writes) - kept,
        "guests_before": guests_before, "visits_before": visits_before,
        "guests_lost": guests_before + int(imp.get("guests_created", 0)) - guests_after,
        "visits_lost": visits_before + int(imp.get("visits", 0)) + len(writes) - visits_after,
        "mark_arrived_ms": _summary([v for r in results for v in r.get("mark", [])]),
        "visible_ms": _summary([v for r in results for v in r.get("visible", [])]),
        "unseen_arrivals": sum(r.get("unseen", 0) for r in results),
        "audit_chain_ok": chain_ok,
        "cpu_server_s": cpu_after - cpu_before,
        "cpu_desks_s": sum(r["cpu_s"] for r in desks),
        "loadavg_before": load_before, "loadavg_after": load_after, "loadavg_end": load_end,
        "by_class": breakdown(desks, apply_window),
        "search_cpu_ms": _summary([v for r in desks for v in r.get("search_cpu", [])]),
        "card_cpu_ms": _summary([v for r in desks for v in r.get("card_cpu", [])]),
        "search_alone_cpu_ms": _summary(alone.get("search_cpu", [])),
        "card_alone_cpu_ms": _summary(alone.get("card_cpu", [])),
    }
    if args.floor:   # the server's CPU per operation: each floor desk's two backends
        n_search = sum(len(r["search"]) for r in desks)
        n_card = sum(len(r["card"]) for r in desks)
        report["backend_ms_per_search"] = 1000 * sum(
            r.get("backend_search_cpu_s", 0.0) for r in desks) / max(n_search, 1)
        report["backend_ms_per_card"] = 1000 * sum(
            r.get("backend_card_cpu_s", 0.0) for r in desks) / max(n_card, 1)
    if apply_window:
        report["search_during_apply_ms"] = _summary(_ops(results, "search", apply_window))
        report["card_during_apply_ms"] = _summary(_ops(results, "card", apply_window))
    return report


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--guests", type=int, default=1_000_000)
    ap.add_argument("--desks", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--bench-dir")
    ap.add_argument("--json")
    ap.add_argument("--tight", action="store_true",
                    help="no pause between keystrokes or guests (a stress figure)")
    ap.add_argument("--key-ms", default="150,250", help="time between keystrokes, MIN,MAX")
    ap.add_argument("--pause-s", default="2,5",
                    help="pause after a card before the next guest, MIN,MAX seconds")
    ap.add_argument("--found-in", type=int, default=5,
                    help="typing stops once the guest is among this many results")
    ap.add_argument("--import-rows", type=int, default=5000, help="0: no import")
    ap.add_argument("--import-after", type=float, default=5.0)
    ap.add_argument("--import-seed", type=int, default=1,
                    help="the import file's names (the same file in every run)")
    ap.add_argument("--arrival-every", type=float, default=1.0,
                    help="seconds between arrivals marked by another desk (0: none)")
    ap.add_argument("--alone-seconds", type=float, default=15.0,
                    help="after the load, one desk alone (tight) for this long: the app's own "
                    "cost with warm caches")
    ap.add_argument("--floor", nargs="?", const="plain", choices=("plain", "plans-kept"),
                    help="floor desks (bench/shared_floor.py) instead of the app's; "
                    "plans-kept: each statement prepared and planned once")
    ap.add_argument("--profile", metavar="FILE", help="cProfile desk 0's searches and "
                    "card opens into FILE and print its top functions")
    args = ap.parse_args(argv)
    from bench.shared_build import (
        DESK_ROLE,
        build_by_move,
        db_name,
        drop_run,
        fresh_run,
        passwords,
        ready,
        run_db_name,
        settle,
    )
    from tests.pg_server import PgServer

    folder = bench_dir(args.bench_dir)
    owner_pw, desk_pw = passwords(folder)
    server = PgServer.start(folder / "pg")
    try:
        db, run = db_name(args.guests), run_db_name(args.guests)
        if not ready(server, db, owner_pw, desk_pw):
            build_by_move(server, folder, args.guests, owner_pw, desk_pw)
        settled = settle(server, db)
        copied = fresh_run(server, db, run)
        try:
            report = run_load(args, server, server.url(run, DESK_ROLE), desk_pw, run)
        finally:
            drop_run(server, run)
        report.update(template=db, copy_s=copied, settle_s=settled)
    finally:
        server.stop()
    _print(report)
    if args.profile:
        print(f"\nDesk 0's profile ({args.profile}), top functions by own time:")
        pstats.Stats(args.profile).sort_stats("tottime").print_stats(14)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


def _ordinal(n: int) -> str:
    return {1: "first", 2: "second", 3: "third"}.get(n, f"{n}th")


def _print(r: dict[str, Any]) -> None:
    def line(name: str, key: str, *bases: tuple[str, str]) -> None:
        s = r.get(key)
        if not s or not s["n"]:
            return
        text = (f"  {name:<30} p50 {s['p50']:7.1f}  p95 {s['p95']:7.1f}  max {s['max']:8.1f} ms"
                f"  n={s['n']}")
        for label, base in bases:
            b = r[base]
            text += f"\n  {'':<32}{label}: p50 {b['p50']:.2f}, p95 {b['p95']:.2f} ms (n={b['n']})"
        print(text)

    imp = r["import"]
    extra = (" + importer" if imp else "") + (" + arrivals desk" if r["arrivals"] else "")
    desks = (f"FLOOR desks (bench/shared_floor.py, {r['floor']})" if r.get("floor")
             else "desks")
    print(f"Shared store, {r['guests']:,} guests, {r['desks']} {desks}{extra}, "
          f"{r['seconds']:.0f} s; load average {r['loadavg_before'][0]:.2f} -> "
          f"{r['loadavg_after'][0]:.2f} (1 min), {r['loadavg_after'][1]:.2f} (5 min); "
          f"{r['loadavg_end'][0]:.2f} after the warm baselines")
    print(f"  database: a fresh copy of {r['template']} made in {r['copy_s']:.1f} s"
          + (f" (settled as the template first: {r['settle_s']:.0f} s)" if r["settle_s"]
             else "") + ", dropped after the run")
    print(f"  desks: {r['pacing']}")
    floor = r.get("floor")
    line("search (floor key press)" if floor else "search (find_guests)", "search_ms",
         ("raw SQL, before (cold)", "search_baseline_ms"),
         ("raw SQL, after the load (warm)", "search_baseline_warm_ms"),
         ("raw SQL under the same load", "search_raw_under_load_ms"),
         ("inside the driver (server+net)", "search_in_driver_ms"),
         ("one desk alone after the load, tight", "search_alone_ms"))
    line("card open (floor)" if floor else "card open (open_card)", "card_ms",
         ("raw SQL, before (cold)", "card_baseline_ms"),
         ("raw SQL, after the load (warm)", "card_baseline_warm_ms"),
         ("raw SQL under the same load", "card_raw_under_load_ms"),
         ("inside the driver (server+net)", "card_in_driver_ms"),
         ("one desk alone after the load, tight", "card_alone_ms"))
    line("  the desk's CPU per search", "search_cpu_ms", ("alone after the load, tight",
                                                          "search_alone_cpu_ms"))
    line("  the desk's CPU per card open", "card_cpu_ms", ("alone after the load, tight",
                                                           "card_alone_cpu_ms"))
    if "backend_ms_per_search" in r:
        print(f"  the server's CPU (the floor desks' backends): {r['backend_ms_per_search']:.2f}"
              f" ms per search, {r['backend_ms_per_card']:.2f} ms per card open")
    line("search during import apply", "search_during_apply_ms")
    line("card open during import apply", "card_during_apply_ms")
    line("mark arrived (set_status)", "mark_arrived_ms")
    line("arrival visible elsewhere", "visible_ms")
    if imp.get("rows"):
        print(f"  import of {imp['rows']:,} rows: total {imp['total_s']:.1f} s (read+plan "
              f"{imp['plan_s']:.1f}, preview {imp['preview_s']:.1f}, apply {imp['apply_s']:.1f});"
              f" {imp['guests_created']:,} guests created, {imp['guests_matched']:,} matched, "
              f"{imp['visits']:,} visits")
    print(f"  statements per search {r['statements_per_search']:.0f}, per card open "
          f"{r['statements_per_card']:.0f} (median)")
    print(f"  {r['lookups']} guests looked up, median {r['keys_per_guest']:.0f} keys each, "
          f"{r['guests_not_in_first']} not among the first results after the whole name")
    print(f"  longest desk wait {r['longest_desk_wait_ms']:.0f} ms (after each desk's first "
          f"search and card open: {r['longest_desk_wait_after_first_ms']:.0f} ms); errors "
          f"{len(r['errors'])} "
          f"{sorted(set(r['errors']))[:5]}; lost: guests {r['guests_lost']}, visits "
          f"{r['visits_lost']}, arrivals {r['arrivals_lost']} of {r['writes']}; arrivals never "
          f"seen {r['unseen_arrivals']}; audit chain ok: {r['audit_chain_ok']}")
    print(f"  desks' garbage collection: {r['gc_s']:.2f} s in all, {r['gc_full_n']} full "
          f"collections taking {r['gc_full_s']:.2f} s")
    for s in r["slowest"]:
        print(f"  slow {s['kind']:<6} {s['took'] * 1000:6.0f} ms: in the driver "
              f"{s['db'] * 1000:5.0f} ms ({s['statements']} statements), GC {s['gc'] * 1000:4.0f} "
              f"ms, own CPU {s['cpu'] * 1000:4.0f} ms"
              + (f", typed {s['typed']!r}" if s["kind"] == "search" else "")
              + (f", the desk's {_ordinal(s['nth'])} {s['kind']}" if "nth" in s else "")
              + (", during the import's apply" if s["during_apply"] else "")
              + f"; longest statement {s['longest'][0] * 1000:.0f} ms: {s['longest'][1]!r}")
    print_breakdown(r.get("by_class", {}))
    print(f"  CPU used in {r['wall_s']:.0f} s: server {r['cpu_server_s']:.1f} s, desk "
          f"processes {r['cpu_desks_s']:.1f} s (2 cores = {2 * r['wall_s']:.0f} s)")


if __name__ == "__main__":
    sys.exit(main())
