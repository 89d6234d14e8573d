"""Many name words at once (a large import's) go in a few thousand per statement: the
dictionary holds what one statement per word gave — each word once, its keys, the words
already there kept as they were."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from storage import name_terms
from storage.store import Store

pytestmark = pytest.mark.both_engines


def _dictionary(store: Store) -> list[tuple[str, ...]]:
    with store.read() as s:
        return sorted(tuple(r) for r in s.execute(text(
            "SELECT term, fold, rev, sound, english FROM name_term")))


def test_many_words_land_like_one_at_a_time(store: Store) -> None:
    first = [f"Gast{i}" for i in range(150)] + ["Janssen", "Müller"]   # a few: one by one
    many = [f"Gast{i}" for i in range(100, 12_000)] + ["Janssen", "Ölçek", "Thomassen"]
    with store.write() as s:
        name_terms.remember_names(s, first)
    with store.write() as s:
        rows = name_terms.name_term_rows(many)
        assert len(rows) > name_terms._PER_STATEMENT  # more than one statement
        name_terms.insert_name_terms(s, rows)
    want = {(r["t"], r["f"], r["r"], r["s"], r["e"])
            for r in name_terms.name_term_rows(first + many)}
    assert _dictionary(store) == sorted(want)
