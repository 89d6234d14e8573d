"""The shared bench's floor desk (bench/shared_floor.py) is faithful to the app: its one-round-
trip key press lists the guests ``app.guests.find_guests`` lists for exact and prefix
matches, in the same order (also typed on, narrowed to an earlier answer, across another
desk's change); the server reads nothing of a guest for a person without the standing; its
card open and its search count append events that ``app.verify`` accepts.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import Any

import pytest

from app import guests, shared_store, staff, visits
from app.guests import GuestFields
from app.permissions import Action
from app.verify import verify_store
from bench.shared_floor import FloorDesk, Refused, connect
from storage import queries
from storage.models import Role, VisitKind
from tests.pg_fixtures import SharedCluster, round_trips

pytestmark = pytest.mark.postgres

SURNAMES = ["Smit", "de Vries", "Jansen", "Bakker", "Visser", "de Boer", "Mulder", "de Groot",
            "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit",
            "Dijkstra", "Smits", "de Graaf", "van der Meer", "Janssen", "Kok", "Jacobs",
            "de Haan", "Vermeulen"]
OTHERS = ["Janna Smit", "Jane Jansen", "Anna de Vries", "Anne de Vries-Smit", "Annemarie Bos",
          "Ans Jacobs", "Johan de Jong", "Jannes Kok", "Joost Janssens", "Sanne van Dam",
          "Sander Smit", "Daan Jansen", "Ada Lovelace", "Jan", "Eva Janssen"]
TYPED = ["j", "ja", "jan", "jan ", "jan kok", "jan d", "jan de", "jan de v", "jans", "janss",
         "an", "ann", "anna de", "de v", "vries smit", "smi", "s", "lovelace", "ada l", "jan smit",
         "vermeulen jan", "zz"]


@pytest.fixture
def desk(pg_cluster: SharedCluster, shared_db: str, shared_url: str
         ) -> Iterator[tuple[Any, Any, Any, FloorDesk]]:
    store = shared_store.open_shared_store(shared_url)
    search_conn = connect(shared_url, pg_cluster.desk_password)
    card_conn = connect(shared_url, pg_cluster.desk_password)
    try:
        manager = staff.create_first_manager(store, "Eva Visser", "4826")
        staff.add_staff(store, manager, "Sam Bakker", Role.RECEPTIONIST, "3917")
        sam = staff.sign_in_by_name(store, "Sam Bakker", "3917")
        ids = []
        for i, surname in enumerate(SURNAMES):
            ids.append(guests.create_guest(store, manager, GuestFields(
                f"Jan {surname}", email=f"guest{i}@example.com" if i % 3 else None)).id)
        for name in OTHERS:
            ids.append(guests.create_guest(store, manager, GuestFields(
                name, preferred_name="Jan" if name == "Jane Jansen" else "")).id)
        # Past visits (none today or in the coming week): the lists rank by the last visit.
        day = dt.datetime.combine(dt.date.today(), dt.time(12)) - dt.timedelta(days=40)
        for k, gid in enumerate(ids[::3]):
            visits.record_visit(store, manager, gid, kind=VisitKind.STAY,
                                starts_at=day + dt.timedelta(days=k % 7, hours=k))
        pg_cluster.server.admin("ANALYZE", dbname=shared_db)   # the word statistics
        roles = (guests._roles_that(Action.SEARCH_GUESTS), guests._roles_that(Action.VIEW_GUEST))
        floor = FloorDesk(search_conn, card_conn, sam.id, *roles)
        yield store, manager, sam, floor
    finally:
        search_conn.close()
        card_conn.close()
        store.close()


@pytest.fixture(autouse=True)
def _no_forgiving_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's lists without its forgiving pass (typos, sound-alikes, particles left out:
    the floor does not do it), which runs when fewer than ``FUZZY_BELOW`` guests match."""
    from app import guest_search

    monkeypatch.setattr(guest_search, "FUZZY_BELOW", 0)


@pytest.fixture
def desk_address(pg_cluster: SharedCluster, shared_url: str) -> tuple[str, str]:
    return shared_url, pg_cluster.desk_password


