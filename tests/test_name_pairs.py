"""The name-pair table (storage.name_pairs): exact on every write path, the index's answers."""

from __future__ import annotations

import datetime as dt
import itertools
import random
from pathlib import Path
from typing import Any

import pytest
import sqlcipher3
from sqlalchemy import event, text

from app import erasure, guests, importing, merge
from app.demo import build_demo
from app.guests import GuestFields
from app.opening import MemoryKey, open_store
from app.views import Actor
from storage import migrate, name_pairs, search
from storage.store import Store
from tests.import_helpers import plan_of

TRICKY = [
    "Zoë Müller-Lüdenscheidt", "Seán O'Brien", "Jan-Willem van der Berg", "Ærøskøbing Ødegård",
    "Łukasz Żółć", "Straße Weiß", "İlkay Gündoğan", "ΟΔΥΣΣΕΥΣ Παπαδόπουλος",
    "Ａｎｎａ Ｊａｎｓｅｎ",
    "Anna Jansen", "anna JANSEN", "Anna Janssen", "Jansen Anna", "José María García",
    "Nguyễn Văn An", "Björk Guðmundsdóttir", "d'Artagnan Charles", "Anna Anna",
    "Mary-Kate O’Neill", "Ĳsbrand Ĳzerman", "Æsa ﬁnn", "Piet\u00a0Zwart", "Dirk_de Vries",
    "Anne-Marie 2nd", "Sjaak\u0301 Jansen",
]


def _pairs_exact(store: Store) -> list[tuple[str, str, int]]:
    """The table as held, checked equal to the one rebuilt from the guests."""
    with store.engine.connect() as conn:
        held, expected = name_pairs.held_rows(conn), name_pairs.expected_rows(conn)
        conn.rollback()
    assert held == expected
    return held


def test_ascii_is_cut_and_folded_as_the_index_does() -> None:
    for code in range(1, 128):
        sample = f"Ab{chr(code)}Cd 9{chr(code)}x"
        assert name_pairs.tokens(sample) == name_pairs._fts_tokens(sample), repr(chr(code))


def test_the_words_are_the_search_index_words(store: Store, receptionist: Actor) -> None:
    """Every word FTS5 indexed of a guest's names, and no other, is in its pairs."""
    ids = [guests.create_guest(store, receptionist, GuestFields(n, preferred_name=p)).id
           for n, p in zip(TRICKY, ["", "Sean", "JW", "", "Łuk"] + [""] * 30, strict=False)]
    with store.engine.connect() as conn:
        conn.exec_driver_sql("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, guest_fts, "
                             "'instance')")
        indexed: dict[int, set[str]] = {}
        for term, doc, col in conn.exec_driver_sql("SELECT term, doc, col FROM temp.v"):
            if col in ("full_name", "preferred_name"):
                indexed.setdefault(int(doc), set()).add(str(term))
        held = name_pairs.held_rows(conn)
        conn.rollback()
    for gid in ids:
        words = indexed.get(gid, set())
        assert {(a, b) for a, b, g in held if g == gid} == set(
            itertools.permutations(words, 2)), gid
    _pairs_exact(store)


def _by_index(s: Any, groups: list[list[str]], prefix: str | None, limit: int) -> list[Any]:
    """The search index's own answer, read from the index itself: ``search.match_rows``
    in a read transaction keeps its answer for the query, and ``search.name_rows`` asked
    the same query then hands that kept answer back without reading the pair table."""
    query = search.name_query(groups, prefix_last=prefix)
    if not query:
        return []
    return search._guest_rows(search.raw_rows(s, search._FIND_RAW, (query, limit)))


def test_search_answers_are_the_same_with_and_without_the_table(
        store: Store, receptionist: Actor) -> None:
    rng = random.Random(7)
    firsts = ["Anna", "Jan", "Piet", "Zoë", "Seán", "Łukasz", "José", "Anne"]
    lasts = ["Jansen", "Janssen", "de Vries", "Müller", "Mueller", "O'Brien", "van der Berg",
             "Weiß", "Ødegård", "García", "Jansen-Smit"]
    for _ in range(300):
        guests.create_guest(store, receptionist, GuestFields(
            f"{rng.choice(firsts)} {rng.choice(lasts)}", preferred_name=rng.choice(
                ["", "", rng.choice(firsts)])))
    for name in TRICKY:
        guests.create_guest(store, receptionist, GuestFields(name))
    words = sorted({w for n in firsts + lasts + TRICKY for w in n.replace("-", " ").split()})
    words += ["anna", "ANNA", "jans", "jan*", "mül", "o'brien", "zzz", "an"]
    used, compared = 0, 0
    with store.read() as s:
        for _ in range(600):
            groups = [rng.sample(words, rng.randint(1, 2)), rng.sample(words, rng.randint(1, 3))]
            prefix = rng.choice([None, None, "jan", "ja", "mü", "van", "weiß"])
            for limit in (3, 50):
                by_index = _by_index(s, groups, prefix, limit)
                assert search.name_rows(s, groups, prefix, limit) == by_index, (groups, prefix)
                used += name_pairs.plan(groups, prefix) is not None
                compared += 1
    assert used > compared // 3   # the table did answer a good share of them


