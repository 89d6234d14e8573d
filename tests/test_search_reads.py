"""What one key press reads from the local store (SQLite's own statement trace).

The results of these searches are defined in tests/test_search.py; here, that a key press
does not read what its results cannot need — each read of a guest's visits is about one
decrypted page on a large store (docs/performance.md, "Finding the right guest").
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from app import guests, visits
from app.domain import VisitKind
from app.guests import GuestFields
from app.views import Actor
from storage.store import Store

TODAY = dt.date.today()


@pytest.fixture
def statements(store: Store) -> Iterator[list[str]]:
    """Every statement the store's connections run from now on, parameters filled in."""
    seen: list[str] = []

    def trace(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(seen.append)

    event.listen(store.engine, "checkout", trace)
    yield seen
    event.remove(store.engine, "checkout", trace)


def guests_whose_visits_were_read(statements: list[str]) -> list[set[int]]:
    """Per read of visit facts (``storage.search.visit_facts``), the guests it read."""
    reads = []
    for sql in statements:
        if "GROUP BY guest_id" in sql and "json_each" in sql:
            ids = re.search(r"json_each\('(\[[^']*\])'\)", sql)
            assert ids is not None, sql
            reads.append(set(json.loads(ids.group(1))))
    return reads


def test_visits_are_read_only_for_guests_that_can_make_the_list(
        store: Store, receptionist: Actor, statements: list[str]) -> None:
    # A list of three: the two whole-word matches, then today's guest among the names
    # that only begin with what was typed. The other longer names rank below today's
    # whatever their visits, so their visits are not read; which of the two whole-word
    # matches comes first still depends on the last visit, so theirs are.
    older = guests.create_guest(store, receptionist, GuestFields("Ada Vrenkel")).id
    newer = guests.create_guest(store, receptionist, GuestFields("Bo Vrenkel")).id
    longer = [guests.create_guest(store, receptionist, GuestFields(f"Cas Vrenkelaar{i}")).id
              for i in range(4)]
    for gid, days in ((older, -400), (newer, -20), (longer[2], 0), (longer[0], -3)):
        visits.record_visit(store, receptionist, gid, kind=VisitKind.STAY, place="101",
                            starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=days),
                                                          dt.time(14)))
    statements.clear()
    found = guests.find_guests(store, receptionist, "Vrenkel", limit=3)
    assert [g.id for g in found] == [newer, older, longer[2]]
    assert found[2].when == "today"
    assert guests_whose_visits_were_read(statements) == [{older, newer, longer[2]}]
    # With room for them, the other longer names come too (the one seen lately first),
    # and their visits are read.
    statements.clear()
    found = guests.find_guests(store, receptionist, "Vrenkel", limit=10)
    assert [g.id for g in found][:4] == [newer, older, longer[2], longer[0]]
    assert guests_whose_visits_were_read(statements) == [{longer[0], longer[1], longer[3]}]
