"""The guest card is read as plain rows (``storage.card``), not ORM objects: it must be the
same card, field for field, as the one built from the ORM rows, on both engines."""

from __future__ import annotations

import datetime as dt

import pytest

from app import consents, guests, labels, snapshots, visits
from app.greeting import greeting_cue
from app.guests import GuestFields
from app.views import Actor, GuestCard
from storage import card, queries
from storage.models import (
    ConsentPurpose,
    Guest,
    RemovalReason,
    Service,
    Source,
    VisitKind,
    VisitStatus,
)
from storage.store import Store

pytestmark = pytest.mark.both_engines

T0 = dt.datetime(2026, 3, 2, 9, 30, 15, 250000)


def _from_orm(g: Guest, at: dt.datetime) -> GuestCard:
    """The card as it was built from the ORM rows (``queries.guest_for_card``) until the
    plain rows replaced them: the reference the plain-row card is checked against."""
    all_visits = sorted(g.visits, key=lambda v: v.starts_at, reverse=True)
    past = [v for v in all_visits if v.starts_at.date() < at.date()
            and v.status != VisitStatus.CANCELLED]
    stays = [v for v in past if v.kind == VisitKind.STAY]
    bookings = [v for v in past if v.kind == VisitKind.BOOKING]
    last = past[0].starts_at if past else None
    info = snapshots.guest(g)
    active = [a for a in g.assignments if a.removed_at is None]
    removed = [a for a in g.assignments if a.removed_at is not None]
    return GuestCard(
        guest=info,
        greeting=greeting_cue(info.display_name, info.pronunciation, len(past), last,
                              at.date(), "stay" if (stays or not bookings) else "visit"),
        stay_count=len(stays), booking_count=len(bookings), last_visit=last,
        assignments=tuple(snapshots.assignment(a) for a in
                          sorted(active, key=lambda a: a.added_at, reverse=True)),
        visits=tuple(snapshots.visit(v) for v in all_visits),
        consents=tuple(snapshots.consent(c) for c in
                       sorted(g.consents, key=lambda c: c.given_at, reverse=True)),
        removed=tuple(snapshots.assignment(a) for a in
                      sorted(removed, key=lambda a: a.removed_at or a.added_at, reverse=True)),
    )


def _label_id(store: Store, key: str) -> int:
    with store.read() as s:
        lb = queries.label_by_key(s, key)
        assert lb is not None
        return lb.id


