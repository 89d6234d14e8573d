"""A shared bench database of N guests, made the way a venue would: ``move-store``.

    .venv/bin/python bench/shared_build.py --guests 1000000 [--bench-dir DIR]

Building a million guests through ``app.demo`` takes about an hour on SQLite and
longer over a network connection. The local demo store ``<bench dir>/g<N>`` already
holds them, so this copies it (the built store is read by other benchmarks and never
changed), gives the copy's demo staff today's demo PINs (``set_pin_on_copy``: the
old stores were built with other PINs), and moves the copy into a new database of
the bench cluster with the app's own ``move-store`` use case
(``app.store_admin.move_store``: copy every table, compare digests, commit), then runs
``frontdesk init --store``'s use case again as the owner, as the README tells a venue to
(it refreshes the server's statistics). Each step is timed and printed; the copy is
deleted afterwards. The cluster is the one
``bench/shared_store.py`` uses (``<bench dir>/pg``, kept between runs).

The built database is never used by a run: it is *settled* once (``VACUUM (FREEZE)``, as
a database that has been in use for a while, then marked a template) and each bench run
works on a copy made from it (``CREATE DATABASE … TEMPLATE … STRATEGY FILE_COPY``: a file
copy, ~10-20 s at a million guests) and dropped afterwards (:func:`fresh_run`,
:func:`drop_run`). Runs used to work on the built database itself, and each left ~3,500
import guests and ~55 of today's arrivals in it: after a morning of runs the name
dictionary held 119,118 import names beside the demo's 1,232 and today's arrivals 2,064
bench visits beside the demo's 54, so figures from different hours measured different
stores (docs/performance.md).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import bench_dir, passphrase_file, store_dir

OWNER_ROLE = "bench_owner"
DESK_ROLE = "bench_desk"
SECRETS = "pg-bench-passwords.json"


def db_name(guests: int) -> str:
    """The built database of ``guests`` guests: the template every run copies."""
    return f"bench_g{guests}"


def run_db_name(guests: int) -> str:
    """The database one run works on: a fresh copy of :func:`db_name`'s, dropped after."""
    return f"bench_g{guests}_run"


def passwords(folder: Path) -> tuple[str, str]:
    """(owner, desk) passwords of the bench cluster's roles, made once and kept."""
    secrets_file = folder / SECRETS
    folder.mkdir(parents=True, exist_ok=True)
    if secrets_file.exists():
        owner_pw, desk_pw = json.loads(secrets_file.read_text(encoding="utf-8"))
        return str(owner_pw), str(desk_pw)
    import secrets

    owner_pw, desk_pw = secrets.token_urlsafe(16), secrets.token_urlsafe(16)
    secrets_file.write_text(json.dumps([owner_pw, desk_pw]), encoding="utf-8")
    secrets_file.chmod(0o600)
    return owner_pw, desk_pw


def use_memory_keyring() -> None:
    """Benchmarks keep passwords and anchors in a keyring of their own process."""
    import keyring

    from tests.keyrings import MemoryKeyring

    keyring.set_keyring(MemoryKeyring())


def create_empty(server: Any, db: str, owner_pw: str, desk_pw: str) -> None:
    """A new database owned by the bench owner, set up by ``frontdesk init``'s use case."""
    import psycopg

    from storage import postgres as pg
    from storage import postgres_admin

    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        if conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone():
            conn.execute(f"ALTER DATABASE {db} WITH IS_TEMPLATE false")  # a settled build
        conn.execute(f"DROP DATABASE IF EXISTS {db} WITH (FORCE)")
        if not conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s",
                            (OWNER_ROLE,)).fetchone():
            conn.execute(f"CREATE ROLE {OWNER_ROLE} LOGIN CREATEROLE "
                         f"PASSWORD '{owner_pw}'")
        conn.execute(f"CREATE DATABASE {db} OWNER {OWNER_ROLE}")
    postgres_admin.initialise(pg.parse_address(server.url(db, OWNER_ROLE)), owner_pw,
                              DESK_ROLE, desk_pw)


def ready(server: Any, db: str, owner_pw: str, desk_pw: str) -> bool:
    """Make a built database usable by this code without rebuilding it: True when it is at
    the head schema, or was at an older one and is now upgraded in place (``frontdesk init
    --store``'s own upgrade, as a venue would); False when it must be built (missing,
    empty). A database whose schema this code does not know (another helper's newer
    branch built or upgraded it) is refused, never rebuilt: rebuilding a million guests
    takes minutes and would take it from under whoever else is measuring on it."""
    import psycopg

    from storage import migrate, postgres_admin
    from storage import postgres as pg

    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (db,)).fetchone():
            return False
    with psycopg.connect(server.admin_conninfo(db)) as conn:
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        guests = conn.execute("SELECT count(*) FROM guest").fetchone()
    if not (row and guests and guests[0]):
        return False
    revision = str(row[0])
    if revision == migrate.head():
        return True
    if revision not in migrate.known_revisions():
        raise SystemExit(f"{db} is at schema {revision}, which this code does not know (its "
                         f"head is {migrate.head()}): run from a branch that has main's "
                         "migrations, or rebuild it on purpose (shared_build.py --rebuild)")
    print(f"{db}: schema {revision} -> {migrate.head()} in place (init --store)", flush=True)
    postgres_admin.initialise(pg.parse_address(server.url(db, OWNER_ROLE)), owner_pw,
                              DESK_ROLE, desk_pw)
    return True


