"""An import prepares everything before it asks for the write lock, and writes all or nothing.

Other desks go on working (their card opens write audit events) while the import
matches and builds its rows; the write lock is then held only for the inserts. A change
another desk makes meanwhile is noticed under the lock and the import is prepared again;
a failure or a cancel while writing leaves every table exactly as it was. The steps are
driven by the import's ``prepared`` hook (between preparing and writing), not by timing.
"""

from __future__ import annotations

import importlib

import pytest
from sqlalchemy import select

from app import guests, importing
from app.guests import GuestFields
from app.importing.apply import ATTEMPTS
from app.verify import verify_store
from app.views import Actor
from storage.models import AuditEvent, Visit
from storage.store import Store
from tests.import_helpers import counts, every_row, plan_of

pytestmark = pytest.mark.both_engines

ROWS = (b"Booking no;Name;Email;Arrival;Departure;Room\n"
        b"R-1;Anna de Vries;anna@example.nl;14-03-2026;16-03-2026;101\n"
        b"R-2;Bram Smit;bram@example.nl;14-03-2026;15-03-2026;102\n"
        b"R-3;Carla Bos;;15-03-2026;17-03-2026;103\n")


def actions(store: Store) -> list[str]:
    with store.read() as s:
        return list(s.scalars(select(AuditEvent.action).order_by(AuditEvent.id)))


def test_another_desk_writes_while_the_import_prepares(store: Store, manager: Actor,
                                                        receptionist: Actor) -> None:
    """Between preparing and writing, the import holds no lock: another desk's card open
    (which writes its audit event) goes through at once, and the import is not prepared
    again for it (a read changes nothing the import matched)."""
    known = guests.create_guest(store, manager, GuestFields("Dirk Hoek", email="dirk@x.nl"))
    plan = plan_of(store, ROWS)
    opened: list[int] = []

    def other_desk() -> None:
        guests.open_card(store, receptionist, known.id)  # a write: its audit event
        opened.append(known.id)

    result = importing.apply(store, manager, plan, prepared=other_desk)
    assert len(opened) == 1  # prepared once: the card open did not make it start again
    assert (result.guests_created, result.visits) == (3, 3)
    log = actions(store)
    # the card open landed between the preparation and the import's own events
    assert log[-8:] == (["guest.opened"] + ["guest.created"] * 3 + ["visit.recorded"] * 3
                        + ["import.applied"])
    assert verify_store(store).ok


def test_a_guest_and_a_booking_added_meanwhile_are_matched(store: Store, manager: Actor,
                                                           receptionist: Actor) -> None:
    """Another desk adds Anna (same email, other capitals) and imports booking R-2 while
    this import is prepared: under the lock the import sees the change, prepares again and
    neither duplicates Anna nor records R-2 twice."""
    plan = plan_of(store, ROWS)
    calls: list[int] = []

    def other_desk() -> None:
        calls.append(1)
        if len(calls) == 1:
            guests.create_guest(store, receptionist,
                                GuestFields("Anna de Vries", email="ANNA@example.nl"))
            importing.apply(store, manager, plan_of(store, ROWS.splitlines()[0] + b"\n"
                                                    + ROWS.splitlines()[2] + b"\n"))

    result = importing.apply(store, manager, plan, prepared=other_desk)
    assert len(calls) == 2  # prepared again after the other desk's writes
    assert (result.guests_created, result.guests_matched, result.visits,
            result.duplicate_visits) == (1, 2, 2, 1)
    assert guests.guest_count(store) == 3
    with store.read() as s:
        refs = sorted(str(r) for r in s.scalars(select(Visit.reference)))
    assert refs == ["R-1", "R-2", "R-3"]
    assert verify_store(store).ok


