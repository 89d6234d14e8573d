"""The audit log is tamper-evident: editing, deleting or reordering rows in the DB is caught.

Each test changes rows *directly* in the encrypted database (as someone with
the key and an SQL shell could), then checks that ``app.verify.verify_store``,
``app.audit_log.verify_chain`` and ``frontdesk verify`` all name the event.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import Engine

from app import audit_log, guests, labels
from app.audit_log import AuditFilter
from app.cli import main
from app.guests import GuestFields
from app.opening import KeyringKey, open_store
from app.verify import verify_store
from app.views import Actor
from storage import audit_chain
from storage.models import Source
from storage.store import Store


def _fill(store: Store, actor: Actor) -> int:
    """A dozen or so real events; returns the newest event id."""
    for name in ("Ada Lovelace", "Grace Hopper", "Alan Turing"):
        g = guests.create_guest(store, actor, GuestFields(name))
        guests.open_card(store, actor, g.id)
    label = labels.approved_labels(store, actor)[0]
    labels.assign_label(store, actor, g.id, label.id, Source.GUEST_TOLD)
    with store.read() as s:
        report = audit_chain.verify(s)
    assert report.ok
    return report.events


def _sql(engine: Engine, *statements: str) -> None:
    with engine.begin() as conn:
        for st in statements:
            conn.exec_driver_sql(st)


def edit_middle(e: Engine, n: int) -> int:
    _sql(e, "UPDATE audit_event SET action = 'guest.erased' WHERE id = 4")
    return 4


def edit_detail_and_rehash(e: Engine, n: int) -> int:
    """A careful forger recomputes the edited row's hash: the next link still breaks."""
    with e.begin() as conn:
        row = conn.exec_driver_sql(
            "SELECT id, at, staff_id, action, guest_ref, detail, prev_hash FROM audit_event "
            "WHERE id = 5").one()
        import datetime as dt

        at = row[1] if isinstance(row[1], dt.datetime) else dt.datetime.fromisoformat(row[1])
        new_hash = audit_chain.event_hash(id=5, at=at, staff_id=row[2], action=row[3],
                                          guest_ref=None, detail=row[5], prev_hash=row[6])
        conn.exec_driver_sql("UPDATE audit_event SET guest_ref = NULL, hash = ? WHERE id = 5",
                             (new_hash,))
    return 6


def edit_time(e: Engine, n: int) -> int:
    _sql(e, "UPDATE audit_event SET at = '2001-01-01 00:00:00.000000' WHERE id = 3")
    return 3


def delete_middle(e: Engine, n: int) -> int:
    _sql(e, "DELETE FROM audit_event WHERE id = 5")
    return 6


def delete_newest(e: Engine, n: int) -> int:
    _sql(e, f"DELETE FROM audit_event WHERE id = {n}")
    return n


def delete_two_newest(e: Engine, n: int) -> int:
    _sql(e, f"DELETE FROM audit_event WHERE id >= {n - 1}")
    return n - 1


def reorder(e: Engine, n: int) -> int:
    _sql(e, "UPDATE audit_event SET id = -1 WHERE id = 3",
         "UPDATE audit_event SET id = 3 WHERE id = 4",
         "UPDATE audit_event SET id = 4 WHERE id = -1")
    return 3


def delete_all(e: Engine, n: int) -> int:
    _sql(e, "DELETE FROM audit_event")
    return 1


TAMPERING: list[Callable[[Engine, int], int]] = [
    edit_middle, edit_detail_and_rehash, edit_time, delete_middle, delete_newest,
    delete_two_newest, reorder, delete_all,
]


@pytest.mark.parametrize("tamper", TAMPERING, ids=[t.__name__ for t in TAMPERING])
def test_tampering_is_detected_and_named(
    tamper: Callable[[Engine, int], int], store: Store, manager: Actor, data_dir: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    newest = _fill(store, manager)
    assert verify_store(store).ok
    broken_at = tamper(store.engine, newest)

    report = verify_store(store)
    assert not report.ok
    assert any(f"at event {broken_at}:" in p for p in report.problems), report.problems

    status = audit_log.verify_chain(store, manager)
    assert not status.ok
    assert status.broken_at == broken_at
    assert status.message.startswith(f"Broken at event {broken_at}:")
    store.close()

    assert main(["verify", "--data-dir", str(data_dir)]) == 1
    err = capsys.readouterr().err
    assert f"at event {broken_at}:" in err, err


def test_untouched_store_verifies(store: Store, manager: Actor, data_dir: Path,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    n = _fill(store, manager)
    status = audit_log.verify_chain(store, manager)
    assert status.ok and status.events == n
    assert status.message == f"Audit log verified: {n:,} events"
    store.close()
    assert main(["verify", "--data-dir", str(data_dir)]) == 0
    assert f"{n:,} audit events verified" in capsys.readouterr().out


def test_list_events_filters(store: Store, manager: Actor, receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    guests.open_card(store, receptionist, g.id)
    guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    everything = audit_log.list_events(store, manager)
    assert [e.id for e in everything] == sorted((e.id for e in everything), reverse=True)
    mine = audit_log.list_events(store, manager, AuditFilter(staff_id=receptionist.id))
    assert {e.action for e in mine} == {"staff.signed_in", "guest.created", "guest.opened"}
    assert {e.staff_name for e in mine} == {"Sam Bakker"}
    of_ada = audit_log.list_events(store, manager, AuditFilter(guest_ref=g.ref))
    assert [e.action for e in of_ada] == ["guest.opened", "guest.created"]
    created = audit_log.list_events(store, manager, AuditFilter(action="guest"))
    assert {e.action for e in created} == {"guest.created", "guest.opened"}
    today = everything[0].at.date()
    assert audit_log.list_events(store, manager, AuditFilter(since=today, until=today))
    import datetime as dt

    assert not audit_log.list_events(
        store, manager, AuditFilter(until=today - dt.timedelta(days=1)))
    assert "guest.created" in audit_log.actions(store, manager)


def test_desk_staff_cannot_read_the_audit_log(store: Store, receptionist: Actor) -> None:
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        audit_log.list_events(store, receptionist)
    with pytest.raises(PermissionDenied):
        audit_log.verify_chain(store, receptionist)


def test_reopened_store_still_detects(data_dir: Path, store: Store, manager: Actor) -> None:
    newest = _fill(store, manager)
    delete_newest(store.engine, newest)
    store.close()
    s = open_store(data_dir, KeyringKey())
    try:
        assert f"at event {newest}:" in " ".join(verify_store(s).problems)
    finally:
        s.close()
