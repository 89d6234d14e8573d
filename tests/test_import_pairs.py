"""An import writes its new guests' name pairs itself, in key order, set-wise
(storage.bulk.insert_guests_bare): the name-pair table's insert trigger is not run per
guest, the table ends exactly as one rebuilt from the guests, and the trigger writes the
next guest's pairs again however the import ended (the triggers themselves:
tests/test_import_bare_guests.py)."""

from __future__ import annotations

import sys

import pytest
from sqlalchemy import text

from app import guests, importing
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor
from storage import name_pairs
from storage.store import Store
from tests.import_helpers import counts, plan_of
from tests.test_name_pairs import TRICKY, _pairs_exact

FILE = ("Name;Email;Arrival;Departure\n" + "".join(
    f"{name};g{i}@example.nl;{1 + i % 27:02d}-03-2026;{2 + i % 27:02d}-03-2026\n"
    for i, name in enumerate(TRICKY + ["Anna Jansen", "Piet de Vries"]))).encode()


class Watch:
    """Counts the trigger's word look-ups (its function, called per guest it runs for)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.by_trigger = 0
        real_words = name_pairs.pair_words

        def words(full: str | None, preferred: str | None) -> list[tuple[str, str]]:
            if sys._getframe(1).f_code.co_name == "_sql_pairs":
                self.by_trigger += 1
            return real_words(full, preferred)

        monkeypatch.setattr(name_pairs, "pair_words", words)


def test_an_import_writes_its_guests_pairs_itself_and_exactly(
        store: Store, manager: Actor, receptionist: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    known = guests.create_guest(store, receptionist, GuestFields(
        "Anna Jansen", email="g25@example.nl", preferred_name="Ans"))
    watch = Watch(monkeypatch)
    result = importing.apply(store, manager, plan_of(store, FILE))
    assert (result.guests_created, result.guests_matched) == (len(TRICKY) + 1, 1)
    assert watch.by_trigger == 0   # not one call of the trigger's function for them
    held = _pairs_exact(store)     # ... and the table is what a rebuild would hold
    with store.read() as s:       # every guest with a name of two words or more is there
        named = s.execute(text("SELECT id, full_name, preferred_name FROM guest")).all()
    assert {r[2] for r in held} == {i for i, f, p in named if name_pairs.pair_words(f, p)}
    assert known.id in {r[2] for r in held}
    # The trigger writes the next guest's pairs again, on every connection.
    later = guests.create_guest(store, receptionist, GuestFields("Zoë Müller"))
    assert watch.by_trigger >= 1
    assert ("muller", "zoe", later.id) in _pairs_exact(store)
    assert verify_store(store).ok


@pytest.mark.parametrize("when", ["guests", "visits"])
def test_a_cancel_while_writing_leaves_the_table_and_its_trigger(
        store: Store, manager: Actor, receptionist: Actor,
        monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    before_pairs = _pairs_exact(store)
    before = counts(store)
    watch = Watch(monkeypatch)
    steps: list[int] = []
    # Progress is told once before the lock, then after each statement: the guests' (the
    # insert triggers dropped), then the visits' (made again) — one each, this small.
    stop_at = {"guests": 1, "visits": 2}[when]
    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan_of(store, FILE),
                        progress=lambda done, total: steps.append(done),
                        cancelled=lambda: len(steps) >= stop_at)
    assert counts(store) == before
    assert _pairs_exact(store) == before_pairs
    later = guests.create_guest(store, receptionist, GuestFields("Zoë Müller"))
    assert watch.by_trigger >= 1
    assert ("muller", "zoe", later.id) in _pairs_exact(store)
    assert verify_store(store).ok
