"""A large import's pages reach the disk while it writes, not all at its commit
(storage.bulk.steady_writes): another desk's durable write meanwhile (a card's event in the
audit journal, its own commit) then waits behind a few megabytes, not hundreds."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from app import importing
from app.verify import verify_store
from app.views import Actor
from storage import bulk
from storage.store import Store
from tests.import_helpers import counts, plan_of

ROWS = (b"Booking no;Name;Email;Arrival;Departure;Room\n"
        + b"".join(f"R-{i};Gast{i} de Vries;g{i}@example.nl;14-03-2026;16-03-2026;{100 + i}\n"
                   .encode() for i in range(40)))

pytestmark = pytest.mark.skipif(not Path("/proc/self/io").exists(),
                                reason="syncs as it writes only where /proc tells what was written")


def test_the_store_and_its_wal_are_synced_while_an_import_holds_the_store(
        store: Store, manager: Actor, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = Path(store.paths.db).resolve()
    wanted = {str(db), str(db) + "-wal"}
    synced: set[str] = set()
    both = threading.Event()
    real = os.fdatasync

    def noted(fd: int) -> None:
        synced.add(os.readlink(f"/proc/self/fd/{fd}"))
        real(fd)
        if wanted <= synced:
            both.set()

    monkeypatch.setattr(bulk, "STEADY_BYTES", 1)
    monkeypatch.setattr(bulk, "STEADY_EVERY_S", 0.01)
    monkeypatch.setattr(bulk.os, "fdatasync", noted)
    elsewhere = tmp_path / "written"
    seen_while_held: list[bool] = []

    def progress(done: int, total: int) -> None:
        if seen_while_held or done == 0:
            return
        # The import holds the store (a batch was written); this process writes a byte,
        # so it has written more than STEADY_BYTES since the write began.
        elsewhere.write_bytes(b"x")
        seen_while_held.append(both.wait(30))

    plan = plan_of(store, ROWS)
    before = counts(store)
    importing.apply(store, manager, plan, progress=progress,
                    previewed=importing.preview(store, manager, plan))
    assert seen_while_held == [True]
    assert synced <= wanted | {str(elsewhere)}
    assert counts(store)[0] == before[0] + 40
    assert verify_store(store).ok
    assert not [t for t in threading.enumerate() if t.name == "frontdesk-steady-writes"]


def test_a_cancelled_import_leaves_no_syncing_thread(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "STEADY_EVERY_S", 0.01)
    plan = plan_of(store, ROWS)
    pre = importing.preview(store, manager, plan)
    before = counts(store)
    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan, previewed=pre,
                        progress=lambda done, total: None,
                        cancelled=lambda: bool([t for t in threading.enumerate()
                                                if t.name == "frontdesk-steady-writes"]))
    assert counts(store) == before
    assert not [t for t in threading.enumerate() if t.name == "frontdesk-steady-writes"]