def test_a_store_that_keeps_changing_still_gets_the_import_once(store: Store, manager: Actor,
                                                                receptionist: Actor) -> None:
    """Other desks change guests before every try on a snapshot (a busy reception marking
    arrivals): after ATTEMPTS tries the import is prepared under the write lock and lands,
    once, beside every walk-in the other desks added; it is never starved."""
    plan = plan_of(store, ROWS)
    seen: list[dict[str, list[tuple[object, ...]]]] = []

    def other_desk() -> None:
        guests.create_guest(store, receptionist, GuestFields(f"Walk-in {len(seen)}"))
        seen.append(every_row(store))

    result = importing.apply(store, manager, plan, prepared=other_desk)
    assert len(seen) == ATTEMPTS  # each try on a snapshot was overtaken
    assert actions(store).count("import.applied") == 1
    names = {g.full_name for g in guests.find_guests(store, manager, "Walk-in")}
    assert names == {f"Walk-in {n}" for n in range(ATTEMPTS)}
    assert result.guests_created + result.guests_matched > 0
    after = every_row(store)
    for table in ("guest", "visit", "audit_event"):  # nothing the other desks wrote was lost
        assert set(seen[-1][table]) < set(after[table]), table
    # Importing the same file again changes no guest or visit (matched by booking number).
    importing.apply(store, manager, plan_of(store, ROWS))
    again = every_row(store)
    assert (again["guest"], again["visit"]) == (after["guest"], after["visit"])


def test_a_bad_row_writes_nothing(store: Store, manager: Actor) -> None:
    plan = plan_of(store, ROWS + b"R-4;Dora Kok;dora@example.nl;31-02-2026;;104\n")
    assert plan.errors
    before = every_row(store)
    with pytest.raises(importing.ImportHasErrors):
        importing.apply(store, manager, plan)
    assert every_row(store) == before


def test_a_failure_while_writing_leaves_every_table_as_it_was(store: Store,
                                                              manager: Actor) -> None:
    """Cancelled after the guests were inserted (under the lock, mid-write): the guests,
    the search index, the name dictionary and the audit chain are all as before."""
    guests.create_guest(store, manager, GuestFields("Anna de Vries", email="anna@example.nl"))
    plan = plan_of(store, ROWS)
    before = every_row(store)
    steps: list[int] = []

    def stop_mid_write() -> bool:
        return bool(steps) and steps[-1] > 0  # some rows were already inserted

    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan, progress=lambda done, total: steps.append(done),
                        cancelled=stop_mid_write)
    assert any(s > 0 for s in steps)
    assert every_row(store) == before
    assert counts(store)[0] == 1
    assert verify_store(store).ok


def test_prepared_events_chain_like_one_append_each(store: Store, manager: Actor) -> None:
    """The import's fast path (JSON built once per shared part, hashes chained under the
    lock) gives the very events one ``append`` per event gives: verify walks them, and
    awkward text (quotes, backslashes, line separators, non-ASCII) hashes the same."""
    import datetime as dt

    from storage import audit_chain

    at = dt.datetime(2026, 3, 14, 9, 30, 1, 123456)
    awkward = 'q"u\\ote\nä€\u2028'
    events: list[audit_chain.Event] = [
        (at, manager.id, "guest.created", 'ab"c', {"via": "import"}),
        (at, None, "test.event", None, {"k": awkward, "n": [1, 2]}),
        (at, manager.id, "guest.created", "r2", {"via": "import"}),
        (at, manager.id, "visit.recorded", awkward, {"visit": 5, "kind": "stay"}),
    ]
    with store.read() as s:
        prepared = audit_chain.prepare_events(s, events)
    with store.write() as s:
        first = (audit_chain.head(s) or (0, "", at))[0] + 1
        audit_chain.append_prepared(s, prepared)
    with store.read() as s:
        rows = s.execute(select(AuditEvent).where(AuditEvent.id >= first)
                         .order_by(AuditEvent.id)).scalars().all()
        assert [(e.action, e.guest_ref) for e in rows] == [(a, r) for _, _, a, r, _ in events]
        for e in rows:
            assert e.hash == audit_chain.event_hash(
                id=e.id, at=e.at, staff_id=e.staff_id, action=e.action,
                guest_ref=e.guest_ref, detail=e.detail, prev_hash=e.prev_hash)
        assert audit_chain.verify(s).ok