def _index_matches(store: Any, actor: Any, typed: str) -> list[tuple[int, int]]:
    """The app's list (ids and tiers: whole name, whole words, prefix), its exact and prefix
    matches."""
    found = guests.find_guests(store, actor, typed)
    assert all(m.tier <= 2 for m in found)
    return [(m.id, m.tier) for m in found]


def _listed(floor: FloorDesk, typed: str) -> list[tuple[int, int]]:
    return [(r[0], r[-1]) for r in floor.key_press(typed)]


def test_the_floor_key_press_lists_what_the_app_lists_in_one_round_trip(
        desk: tuple[Any, Any, Any, FloorDesk], desk_address: tuple[str, str]) -> None:
    store, _manager, sam, floor = desk
    full = ordered = 0
    tiers: set[int] = set()
    # The same desk on connections that prepare every statement at once, planned generically
    # (bench/shared_store.py --floor plans-kept).
    url, password = desk_address
    kept = FloorDesk(connect(url, password, plans_kept=True), floor.card_conn, sam.id,
                     floor.search_roles, floor.view_roles)
    for typed in TYPED:
        with round_trips() as trips:
            got = _listed(floor, typed)
        assert len(trips) == 1, (typed, trips)
        want = _index_matches(store, sam, typed)
        assert got == want, typed
        assert _listed(kept, typed) == want, typed
        full += len(got) == 20
        ordered += got != sorted(got)
        tiers.update(t for _i, t in got)
    kept.conn.close()
    # Not vacuous: cut lists (more matches than the list holds), lists the ranking reorders,
    # and a text nothing matches.
    assert full >= 4 and ordered >= 5 and tiers == {0, 1, 2}
    assert _index_matches(store, sam, "zz") == []


def test_typed_on_the_floor_looks_among_its_last_answer_and_the_guests_changed_since(
        desk: tuple[Any, Any, Any, FloorDesk]) -> None:
    store, manager, sam, floor = desk
    narrowed = []
    for typed in ("jan d", "jan de", "jan de b"):
        with round_trips() as trips:
            got = _listed(floor, typed)
        narrowed.append(any("among" in s for t in trips for s in t))
        assert got == _index_matches(store, sam, typed), typed
    assert narrowed[1:] == [True, True]   # the earlier answers were complete
    # Another desk adds a guest the narrowed statement must still find (the change log).
    new = guests.create_guest(store, manager, GuestFields("Jan de Bruin")).id
    with round_trips() as trips:
        got = _listed(floor, "jan de br")
    assert any("among" in s for t in trips for s in t)
    assert new in [i for i, _tier in got]
    assert got == _index_matches(store, sam, "jan de br")


def test_the_floor_reads_nothing_of_a_guest_without_the_standing(
        pg_cluster: SharedCluster, shared_url: str, desk: tuple[Any, Any, Any, FloorDesk]
        ) -> None:
    store, manager, sam, floor = desk
    assert floor.key_press("jan") and floor.open_card(1) is not None
    with store.read() as s:
        events = queries.audit_event_count(s)
    # The server's guard alone: roles the person does not have (the desk's own check would
    # refuse too, but only after the statement): the statement returns the standing only.
    other = FloorDesk(floor.conn, floor.card_conn, sam.id, ["manager"], ["manager"])
    for call in (lambda: other.key_press("jan"), lambda: other.open_card(1)):
        with pytest.raises(Refused):
            call()
    assert other.guest_rows_read == 0
    # Deactivated: refused, nothing read, nothing written.
    staff.set_active(store, manager, sam.id, False)
    with pytest.raises(Refused):
        floor.key_press("jan")
    assert floor.guest_rows_read == 0
    with pytest.raises(Refused):
        floor.open_card(1)
    assert floor.guest_rows_read == 0
    with store.read() as s:
        assert queries.audit_event_count(s) == events + 1   # the manager's deactivation only
    assert not floor.card_conn.info.transaction_status   # IDLE: the lock is released