def settle(server: Any, db: str) -> float:
    """Make the built database the template runs copy (once; seconds taken, 0 if it was).

    ``VACUUM (FREEZE)`` first, so every copy starts with its rows' visibility already
    recorded (hint bits, the visibility map that index-only scans read), as a store in use
    for a while has them, instead of each run paying for it at its first reads."""
    import psycopg

    with psycopg.connect(server.admin_conninfo(), autocommit=True) as conn:
        row = conn.execute("SELECT datistemplate FROM pg_database WHERE datname = %s",
                           (db,)).fetchone()
    if row is None or row[0]:
        return 0.0
    t = time.perf_counter()
    with psycopg.connect(server.admin_conninfo(db), autocommit=True) as conn:
        conn.execute("VACUUM (FREEZE)")
    server.admin(f"ALTER DATABASE {db} WITH IS_TEMPLATE true")
    return time.perf_counter() - t


def fresh_run(server: Any, template: str, run: str) -> float:
    """``run``: a new copy of ``template`` with the desks' database rights (seconds taken).

    A database's own rights are not part of what a template copy carries: they are granted
    again as ``frontdesk init --store`` grants them (``storage.postgres_admin``). The
    copy keeps the template's statistics, so the server plans alike in every run."""
    t = time.perf_counter()
    drop_run(server, run)
    server.admin(f"CREATE DATABASE {run} TEMPLATE {template} OWNER {OWNER_ROLE} "
                 "STRATEGY FILE_COPY")
    server.admin(f"REVOKE ALL ON DATABASE {run} FROM PUBLIC")
    server.admin(f"GRANT CONNECT, TEMPORARY ON DATABASE {run} TO {DESK_ROLE}")
    return time.perf_counter() - t


def drop_run(server: Any, run: str) -> None:
    """Drop a run's copy (its desks' sessions ended first)."""
    server.admin(f"DROP DATABASE IF EXISTS {run} WITH (FORCE)")


def build_by_move(server: Any, folder: Path, guests: int, owner_pw: str, desk_pw: str,
                  log: Any = sys.stderr) -> dict[str, float]:
    """Copy ``g<guests>``, reset its demo PINs, ``move_store`` it in; seconds per step."""
    from app import shared_store, staff
    from app.demo import DEMO_STAFF
    from app.opening import key_source_for, open_store
    from app.pins import hash_pin
    from app.store_admin import move_store
    from bench.build import fresh_copy
    from storage import postgres as pg
    from storage import postgres_admin
    from storage.bench_support import set_pin_on_copy
    from storage.models import Role

    source = store_dir(folder, guests)
    if not (source / "frontdesk.db").exists():
        raise SystemExit(f"{source} holds no store: build it first (bench/run.py builds it)")
    db = db_name(guests)
    url = server.url(db, DESK_ROLE)
    use_memory_keyring()
    shared_store.save_password(url, desk_pw)
    times: dict[str, float] = {}
    work = folder / f"shared-build-g{guests}"
    # Copies of one bench store share its store id, so its file anchor (in the user's
    # state folder) is shared too and other benchmarks' copies move it on: this copy's
    # chain is checked against an anchor of its own (none yet), in a folder of its own.
    state = folder / f"shared-build-state-g{guests}"
    shutil.rmtree(state, ignore_errors=True)
    os.environ["XDG_STATE_HOME"] = str(state)
    t = time.perf_counter()
    fresh_copy(source, work)
    times["copy_local_s"] = time.perf_counter() - t
    try:
        t = time.perf_counter()
        local = open_store(work, key_source_for(str(passphrase_file(folder))), create=False)
        times["open_and_upgrade_local_s"] = time.perf_counter() - t
        try:
            for name, _role, pin in DEMO_STAFF:
                set_pin_on_copy(local, name, hash_pin(pin))
            name, pin = next((n, p) for n, r, p in DEMO_STAFF if r == Role.MANAGER)
            manager = staff.sign_in_by_name(local, name, pin)
            t = time.perf_counter()
            create_empty(server, db, owner_pw, desk_pw)
            times["init_s"] = time.perf_counter() - t
            marks: dict[str, float] = {}
            started = time.perf_counter()

            def progress(table: str, done: int, total: int) -> None:
                if done == total and table not in marks:
                    marks[table] = time.perf_counter() - started
                    print(f"  {table}: {total:,} rows at {marks[table]:.0f} s", file=log,
                          flush=True)

            result = move_store(local, manager, url, progress=progress)
            times["move_store_s"] = time.perf_counter() - started
            times["rows_copied"] = float(sum(result.rows.values()))
            t = time.perf_counter()   # `frontdesk init --store` again, as the README says
            postgres_admin.initialise(pg.parse_address(server.url(db, OWNER_ROLE)), owner_pw,
                                      DESK_ROLE, desk_pw)
            times["init_again_analyze_s"] = time.perf_counter() - t
        finally:
            local.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
        shutil.rmtree(state, ignore_errors=True)
    return times


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--guests", type=int, default=1_000_000)
    ap.add_argument("--bench-dir")
    ap.add_argument("--rebuild", action="store_true", help="even if it is built at head")
    args = ap.parse_args(argv)
    from tests.pg_server import PgServer

    folder = bench_dir(args.bench_dir)
    owner_pw, desk_pw = passwords(folder)
    server = PgServer.start(folder / "pg")
    try:
        db = db_name(args.guests)
        if not args.rebuild and ready(server, db, owner_pw, desk_pw):
            settled = settle(server, db)
            print(f"{db} is built at the head schema" + (
                f"; settled as the runs' template in {settled:.0f} s" if settled else
                "; nothing to do"))
            return 0
        load = os.getloadavg()
        times = build_by_move(server, folder, args.guests, owner_pw, desk_pw)
        times["settle_s"] = settle(server, db)
        print(f"{db}: " + ", ".join(f"{k} {v:,.1f}" for k, v in times.items())
              + f"; load average {load[0]:.2f} -> {os.getloadavg()[0]:.2f}")
    finally:
        server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
