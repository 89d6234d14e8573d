"""The shared store under load: 8 desks searching and opening cards while a 9th writes.

    .venv/bin/python bench/shared_store.py --guests 1000000 [--seconds 30] [--json out.json]

A PostgreSQL cluster of its own (TLS on loopback, tests/pg_server.py) is kept in
``<bench dir>/pg`` with one database per guest count, built once with the demo data
(``app.demo.build_demo`` through a desk connection) and reused. Each run:

1. **baseline** (no load): the same searches and card reads as raw SQL through psycopg
   (the search's LIKE statement; the card's guest, visits, labels and consents);
2. **load**: ``--desks`` processes, each signed in as a receptionist, alternate a
   type-ahead search (``find_guests``) and a card open (``open_card``, audited) for
   ``--seconds``; a writer process records a visit for today and marks it arrived, over
   and over; a watcher process (``app.changes.ChangeFeed``, as an open desk) times how
   long each arrival takes to become visible to it after the writer's commit;
3. **check**: every arrival the writer reported committed is in the store (lost writes),
   the audit chain verifies.

Printed, never asserted: p50/p95/max per operation beside the baseline, errors, lost
writes, the visibility delay, and the load average before and after.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_dir, percentile

DESK_STAFF = ("Sam Bakker", "3917")
WRITER_STAFF = ("Noor El Amrani", "6148")


def _desk_open(url: str, password: str) -> Any:
    import keyring

    from app import shared_store
    from tests.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())
    shared_store.save_password(url, password)
    return shared_store.open_shared_store(url)


def _sign_in(store: Any, who: tuple[str, str]) -> Any:
    from app import staff

    member = next(m for m in staff.list_staff(store) if m.name == who[0])
    return staff.sign_in(store, member.id, who[1])


def desk(url: str, password: str, words: list[str], top_id: int, seconds: float, seed: int,
         out: Any) -> None:
    """One desk: search, open a card, repeat; send back every latency and every error."""
    from app import guests

    store = _desk_open(url, password)
    actor = _sign_in(store, DESK_STAFF)
    rng = random.Random(seed)
    search: list[float] = []
    card: list[float] = []
    errors: list[str] = []
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        word = rng.choice(words)
        typed = word[: rng.randint(2, len(word))]
        t = time.perf_counter()
        try:
            found = guests.find_guests(store, actor, typed)
            search.append(time.perf_counter() - t)
        except Exception as exc:
            errors.append(type(exc).__name__)
            continue
        gid = found[0].id if found and rng.random() < 0.5 else rng.randint(1, top_id)
        t = time.perf_counter()
        try:
            guests.open_card(store, actor, gid)
            card.append(time.perf_counter() - t)
        except Exception as exc:
            if type(exc).__name__ != "NotFound":
                errors.append(type(exc).__name__)
    store.close()
    out.put({"search": search, "card": card, "errors": errors})


def writer(url: str, password: str, top_id: int, seconds: float, out: Any, events: Any) -> None:
    """The 9th desk: a visit for today, marked arrived; report each commit's time."""
    from app import visits
    from storage.models import VisitKind, VisitStatus

    store = _desk_open(url, password)
    actor = _sign_in(store, WRITER_STAFF)
    rng = random.Random(99)
    done: list[int] = []
    write: list[float] = []
    errors: list[str] = []
    today = dt.datetime.combine(dt.date.today(), dt.time(23, 0))
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        t = time.perf_counter()
        try:
            v = visits.record_visit(store, actor, rng.randint(1, top_id), kind=VisitKind.STAY,
                                    starts_at=today)
            visits.set_status(store, actor, v.id, VisitStatus.ARRIVED)
            committed = time.monotonic()
            write.append(time.perf_counter() - t)
            done.append(v.id)
            events.put((v.id, committed))
        except Exception as exc:
            errors.append(type(exc).__name__)
        time.sleep(0.2)
    events.put(None)
    store.close()
    out.put({"writes": done, "write": write, "errors": errors})


def watcher(url: str, password: str, ready: Any, events: Any, out: Any) -> None:
    """An open desk's change feed: when each arrival became visible here."""
    import queue as q

    from app.changes import ChangeFeed
    from storage.models import Visit, VisitStatus

    store = _desk_open(url, password)
    seen: queue_t = q.Queue()
    feed = ChangeFeed(store, lambda change: seen.put(time.monotonic())).start()
    feed.ready.wait(30)
    ready.set()
    pending: dict[int, float] = {}
    delays: list[float] = []
    finished = False
    give_up = float("inf")  # after the writer is done, wait 10 s more for its last arrivals
    while not (finished and not pending) and time.monotonic() < give_up:
        while True:
            try:
                item = events.get_nowait()
            except q.Empty:
                break
            if item is None:
                finished = True
                give_up = time.monotonic() + 10
            else:
                pending[item[0]] = item[1]
        try:
            at = seen.get(timeout=0.5)
        except q.Empty:
            continue
        if pending:
            with store.read() as s:
                rows = s.query(Visit.id).filter(Visit.id.in_(list(pending)),
                                                Visit.status == VisitStatus.ARRIVED).all()
            for (vid,) in rows:
                delays.append(at - pending.pop(vid))
    feed.stop()
    store.close()
    out.put({"visible": delays, "unseen": len(pending)})