def test_the_floor_card_open_and_search_count_append_events_verify_accepts(
        desk: tuple[Any, Any, Any, FloorDesk]) -> None:
    from sqlalchemy import select

    from storage.models import AuditEvent

    store, _manager, sam, floor = desk
    shown = guests.open_card(store, sam, 3)
    with round_trips() as trips:
        rows = floor.open_card(3)
    assert len(trips) == 2, trips
    assert rows is not None and rows[0][0][2] == shown.guest.full_name
    assert [v[0] for v in rows[1]] == [v.id for v in shown.visits]
    assert floor.open_card(10_000) is None   # no such guest: nothing written
    assert floor.count_search(7) and not floor.count_search(3)   # once a minute
    guests.open_card(store, sam, 4)   # the app's desk appends after the floor's events
    with store.read() as s:
        last = s.execute(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(3)
                         ).scalars().all()
    assert [(e.action, e.staff_id) for e in last] == [
        ("guest.opened", sam.id), ("guests.searched", sam.id), ("guest.opened", sam.id)]
    assert last[2].guest_ref == shown.guest.ref and last[1].detail == \
        '{"results":7,"searches":1}'
    report = verify_store(store)
    assert report.ok, report


def test_a_floor_desk_process_types_opens_and_reports_as_the_bench_desks_do(
        desk: tuple[Any, Any, Any, FloorDesk], desk_address: tuple[str, str]) -> None:
    """``bench.shared_floor.floor_desk`` (what ``bench/shared_store.py --floor`` starts), run
    here for a second, tight: it types guests' names, opens their cards and reports the
    bench desk's record; every key press one round trip, every card open two."""
    from bench.shared_desks import Pacing
    from bench.shared_floor import breakdown, floor_desk

    store, _manager, _sam, floor = desk
    url, password = desk_address
    targets = [(1, "Jan Smit"), (31, "Ans Jacobs"), (38, "Ada Lovelace")]
    with store.read() as s:
        events = queries.audit_event_count(s)

    from bench.shared_store import _Box

    box = _Box()
    for plans_kept in (False, True):
        floor_desk(url, password, targets, Pacing((0.0, 0.0), (0.0, 0.0)), 1.0, 7, box,
                   (list(floor.search_roles), list(floor.view_roles)), "Sam Bakker",
                   plans_kept)
        r = box.item
        assert r["errors"] == [] and r["floor"] is True
        assert len(r["search"]) > 3 and len(r["card"]) >= 1
        assert set(r["search_statements"]) == {1} and set(r["card_statements"]) == {2}
        assert len(r["search_info"]) == len(r["search"]) == len(r["search_cpu"])
        assert r["missed"] == []   # each guest was found among the first five
        got = breakdown([r], None)
        assert got["search"]["classes"]["exact/prefix"]["n"] == len(r["search"])
    with store.read() as s:   # the cards' events and the searches' counts, on the chain
        assert queries.audit_event_count(s) > events + 2
    assert verify_store(store).ok


def test_the_app_desk_process_types_opens_and_reports_on_the_same_draws_as_the_floor(
        desk: tuple[Any, Any, Any, FloorDesk], desk_address: tuple[str, str]) -> None:
    """``bench.shared_desks.desk`` (the bench's app desk) runs the same typing loop as the
    floor desk (``type_and_open``): for a second, tight, it types the targets' names through
    ``find_guests``, opens their cards and reports its record; with the same seed both
    desks look the same guests up in the same order (the keys differ only where the lists
    do)."""
    from bench.shared_desks import Pacing
    from bench.shared_desks import desk as app_desk
    from bench.shared_floor import floor_desk
    from bench.shared_store import _Box

    _store, _manager, _sam, floor = desk
    url, password = desk_address
    targets = [(1, "Jan Smit"), (31, "Ans Jacobs"), (38, "Ada Lovelace")]
    box = _Box()
    app_desk(url, password, targets, Pacing((0.0, 0.0), (0.0, 0.0)), 1.0, 7, box)
    app = box.item
    assert app["errors"] == [] and len(app["search"]) > 3 and len(app["card"]) >= 1
    assert len(app["keys"]) == len(app["card"]) and sum(app["keys"]) == len(app["search"])
    assert app["missed"] == []
    floor_desk(url, password, targets, Pacing((0.0, 0.0), (0.0, 0.0)), 1.0, 7, box,
               (list(floor.search_roles), list(floor.view_roles)), "Sam Bakker")
    low = box.item
    n = min(len(app["keys"]), len(low["keys"]))
    assert n >= 2 and app["keys"][:n] == low["keys"][:n]
