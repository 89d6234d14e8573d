"""Two Frontdesk processes on one store: no corruption, no lost writes, a clear busy message."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import event

from app import guests
from app.errors import StoreBusyError
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.views import Actor
from storage import queries
from storage.store import Store
from tests.writers import Commits, check_store, make_store, spawn

OPS = 120


def test_two_writer_processes_keep_every_commit(tmp_path: Path) -> None:
    data_dir, key, key_file = make_store(tmp_path)
    procs = [spawn(data_dir, key_file, seed=s, tag=t, ops=OPS)
             for s, t in ((1, "left-"), (2, "right-"))]
    outputs = [p.communicate() for p in procs]
    per_writer = []
    for proc, (out, err) in zip(procs, outputs, strict=True):
        assert proc.returncode == 0, err.decode()[-2000:]
        assert out.endswith(b"DONE\n")
        c = Commits()
        c.add(out)
        per_writer.append(c)
    both = Commits()
    for (out, _) in outputs:
        both.add(out)
    # Each process saw its own commits; ids never collide between the two.
    assert all(c.total + c.busy > 0 for c in per_writer)
    assert both.total == sum(c.total for c in per_writer)
    assert {n.split(" ")[0][:4] for n in both.guests.values()} >= {"left", "righ"}
    events = check_store(data_dir, key, both)
    assert events >= both.total


def _short_busy_timeout(store: Store, ms: int) -> None:
    """Make new connections give up after ``ms`` instead of 10 s (keeps the test quick)."""
    store.engine.dispose()
    event.listen(store.engine, "connect",
                 lambda conn, _rec: conn.execute(f"PRAGMA busy_timeout = {ms}"))


def test_a_store_that_stays_busy_gives_a_clear_error_and_writes_nothing(
    store: Store, manager: Actor, data_dir: Path,
) -> None:
    other = open_store(data_dir, KeyringKey())   # the second window
    _short_busy_timeout(store, 200)
    with store.read() as s:
        before = queries.audit_event_count(s)
    with other.write() as s:
        s.connection().exec_driver_sql("UPDATE setting SET value = value WHERE 0")
        with pytest.raises(StoreBusyError, match="busy"):
            guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    other.close()
    assert guests.guest_count(store) == 0
    with store.read() as s:
        assert queries.audit_event_count(s) == before
    # Once the other window is done, the same use case goes through.
    assert guests.create_guest(store, manager, GuestFields("Ada Lovelace")).full_name == \
        "Ada Lovelace"
