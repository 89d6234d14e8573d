"""The change feed: another desk's change reaches an open desk; quiet writes do not wake it."""

from __future__ import annotations

import datetime as dt
import queue
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import erasure, guests, labels, visits
from app.changes import Change, ChangeFeed
from app.guests import GuestFields
from app.i18n import Msg
from app.opening import KeyringKey, open_store
from app.views import Actor
from storage import queries
from storage.models import LabelStatus, Sensitivity, Source, VisitKind, VisitStatus
from storage.store import Store
from tests.pg_fixtures import DESK, SharedCluster

pytestmark = pytest.mark.both_engines


@pytest.fixture
def other_desk(store: Store, data_dir: Path, engine_name: str,
               request: pytest.FixtureRequest) -> Iterator[Store]:
    """A second, independent handle on the same store (another window or desk)."""
    if engine_name == "postgresql":
        from app.shared_store import open_shared_store

        other: Store = open_shared_store(request.getfixturevalue("shared_url"))
    else:
        other = open_store(data_dir, KeyringKey())
    yield other
    other.close()


class Recorder:
    def __init__(self) -> None:
        self.changes: queue.Queue[Change] = queue.Queue()
        self.connection: queue.Queue[tuple[bool, str]] = queue.Queue()

    def next_change(self, timeout: float = 10.0) -> Change:
        return self.changes.get(timeout=timeout)

    def nothing_for(self, seconds: float) -> bool:
        try:
            self.changes.get(timeout=seconds)
        except queue.Empty:
            return True
        return False


def _feed(store: Store) -> tuple[ChangeFeed, Recorder]:
    rec = Recorder()
    feed = ChangeFeed(store, rec.changes.put, lambda ok, msg: rec.connection.put((ok, msg)))
    feed.start()
    time.sleep(0.3)  # the watcher is listening before anything happens
    return feed, rec


def test_an_arrival_label_and_erasure_at_one_desk_reach_the_other(
        store: Store, other_desk: Store, manager: Actor, engine_name: str) -> None:
    g = guests.create_guest(store, manager, GuestFields("Ingrid Holm"))
    v = visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime.combine(dt.date.today(), dt.time(15)))
    feed, rec = _feed(other_desk)
    try:
        visits.set_status(store, manager, v.id, VisitStatus.ARRIVED)
        first = rec.next_change()
        labels.assign_label(store, manager, g.id, _normal_label(store), Source.GUEST_TOLD)
        second = rec.next_change()
        erasure.erase_guest(store, manager, g.id)
        third = rec.next_change()
        assert first.seq < second.seq < third.seq
        if engine_name == "postgresql":  # the server says which tables changed
            assert "visit" in first.tables
            assert "assignment" in second.tables
            assert "guest" in third.tables
    finally:
        feed.stop()


def _normal_label(store: Store) -> int:
    with store.read() as s:
        return next(lb.id for lb in queries.labels_with_status(s, LabelStatus.APPROVED)
                    if lb.sensitivity == Sensitivity.NORMAL)


def test_opening_a_card_does_not_wake_other_desks(store: Store, other_desk: Store,
                                                 manager: Actor) -> None:
    """Card openings and sign-ins write audit events only: no refresh storm between desks."""
    g = guests.create_guest(store, manager, GuestFields("Ingrid Holm"))
    feed, rec = _feed(other_desk)
    try:
        for _ in range(3):
            guests.open_card(store, manager, g.id)
        assert rec.nothing_for(1.5)
        guests.update_guest(store, manager, g.id, GuestFields("Ingrid Holm-Berg"))
        rec.next_change()
    finally:
        feed.stop()


@pytest.mark.postgres
def test_a_desk_that_loses_the_server_says_so_and_recovers_by_itself(
        pg_cluster: SharedCluster, shared_url: str) -> None:
    from app.shared_store import open_shared_store

    store = open_shared_store(shared_url)
    feed, rec = _feed(store)
    try:
        # Every desk connection is cut, as when the server restarts.
        pg_cluster.server.admin(
            f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = '{DESK}'")
        ok, message = rec.connection.get(timeout=10)
        assert not ok and "cannot be reached" in message
        assert isinstance(message, Msg)
        ok, _message = rec.connection.get(timeout=10)
        assert ok  # reconnected by itself
        rec.next_change()  # …and told the desk to refresh what it shows
        assert feed.connected
        with store.read() as s:  # the store's own pool reconnects too (its check-out check)
            queries.guest_count(s)
    finally:
        feed.stop()
        store.close()