queue_t = Any


def baseline(server: Any, db: str, words: list[str], top_id: int, n: int = 300
             ) -> dict[str, list[float]]:
    """The same work as raw SQL through psycopg (no ORM, no app, no audit write)."""
    import psycopg

    from storage.postgres_schema import SEARCH_COLUMN

    rng = random.Random(5)
    out: dict[str, list[float]] = {"search": [], "card": []}
    with psycopg.connect(server.admin_conninfo(db)) as conn:
        for _ in range(n):
            word = rng.choice(words)
            typed = word[: rng.randint(2, len(word))].lower()
            t = time.perf_counter()
            conn.execute(f"SELECT id, full_name FROM guest WHERE {SEARCH_COLUMN} LIKE %s "
                         "ORDER BY id LIMIT 40", ("% " + typed + "%",)).fetchall()
            out["search"].append(time.perf_counter() - t)
            gid = rng.randint(1, top_id)
            t = time.perf_counter()
            conn.execute("SELECT * FROM guest WHERE id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM visit WHERE guest_id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM assignment WHERE guest_id = %s", (gid,)).fetchall()
            conn.execute("SELECT * FROM consent WHERE guest_id = %s", (gid,)).fetchall()
            out["card"].append(time.perf_counter() - t)
            conn.rollback()
    return out


def single_desk(store: Any, words: list[str], top_id: int, n: int = 60
                ) -> dict[str, list[float]]:
    """One desk alone: the same searches and card opens, through the app (no other load)."""
    from app import guests

    actor = _sign_in(store, DESK_STAFF)
    rng = random.Random(11)
    out: dict[str, list[float]] = {"search": [], "card": []}
    for _ in range(n):
        word = rng.choice(words)
        typed = word[: rng.randint(2, len(word))]
        t = time.perf_counter()
        guests.find_guests(store, actor, typed)
        out["search"].append(time.perf_counter() - t)
        t = time.perf_counter()
        guests.open_card(store, actor, rng.randint(1, top_id))
        out["card"].append(time.perf_counter() - t)
    return out


def build(server: Any, db: str, guests: int, owner_pw: str, desk_pw: str) -> None:
    """Create and fill the database once (demo data through a desk connection)."""
    import psycopg

    from app.demo import build_demo
    from storage import postgres as pg
    from storage import postgres_admin

    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone():
            return
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = 'bench_owner'").fetchone():
            conn.execute(f"CREATE ROLE bench_owner LOGIN CREATEROLE PASSWORD '{owner_pw}'")
        conn.execute(f"CREATE DATABASE {db} OWNER bench_owner")
    owner = pg.parse_address(server.url(db, "bench_owner"))
    postgres_admin.initialise(owner, owner_pw, "bench_desk", desk_pw)
    started = time.perf_counter()
    store = _desk_open(server.url(db, "bench_desk"), desk_pw)
    try:
        build_demo(store, guests, seed=7, progress=lambda d, t: print(
            f"\r  building {d:,}/{t:,}", end="", file=sys.stderr, flush=True))
    finally:
        store.close()
    print(f"\n  built {guests:,} guests in {time.perf_counter() - started:.0f} s",
          file=sys.stderr)


