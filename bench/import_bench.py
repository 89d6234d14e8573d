"""Import cost on a large store: a daily 200-row file and a 100,000-row backlog.

    .venv/bin/python bench/import_bench.py --guests 1000000 [--bench-dir DIR] [--repeat N]
        [--json OUT]

Works on a scratch copy of the demo store ``bench/build.py`` made (never the original),
and prints, each beside its baseline measured in the same run:

* 200 rows: time from file to committed import, and the importing process's peak memory;
  baseline: the same number of guest and visit rows inserted by one bare executemany.
* 100,000 rows: the same, while a second process searches and opens cards like a desk
  (each open writes its audit event, so it waits for the import's write lock): the
  longest wait, beside the import's write phase (the time it may hold the lock).

Nothing is asserted: the figures go to docs/performance.md with the load average.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.build import ensure_store, fresh_copy
from bench.common import ROOT, bench_dir, own_state_folder, passphrase_file, store_dir
from bench.measure import open_bench_store
from storage import bench_support


def write_export(path: Path, rows: int, known: list[tuple[str, str | None, str | None]],
                 seed: int, *, real_names: bool = True, real_emails: bool = False) -> None:
    """A PMS export: 30% of rows are guests the store knows (by email), the rest new.

    The new guests have names drawn like the demo's (``app.demo_names``: given names,
    tussenvoegsels, double surnames): what a store writes for a name (its search index
    words, the name-pair table's ordered word pairs, revision 0019) depends on it. With
    ``real_names=False`` they are "Nieuw<seed>x<i>" + one of three surnames, as the
    figures before 2026-11-28 13:00 were measured: two words per name, next to each other
    in every index, so cheaper to write than any real guest book's. Their emails are
    "nieuw<seed>x<i>@example.org", next to each other in the email indexes; with
    ``real_emails`` they are "<first>.<last><i>@<one of five providers>", landing all over
    them as a real file's do (docs/performance.md: about 1.5-2 s more for the guests'
    insert of 100,000 rows)."""
    from app import demo_names

    rng = random.Random(seed)
    names = random.Random(seed + 1)   # its own stream: the other columns stay as they were
    mails = random.Random(seed + 2)   # (and so for the emails' providers)
    lines = ["Reservation no;Last name;First name;E-mail;Phone;Arrival;Departure;Room;Guests;"
             "Remarks"]
    for i in range(rows):
        day, month = 1 + i % 27, 1 + (i // 27) % 12
        if known and rng.random() < 0.3:
            full, email, phone = rng.choice(known)
            first, _, last = full.partition(" ")
        else:
            first, last = f"Nieuw{seed}x{i}", rng.choice(["Jansen", "de Vries", "Bakker"])
            if real_names:
                first, last, _origin = demo_names.pick_name(names)
            email, phone = f"nieuw{seed}x{i}@example.org", None
            if real_emails:
                local = ".".join("".join(part.split()).lower() for part in (first, last))
                email = f"{local}{i}@{mails.choice(_PROVIDERS)}"
        lines.append(f"B{seed}-{i};{last};{first};{email or ''};{phone or ''};"
                     f"{day:02d}-{month:02d}-2027;{day + 1:02d}-{month:02d}-2027;"
                     f"{100 + i % 300};2;wil een rustige kamer")
    path.write_text("\r\n".join(lines) + "\r\n", encoding="utf-8-sig")


_PROVIDERS = ("gmail.com", "hotmail.com", "ziggo.nl", "outlook.com", "kpnmail.nl")


def _python(*args: str, **kw: object) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", *args], cwd=ROOT, text=True,
                            stdout=subprocess.PIPE, **kw)  # type: ignore[call-overload]


def run_import(scratch: Path, passphrase: Path, export: Path, *, with_desk: bool
               ) -> dict[str, object]:
    stop = scratch / "stop-desk"
    stop.unlink(missing_ok=True)
    desk = None
    if with_desk:
        desk = _python("bench.desk_probe", str(scratch), str(passphrase), str(stop))
        assert desk.stdout is not None
        desk.stdout.readline()  # "ready"
        time.sleep(1.0)
    probe = _python("bench.import_probe", str(scratch), str(passphrase), str(export))
    out, _ = probe.communicate()
    result: dict[str, object] = json.loads(out.strip().splitlines()[-1])
    if desk is not None:
        stop.touch()
        desk_out, _ = desk.communicate()
        result["desk"] = json.loads(desk_out.strip().splitlines()[-1])
    return result


def baseline(scratch: Path, passphrase: Path, rows: int) -> float:
    """Seconds to insert ``rows`` guest rows and ``rows`` visit rows with one executemany each
    (and roll back): the raw engine cost of the same writes, without matching or audit."""
    store = open_bench_store(scratch, passphrase)
    try:
        return bench_support.time_raw_inserts(store, rows)
    finally:
        store.close()


def prepare_copy(source: Path, work: Path, passphrase: Path, size: int, folder: Path,
                 *, real_names: bool = True, real_emails: bool = False) -> Path:
    """A fresh copy of the bench store with the demo PINs, and the export to import."""
    from app.demo import DEMO_STAFF
    from app.pins import hash_pin

    scratch = fresh_copy(source, work)
    store = open_bench_store(scratch, passphrase)
    try:
        for name, _role, pin in DEMO_STAFF:  # the shared bench stores may have older PINs
            bench_support.set_pin_on_copy(store, name, hash_pin(pin))
        known = bench_support.sample_contacts(store, 2000, seed=size)
    finally:
        store.close()
    export = folder / f"import-{size}.csv"
    write_export(export, size, known, seed=size, real_names=real_names,
                 real_emails=real_emails)
    return export


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=1_000_000)
    p.add_argument("--bench-dir")
    p.add_argument("--sizes", default="200,100000")
    p.add_argument("--repeat", type=int, default=1, help="runs per size (medians printed)")
    p.add_argument("--json")
    p.add_argument("--real-emails", action="store_true",
                   help="new guests' emails spread like a real file's (<first>.<last><n>@"
                        "provider) instead of nieuw<n>x<i>@example.org, next to each other in "
                        "the email indexes (figures before 2026-11-28 22:00 used those)")
    p.add_argument("--synthetic-names", action="store_true",
                   help='new guests named "Nieuw<n>x<i> Jansen" as before 2026-11-28 13:00 '
                        "(cheaper to index than real names; for comparing with older figures)")
    args = p.parse_args()
    folder = bench_dir(args.bench_dir)
    passphrase = passphrase_file(folder)
    source = store_dir(folder, args.guests)
    ensure_store(source, args.guests, passphrase)
    results: dict[str, object] = {"guests": args.guests, "load_before": os.getloadavg()}
    for size in (int(x) for x in args.sizes.split(",")):
        runs: list[dict[str, object]] = []
        for _ in range(args.repeat):
            work = folder / f"import-scratch-g{args.guests}"
            with own_state_folder("import"):  # every copy has the same store id
                export = prepare_copy(source, work, passphrase, size, folder,
                                      real_names=not args.synthetic_names,
                                      real_emails=args.real_emails)
                base = baseline(work, passphrase, size)
                # What the copy and the baseline left for the disk to write back (its rolled-
                # back log, the demo PINs) is written now, not while the other desk commits.
                os.sync()
                measured = run_import(work, passphrase, export, with_desk=size >= 10_000)
            measured["baseline_raw_insert_s"] = base
            measured["load"] = os.getloadavg()
            shutil.rmtree(work, ignore_errors=True)
            export.unlink(missing_ok=True)
            runs.append(measured)
            _say(size, args.guests, measured)
        results[f"rows_{size}"] = runs
        if len(runs) > 1:
            med = {k: statistics.median(float(r[k]) for r in runs)  # type: ignore[arg-type]
                   for k in ("total_s", "apply_s", "write_s", "baseline_raw_insert_s")}
            line = (f"{size:>7,} rows, median of {len(runs)}: total {med['total_s']:.2f} s, "
                    f"apply {med['apply_s']:.2f} s, write phase {med['write_s']:.2f} s, "
                    f"raw insert baseline {med['baseline_raw_insert_s']:.2f} s")
            desks = [r["desk"] for r in runs if "desk" in r]
            if desks:
                longest = statistics.median(float(d["max_s"]) for d in desks)  # type: ignore[index]
                line += f"; other desk's longest wait {longest:.2f} s"
            print(line)
    print(f"load average at the end: {' '.join(f'{x:.2f}' for x in os.getloadavg())} "
          f"({os.cpu_count()} CPUs)")
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


def _say(size: int, guests: int, m: dict[str, object]) -> None:
    load = m["load"]
    assert isinstance(load, tuple)
    print(f"{size:>7,} rows into {guests:,} guests: total {m['total_s']:.2f} s "
          f"(read+plan {m['read_plan_s']:.2f}, preview {m['preview_s']:.2f}, "
          f"apply {m['apply_s']:.2f}, of which write phase {m['write_s']:.2f}, "
          f"{m['preparations']} preparation(s)); CPU {_cpu(m)}; peak {m['maxrss_mb']:.0f} MB; "
          f"raw insert baseline {m['baseline_raw_insert_s']:.2f} s; load {load[0]:.2f}",
          flush=True)
    if "desk" in m:
        d = m["desk"]
        assert isinstance(d, dict)
        print(f"        another desk meanwhile: {d['opens']} card opens, longest wait "
              f"{d['max_s']:.2f} s, p95 {d['p95_s'] * 1000:.0f} ms; {d['searches']} searches, "
              f"longest {d['search_max_s'] * 1000:.0f} ms; errors {d['errors']}; "
              f"{d.get('journal_writes', 0)} card events written beside the store, longest "
              f"{float(str(d.get('journal_max_s', 0.0))) * 1000:.0f} ms", flush=True)
        start, end = (float(str(m.get(k, 0.0))) for k in ("write_from", "write_until"))
        for at, took, what in d.get("slow", [])[:12]:
            began = at - took   # the probe notes the end of each operation
            where = ("began during the write phase" if start <= began <= end else
                     f"began {began - end:.1f} s after it" if began > end else
                     f"began {start - began:.1f} s before it")
            print(f"          slow: {what} {took * 1000:.0f} ms, {where}", flush=True)


def _cpu(m: dict[str, object]) -> str:
    """The CPU seconds beside the wall times (total, read+plan, preview, apply, write)."""
    keys = ("total_cpu_s", "read_plan_cpu_s", "preview_cpu_s", "apply_cpu_s", "write_cpu_s")
    if not all(k in m for k in keys):
        return "not measured"
    total, *rest = (float(str(m[k])) for k in keys)
    return f"{total:.2f} s ({', '.join(f'{x:.2f}' for x in rest)})"


if __name__ == "__main__":
    sys.exit(main())
