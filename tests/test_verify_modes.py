"""`verify`'s two depths: the quick default (bounded cost) and ``--full`` (every page, whole log).

A small store gets every check even in quick mode, so these tests lower the
quick bounds (``quick_whole_below=0``: take the bounded path whatever the size;
``quick_events``: walk only the newest few events) to see what each mode reads.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sqlalchemy import text

from app import guests, visits
from app.cli import main
from app.domain import VisitKind
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage.store import Store

PAGE = 4096


def _fill(store: Store, manager: Actor, n: int = 6) -> int:
    for i in range(n):
        g = guests.create_guest(store, manager, GuestFields(f"Quinn Quick {i}"))
        visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime(2026, 5, 1 + i, 15))
    with store.read() as s:
        return int(s.execute(text("SELECT max(id) FROM audit_event")).scalar_one())


def _edit_detail(store: Store, event_id: int, request: pytest.FixtureRequest) -> None:
    """What someone with the key (the server: the owner) and an SQL shell could do: change
    an event, keep its hash."""
    if request.getfixturevalue("engine_name") == "postgresql":
        cluster, db = request.getfixturevalue("pg_cluster"), request.getfixturevalue("shared_db")
        cluster.server.admin("UPDATE audit_event SET detail = '{\"x\":1}' "
                             f"WHERE id = {int(event_id)}", dbname=db)
        return
    with store.engine.begin() as conn:
        conn.execute(text("UPDATE audit_event SET detail = :detail WHERE id = :id"),
                     {"detail": '{"x":1}', "id": event_id})


@pytest.mark.both_engines
def test_quick_walks_the_newest_events_and_full_walks_all(
        store: Store, manager: Actor, request: pytest.FixtureRequest) -> None:
    newest = _fill(store, manager)
    full = verify_store(store, full=True)
    assert full.ok and full.complete and full.audit_events == newest
    quick = verify_store(store, full=False, quick_events=5, quick_whole_below=0)
    assert quick.ok and quick.audit_events == 5 and not quick.complete
    assert quick.fingerprint == full.fingerprint
    everything = verify_store(store, full=False, quick_events=newest)
    assert everything.ok and everything.complete and everything.audit_events == newest

    _edit_detail(store, newest - 1, request)       # inside the quick window: both modes see it
    for report in (verify_store(store, full=False, quick_events=5, quick_whole_below=0),
                   verify_store(store, full=True)):
        assert not report.ok and "broken" in report.findings
        assert any(f"at event {newest - 1}:" in p for p in report.problems), report.problems


@pytest.mark.both_engines
def test_an_old_event_changed_is_fulls_to_find(store: Store, manager: Actor,
                                               request: pytest.FixtureRequest) -> None:
    newest = _fill(store, manager)
    _edit_detail(store, 2, request)
    # The bound: the quick check reads only the newest events, so an old one changed
    # (its hash kept) is found by --full, not by the quick check.
    assert verify_store(store, full=False, quick_events=5, quick_whole_below=0).ok
    full = verify_store(store, full=True)
    assert not full.ok and any("at event 2:" in p for p in full.problems), full.problems
    assert newest > 5


def test_quick_reads_every_tables_pages_at_both_ends(store: Store, manager: Actor,
                                                      data_dir: Path) -> None:
    """A damaged page of a small table (its root page holds every row) is found by the
    bounded quick check too, named as damage of that table."""
    _fill(store, manager)
    with store.read() as s:
        root = int(s.execute(text("SELECT rootpage FROM sqlite_master "
                                  "WHERE type = 'table' AND name = 'visit'")).scalar_one())
    store.close()
    db = data_dir / "frontdesk.db"
    data = bytearray(db.read_bytes())
    assert len(data) % PAGE == 0 and root > 1
    start = (root - 1) * PAGE + 200
    for i in range(start, start + 64):
        data[i] ^= 0x5A
    db.write_bytes(bytes(data))

    damaged = open_store(data_dir, KeyringKey())
    try:
        quick = verify_store(damaged, full=False, quick_whole_below=0)
        assert not quick.ok and not quick.complete
        assert any(p.startswith("damaged: the table visit cannot be read")
                   for p in quick.problems), quick.problems
        full = verify_store(damaged, full=True)
        assert not full.ok and any(p.startswith("damaged page") for p in full.problems)
    finally:
        damaged.close()


def test_cli_quick_by_default_and_full_on_request(store: Store, manager: Actor, data_dir: Path,
                                                   capsys: pytest.CaptureFixture[str],
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    newest = _fill(store, manager)
    store.close()
    assert main(["verify", "--data-dir", str(data_dir), "--full"]) == 0
    assert f"OK: integrity check passed, {newest} audit events verified." in \
        capsys.readouterr().out
    assert main(["verify", "--data-dir", str(data_dir)]) == 0   # small: every check anyway
    assert f"{newest} audit events verified" in capsys.readouterr().out

    from app import verify as verify_module
    from storage import engine

    monkeypatch.setattr(verify_module, "QUICK_EVENTS", 3)        # a "large" store's bounds
    monkeypatch.setattr(engine, "QUICK_WHOLE_BYTES", 0)
    assert main(["verify", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "OK (quick check)" in out and "newest 3 audit events" in out and "--full" in out
    assert main(["verify", "--data-dir", str(data_dir), "--full"]) == 0
    assert f"{newest} audit events verified" in capsys.readouterr().out
