"""Search quality and speed on a demo store: does the wanted guest come up in the first five?

    python bench/search_quality.py --guests 100000 [--per-kind 200] [--bench-dir DIR]

Builds (or reuses) the demo store of N guests (bench/build.py), then generates
seeded queries the way a receptionist types after hearing a name, each with the
guest it is meant to find, and runs them through ``app.guests.find_guests`` (the
desk's call) as a receptionist:

* ``typo_surname``  — the full name with one edit (a letter changed, dropped, added
  or two swapped) in the surname; ``typo_full`` — one edit anywhere in the full name;
* ``sound_alike``   — one spelling said alike (th/t, ij/y/ei, ks/x, dt/t, a doubled or
  undoubled letter, ü/ue, c/k, ph/f, sch/s, "van der"→"vd", a dropped "de");
* ``surname_only``  — the surname alone, correctly spelt;
* ``phone_*``       — the guest's number as "06 1234 5678", "0612345678",
  "06-12345678", "+31612345678" and "0031 6 12345678" (demo numbers are stored as
  "+31 6 12345678");
* ``room``          — the room or table number of a guest arriving or booked today
  ("312", "T12" typed as "table 12");
* ``exact_today``   — the exact full name of a guest arriving or booked today;
* ``prefix``        — the first four letters of a full name (latency only).

The wanted guests of the name queries are guests arriving or booked today ("today"),
or today or in the coming six days ("upcoming": whom the desk looks up), and
guests picked anywhere in the table ("anyone"), for whom namesakes set a ceiling:
with k guests of the same name and nothing else to go on, the wanted one is in
the first five only by luck. The ceiling column is the share of queries whose
wanted guest has at most 5 namesakes (itself included) among the guests search
cannot tell apart: for "anyone" the whole table; for "upcoming" the guests with a
visit in the same seven days, for "today" those with one today (search ranks those
first, so only namesakes in the same pool compete). "name 1st" counts a query as right when the
wanted guest is in the first five or the first result has the wanted full name
(the typo was understood; only namesakes stand in the way).

Latency: p50/p95 of each kind through ``find_guests`` (as many guests a key press as the
desk lists, ``app.guests.SEARCH_LIMIT``, or ``--limit``); the baseline is the same FTS5
query (50 guests) without ranking or forgiveness (``storage.search.search_guest_rows``, the search
as it was), timed interleaved with it. Wall-clock time on a shared machine is mostly
waiting for a core, so the pooled lines also give this process's CPU time per call
(``time.process_time``), which the load barely moves. The garbage collector runs as
the desk's does (off while the store opens, then the objects made so far frozen out of its
scans: ``ui.main.startup_done``). Merge and undo of two profiles with 50 visits
each are timed 10 times. Printed, not asserted; docs/performance.md holds the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import os
import random
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import guests, merge, staff
from app.views import Actor
from bench.build import ensure_store
from bench.common import bench_dir, own_state_folder, passphrase_file, percentile, store_dir
from bench.measure import open_bench_store, sign_in
from storage import bench_support, name_keys
from ui.main import startup_done  # the desk's collector policy (no Qt at its module level)

LETTERS = "abcdefghijklmnopqrstuvwxyz"
PHONE_FORMATS: dict[str, Callable[[str], str]] = {
    "phone_spaced": lambda d: f"06 {d[:4]} {d[4:]}",
    "phone_plain": lambda d: f"06{d}",
    "phone_dash": lambda d: f"06-{d}",
    "phone_e164": lambda d: f"+316{d}",
    "phone_0031": lambda d: f"0031 6 {d}",
}
SOUND_RULES: tuple[tuple[str, str], ...] = (
    ("th", "t"), ("Th", "T"), ("ij", "y"), ("ei", "ij"), ("ey", "ij"), ("ay", "ai"),
    ("y", "ij"), ("x", "ks"), ("ks", "x"), ("dt", "t"), ("ss", "s"), ("nn", "n"),
    ("kk", "k"), ("ll", "l"), ("tt", "t"), ("mm", "m"), ("ee", "e"), ("aa", "a"), ("oo", "o"),
    ("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("C", "K"), ("K", "C"), ("ph", "f"), ("Sch", "S"),
    ("ie", "i"), ("z", "s"), ("van der ", "vd "), ("van den ", "vd "), ("de ", ""),
    ("s", "ss"), ("n", "nn"), ("tz", "ts"), ("ck", "k"),
)
NAME_KINDS = ("typo_surname", "typo_full", "sound_alike", "surname_only")
FUZZY = {"typo_surname", "typo_full", "sound_alike"}


@dataclass(frozen=True)
class Q:
    kind: str
    pool: str  # "upcoming", "anyone" or "today"
    typed: str
    wanted: int
    name: str  # the wanted guest's full name (for the namesake ceiling)


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def one_edit(word: str, rng: random.Random) -> str:
    """The word with one letter changed, dropped, added or two neighbours swapped."""
    for _ in range(20):
        i = rng.randrange(len(word))
        op = rng.choice(("sub", "del", "ins", "swap"))
        if op == "sub":
            out = word[:i] + rng.choice(LETTERS) + word[i + 1:]
        elif op == "del" and len(word) > 3:
            out = word[:i] + word[i + 1:]
        elif op == "ins":
            out = word[:i] + rng.choice(LETTERS) + word[i:]
        elif op == "swap" and i < len(word) - 1:
            out = word[:i] + word[i + 1] + word[i] + word[i + 2:]
        else:
            continue
        if name_keys.fold(out) != name_keys.fold(word) and out.strip() == out:
            return out
    return word


def split_name(full: str) -> tuple[str, str]:
    """(given names, surname with its particles): "Kees van den Berg" → ("Kees", "van den Berg")."""
    parts = full.split(" ")
    for i, p in enumerate(parts[1:], 1):
        if name_keys.is_particle(p) or i == len(parts) - 1:
            return " ".join(parts[:i]), " ".join(parts[i:])
    return full, full


def main_word(surname: str) -> tuple[str, str]:
    """(particles + " ", the surname's own last word) of a surname."""
    words = surname.split(" ")
    return " ".join(words[:-1]) + (" " if len(words) > 1 else ""), words[-1]


def sound_alike(full: str, rng: random.Random) -> str | None:
    rules = [(a, b) for a, b in SOUND_RULES if a in full]
    rng.shuffle(rules)
    for a, b in rules:
        # A particle ("de ", "van der ") only as a word of its own: not the "de " of
        # "Davide Romano", which would run two words together.
        starts = [i for i in range(len(full)) if full.startswith(a, i) and
                  (not a.endswith(" ") or i == 0 or full[i - 1] == " ")]
        if not starts:
            continue
        i = rng.choice(starts)
        out = full[:i] + b + full[i + len(a):]
        if name_keys.fold(out) != name_keys.fold(full) and len(out.split()) >= 2:
            return out
    return None


def name_queries(pool: str, people: Sequence[tuple[int, str]], rng: random.Random
                 ) -> list[Q]:
    out: list[Q] = []
    for gid, full in people:
        given, surname = split_name(full)
        particles, last = main_word(surname)
        if len(last) >= 3:
            out.append(Q("typo_surname", pool, f"{given} {particles}{one_edit(last, rng)}",
                         gid, full))
        words = full.split(" ")
        k = rng.choice([i for i, w in enumerate(words) if len(w) >= 3 and
                        not name_keys.is_particle(w)] or [0])
        words[k] = one_edit(words[k], rng)
        out.append(Q("typo_full", pool, " ".join(words), gid, full))
        alike = sound_alike(full, rng)
        if alike:
            out.append(Q("sound_alike", pool, alike, gid, full))
        out.append(Q("surname_only", pool, surname, gid, full))
    return out


def build_queries(store: object, per_kind: int, seed: int, day: dt.date) -> list[Q]:
    rng = random.Random(seed)
    start = dt.datetime.combine(day, dt.time())
    week = bench_support.guests_visiting(store, start, start + dt.timedelta(days=7))  # type: ignore[arg-type]
    upcoming = list({gid: (gid, name) for gid, name, _p, _k in week}.values())
    rng.shuffle(upcoming)
    anyone = [(gid, name) for gid, name, _ in
              bench_support.sample_guests(store, per_kind, seed)]  # type: ignore[arg-type]
    qs = name_queries("upcoming", upcoming[:per_kind], rng)
    qs += name_queries("anyone", anyone, rng)
    today = bench_support.guests_visiting(store, start, start + dt.timedelta(days=1))  # type: ignore[arg-type]
    qs += name_queries("today", list({gid: (gid, name) for gid, name, _p, _k in today}
                                     .values())[:per_kind], rng)
    for gid, name, place, kind in today[:per_kind]:
        typed = place if kind == "stay" else f"table {place.removeprefix('T')}"
        qs.append(Q("room", "today", typed, gid, name))
        qs.append(Q("exact_today", "today", name, gid, name))
    phones = bench_support.sample_guests(store, per_kind, seed + 1, with_phone=True)  # type: ignore[arg-type]
    for gid, name, phone in phones:
        digits = "".join(ch for ch in phone or "" if ch.isdigit())
        if not digits.startswith("316") or len(digits) != 11:
            continue
        for kind, fmt in PHONE_FORMATS.items():
            qs.append(Q(kind, "anyone", fmt(digits[3:]), gid, name))
    for gid, name in anyone:
        qs.append(Q("prefix", "anyone", name[:4], gid, name))
    rng.shuffle(qs)
    return qs


@dataclass
class Result:
    q: Q
    hit: bool  # the wanted guest is among the first five
    right_name: bool  # ... or the first result carries the wanted guest's full name
    ms: float
    base_ms: float
    cpu_ms: float = 0.0  # this process's CPU time for the find_guests call (load-proof)
    base_cpu_ms: float = 0.0


def run(store: object, actor: Actor, qs: Sequence[Q], day: dt.date,
        limit: int = guests.SEARCH_LIMIT) -> list[Result]:
    out = []
    for q in qs:
        c, t = time.process_time(), time.perf_counter()
        found = guests.find_guests(store, actor, q.typed, limit, day=day)  # type: ignore[arg-type]
        ms, cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        c, t = time.process_time(), time.perf_counter()
        bench_support.unranked_search(store, q.typed)  # type: ignore[arg-type]
        base, base_cpu = (time.perf_counter() - t) * 1000, (time.process_time() - c) * 1000
        hit = q.wanted in [g.id for g in found[:5]]
        out.append(Result(q, hit, hit or bool(found and found[0].full_name == q.name), ms,
                          base, cpu, base_cpu))
    return out


def time_merges(store: object, manager: Actor, rounds: int = 10) -> tuple[list[float], list[float]]:
    start = dt.datetime(2025, 1, 6, 15)
    a = bench_support.add_guest_with_visits(store, "Bench Mergetest", 50, start)  # type: ignore[arg-type]
    b = bench_support.add_guest_with_visits(store, "Bench Mergetest", 50,  # type: ignore[arg-type]
                                            start + dt.timedelta(days=3))
    merges, undos = [], []
    try:
        for _ in range(rounds):
            t = time.perf_counter()
            mid = merge.merge_guests(store, manager, a, b)  # type: ignore[arg-type]
            merges.append((time.perf_counter() - t) * 1000)
            t = time.perf_counter()
            merge.undo_merge(store, manager, mid)  # type: ignore[arg-type]
            undos.append((time.perf_counter() - t) * 1000)
    finally:
        bench_support.delete_guests(store, [a, b])  # type: ignore[arg-type]
    return merges, undos


def pool_counts(store: object, day: dt.date, counts: dict[str, int]
                ) -> dict[str, Counter[str]]:
    """Per pool, how many guests carry each full name among those search ranks alike:
    everyone; those with a visit today or in the coming six days; those with one today."""
    start = dt.datetime.combine(day, dt.time())
    out: dict[str, Counter[str]] = {"anyone": Counter(counts)}
    for pool, days in (("upcoming", 7), ("today", 1)):
        rows = bench_support.guests_visiting(store, start, start + dt.timedelta(days=days))  # type: ignore[arg-type]
        out[pool] = Counter({gid: name for gid, name, _p, _k in rows}.values())
    return out


def report(guests_n: int, results: list[Result], counts: dict[str, Counter[str]],
           merges: tuple[list[float], list[float]]) -> dict[str, object]:
    kinds = sorted({(r.q.kind, r.q.pool) for r in results})
    print(f"\nSearch quality, {guests_n:,} guests ({len(counts['anyone']):,} distinct full "
          f"names; {sum(counts['upcoming'].values()):,} guests with a visit in the coming "
          "seven days)")
    print(f"{'kind':<16}{'wanted guests':<14}{'n':>5}{'in top 5':>10}{'name 1st':>10}"
          f"{'ceiling':>9}{'p50 ms':>9}{'p95 ms':>9}{'base p95':>10}")
    figures: dict[str, object] = {"guests": guests_n,
                                  "distinct_full_names": len(counts["anyone"]),
                                  "guests_visiting_in_7_days": sum(counts["upcoming"].values())}
    for kind, pool in kinds:
        rs = [r for r in results if (r.q.kind, r.q.pool) == (kind, pool)]
        share = 100 * sum(r.hit for r in rs) / len(rs)
        named = 100 * sum(r.right_name for r in rs) / len(rs)
        ceiling = 100 * sum(counts[pool].get(r.q.name, 1) <= 5 for r in rs) / len(rs)
        p50, p95 = percentile([r.ms for r in rs], 50), percentile([r.ms for r in rs], 95)
        base = percentile([r.base_ms for r in rs], 95)
        print(f"{kind:<16}{pool:<14}{len(rs):>5}{share:>9.1f}%{named:>9.1f}%{ceiling:>8.0f}%"
              f"{p50:>9.3f}{p95:>9.3f}{base:>10.3f}")
        figures[f"{kind}.{pool}"] = {"n": len(rs), "top5_pct": round(share, 1),
                                     "right_name_pct": round(named, 1),
                                     "ceiling_pct": round(ceiling), "p50_ms": round(p50, 3),
                                     "p95_ms": round(p95, 3), "baseline_p95_ms": round(base, 3)}
    for pool in ("today", "upcoming", "anyone"):
        rs = [r for r in results if r.q.kind in FUZZY and r.q.pool == pool]
        if rs:
            share = 100 * sum(r.hit for r in rs) / len(rs)
            ceiling = 100 * sum(counts[pool].get(r.q.name, 1) <= 5 for r in rs) / len(rs)
            print(f"typos and sound-alikes, {pool}: {share:.1f}% in top 5 "
                  f"(n={len(rs)}, ceiling {ceiling:.0f}%)")
            figures[f"fuzzy.{pool}"] = {"n": len(rs), "top5_pct": round(share, 1),
                                        "ceiling_pct": round(ceiling)}
    for label, pick in (("exact/prefix", lambda r: r.q.kind not in FUZZY),
                        ("fuzzy", lambda r: r.q.kind in FUZZY)):
        rs = [r for r in results if pick(r)]
        p95, base = percentile([r.ms for r in rs], 95), percentile([r.base_ms for r in rs], 95)
        cpu = [r.cpu_ms for r in rs]
        base_cpu = percentile([r.base_cpu_ms for r in rs], 95)
        print(f"latency {label:<13} p50 {percentile([r.ms for r in rs], 50):.3f} ms, "
              f"p95 {p95:.3f} ms (baseline p95 {base:.3f} ms, n={len(rs)}); CPU time p50 "
              f"{percentile(cpu, 50):.3f}, p95 {percentile(cpu, 95):.3f} ms (baseline p95 "
              f"{base_cpu:.3f} ms)")
        figures[f"latency_{label}"] = {
            "p50_ms": round(percentile([r.ms for r in rs], 50), 3), "p95_ms": round(p95, 3),
            "baseline_p95_ms": round(base, 3), "cpu_p50_ms": round(percentile(cpu, 50), 3),
            "cpu_p95_ms": round(percentile(cpu, 95), 3),
            "baseline_cpu_p95_ms": round(base_cpu, 3)}
    m, u = merges
    print(f"merge of two profiles with 50 visits each: median {statistics.median(m):.1f} ms, "
          f"max {max(m):.1f} ms; undo: median {statistics.median(u):.1f} ms, "
          f"max {max(u):.1f} ms ({len(m)} rounds)")
    figures["merge_ms"] = round(statistics.median(m), 1)
    figures["undo_ms"] = round(statistics.median(u), 1)
    print(f"load average (1 min) at the end: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    figures["load_1min_at_end"] = round(os.getloadavg()[0], 2)
    return figures


def main(argv: Sequence[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bench/search_quality.py",
                                description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=100_000)
    p.add_argument("--per-kind", type=int, default=200, help="wanted guests per pool")
    p.add_argument("--bench-dir", metavar="DIR")
    p.add_argument("--seed", type=int, default=5)
    p.add_argument("--json", metavar="FILE")
    p.add_argument("--day", type=dt.date.fromisoformat, default=None,
                   help="the desk's today (YYYY-MM-DD; default: today): the demo data's "
                        "arrivals are around the day it was built, so runs on either side "
                        "of midnight compare only with the same --day")
    p.add_argument("--limit", type=int, default=guests.SEARCH_LIMIT,
                   help="guests a key press lists (default: the desk's, "
                        f"{guests.SEARCH_LIMIT}; sessions up to 11 measured 50). The baseline "
                        "always asks 50, as the search as it was")
    p.add_argument("--without-pairs", action="store_true",
                   help="the search index answers every name combination (the name-pair "
                        "table unused: the baseline of storage.name_pairs)")
    args = p.parse_args(argv)
    if args.without_pairs:
        from storage import search

        search.USE_PAIRS = False
    folder = bench_dir(args.bench_dir)
    pp = passphrase_file(folder)
    sdir = store_dir(folder, args.guests)
    ensure_store(sdir, args.guests, pp)
    # The garbage collector as the desk runs it (ui.main.run_gui): off while the store opens
    # and the desk loads, then what that made frozen out of its scans (``startup_done``).
    gc.disable()
    with own_state_folder("search"):  # every copy of the store has the same store id
        figures = _measure(args, sdir, pp)
    if args.json:
        Path(args.json).write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
    return 0


def _measure(args: argparse.Namespace, sdir: Path, pp: Path) -> dict[str, object]:
    """Open the store, ask every query (after a warm-up of 50), time merges; the report."""
    store = open_bench_store(sdir, pp)
    try:
        actor = sign_in(store)
        manager = staff.sign_in(store, next(s.id for s in staff.list_staff(store)
                                            if s.name == "Eva Visser"), "4826")
        day = args.day or dt.date.today()
        log("Counting namesakes …")
        counts = pool_counts(store, day, bench_support.full_name_counts(store))
        qs = build_queries(store, args.per_kind, args.seed, day)
        # The desk is ready (the bench's own namesake counts and queries frozen with it:
        # the desk holds none of them, so no collection should scan them).
        startup_done()
        log(f"{len(qs)} queries, {args.limit} guests a key press; warming up …")
        log(f"load average (1 min) at the start: {os.getloadavg()[0]:.2f}; day {day}")
        run(store, actor, qs[:50], day, args.limit)
        results = run(store, actor, qs, day, args.limit)
        log("Merging and undoing …")
        merges = time_merges(store, manager)
    finally:
        store.close()
    figures = report(args.guests, results, counts, merges)
    print(f"{args.limit} guests a key press (--limit); the baseline asks 50")
    figures["limit"] = args.limit
    return figures


if __name__ == "__main__":
    sys.exit(main())
