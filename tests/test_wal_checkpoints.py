"""The local store's WAL is folded back by a thread of its own, never in a desk's commit.

After another desk's large import the log held hundreds of megabytes, and the next desk to
commit (a card open's audit event) copied them into the file inside its own commit
(storage.wal_checkpoints). These tests use two stores open on one file, as two windows of
one PC are, and look at the file's bytes: a commit that checkpointed would change them.
"""

from __future__ import annotations

import hashlib
import time
from pathlib import Path

import pytest
from sqlalchemy import text

from app.opening import KeyringKey, open_store
from storage.models import Setting
from storage.store import Store


def _file_digest(store: Store) -> str:
    return hashlib.sha256(store.paths.db.read_bytes()).hexdigest()


def _wal_pages(store: Store) -> int:
    with store.read() as s:
        return int(s.execute(text("PRAGMA wal_autocheckpoint")).scalar_one())


def test_a_stores_connections_leave_checkpoints_to_its_thread(data_dir: Path) -> None:
    store = open_store(data_dir, KeyringKey())
    try:
        assert _wal_pages(store) == 0
    finally:
        store.close()


def test_a_small_commit_after_a_large_one_elsewhere_does_not_fold_the_log(
        data_dir: Path) -> None:
    """Desk A writes ~2,000 pages of log; desk B then commits one setting: B's commit
    leaves the store's file as it was (SQLite's own rule would have B copy A's pages);
    the checkpoint thread's passive checkpoint then folds everything."""
    a = open_store(data_dir, KeyringKey())
    b = open_store(data_dir, KeyringKey())
    try:
        for desk in (a, b):   # both threads off: only the commits could checkpoint
            assert desk._checkpoints is not None
            desk._checkpoints.stop()
        with a.write() as s:
            s.merge(Setting(key="test.large", value="x" * 8_000_000))
        before = _file_digest(a)
        with b.write() as s:
            s.merge(Setting(key="test.small", value="y"))
        assert _file_digest(a) == before
        busy, frames, done = a._checkpoints.checkpoint_now()
        assert busy == 0 and frames > 1000 and done == frames
        assert _file_digest(a) != before
        with b.read() as s:
            assert s.get(Setting, "test.small") is not None
    finally:
        a.close()
        b.close()


def test_the_thread_checkpoints_after_a_commit(data_dir: Path) -> None:
    store = open_store(data_dir, KeyringKey())
    try:
        assert store._checkpoints is not None
        runs = store._checkpoints.runs
        with store.write() as s:
            s.merge(Setting(key="test.value", value="z" * 100_000))
        deadline = time.monotonic() + 30   # a condition awaited, not a timing asserted
        while store._checkpoints.runs == runs and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store._checkpoints.runs > runs
    finally:
        store.close()


def test_closing_the_store_ends_the_thread_without_waiting_out_its_pause(
        data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A commit starts the thread's pause before it checkpoints; closing the store ends
    that pause at once (a close waited it out, half a second after every write)."""
    from storage import wal_checkpoints

    monkeypatch.setattr(wal_checkpoints, "SETTLE_S", 3600.0)
    store = open_store(data_dir, KeyringKey())
    assert store._checkpoints is not None
    with store.write() as s:
        s.merge(Setting(key="test.value", value="z"))
    thread = store._checkpoints._thread
    store.close()   # joins for at most 30 s: the pause must end before that
    assert not thread.is_alive()


def test_only_a_write_makes_a_checkpoint_due(data_dir: Path) -> None:
    """A read's commit (every key press) adds nothing to the log: it wakes no checkpoint;
    a write's does."""
    store = open_store(data_dir, KeyringKey())
    try:
        checkpoints = store._checkpoints
        assert checkpoints is not None
        checkpoints.stop()        # the thread no longer clears what is due
        checkpoints._due.clear()
        with store.read() as s:
            assert s.get(Setting, "test.value") is None
        assert not checkpoints._due.is_set()
        with store.write() as s:
            s.merge(Setting(key="test.value", value="z"))
        assert checkpoints._due.is_set()
    finally:
        store.close()