def _counting_matches(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Count how often the apply step matches the file (the real matching, counted)."""
    # The apply step's preparation (app.importing.prepare) is where it matches.
    apply_module = importlib.import_module("app.importing.prepare")
    calls: list[int] = []
    real = apply_module.match

    def counted(*args: object, **kwargs: object) -> object:
        calls.append(1)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(apply_module, "match", counted)
    return calls


def test_the_apply_uses_the_previews_match_while_only_reads_happened(
        store: Store, manager: Actor, receptionist: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A large file is matched once: after its preview another desk only opens a card (a
    read, audited), so the apply writes with the preview's match, and lands what the
    preview said."""
    known = guests.create_guest(store, manager, GuestFields("Bram Smit", email="bram@example.nl"))
    plan = plan_of(store, ROWS)
    pre = importing.preview(store, manager, plan)
    guests.open_card(store, receptionist, known.id)
    calls = _counting_matches(monkeypatch)
    result = importing.apply(store, manager, plan, previewed=pre)
    assert calls == []  # not matched again
    assert (result.guests_created, result.guests_matched, result.visits) == (
        pre.new_guests, pre.matched_guests, pre.visits) == (2, 1, 3)
    assert guests.guest_count(store) == 3
    assert verify_store(store).ok


def test_a_guest_added_after_the_preview_is_matched_not_duplicated(
        store: Store, manager: Actor, receptionist: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Between the preview and the apply another desk adds Anna (same email): the
    preview's match no longer holds, so the apply matches afresh and finds her."""
    plan = plan_of(store, ROWS)
    pre = importing.preview(store, manager, plan)
    assert pre.new_guests == 3
    guests.create_guest(store, receptionist, GuestFields("Anna de Vries",
                                                         email="ANNA@example.nl"))
    calls = _counting_matches(monkeypatch)
    result = importing.apply(store, manager, plan, previewed=pre)
    assert len(calls) == 1
    assert (result.guests_created, result.guests_matched) == (2, 1)
    assert guests.guest_count(store) == 3


def test_another_plans_preview_is_not_used(store: Store, manager: Actor,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A preview made for another plan (another file, or the same file read again) says
    nothing about this one: the apply matches this plan itself."""
    other = importing.preview(store, manager, plan_of(store, ROWS.splitlines()[0] + b"\n"
                                                      + ROWS.splitlines()[1] + b"\n"))
    calls = _counting_matches(monkeypatch)
    result = importing.apply(store, manager, plan_of(store, ROWS), previewed=other)
    assert len(calls) == 1
    assert (result.guests_created, result.visits) == (3, 3)


def test_new_guests_carry_their_latest_visit(store: Store, manager: Actor) -> None:
    """The import writes each new guest's latest visit with the guest (so the visit
    trigger rewrites no guest row); it is the very value the trigger keeps: the latest
    start of the guest's visits, for new and for matched guests alike."""
    import datetime as dt

    from storage.models import Guest

    known = guests.create_guest(store, manager, GuestFields("Dirk Hoek", email="dirk@x.nl"))
    data = (b"Booking no;Name;Email;Arrival;Departure;Room\n"
            b"R-1;Anna de Vries;anna@example.nl;20-03-2026;22-03-2026;101\n"
            b"R-2;Anna de Vries;anna@example.nl;14-03-2026;15-03-2026;102\n"
            b"R-3;Dirk Hoek;dirk@x.nl;15-03-2026;17-03-2026;103\n"
            b"R-4;Carla Bos;;01-04-2026;02-04-2026;104\n")
    plan = plan_of(store, data)
    importing.apply(store, manager, plan, previewed=importing.preview(store, manager, plan))
    with store.read() as s:
        latest = {g.full_name: g.last_visit_at for g in s.scalars(select(Guest))}
        by_visits = {g.full_name: max((v.starts_at for v in s.scalars(
            select(Visit).where(Visit.guest_id == g.id))), default=None)
            for g in s.scalars(select(Guest))}
    assert latest == by_visits == {
        "Anna de Vries": dt.datetime(2026, 3, 20), "Dirk Hoek": dt.datetime(2026, 3, 15),
        "Carla Bos": dt.datetime(2026, 4, 1)}
    assert known.full_name in latest
