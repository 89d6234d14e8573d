"""Reads of guest data are audited: one guest's profile, lists of guests, searches.

See ``app.audit``: a look at one profile is recorded unless the same person
touched that guest in the last 10 minutes; bulk reads record what and how many
rows; searches record that they happened (a count per minute), never the text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import audit, guests, importing, report, visits
from app.domain import VisitKind
from app.guests import GuestFields
from app.views import Actor
from storage import queries
from storage.store import Store

DATA = Path(__file__).parent / "data"


class Clock:
    """``time.monotonic`` for the throttles, moved by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock(monkeypatch: pytest.MonkeyPatch) -> Iterator[Clock]:
    c = Clock()
    monkeypatch.setattr(audit.time, "monotonic", c)
    audit.forget_pending()
    yield c
    audit.forget_pending()


def _events(store: Store, action: str) -> list[tuple[int | None, dict[str, object], str | None]]:
    with store.read() as s:
        rows = queries.audit_events(s, action=action, limit=10_000)
        return [(e.staff_id, json.loads(e.detail), e.guest_ref) for e in reversed(rows)]


def test_a_look_at_any_profile_is_audited_but_not_a_reread_after_ones_own_change(
        store: Store, manager: Actor, receptionist: Actor, host: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    guests.refresh_card(store, receptionist, g.id)       # right after her own change
    guests.get_guest(store, receptionist, g.id)
    assert _events(store, "guest.opened") == []
    guests.refresh_card(store, host, g.id)               # anyone else, any id: a look
    guests.refresh_card(store, host, g.id)               # …once per sitting
    guests.get_guest(store, manager, g.id)
    assert [(who, d["via"]) for who, d, _ in _events(store, "guest.opened")] == [
        (host.id, "card"), (manager.id, "details")]


def test_the_report_again_is_a_look_for_someone_else(store: Store, manager: Actor,
                                                     receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    report.show_guest(store, manager, g.id)
    report.guest_report(store, manager, g.id)            # the same sitting: not again
    report.guest_report(store, receptionist, g.id)       # she created them: not a new look
    assert _events(store, "guest.opened") == []
    assert [who for who, _, _ in _events(store, "guest.shown")] == [manager.id]


def test_who_opened_the_profile_still_reads_well(store: Store, manager: Actor,
                                                 receptionist: Actor, host: Actor) -> None:
    """Edits and re-reads by the desk leave one line per person in the guest's access list."""
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    guests.open_card(store, receptionist, g.id)
    for _ in range(3):
        guests.update_guest(store, receptionist, g.id, GuestFields("Ada Lovelace",
                                                                    preferred_name="Ada"))
        guests.refresh_card(store, receptionist, g.id)
    guests.refresh_card(store, host, g.id)
    rep = report.show_guest(store, manager, g.id)
    access = rep.section("access").items
    assert len(access) == 2     # Sam opened it once; Luca looked once


def test_every_page_of_the_guest_list_is_audited(store: Store, receptionist: Actor) -> None:
    for i in range(5):
        guests.create_guest(store, receptionist, GuestFields(f"Guest Number{i}"))
    pages = [guests.list_guests(store, receptionist, limit=2, offset=o) for o in (0, 2, 4)]
    assert [len(p) for p in pages] == [2, 2, 1]
    assert [(d["rows"], d["offset"]) for _, d, _ in _events(store, "guests.listed")] == [
        (2, 0), (2, 2), (1, 4)]


def test_the_today_list_is_audited_once_per_ten_minutes(store: Store, receptionist: Actor,
                                                        host: Actor, clock: Clock) -> None:
    import datetime as dt

    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    day = dt.date.today()
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(day, dt.time(15)))
    for _ in range(5):
        assert len(visits.today_list(store, receptionist, day, VisitKind.STAY)) == 1
    visits.today_list(store, host, day, VisitKind.STAY)          # another person: own event
    clock.now += audit.LIST_WINDOW_S + 1
    visits.today_list(store, receptionist, day, VisitKind.STAY)
    events = _events(store, "arrivals.listed")
    assert [(who, d["rows"], d["reads"]) for who, d, _ in events] == [
        (receptionist.id, 1, 1), (host.id, 1, 1), (receptionist.id, 1, 5)]
    assert events[0][1]["day"] == day.isoformat() and events[0][2] is None


def test_search_is_counted_never_typed(store: Store, receptionist: Actor, clock: Clock) -> None:
    guests.create_guest(store, receptionist, GuestFields("Zoë Searchcanary"))
    typed = "searchcan"
    for n in range(1, len(typed) + 1):          # type-ahead: one search per keystroke
        guests.find_guests(store, receptionist, typed[:n])
        clock.now += 1
    assert [d["searches"] for _, d, _ in _events(store, "guests.searched")] == [1]
    clock.now += audit.SEARCH_WINDOW_S
    guests.find_guests(store, receptionist, "zoe")
    searched = _events(store, "guests.searched")
    assert [d["searches"] for _, d, _ in searched] == [1, len(typed)]
    with store.read() as s:
        details = " ".join(e.detail for e in queries.audit_events(s, limit=10_000))
    assert "searchcan" not in details and "zoe" not in details.casefold()


def test_a_search_hands_its_results_over_before_its_count_is_written(
        store: Store, receptionist: Actor, clock: Clock) -> None:
    """``find_guests(hand_over=…)`` (the desk's search thread) gets the list before the
    search's count is written — a count due now does not hold the list up — and the search
    is counted all the same, even when the hand-over fails."""
    made = guests.create_guest(store, receptionist, GuestFields("Zoë Searchcanary"))
    counted_when_handed: list[int] = []

    def hand_over(found: list[object]) -> None:
        assert [m.id for m in found] == [made.id]   # type: ignore[attr-defined]
        counted_when_handed.append(len(_events(store, "guests.searched")))

    guests.find_guests(store, receptionist, "searchcan", hand_over=hand_over)
    assert counted_when_handed == [0]
    assert [d["searches"] for _, d, _ in _events(store, "guests.searched")] == [1]

    def fails(_found: list[object]) -> None:
        raise RuntimeError("the window went away")

    clock.now += audit.SEARCH_WINDOW_S
    with pytest.raises(RuntimeError):
        guests.find_guests(store, receptionist, "zoe", hand_over=fails)
    assert [d["searches"] for _, d, _ in _events(store, "guests.searched")] == [1, 1]


def test_a_search_answers_while_another_writer_holds_the_lock_and_its_count_waits(
        store: Store, receptionist: Actor, clock: Clock) -> None:
    """On either engine, a search made while another writer holds the lock its count needs
    (a long import) answers at once — it waits a moment, not the lock's usual 10 s — and
    the count rides on the next search's event."""
    from contextlib import contextmanager

    from app.audit import record
    from tests.lock_helpers import answered_while_held

    guests.create_guest(store, receptionist, GuestFields("Zoë Searchcanary"))

    @contextmanager
    def hold() -> Iterator[None]:   # a write that has appended to the chain: both locks
        with store.write() as s:
            record(s, receptionist, "test.holding")
            s.flush()
            yield

    assert answered_while_held(hold, lambda: guests.find_guests(store, receptionist, "zoe"))
    assert _events(store, "guests.searched") == []
    clock.now += audit.SEARCH_WINDOW_S
    guests.find_guests(store, receptionist, "zoe")
    assert [d["searches"] for _, d, _ in _events(store, "guests.searched")] == [2]


def test_the_import_preview_is_a_bulk_read(store: Store, receptionist: Actor) -> None:
    table = importing.read_file(DATA / "english_iso_remarks.csv")
    mapping, _ = importing.mapping_for(store, table.header)
    plan = importing.build_plan(table, mapping, file_name="x.csv")
    importing.preview(store, receptionist, plan)
    ((who, detail, _),) = _events(store, "import.previewed")
    assert who == receptionist.id and detail["rows"] == 4 and detail["matched"] == 0