def _summary(values: list[float]) -> dict[str, float]:
    ms = [v * 1000 for v in values]
    return {"n": len(ms), "p50": percentile(ms, 50), "p95": percentile(ms, 95),
            "max": max(ms) if ms else float("nan")}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--guests", type=int, default=1_000_000)
    ap.add_argument("--desks", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--bench-dir")
    ap.add_argument("--json")
    ap.add_argument("--local", metavar="DIR",
                    help="also time one desk alone on this local demo store (frontdesk "
                         "demo-data, passphrase file DIR/../passphrase or --passphrase-file) "
                         "and on the shared store, alternately, for the engines' ratio")
    ap.add_argument("--passphrase-file")
    args = ap.parse_args(argv)
    from tests.pg_server import PgServer

    folder = bench_dir(args.bench_dir)
    secrets_file = folder / "pg-bench-passwords.json"
    folder.mkdir(parents=True, exist_ok=True)
    if secrets_file.exists():
        owner_pw, desk_pw = json.loads(secrets_file.read_text(encoding="utf-8"))
    else:
        import secrets

        owner_pw, desk_pw = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
        secrets_file.write_text(json.dumps([owner_pw, desk_pw]), encoding="utf-8")
        secrets_file.chmod(0o600)
    server = PgServer.start(folder / "pg")
    try:
        db = f"bench_g{args.guests}"
        build(server, db, args.guests, owner_pw, desk_pw)
        url = server.url(db, "bench_desk")
        import psycopg

        with psycopg.connect(server.admin_conninfo(db)) as conn:
            top_id = int(conn.execute("SELECT max(id) FROM guest").fetchone()[0])  # type: ignore[index]
            names = [str(r[0]) for r in conn.execute(
                "SELECT full_name FROM guest TABLESAMPLE SYSTEM (1) LIMIT 2000")]
        words = sorted({w for n in names for w in n.split() if len(w) >= 3})
        base = baseline(server, db, words, top_id)
        alone: dict[str, dict[str, list[float]]] = {}
        if args.local:
            from app.opening import key_source_for, open_store

            local = open_store(Path(args.local), key_source_for(
                args.passphrase_file or Path(args.local).parent / "passphrase"), create=False)
            shared = _desk_open(url, desk_pw)
            try:
                with local.read() as s:
                    from storage import queries

                    local_top = queries.guest_count(s)
                for name, st, top in (("local", local, local_top), ("shared", shared, top_id),
                                      ("local2", local, local_top), ("shared2", shared, top_id)):
                    alone[name] = single_desk(st, words, top, 30)
            finally:
                local.close()
                shared.close()
        load_before = os.getloadavg()
        ctx = mp.get_context("spawn")
        out, events, ready = ctx.Queue(), ctx.Queue(), ctx.Event()
        watch = ctx.Process(target=watcher, args=(url, desk_pw, ready, events, out))
        watch.start()
        ready.wait(60)
        procs = [ctx.Process(target=desk, args=(url, desk_pw, words, top_id, args.seconds,
                                                i, out)) for i in range(args.desks)]
        procs.append(ctx.Process(target=writer, args=(url, desk_pw, top_id, args.seconds,
                                                      out, events)))
        for p in procs:
            p.start()
        results = [out.get(timeout=args.seconds + 300) for _ in range(len(procs) + 1)]
        for p in [*procs, watch]:
            p.join(60)
        load_after = os.getloadavg()
        search = [v for r in results for v in r.get("search", [])]
        card = [v for r in results for v in r.get("card", [])]
        errors = [e for r in results for e in r.get("errors", [])]
        writes = [v for r in results for v in r.get("writes", [])]
        visible = [v for r in results for v in r.get("visible", [])]
        unseen = sum(r.get("unseen", 0) for r in results)
        with psycopg.connect(server.admin_conninfo(db)) as conn:
            kept = int(conn.execute(  # type: ignore[index]
                "SELECT count(*) FROM visit WHERE id = ANY(%s) AND status = 'arrived'",
                (writes,)).fetchone()[0])
        store = _desk_open(url, desk_pw)
        try:
            from app.verify import verify_store

            chain_ok = verify_store(store).ok
        finally:
            store.close()
        report = {
            "guests": args.guests, "desks": args.desks, "seconds": args.seconds,
            "search_ms": _summary(search), "search_baseline_ms": _summary(base["search"]),
            "card_ms": _summary(card), "card_baseline_ms": _summary(base["card"]),
            "longest_desk_wait_ms": max([*search, *card], default=0) * 1000,
            "errors": len(errors), "error_kinds": sorted(set(errors)),
            "writes": len(writes), "lost_writes": len(writes) - kept,
            "visible_ms": _summary(visible), "unseen_arrivals": unseen,
            "audit_chain_ok": chain_ok,
            **{f"alone_{k}_{op}_ms": _summary(v[op]) for k, v in alone.items()
               for op in ("search", "card")},
            "loadavg_before": load_before, "loadavg_after": load_after,
        }
    finally:
        server.stop()
    _print(report)
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2), encoding="utf-8")
    return 0


def _print(r: dict[str, Any]) -> None:
    def line(name: str, key: str, base: str | None = None) -> None:
        s = r[key]
        text = (f"  {name:<28} p50 {s['p50']:7.2f} ms  p95 {s['p95']:7.2f} ms  "
                f"max {s['max']:8.1f} ms")
        if base:
            b = r[base]
            text += f"   (raw SQL p50 {b['p50']:.2f} / p95 {b['p95']:.2f} ms)"
        print(text + f"   n={s['n']}")

    print(f"Shared store, {r['guests']:,} guests, {r['desks']} desks + 1 writer, "
          f"{r['seconds']:.0f} s, load average {r['loadavg_before'][0]:.2f} -> "
          f"{r['loadavg_after'][0]:.2f}")
    line("search (find_guests)", "search_ms", "search_baseline_ms")
    line("card open (open_card)", "card_ms", "card_baseline_ms")
    line("arrival visible elsewhere", "visible_ms")
    for who in ("local", "shared"):
        for op in ("search", "card"):
            runs = [r[k] for k in (f"alone_{who}_{op}_ms", f"alone_{who}2_{op}_ms") if k in r]
            if runs:
                print(f"  one desk alone, {who:<6} {op:<6} p50 "
                      + " / ".join(f"{x['p50']:.1f}" for x in runs) + " ms, p95 "
                      + " / ".join(f"{x['p95']:.1f}" for x in runs) + " ms (two rounds)")
    print(f"  longest desk wait {r['longest_desk_wait_ms']:.0f} ms; errors {r['errors']} "
          f"{r['error_kinds']}; writes {r['writes']}, lost {r['lost_writes']}; arrivals never "
          f"seen {r['unseen_arrivals']}; audit chain ok: {r['audit_chain_ok']}")


if __name__ == "__main__":
    sys.exit(main())