def _name_statements(store: Store) -> tuple[list[str], Any]:
    """Every statement the store's connections run from now on (SQLite's trace)."""
    seen: list[str] = []

    def trace(dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        dbapi_conn.set_trace_callback(seen.append)

    event.listen(store.engine, "checkout", trace)
    return seen, lambda: event.remove(store.engine, "checkout", trace)


def test_three_and_four_word_names_come_from_the_table_with_the_index_answers(
        store: Store, receptionist: Actor) -> None:
    """A name query of three or more groups is the guests in every pair set of a group
    with the last one: the index's answer, without walking the index."""
    rng = random.Random(11)
    firsts = ["Anna", "Maria", "Jan", "Piet", "Zoë", "José", "Anne", "Noor", "Finn"]
    lasts = ["Jansen", "Janssen", "de Vries", "Müller", "Mueller", "van der Berg", "Weiß",
             "García", "Jansen-Smit"]
    for _ in range(400):
        given = " ".join(rng.sample(firsts, rng.choice([1, 2, 2, 3])))
        guests.create_guest(store, receptionist, GuestFields(
            f"{given} {rng.choice(lasts)}",
            preferred_name=rng.choice(["", "", rng.choice(firsts)])))
    words = sorted({w.lower() for n in firsts + lasts for w in n.replace("-", " ").split()})
    words += ["jan*", "zzz", "an"]
    used, compared = 0, 0
    with store.read() as s:
        for _ in range(500):
            groups = [rng.sample(words, rng.randint(1, 2)) for _ in range(rng.choice([3, 3, 4]))]
            prefix = rng.choice([None, None, "jan", "ja", "mül", "vri"])
            for limit in (2, 50):
                by_index = _by_index(s, groups, prefix, limit)
                assert search.name_rows(s, groups, prefix, limit) == by_index, (groups, prefix)
                used += name_pairs.plan_each(groups, prefix) is not None
                compared += 1
    assert used > compared // 4
    # "Anna Maria Jansen": pair ranges only, no walk of the index.
    seen, stop = _name_statements(store)
    try:
        with store.read() as s:
            rows = search.name_rows(s, [["anna"], ["maria"], ["jansen"]], None, 50)
            begun = search.name_rows(s, [["anna"], ["maria"]], "jans", 50)
    finally:
        stop()
    assert rows and all({"anna", "maria", "jansen"} <= set(
        name_pairs.tokens(f"{r.full_name} {r.preferred_name}")) for r in rows)
    assert begun and len(begun) >= len(rows)
    assert not [sql for sql in seen if "MATCH" in sql], seen
    assert [sql for sql in seen if "FROM name_pair" in sql]


def test_a_three_word_set_too_large_to_read_whole_goes_to_the_index(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    for i in range(6):
        guests.create_guest(store, receptionist, GuestFields(f"Anna Maria Jansen{'s' * (i % 2)}"))
    guests.create_guest(store, receptionist, GuestFields("Anna Pieter Jansen"))
    monkeypatch.setattr(name_pairs, "SET_CAP", 2)
    seen, stop = _name_statements(store)
    try:
        with store.read() as s:
            rows = search.name_rows(s, [["anna"], ["maria"], ["jansen"]], None, 50)
            nobody = search.name_rows(s, [["zzz"], ["anna"], ["jansen"]], None, 50)
    finally:
        stop()
    assert [r.full_name for r in rows] == ["Anna Maria Jansen"] * 3
    assert nobody == []
    assert len([sql for sql in seen if "MATCH" in sql]) == 1   # the large set; not "zzz"


def test_every_write_path_keeps_the_table_exact(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    # The form, then a correction of each name (Show guest's corrections use update_guest).
    a = guests.create_guest(store, receptionist, GuestFields("Anna Jansen", preferred_name="An"))
    b = guests.create_guest(store, receptionist, GuestFields("Anna Janssen"))
    c = guests.create_guest(store, receptionist, GuestFields("Zoë Müller"))
    assert len(_pairs_exact(store)) == 2 + 2 + 6
    guests.update_guest(store, receptionist, c.id, GuestFields("Zoë Müller-Smit", "Zo"))
    guests.update_guest(store, receptionist, b.id, GuestFields("Anna Janssen", email="a@b.nl"))
    assert ("smit", "zoe", c.id) in _pairs_exact(store)
    # An import.
    data = ("Name;Arrival\nPiet Zwart;14-03-2026\nSeán O'Brien;15-03-2026\n"
            "Kees de Vries;16-03-2026\n").encode()
    importing.apply(store, manager, plan_of(store, data))
    held = _pairs_exact(store)
    assert ("brien", "sean", held[-1][2]) in held or any(r[:2] == ("brien", "sean") for r in held)
    # A merge, and its undo.
    merge_id = merge.merge_guests(store, manager, a.id, b.id,
                                  take_from_other=frozenset({"full_name"}))
    assert not [r for r in _pairs_exact(store) if r[2] == b.id]
    merge.undo_merge(store, manager, merge_id)
    assert [r for r in _pairs_exact(store) if r[2] == b.id]
    # Erasure: none of the guest's words left in the table.
    erasure.erase_guest(store, manager, c.id)
    held = _pairs_exact(store)
    assert not [r for r in held if r[2] == c.id or "zoe" in r[:2] or "smit" in r[:2]]
    # A plain SQL delete (retention, bench tools) goes through the trigger too.
    with store.write() as s:
        s.execute(text("DELETE FROM guest WHERE id = :i"), {"i": a.id})
    assert not [r for r in _pairs_exact(store) if r[2] == a.id]


def test_the_demo_builder_keeps_the_table_exact(tmp_path: Path) -> None:
    store = open_store(tmp_path, MemoryKey())
    try:
        build_demo(store, guests=300, seed=5, today=dt.date(2026, 11, 24))
        assert len(_pairs_exact(store)) > 300
    finally:
        store.close()


def test_a_connection_without_the_words_function_cannot_write_a_guest() -> None:
    """A connection the store did not give the function fails loudly, never silently."""
    bare = sqlcipher3.connect(":memory:")
    bare.execute("CREATE TABLE guest (id INTEGER PRIMARY KEY, full_name TEXT, "
                 "preferred_name TEXT)")
    bare.execute(name_pairs.CREATE_TABLE)
    for sql in name_pairs.TRIGGERS.values():
        bare.execute(sql)
    with pytest.raises(sqlcipher3.OperationalError, match=name_pairs.FUNCTION):
        bare.execute("INSERT INTO guest VALUES (1, 'Anna Jansen', NULL)")
    name_pairs.register(bare)
    bare.execute("INSERT INTO guest VALUES (1, 'Anna Jansen', NULL)")
    assert bare.execute("SELECT count(*) FROM name_pair").fetchone()[0] == 2


def test_the_migration_builds_the_table_for_stored_guests(store: Store,
                                                         receptionist: Actor) -> None:
    for name in TRICKY:
        guests.create_guest(store, receptionist, GuestFields(name))
    before = _pairs_exact(store)
    with store.engine.begin() as conn:
        migrate.downgrade(conn, "0018")
        assert not conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE 'name_pair%'").fetchall()
    with store.engine.begin() as conn:
        migrate.upgrade(conn)
    assert _pairs_exact(store) == before and before
    guests.create_guest(store, receptionist, GuestFields("Nieuwe Gast"))
    assert len(_pairs_exact(store)) == len(before) + 2


def test_a_guest_twice_in_a_prefix_range_takes_one_place_of_the_limit(
        store: Store, receptionist: Actor) -> None:
    """"Anna Jansen", called "Jan", has two pairs in the range of "anna" with "jan…": the
    first two guests by id are her and the next Anna J…, as the index finds them."""
    for name, called in [("Anna Jansen", "Jan"), ("Anna Janssen", ""), ("Anna Jantje", "")]:
        guests.create_guest(store, receptionist, GuestFields(name, preferred_name=called))
    assert name_pairs.plan([["anna"], []], "jan") == [("anna", "jan", True)]
    with store.read() as s:
        got = [r.full_name for r in search.name_rows(s, [["anna"], []], "jan", 2)]
        assert got == [r.full_name for r in _by_index(s, [["anna"], []], "jan", 2)]
    assert got == ["Anna Jansen", "Anna Janssen"]


def test_the_other_groups_are_asked_only_of_the_first_sets_guests(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Anna Maria Jansen": the set of (anna, jansen) is read; "maria" is asked only of its
    # guests, in their pairs (anna, maria) — the (maria, jansen) set is not read whole, so
    # its size no longer sends the query to the index (storage.name_pairs._probed).
    anna = guests.create_guest(store, receptionist, GuestFields("Anna Maria Jansen")).id
    guests.create_guest(store, receptionist, GuestFields("Anna Jansen"))
    for first in ("Piet", "Noor", "Finn"):
        guests.create_guest(store, receptionist, GuestFields(f"{first} Maria Jansen"))
    monkeypatch.setattr(name_pairs, "SET_CAP", 2)
    seen, stop = _name_statements(store)
    try:
        with store.read() as s:
            rows = search.name_rows(s, [["anna"], ["maria"], ["jansen"]], None, 50)
    finally:
        stop()
    traced = list(seen)   # (the connection keeps tracing into ``seen``)
    with store.read() as s:
        assert rows == _by_index(s, [["anna"], ["maria"], ["jansen"]], None, 50)
    assert [r.id for r in rows] == [anna]
    assert not [sql for sql in traced if "MATCH" in sql], traced
    assert not [sql for sql in traced if "a = 'maria'" in sql], traced
    assert [sql for sql in traced if "json_each" in sql and "a = 'anna'" in sql]


def test_a_range_read_once_is_kept_until_guest_data_changes(
        store: Store, receptionist: Actor) -> None:
    """A forgiving key press asks all close readings at once, then each combination on its
    own: the same ranges of the table, read once and kept (``name_pairs.KeptRanges``) —
    as the index's answers are — for the next key presses, until guest data changes. A
    range read with a limit answers a lower one, and any when it was not full."""
    ids = [guests.create_guest(store, receptionist, GuestFields(n)).id
           for n in ("Anna Jansen", "Anna Jansen", "Anna Jansen", "Anne Jansen", "Anna Jans")]

    def ranges(groups: list[list[str]], prefix: str | None, limit: int
               ) -> tuple[list[int], list[str]]:
        seen, stop = _name_statements(store)
        try:
            with store.read() as s:
                got = [r.id for r in search.name_rows(s, groups, prefix, limit)]
                assert got == [r.id for r in _by_index(s, groups, prefix, limit)]
        finally:
            stop()
        return got, [sql for sql in seen if "FROM name_pair" in sql]

    both, read = ranges([["anna", "anne"], ["jansen"]], None, 50)
    assert both == ids[:4] and len(read) == 2
    assert ranges([["anna"], ["jansen"]], None, 50) == (ids[:3], [])     # kept
    assert ranges([["anne"], ["jansen"]], None, 7) == ([ids[3]], [])     # not full: any limit
    first, read = ranges([["anna"], ["jans"]], None, 1)
    assert first == [ids[4]] and len(read) == 1
    # (anna, jansen) kept; (anna, jans…) read
    begun, read = ranges([["anna"], ["jansen"]], "jans", 2)
    assert begun == ids[:2] and len(read) == 1 and "b >= " in read[0]
    assert ranges([["anna"], []], "jans", 2) == (ids[:2], [])            # kept
    assert ranges([["anna"], ["jansen"]], None, 2) == (ids[:2], [])      # a lower limit
    # A full answer does not answer a higher limit: read again.
    begun, read = ranges([["anna"], []], "jans", 3)
    assert begun == ids[:3] and len(read) == 1
    added = guests.create_guest(store, receptionist, GuestFields("Anna Jansen")).id
    again, read = ranges([["anna"], ["jansen"]], None, 50)
    assert again == [*ids[:3], added] and len(read) == 1   # guest data changed: read


def test_the_words_and_ranges_kept_go_with_the_other_names(
        store: Store, receptionist: Actor) -> None:
    """What the pair look-ups remember of names — a word's index word, the ranges of two
    words — is dropped when the search drops every cache of names by their text (an
    erasure, a corrected name: docs/threat-model.md), as the rows and answers are."""
    guests.create_guest(store, receptionist, GuestFields("Ada Vrenkel"))
    for _ in range(2):   # (the first read sees the change counter move: names dropped)
        with store.read() as s:
            assert [r.full_name for r in search.name_rows(s, [["ada"], ["vrenkel"]], None,
                                                          5)] == ["Ada Vrenkel"]
    assert name_pairs._one_token.cache_info().currsize
    assert any(len(kept._held) for kept in search._ranges_cache.values())
    # A name's non-ASCII pieces, as FTS5 cut them for its pairs, go too.
    guests.create_guest(store, receptionist, GuestFields("Ærøskøbing Vrenkel"))
    assert "Ærøskøbing" in name_pairs._pieces
    search.forget_names_now()
    assert name_pairs._one_token.cache_info().currsize == 0
    assert not search._ranges_cache
    assert not name_pairs._pieces
