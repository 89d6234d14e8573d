"""The shared-store benchmark (issue 14) runs end to end on a small store.

A 200-guest local demo store is moved into a bench cluster of the test's own
(``bench/shared_build.py``: ``move-store``, then ``init`` again), and
``bench/shared_store.py`` runs two paced desks and a 60-row import against it. The
figures are not judged (speed is measured in bench/, never asserted); what is checked
is that the bench measured what it says it measured and found nothing lost.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import psycopg
import pytest

from tests.pg_fixtures import _require_server

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
@pytest.mark.postgres
def test_the_shared_store_bench_runs_on_a_small_store() -> None:
    _require_server()
    # Not pytest's tmp_path: the server runs as the postgres user, who cannot enter it.
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-shared-bench-"))
    try:
        folder.chmod(0o755)
        _run_bench(folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _run_bench(tmp_path: Path) -> None:
    from bench.build import ensure_store
    from bench.common import passphrase_file, store_dir

    ensure_store(store_dir(tmp_path, 200), 200, passphrase_file(tmp_path), log=False)
    out = tmp_path / "shared.json"
    done = subprocess.run(
        [sys.executable, "bench/shared_store.py", "--guests", "200", "--bench-dir",
         str(tmp_path), "--desks", "2", "--seconds", "4", "--key-ms", "20,40",
         "--pause-s", "0.2,0.4", "--import-rows", "60", "--import-after", "0.5",
         "--arrival-every", "0", "--alone-seconds", "1", "--json", str(out)],
        cwd=ROOT, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"}, capture_output=True,
        text=True, timeout=600, check=False,
    )
    assert done.returncode == 0, done.stderr
    r = json.loads(out.read_text(encoding="utf-8"))
    assert r["search_ms"]["n"] > 0 and r["card_ms"]["n"] > 0
    assert r["search_baseline_ms"]["n"] == 300 and r["search_alone_ms"]["n"] > 0
    assert r["statements_per_search"] >= 1 and r["statements_per_card"] >= 1
    assert r["errors"] == []
    assert 0 < r["longest_desk_wait_after_first_ms"] <= r["longest_desk_wait_ms"]
    assert all(s["nth"] >= 1 for s in r["slowest"])
    assert r["import"]["rows"] == 60 and r["import"]["visits"] > 0
    assert (r["guests_lost"], r["visits_lost"], r["arrivals_lost"]) == (0, 0, 0)
    assert r["audit_chain_ok"] is True
    assert "a key every 20-40 ms" in done.stdout and "load average" in done.stdout
    assert not (tmp_path / "shared-build-g200").exists()  # the scratch copy is removed
    assert not (tmp_path / "pg" / "data" / "postmaster.pid").exists()  # server stopped
    _the_run_left_the_built_database_as_it_was(tmp_path, r)
    _older_schema_is_upgraded_in_place_and_an_unknown_one_refused(tmp_path)


def _the_run_left_the_built_database_as_it_was(folder: Path, r: dict[str, object]) -> None:
    """The run worked on a copy of the built database, dropped afterwards: the built one
    still holds what it held before the run (runs used to add their import's guests and
    visits to it, so each run measured a bigger store than the one before)."""
    from bench.shared_build import db_name, run_db_name
    from tests.pg_server import PgServer

    imported = r["import"]
    assert isinstance(imported, dict) and imported["guests_created"] > 0
    server = PgServer.start(folder / "pg")
    try:
        with psycopg.connect(server.admin_conninfo(db_name(200))) as conn:
            counts = conn.execute("SELECT (SELECT count(*) FROM guest), "
                                  "(SELECT count(*) FROM visit)").fetchone()
        with psycopg.connect(server.admin_conninfo()) as conn:
            copies = conn.execute("SELECT count(*) FROM pg_database WHERE datname = %s",
                                  (run_db_name(200),)).fetchone()
    finally:
        server.stop()
    assert counts == (r["guests_before"], r["visits_before"])
    assert copies == (0,)


def _older_schema_is_upgraded_in_place_and_an_unknown_one_refused(folder: Path) -> None:
    """A bench database left at an older schema is upgraded, never rebuilt; one at a schema
    this code does not know (a newer branch's) is refused, never rebuilt either."""
    from sqlalchemy import create_engine

    from bench.shared_build import db_name, passwords, ready
    from storage import migrate
    from tests.pg_server import PgServer

    owner_pw, desk_pw = passwords(folder)
    server = PgServer.start(folder / "pg")
    try:
        db = db_name(200)
        older = migrate.revision_graph()[migrate.head()]
        assert older
        engine = create_engine("postgresql+psycopg://",
                               creator=lambda: psycopg.connect(server.admin_conninfo(db)))
        with engine.begin() as conn:  # really at the older schema, not only its number
            migrate.downgrade(conn, older)
        engine.dispose()
        query = "SELECT version_num, (SELECT count(*) FROM guest) FROM alembic_version"
        with psycopg.connect(server.admin_conninfo(db)) as conn:
            before = conn.execute(query).fetchone()
        assert ready(server, db, owner_pw, desk_pw)
        with psycopg.connect(server.admin_conninfo(db)) as conn:
            after = conn.execute(query).fetchone()
        assert before is not None and after is not None and before[1] > 0
        assert after == (migrate.head(), before[1])   # upgraded, the same guests still there
        server.admin("UPDATE alembic_version SET version_num = 'ffffnewer'", dbname=db)
        with pytest.raises(SystemExit, match="does not know"):
            ready(server, db, owner_pw, desk_pw)
    finally:
        server.stop()