def test_the_card_from_plain_rows_is_the_card_from_orm_rows(
    store: Store, manager: Actor, receptionist: Actor, host: Actor
) -> None:
    g = guests.create_guest(store, receptionist, GuestFields(
        "Zoë van den Berg", preferred_name="Zoë", pronunciation="ZO-ee", language="nl",
        email="zoe@example.com", phone="+31 6 12345678"))
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY, starts_at=T0,
                        ends_on=T0.date() + dt.timedelta(days=3), place="401", party_size=2,
                        now=T0)
    visits.record_visit(store, host, g.id, kind=VisitKind.BOOKING,
                        starts_at=T0 + dt.timedelta(days=40, hours=10),
                        service=Service.DINNER, place="T12", now=T0)
    visits.record_visit(store, host, g.id, kind=VisitKind.BOOKING,
                        starts_at=T0 + dt.timedelta(days=50), service=Service.LUNCH,
                        status=VisitStatus.CANCELLED, now=T0)
    old = consents.record_consent(store, receptionist, g.id, ConsentPurpose.HEALTH,
                                  now=T0 - dt.timedelta(days=9))
    consents.withdraw_consent(store, manager, old.id, now=T0 - dt.timedelta(days=8))
    consents.record_consent(store, manager, g.id, ConsentPurpose.HEALTH, now=T0)
    labels.assign_label(store, receptionist, g.id, _label_id(store, "nut-allergy"),
                        Source.GUEST_TOLD, now=T0)
    labels.assign_label(store, host, g.id, _label_id(store, "quiet-room"),
                        Source.STAFF_OBSERVED, now=T0 + dt.timedelta(minutes=1))
    gone = labels.assign_label(store, manager, g.id, _label_id(store, "high-floor"),
                               Source.GUEST_TOLD, now=T0 - dt.timedelta(days=1))
    labels.remove_label(store, receptionist, gone.id, RemovalReason.NO_LONGER_TRUE,
                        now=T0 + dt.timedelta(hours=1))
    bare = guests.create_guest(store, host, GuestFields("Ng"))   # nothing but a name

    for who, at in ((g.id, T0 + dt.timedelta(days=45)), (bare.id, T0)):
        shown = guests.open_card(store, receptionist, who, now=at)
        with store.read() as s:
            orm = queries.guest_for_card(s, who)
            assert orm is not None
            assert shown == _from_orm(orm, at)
    full = guests.open_card(store, receptionist, g.id, now=T0 + dt.timedelta(days=45))
    # What the comparison covers: every part of the card holds something.
    assert (full.stay_count, full.booking_count, len(full.visits)) == (1, 1, 3)
    assert [a.label.key for a in full.assignments] == ["quiet-room", "nut-allergy"]
    assert full.assignments[1].label.wordings and full.assignments[1].label.names
    assert full.assignments[0].added_by == "Luca" and full.consents[1].withdrawn_at
    (removed,) = full.removed
    assert removed.removed_by == "Sam" and removed.removal_reason == RemovalReason.NO_LONGER_TRUE
    assert full.visits[0].status == VisitStatus.CANCELLED and full.visits[2].ends_on


def test_a_card_of_no_guest_is_none(store: Store) -> None:
    with store.read() as s:
        assert card.card_rows(s, 987654) is None


def test_a_card_open_that_takes_the_chain_lock_with_its_reads_still_checks_first(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    """The chain lock comes with the card's reads on the shared store (storage.card): a
    deactivated receptionist still gets no card and leaves no "opened" event; a guest that
    does not exist is "no longer exists" and leaves none either; after reactivation the
    card opens and its event is on the chain."""
    from app import staff
    from app.errors import NotFound, PermissionDenied

    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))

    def opened() -> int:
        with store.read() as s:
            return sum(1 for e in queries.audit_events(s, limit=10_000)
                       if e.action == "guest.opened")

    assert guests.open_card(store, receptionist, g.id).guest.full_name == "Ada Lovelace"
    staff.set_active(store, manager, receptionist.id, False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        guests.open_card(store, receptionist, g.id)
    with pytest.raises(PermissionDenied, match="deactivated"):
        guests.open_card(store, receptionist, 987654)
    assert opened() == 1
    staff.set_active(store, manager, receptionist.id, True)
    with pytest.raises(NotFound):
        guests.open_card(store, receptionist, 987654)
    assert guests.open_card(store, receptionist, g.id).guest.full_name == "Ada Lovelace"
    assert opened() == 2


def test_the_shared_stores_card_statement_is_one_the_driver_keeps_converted() -> None:
    """psycopg converts a statement's ``%(name)s`` placeholders once and keeps the result
    only for statements of at most ``MAX_CACHED_STATEMENT_LENGTH`` characters: the card's
    one statement of tagged rows (with its guard) must stay within it, or it is parsed
    again at every card open (docs/performance.md)."""
    from psycopg import _queries
    from psycopg.adapt import Transformer

    from storage.postgres_search import GUARD_PASSES

    guarded = card._guarded()
    assert GUARD_PASSES in guarded
    assert len(guarded) <= _queries.MAX_CACHED_STATEMENT_LENGTH
    before = _queries._query2pg.cache_info().hits
    for _ in range(2):
        _queries.PostgresQuery(Transformer()).convert(
            guarded, {"g": 1, "ahead_staff": 1, "ahead_roles": "manager"})
    assert _queries._query2pg.cache_info().hits >= before + 1
