"""How well the wording checks generalise: precision and recall per category.

    python bench/wording_eval.py                 # the test half (the figures we report)
    python bench/wording_eval.py --half tuning   # the half lexicons were tuned on
    python bench/wording_eval.py --half both --misses   # also list every miss

Reads the evaluation set in ``tests/data/wording_eval/`` (phrases written
before the lexicons, split into a tuning and a test half; see its README),
checks each phrase in its own language exactly as a label text is checked
(``app.wording.check_wording`` with the built-in rules, not marked special),
and prints per expected category:

* **caught** — the share of phrases the check does not let through as normal
  data: blocked, warned about, or (health) marked as health. For ``clean``,
  the share that *passes* (no block and no health finding; warnings counted
  apart);
* **right category** — the share whose findings include the expected category;
* **precision** — of the phrases the check put in this category, the share
  that were expected in it.

Also the speed: median milliseconds per phrase once the dictionaries are read,
and how long reading them took. Results are in docs/wording-check.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import languages, morphology
from app.wording import WordingResult, check_wording, default_rules
from app.wording_categories import CATEGORIES, Kind

EVAL = Path(__file__).resolve().parent.parent / "tests" / "data" / "wording_eval"
CLEAN = "clean"


@dataclass(frozen=True)
class Row:
    lang: str
    expect: str
    topic: str
    phrase: str


def read(half: str) -> list[Row]:
    names = ["tuning.tsv", "test.tsv"] if half == "both" else [f"{half}.tsv"]
    rows = []
    for name in names:
        for line in (EVAL / name).read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                rows.append(Row(*line.split("\t")))
    return rows


def caught(row: Row, result: WordingResult) -> bool:
    """Did the check keep this phrase from being used as normal data?"""
    if row.expect == CLEAN:
        return not result.blocked and not result.health
    if CATEGORIES[row.expect].kind is Kind.HEALTH:
        return bool(result.health) or bool(result.refused)
    return result.blocked or bool(result.warnings)


def evaluate(rows: list[Row]) -> tuple[dict[str, Counter[str]], list[tuple[Row, WordingResult]],
                                       list[float]]:
    stats: dict[str, Counter[str]] = defaultdict(Counter)
    misses: list[tuple[Row, WordingResult]] = []
    times: list[float] = []
    rules = default_rules()
    for row in rows:
        t0 = time.perf_counter()
        result = check_wording([row.phrase], special_category=False, rules=rules,
                               languages=[row.lang])
        times.append((time.perf_counter() - t0) * 1000)
        s = stats[row.expect]
        s["n"] += 1
        ok = caught(row, result)
        s["caught"] += ok
        if row.expect == CLEAN:
            s["warned"] += bool(result.warnings)
            s["right"] += ok
        else:
            s["right"] += row.expect in result.categories()
        for cat in result.categories():
            stats[cat]["flagged"] += 1
            stats[cat]["flagged_right"] += cat == row.expect
        if not ok:
            misses.append((row, result))
    return stats, misses, times


def table(stats: dict[str, Counter[str]]) -> list[str]:
    order = [*CATEGORIES, CLEAN]
    lines = [f"{'category':<20} {'phrases':>7} {'caught':>8} {'right cat.':>10} "
             f"{'precision':>9}", "-" * 58]
    total = Counter[str]()
    for cat in order:
        s = stats.get(cat)
        if not s or not s["n"]:
            if s and s["flagged"]:
                lines.append(f"{cat:<20} {0:>7} {'':>8} {'':>10} "
                             f"{'(' + str(s['flagged']) + ' flagged)':>9}")
            continue
        prec = f"{100 * s['flagged_right'] / s['flagged']:.1f}%" if s["flagged"] else "—"
        label = "passes" if cat == CLEAN else ""
        lines.append(f"{cat:<20} {s['n']:>7} {100 * s['caught'] / s['n']:>7.1f}% "
                     f"{100 * s['right'] / s['n']:>9.1f}% {prec:>9} {label}")
        if cat != CLEAN:
            total["n"] += s["n"]
            total["caught"] += s["caught"]
    if total["n"]:
        lines.append("-" * 58)
        lines.append(f"{'all non-clean':<20} {total['n']:>7} "
                     f"{100 * total['caught'] / total['n']:>7.1f}%")
    clean = stats.get(CLEAN)
    if clean and clean["n"]:
        lines.append(f"{'clean with a warning':<20} {clean['n']:>7} "
                     f"{100 * clean['warned'] / clean['n']:>7.1f}%")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--half", choices=("test", "tuning", "both", "probe"), default="test",
                   help="probe: a later set never tuned on (see its README)")
    p.add_argument("--misses", action="store_true", help="list every phrase handled wrongly")
    p.add_argument("--lang", help="only this language")
    p.add_argument("--confusions", action="store_true",
                   help="list phrases that also got a category other than the expected one")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    morphology.warm_up(languages.codes())
    check_wording(["warm up"], special_category=False, languages=["en"])
    load_s = time.perf_counter() - t0
    rows = [r for r in read(args.half) if not args.lang or r.lang == args.lang]
    stats, misses, times = evaluate(rows)
    print(f"wording checks on the {args.half} half: {len(rows)} phrases "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(r.lang for r in rows).items()))})")
    print("\n".join(table(stats)))
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"\nspeed: median {statistics.median(times):.2f} ms per phrase "
          f"(max {max(times):.1f} ms); reading dictionaries and lexicons {load_s:.2f} s; "
          f"load average {load:.2f}")
    if args.misses:
        print("\nmisses:")
        for row, result in misses:
            got = ", ".join(f"{f.group}:“{f.matched}”" for f in result.findings) or "nothing"
            print(f"  {row.lang} {row.expect:<20} {row.phrase!r:<50} -> {got}")
    if args.confusions:
        print("\nother categories found:")
        rules = default_rules()
        for row in rows:
            result = check_wording([row.phrase], special_category=False, rules=rules,
                                   languages=[row.lang])
            other = [f for f in result.findings if f.group != row.expect]
            if other and row.expect != CLEAN:
                got = ", ".join(f"{f.group}:“{f.matched}”" for f in other)
                print(f"  {row.lang} {row.expect:<20} {row.phrase!r:<50} -> {got}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
