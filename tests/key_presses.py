"""A key press read without an ORM session, on either engine (tests/test_search_reads.py
for the local store's ``storage.search.DriverRead``, tests/test_postgres_search.py for the
shared store's ``storage.postgres_search.DriverRead``)."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import event
from sqlalchemy.orm import Session

from app import guests, staff, visits
from app.domain import VisitKind
from app.errors import PermissionDenied
from app.guests import GuestFields
from app.views import Actor
from storage.engine import WRITE_OPTION
from storage.store import Store

TYPED = ("Vrenkel", "Vren", "Ada Vrenkle", "0612345678", "06 1234", "kamer 312")


def assert_key_presses_open_no_orm_session(store: Store, receptionist: Actor) -> int:
    """Name, forgiving, phone (the venue's country read for the number) and room key
    presses, and the search's warm-up, find Ada Vrenkel (in room 312 tonight) and open no
    read session of the ORM. Ada's id."""
    ada = guests.create_guest(store, receptionist,
                              GuestFields("Ada Vrenkel", phone="06 1234 5678")).id
    visits.record_visit(store, receptionist, ada, kind=VisitKind.STAY, place="312",
                        starts_at=dt.datetime.combine(dt.date.today(), dt.time(23, 0)))
    guests.find_guests(store, receptionist, "Ada")   # the count of searches written
    reads: list[object] = []

    def created(session: Session, _transaction: object) -> None:
        if not session.get_bind().get_execution_options().get(WRITE_OPTION):
            reads.append(session)

    event.listen(Session, "after_transaction_create", created)
    try:
        for typed in TYPED:
            assert ada in [g.id for g in guests.find_guests(store, receptionist, typed)], typed
        guests.warm_up_search(store, receptionist)
    finally:
        event.remove(Session, "after_transaction_create", created)
    assert reads == []
    return ada


def assert_deactivated_refused(store: Store, manager: Actor, receptionist: Actor) -> None:
    """The permission is still read at each key press: a deactivated account is refused
    at the next one."""
    staff.set_active(store, manager, receptionist.id, False)
    with pytest.raises(PermissionDenied):
        guests.find_guests(store, receptionist, "Vrenkel")
