"""move-store carries the local store's audit anchor into the shared store's keyring entry.

Right after a move, ``verify`` on the shared store compares the chain with an anchor
(the local one, extended by the move's own event), so cutting the newest events on
the server is named at once; a local log that no longer matches its anchor is not
moved at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import text

from app import guests, shared_store, staff, store_admin
from app.errors import FrontdeskError
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from storage import audit_anchor, audit_chain, postgres_admin
from storage import postgres as pg
from storage.store import Store
from tests.conftest import MANAGER_PIN
from tests.pg_fixtures import DESK, SharedCluster

pytestmark = pytest.mark.postgres


def _local(folder: Path) -> Store:
    store = open_store(folder, KeyringKey())
    manager = staff.create_first_manager(store, "Eva Visser", MANAGER_PIN)
    for name in ("Ada Lovelace", "Alan Turing", "Grace Hopper"):
        guests.create_guest(store, manager, GuestFields(name))
    return store


def _shared(pg_cluster: SharedCluster, db: str) -> str:
    owner = pg_cluster.owner_url(db)
    postgres_admin.initialise(pg.parse_address(owner), pg_cluster.owner_password, DESK)
    desk = pg_cluster.desk_url(db)
    shared_store.save_password(desk, pg_cluster.desk_password)
    return desk


def test_verify_right_after_move_store_compares_with_the_carried_anchor(
        pg_cluster: SharedCluster, empty_db: str, tmp_path: Path) -> None:
    local = _local(tmp_path / "local")
    try:
        carried = audit_anchor.load(local.store_id, "keyring")
        assert carried is not None
        manager = staff.sign_in_by_name(local, "Eva Visser", MANAGER_PIN)
        desk = _shared(pg_cluster, empty_db)
        store_admin.move_store(local, manager, desk)
    finally:
        local.close()

    store = shared_store.open_shared_store(desk)
    try:
        anchor = audit_anchor.load(store.store_id, "keyring")
        with store.read() as s:
            head = audit_chain.head(s)
            counts = audit_chain.staff_counts(s, after=0, upto=head[0] if head else 0)
        assert anchor is not None and head is not None
        assert (anchor.id, anchor.hash) == (head[0], head[1])   # the move's own event
        assert anchor.id > carried.id and dict(anchor.by_staff) == counts
        report = verify_store(store)
        assert report.ok, report.problems
        assert not report.notes, report.notes          # compared, not "no anchor yet"
        assert verify_store(store, full=False).ok

        # The owner cuts the newest event and moves the head back: the chain alone
        # holds, the anchor carried by the move does not.
        pg_cluster.server.admin(
            f"DELETE FROM audit_event WHERE id = {head[0]}; "
            "UPDATE setting SET value = (SELECT id || ':' || hash FROM audit_event "
            "ORDER BY id DESC LIMIT 1) WHERE key = 'audit.head'", dbname=empty_db)
        with store.read() as s:
            assert audit_chain.verify(s).ok
        for report in (verify_store(store), verify_store(store, full=False)):
            assert not report.ok
            assert {"truncated", "rolled_back"} & set(report.findings), report.problems
    finally:
        store.close()


def test_a_local_log_that_fails_its_anchor_is_not_moved(
        pg_cluster: SharedCluster, empty_db: str, tmp_path: Path) -> None:
    local = _local(tmp_path / "local")
    try:
        manager = staff.sign_in_by_name(local, "Eva Visser", MANAGER_PIN)
        with local.engine.begin() as conn:   # cut the newest event, head moved back
            newest = conn.execute(text("SELECT max(id) FROM audit_event")).scalar_one()
            conn.execute(text("DELETE FROM audit_event WHERE id = :id"), {"id": newest})
            conn.execute(text("UPDATE setting SET value = (SELECT id || ':' || hash FROM "
                              "audit_event ORDER BY id DESC LIMIT 1) "
                              "WHERE key = 'audit.head'"))
        desk = _shared(pg_cluster, empty_db)
        with pytest.raises(FrontdeskError, match="does not match its anchor"):
            store_admin.move_store(local, manager, desk)
    finally:
        local.close()
    store = shared_store.open_shared_store(desk)
    try:
        with store.read() as s:
            assert audit_chain.head(s) is None   # nothing was copied
    finally:
        store.close()
