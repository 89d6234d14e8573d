"""An import writes its new guests' name pairs itself, in key order, set-wise
(storage.bulk.guests_without_pairs): the name-pair table's insert trigger is not run per
guest, the table ends exactly as one rebuilt from the guests, and the trigger's function
is given back to the connection however the write ends."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy.exc import DBAPIError

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
    """Counts the trigger's word look-ups, and keeps the connections the import wrote its
    guests on (to ask them afterwards whether the trigger's function is theirs again)."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.by_trigger = 0
        self.connections: list[Any] = []
        real_words, real_written = name_pairs.pair_words, name_pairs.written_by_caller

        def words(full: str | None, preferred: str | None) -> list[tuple[str, str]]:
            if sys._getframe(1).f_code.co_name == "_sql_pairs":
                self.by_trigger += 1
            return real_words(full, preferred)

        @contextmanager
        def written(conn: Any) -> Iterator[None]:
            self.connections.append(conn)
            with real_written(conn):
                yield

        monkeypatch.setattr(name_pairs, "pair_words", words)
        monkeypatch.setattr(name_pairs, "written_by_caller", written)

    def functions_given_back(self) -> bool:
        return bool(self.connections) and all(
            conn.execute(f"SELECT {name_pairs.FUNCTION}('Anna Jansen', 'An')").fetchone()[0]
            != "[]" for conn in self.connections)


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
    assert {r[2] for r in held} >= {known.id, known.id + 1, known.id + len(TRICKY) + 1}
    assert watch.functions_given_back()
    # The trigger writes the next guest's pairs again, on every connection.
    later = guests.create_guest(store, receptionist, GuestFields("Zoë Müller"))
    assert watch.by_trigger >= 1
    assert ("muller", "zoe", later.id) in _pairs_exact(store)
    assert verify_store(store).ok


@pytest.mark.parametrize("when", ["guests", "visits"])
def test_a_cancel_while_writing_leaves_the_table_and_gives_the_function_back(
        store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch, when: str) -> None:
    before_pairs = _pairs_exact(store)
    before = counts(store)
    watch = Watch(monkeypatch)
    steps: list[int] = []
    # Progress is told once before the lock, then after each statement: the guests' (the
    # trigger's function swapped), then the visits' (given back) — one each, this small.
    stop_at = {"guests": 1, "visits": 2}[when]
    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan_of(store, FILE),
                        progress=lambda done, total: steps.append(done),
                        cancelled=lambda: len(steps) >= stop_at)
    assert counts(store) == before
    assert _pairs_exact(store) == before_pairs
    assert watch.connections   # the cancel came while the import wrote its guests' pairs
    assert watch.functions_given_back()
    assert verify_store(store).ok


def test_a_connection_the_function_cannot_be_given_back_to_is_closed(
        store: Store, manager: Actor, receptionist: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """If SQLite refused the real function back (a statement still running), that
    connection would insert guests without pairs for as long as the pool kept it: it is
    closed instead, the import writes nothing, and the next guest gets its pairs."""
    before_pairs, before = _pairs_exact(store), counts(store)
    watch = Watch(monkeypatch)
    real_register = name_pairs.register

    def refused(conn: Any) -> None:
        if watch.connections and conn is watch.connections[-1]:
            raise sqlcipher3.OperationalError(
                "unable to delete/modify user-function due to active statements")
        real_register(conn)

    monkeypatch.setattr(name_pairs, "register", refused)
    with pytest.raises((sqlcipher3.Error, DBAPIError)):   # the refusal, or a use of the closed one
        importing.apply(store, manager, plan_of(store, FILE))
    monkeypatch.setattr(name_pairs, "register", real_register)
    with pytest.raises(sqlcipher3.ProgrammingError):   # closed, never back in use
        watch.connections[-1].execute("SELECT 1")
    assert counts(store) == before
    assert _pairs_exact(store) == before_pairs
    for name in ("Anna Jansen", "Piet de Vries", "Zoë Müller"):  # whichever connection
        guests.create_guest(store, receptionist, GuestFields(name))
    assert len(_pairs_exact(store)) == len(before_pairs) + 2 + 6 + 2
    assert verify_store(store).ok
