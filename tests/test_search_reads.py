"""What one key press reads from the local store (SQLite's own statement trace).

The results of these searches are defined in tests/test_search.py; here, that a key press
does not read what its results cannot need — each read of a guest's visits is about one
decrypted page on a large store (docs/performance.md, "Finding the right guest").
"""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import event

from app import guest_search, guests, visits
from app.domain import VisitKind
from app.guests import GuestFields
from app.views import Actor
from storage.store import Store
from tests.key_presses import assert_deactivated_refused, assert_key_presses_open_no_orm_session

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


def name_fetched(sql: str, word: str) -> bool:
    """Whether ``sql`` asks the search index, or the name-pair table (storage.name_pairs),
    for guests holding ``word``."""
    return ("MATCH" in sql or "FROM name_pair" in sql) and word in sql


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
    # A list of three: the two whole-word matches (the one seen lately first), then today's
    # guest among the names that only begin with what was typed. The last visit comes with
    # the guest row (``guest.last_visit_at``, kept by the database): visits are read only
    # for guests who can make the list and whose latest visit is today or later — today's
    # guest, and a guest with a booking to come (the last visit before today is asked).
    older = guests.create_guest(store, receptionist, GuestFields("Ada Vrenkel")).id
    newer = guests.create_guest(store, receptionist, GuestFields("Bo Vrenkel")).id
    longer = [guests.create_guest(store, receptionist, GuestFields(f"Cas Vrenkelaar{i}")).id
              for i in range(4)]
    for gid, days in ((older, -400), (newer, -20), (longer[2], 0), (longer[0], -3),
                      (longer[1], -10), (longer[1], 30)):
        visits.record_visit(store, receptionist, gid, kind=VisitKind.STAY, place="101",
                            starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=days),
                                                          dt.time(14)))
    statements.clear()
    found = guests.find_guests(store, receptionist, "Vrenkel", limit=3)
    assert [g.id for g in found] == [newer, older, longer[2]]
    assert found[2].when == "today"
    assert guests_whose_visits_were_read(statements) == [{longer[2]}]
    # With room for them, the other longer names come too (the one seen lately first: the
    # booking in a month does not count as a visit), and only the booked guest's visits are
    # read (today's were read at the key press before).
    statements.clear()
    found = guests.find_guests(store, receptionist, "Vrenkel", limit=10)
    assert [g.id for g in found] == [newer, older, longer[2], longer[0], longer[1], longer[3]]
    assert guests_whose_visits_were_read(statements) == [{longer[1]}]


TRICKY = ("Petra van Leeuwen", "Petra Leeuwen", "Petra Vanleeuwen", "PETRA VAN LEEUWEN",
          "Petra Ván Leeuwen", "Petra de Leeuwen-van Dijk", "Petra Leeuwenhoek",
          "Petra Leeuwen|vandam@example.org", "Petra Leeuwen|p_van@example.org",
          "Petra Leeuwen|p+van@example.org", "Petra Leeuwen|van.leeuwen@example.org",
          "Petra Vån Leeuwen", "Petra Vøn Leeuwen", "Petra Von Leeuwen", "Petra T Leeuwen",
          "Petra Te Leeuwen", "Petra Leeuwen-De", "Ruben de Bruijn-de Jong",
          "Ruben Bruijn-Jong|r.de.jong@example.org", "Ruben Bruijn de-Jong",
          "Ruben Bruijn Jong|bruijn-de@example.org", "Jasper in 't Veld",
          "Jasper Veld|in.t.veld@example.nl", "Jasper In T-Veld", "Ruben Bruijn-De Jonge")


def test_common_words_checked_on_the_rows_find_what_the_index_finds(
        store: Store, receptionist: Actor, statements: list[str]) -> None:
    # "van", "de", an initial: in hundreds of thousands of a million guests. The index is
    # asked for the other words, and the common ones are checked on those rows — the same
    # guests as the whole query, in names, emails (any separator) and with accents.
    from storage import search

    for entry in TRICKY:
        name, _sep, email = entry.partition("|")
        guests.create_guest(store, receptionist, GuestFields(name, email=email or None))
    typed_texts = ("Petra van Leeuwen", "petra VAN leeuwen", "van Leeuwen", "Petra v Leeuw",
                   "Petra de", "de Petra Leeuwen", "Petra Te Leeuwen", "t Leeuwen",
                   "Petra von Leeuwen", "van Petra", "Leeuwen van", "Petra va",
                   "Bruijn-de Jong", "Ruben Bruijn-de", "de-Jong", "Ruben de-J", "Bruijn-d",
                   "in't Veld", "in't", "Jasper t-Veld", "de.jong", "r.de", "bruijn-de@ex",
                   "Leeuwen-van Dijk", "Leeuwen-van", "Leeuwen-De", "leeuwen-d", "Bruijn-De J")
    with store.read() as s:
        for typed in typed_texts:
            for limit in (2, 50):
                for prefix, mine in ((False, search.whole_word_rows), (True, search.prefix_rows)):
                    expected = search.match_rows(s, search.fts_query(typed, prefix=prefix), limit)
                    statements.clear()
                    got = mine(s, typed, limit)
                    assert sorted(r.id for r in got) == sorted(r.id for r in expected), \
                        (typed, limit, prefix)
                    if limit == 50 and typed == "Petra van Leeuwen":
                        matches = [q for q in statements if "MATCH" in q]
                        assert matches and not any('"van"' in q for q in matches), matches
                    if limit == 50 and typed == "Bruijn-de Jong":
                        # a phrase with a common token: its other tokens asked for alone
                        matches = [q for q in statements if "MATCH" in q]
                        assert matches and not any("de" in q.lower().split("match", 1)[1]
                                                   for q in matches), matches


def test_ascii_quick_paths_read_words_as_the_unicode_paths_do() -> None:
    """Folding, dropping marks and the common-word check skip Unicode normalisation for
    plain ASCII text (most names and emails): each must give what the full path gives."""
    import unicodedata

    from app import guest_search
    from storage import name_keys, search

    def full_fold(text: str) -> str:
        decomposed = unicodedata.normalize("NFKD", text.translate(name_keys._SPECIAL))
        return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()

    def full_unmarked(text: str) -> str:
        return "".join(ch for ch in unicodedata.normalize("NFD", text)
                       if not unicodedata.combining(ch)).lower()

    texts = ["".join(map(chr, range(128))), "Jan van der BERG", "o'Brien-Smit_x+y@ex.org",
             "Ruben de Bruijn", "DE", "Straße", "Vøn Müller", "ĳsselmeer"]
    for t in texts:
        assert name_keys.fold(t) == full_fold(t), t
        assert search._unmarked(t) == full_unmarked(t), t
        assert guest_search._folded_words(t, t) == tuple(
            name_keys.fold(w) for w in name_keys.words(f"{t} {t}")), t
        assert guest_search._unaccented(t) == "".join(
            ch for ch in unicodedata.normalize("NFKD", t) if not unicodedata.combining(ch)), t
    rows = [search.GuestRow(1, "r", name, "", "", "en", email, None, dt.datetime(2026, 1, 1))
            for name, email in (("Ruben De Bruijn", None), ("Ruben Bruijn", "ruben.de@x.nl"),
                                ("Ruben Bruijn", None), ("Ruben Dé Bruijn", None),
                                ("Ruben Bruijn", "r_van@x.nl"))]
    held = [[search._holds(r, ["de"], prefix=p) for r in rows] for p in (False, True)]
    assert held == [[True, True, False, True, False], [True, True, False, True, False]]
    assert search._holds(rows[4], ["van"], prefix=False)


def test_a_result_is_the_snapshot_its_constructor_builds() -> None:
    """``as_match`` fills the frozen snapshot without its constructor: equal to it, field
    for field, with the same hash, and still frozen."""
    import dataclasses
    import types

    from app import guest_search
    from app.domain import VisitKind
    from app.i18n import _
    from app.views import GuestMatch
    from storage import search

    fields = (7, "G-7", "Anna de Vries", "Ans", "ahn-na", "nl", "a@x.nl", "+31 6 1",
              dt.datetime(2026, 1, 2, 3, 4))
    # the plain rows of the local store (read by position), any other row (by name)
    rows = (search.GuestRow(*fields),
            search.PlaceRow(*fields, None, "12", VisitKind.STAY, dt.datetime(2026, 1, 2)),
            types.SimpleNamespace(**dict(zip(search.GuestRow._fields, fields, strict=False)),
                                  extra="not shown"))
    for row, (why, tier, when) in itertools.product(
            rows, ((None, 0, ""), (_("sounds like"), 3, "today"))):
        built = GuestMatch(id=7, ref="G-7", full_name="Anna de Vries", preferred_name="Ans",
                           pronunciation="ahn-na", language="nl", email="a@x.nl",
                           phone="+31 6 1", created_at=dt.datetime(2026, 1, 2, 3, 4),
                           why=why, tier=tier, when=when)
        fast = guest_search.as_match(row, why, tier, when)
        assert fast == built and hash(fast) == hash(built) and repr(fast) == repr(built)
        assert dataclasses.asdict(fast) == dataclasses.asdict(built)
        assert fast.display_name == "Ans" and fast.why is why
        with pytest.raises(dataclasses.FrozenInstanceError):
            fast.tier = 1  # type: ignore[misc]


def test_a_shared_reason_says_what_a_fresh_one_says_in_every_language() -> None:
    """The forgiving reasons are made once per (said alike, letters) and shared: each is
    the message ``_()``/``ngettext_()`` would make, in every registered language."""
    from app import guest_search, languages
    from app.i18n import _, ngettext_, translate

    for alike, total in ((True, 0), (True, 1), (False, 1), (False, 2), (False, 3)):
        fresh = _("sounds like") if alike else ngettext_(
            "{n} letter different", "{n} letters different", total, n=total)
        shared = guest_search._close_why(alike, total)
        assert shared is guest_search._close_why(alike, total)
        assert (shared.msgid, shared.params, shared.plural, shared.n) == (
            fresh.msgid, fresh.params, fresh.plural, fresh.n)
        for lang in languages.all_languages():
            assert translate(shared, lang.code) == translate(fresh, lang.code)


def test_whole_name_closeness_is_measured_only_for_guests_that_can_make_the_list(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # "Vrankel" is one letter from the two Vrenkels and two from the Vronkols: in a list of
    # two, the Vronkols cannot come, whatever their names are like as a whole, so that
    # (rapidfuzz over three spellings per guest) is measured for the Vrenkels only.
    near = [guests.create_guest(store, receptionist, GuestFields(f"{g} Vrenkel")).id
            for g in ("Ada", "Bo")]
    far = [guests.create_guest(store, receptionist, GuestFields(f"{g} Vronkol")).id
           for g in ("Cas", "Dirk")]
    measured: list[int] = []
    real = guest_search._name_apart

    def spy(heard: tuple[str, str, str], row: Any) -> int:
        measured.append(int(row.id))
        return real(heard, row)

    monkeypatch.setattr(guest_search, "_name_apart", spy)
    found = [g.id for g in guests.find_guests(store, receptionist, "Vrankel", limit=4)]
    assert (set(found[:2]), set(found[2:])) == (set(near), set(far))
    assert sorted(measured) == sorted(near + far)
    measured.clear()
    found = [g.id for g in guests.find_guests(store, receptionist, "Vrankel", limit=2)]
    assert set(found) == set(near)
    assert sorted(measured) == sorted(near)


def test_index_answers_and_rows_are_kept_until_guest_data_changes(
        store: Store, receptionist: Actor, statements: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # The same key press again reads neither the index nor a guest row (both kept per store,
    # storage.search); a change of guest data — here a corrected name — is seen at the
    # next key press; and only so many rows are kept.
    from storage import search

    ids = [guests.create_guest(store, receptionist, GuestFields(f"{g} Vrenkel")).id
           for g in ("Ada", "Bo", "Cas", "Dirk")]
    first = [(g.id, g.full_name) for g in guests.find_guests(store, receptionist, "Vrenkel")]
    assert sorted(first) == sorted(zip(ids, ("Ada Vrenkel", "Bo Vrenkel", "Cas Vrenkel",
                                            "Dirk Vrenkel"), strict=True))
    statements.clear()
    assert [(g.id, g.full_name) for g in guests.find_guests(store, receptionist, "Vrenkel")
            ] == first
    assert not [q for q in statements if "MATCH" in q or "FROM guest WHERE id IN" in q
                or "FROM name_pair" in q]
    guests.update_guest(store, receptionist, ids[0], GuestFields("Ada Vrenkel-Smit"))
    after = {g.id: g.full_name for g in guests.find_guests(store, receptionist, "Vrenkel")}
    assert after[ids[0]] == "Ada Vrenkel-Smit"
    assert [g.full_name for g in guests.find_guests(store, receptionist, "Vrenkel Smit")] == [
        "Ada Vrenkel-Smit"]
    monkeypatch.setattr(search, "ROWS_KEPT", 3)
    monkeypatch.setattr(search, "IDS_KEPT", 2)
    assert sorted(g.id for g in guests.find_guests(store, receptionist, "Vrenk")) == ids
    with store.read() as s:   # the caches are per store (other tests' may still be alive)
        bind = s.get_bind()
    rows, answers = search._rows_cache[bind][1], search._ids_cache[bind][1]
    assert (len(rows), len(answers)) == (3, 2)


def test_rows_read_in_a_write_transaction_are_not_kept(store: Store,
                                                        receptionist: Actor) -> None:
    # A write transaction sees its own changes, and may roll back without moving the change
    # counter: what it read must not be handed to a later transaction.
    from storage import search
    from storage.models import Guest

    gid = guests.create_guest(store, receptionist, GuestFields("Ada Vrenkel")).id
    query = search.fts_query("Vrenkel")

    class Undo(Exception):
        pass

    with pytest.raises(Undo), store.write() as s:
        guest = s.get(Guest, gid)
        assert guest is not None
        guest.full_name = "Ada Vrenkel-Smit"
        s.flush()
        assert [r.full_name for r in search.match_rows(s, query, 50)] == ["Ada Vrenkel-Smit"]
        raise Undo
    with store.write() as s:
        assert [r.full_name for r in search.match_rows(s, query, 50)] == ["Ada Vrenkel"]
    with store.read() as s:
        assert [r.full_name for r in search.match_rows(s, query, 50)] == ["Ada Vrenkel"]


def test_the_oldest_kept_rows_and_answers_go_first(store: Store, receptionist: Actor,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    # Past the caps, the rows and index answers read longest ago are dropped, one by one,
    # and the newest stay (storage.search drops them in constant time: OrderedDict).
    from storage import search

    ids = [guests.create_guest(store, receptionist, GuestFields(f"{g} Vrenkel")).id
           for g in ("Ada", "Bo", "Cas", "Dirk")]
    monkeypatch.setattr(search, "ROWS_KEPT", 2)
    monkeypatch.setattr(search, "IDS_KEPT", 2)
    queries = [search.fts_query(w) for w in ("Ada", "Bo", "Cas", "Dirk")]
    with store.read() as s:
        bind = s.get_bind()   # the caches are per store (other tests' may still be alive)
        for gid, query in zip(ids, queries, strict=True):
            assert [r.id for r in search.match_rows(s, query, 50)] == [gid]
    rows, answers = search._rows_cache[bind][1], search._ids_cache[bind][1]
    assert list(rows) == ids[2:]
    assert [q for q, _limit in answers] == queries[2:]
    with store.read() as s:   # a kept row is handed over again, not read: still the newest two
        assert [r.id for r in search.match_rows(s, queries[3], 50)] == [ids[3]]
    assert list(search._rows_cache[bind][1]) == ids[2:]


def test_kept_rows_and_answers_are_left_out_of_the_collectors_scans(
        store: Store, receptionist: Actor) -> None:
    # Kept rows and index answers are plain tuples of plain values, which CPython's garbage
    # collector stops tracking once it has seen them (a named tuple or a list it scans at
    # every collection of its generation, for as long as it is kept); a kept row is handed
    # out as the same GuestRow as a row read from the file.
    import gc

    from storage import search

    ids = [guests.create_guest(store, receptionist, GuestFields(f"{g} Vrenkel")).id
           for g in ("Ada", "Bo", "Cas")]
    query = search.fts_query("Vrenkel")
    with store.read() as s:
        bind = s.get_bind()
        read = search.match_rows(s, query, 50)
    gc.collect()
    rows, answers = search._rows_cache[bind][1], search._ids_cache[bind][1]
    assert sorted(rows) == ids and answers
    assert not [r for r in rows.values() if gc.is_tracked(r)]
    assert not [a for a in answers.values() if gc.is_tracked(a)]
    with store.read() as s:
        again = search.match_rows(s, query, 50)
    with store.write() as s:   # not kept: read from the file
        fresh = search.match_rows(s, query, 50)
    assert again == read == fresh and [r.id for r in again] == ids
    assert all(type(r) is search.GuestRow for r in again + read + fresh)
    assert again[0].full_name == "Ada Vrenkel" and again[0].last_visit_at is None


def test_remembered_name_comparisons_are_left_out_of_the_collectors_scans() -> None:
    # How close a name is to the typed words is remembered (``guest_search._closeness``,
    # up to 20,000 answers) as plain values, which CPython's collector stops scanning once
    # it has seen them; with the reason's message inside, every kept answer was scanned
    # at each collection of its generation. The reason is the same shared message.
    import gc

    typed, names = ("daan", "vrenkle"), ("daan", "vrenkel")
    hit = guest_search._closeness(typed, names)
    assert hit == (guest_search.T_CLOSE, guest_search._close_why(False, 1), 1)
    assert guest_search._closeness(("daan", "vrenk"), names) == (guest_search.T_PREFIX, None, 0)
    kept = guest_search._closeness_plain(typed, names)
    gc.collect()
    gc.collect()
    assert kept is not None and not gc.is_tracked(kept)
    assert guest_search._closeness(typed, names) == hit


def test_remembered_word_ranks_and_closeness_are_shared_answers() -> None:
    # A word's rank against a name word, and a name's closeness to the typed words, are
    # remembered per pair (up to 100,000 and 20,000 answers): each answer is one of a few
    # shared values, not a new tuple per pair that every young collection of the garbage
    # collector then scans (with the pair's key it was most of what a young collection
    # found at a million guests). The distance itself is remembered once, as the rank.
    a = guest_search._word_rank("jansen", "janssen", False)
    b = guest_search._word_rank("pieter", "peter", False)
    assert a == b == (1.0, 1, False) and a is b
    assert guest_search._word_rank("smit", "schmidt", True) is guest_search._word_rank(
        "tomassen", "thomasen", False) == (1.5, 0, True)
    c = guest_search._closeness_plain(("daan", "vrenkle"), ("daan", "vrenkel"))
    d = guest_search._closeness_plain(("piet", "jansn"), ("piet", "jansen", "piet"))
    assert c == d == (guest_search.T_CLOSE, False, 1) and c is d
    assert not hasattr(guest_search._word_distance, "cache_info")


def test_remembered_comparisons_leave_no_objects_for_the_young_collections() -> None:
    # A word's rank against a name word, a name's closeness to the typed words and a
    # name's words are remembered by keys of one string and as shared or plain answers:
    # new pairs compared leave (next to nothing) for the collector's next young collection
    # to scan — a tuple of the arguments per answer, and a tuple of a name's words, were
    # most of what each young collection met at a million guests (docs/performance.md).
    import gc

    from storage import name_keys

    gc.collect()
    gc.disable()
    try:
        young = len(gc.get_objects(0))
        for i in range(300):
            guest_search._word_rank(f"jansen{i}", f"janssen{i}", i % 2 == 0)
            guest_search._closeness_plain(("daan", "vrenkle"), (f"daan{i}", "vrenkel"))
            assert name_keys.words(f"Anna Jansen-{i}") == ["anna", "jansen", str(i)]
        left = len(gc.get_objects(0)) - young
    finally:
        gc.enable()
    assert left < 30, left


def test_a_typed_words_readings_are_worked_out_once_until_guest_data_changes(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # The forgiving search's readings of a typed word (dictionary words one or two letters
    # away or said alike, best first) come from the name dictionary alone, so they are kept
    # with its answers: the same words typed again (the next key press asks every word typed
    # so far) are not worked out again, until guest data changes and a new name can be one.
    close = guests.create_guest(store, receptionist, GuestFields("Daan Vrenkel")).id
    asked: list[tuple[str, bool]] = []
    work_out = guest_search._read_alternatives

    def counted(s: Any, word: str, last: bool) -> Any:
        asked.append((word, last))
        return work_out(s, word, last)

    monkeypatch.setattr(guest_search, "_read_alternatives", counted)
    first = guests.find_guests(store, receptionist, "Daan Vrenkle")
    assert [g.id for g in first] == [close] and asked
    asked.clear()
    assert guests.find_guests(store, receptionist, "Daan Vrenkle") == first
    assert asked == []
    other = guests.create_guest(store, receptionist, GuestFields("Daan Vrenkla")).id
    again = guests.find_guests(store, receptionist, "Daan Vrenkle")
    assert asked and {g.id for g in again} == {close, other}


def test_a_key_press_leaves_no_cyclic_garbage(store: Store, receptionist: Actor) -> None:
    # What a key press's read transaction keeps for itself (its driver connection, the change
    # counter: ``storage.search._per_transaction``) must not tie the transaction to its
    # session: a strong reference made a cycle that left each key press's session,
    # transaction and connection (~45 objects) for the garbage collector to find and free —
    # collections inside later key presses. Exact, prefix and forgiving key presses alike.
    import gc

    for first, last in (("Ada", "Vrenkel"), ("Bo", "Vrenkel"), ("Cas", "Moller")):
        guests.create_guest(store, receptionist, GuestFields(f"{first} {last}"))
    typed = ("Vrenkel", "Vren", "Ada Vrenkle", "Cas Muller", "Bo Vrenkel", "0612")
    for text in typed:   # caches filled, lazy imports done, the count of searches written
        guests.find_guests(store, receptionist, text)
    was_enabled = gc.isenabled()
    gc.disable()
    gc.collect()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        for text in typed * 3:
            guests.find_guests(store, receptionist, text)
        gc.collect()
        garbage = [type(o).__qualname__ for o in gc.garbage]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        if was_enabled:
            gc.enable()
    assert garbage == []


def test_a_reading_two_letters_away_is_not_fetched_once_closer_guests_fill_the_list(
        store: Store, receptionist: Actor, statements: list[str]) -> None:
    # "Daan Vrenkle": three Daan Vrenkels are one letter away (two letters swapped), Daan
    # Vrenkaa two letters away. With a list of three the close ones fill it, and the name
    # two letters away, which would rank below them all, is not asked of the index; with
    # room for it, it is, and comes last.
    close = [guests.create_guest(store, receptionist, GuestFields("Daan Vrenkel")).id
             for _ in range(3)]
    far = guests.create_guest(store, receptionist, GuestFields("Daan Vrenkaa")).id

    def far_fetched() -> bool:
        return any(name_fetched(q, "vrenkaa") for q in statements)

    statements.clear()
    found = guests.find_guests(store, receptionist, "Daan Vrenkle", limit=3)
    assert sorted(g.id for g in found) == sorted(close)
    assert {str(g.why) for g in found} == {"1 letter different"}
    assert not far_fetched()
    statements.clear()
    found = guests.find_guests(store, receptionist, "Daan Vrenkle", limit=5)
    assert [g.id for g in found][:3] == [g.id for g in found if g.id in close]
    assert [g.id for g in found][3:] == [far]
    assert str(found[3].why) == "2 letters different"
    assert far_fetched()


def test_readings_two_letters_away_are_fetched_when_todays_guests_were_not_all_matched(
        store: Store, receptionist: Actor, statements: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    # More arrivals today than are matched in memory (WEEK_ROWS, here 1): a guest arriving
    # today whose name is two letters away may be among those left out, and would rank
    # above the closer guests — so the reading is fetched even though they fill the list.
    monkeypatch.setattr(guest_search, "WEEK_ROWS", 1)
    close = [guests.create_guest(store, receptionist, GuestFields("Daan Vrenkel")).id
             for _ in range(3)]
    far = guests.create_guest(store, receptionist, GuestFields("Daan Vrenkaa")).id
    early = guests.create_guest(store, receptionist, GuestFields("Zeno Olthof")).id
    for gid, hour in ((early, 9), (far, 15)):
        visits.record_visit(store, receptionist, gid, kind=VisitKind.STAY, place="101",
                            starts_at=dt.datetime.combine(TODAY, dt.time(hour)))
    statements.clear()
    found = guests.find_guests(store, receptionist, "Daan Vrenkle", limit=3)
    assert any(name_fetched(q, "vrenkaa") for q in statements)
    assert (found[0].id, found[0].when) == (far, "today")
    assert {g.id for g in found[1:]} < set(close)


def test_a_key_press_reads_without_an_orm_session(store: Store, receptionist: Actor,
                                                   manager: Actor) -> None:
    # A key press's read transaction runs straight on a pooled driver connection
    # (storage.store.Store.search_read): an ORM session's begin, checkout, commit and close
    # cost ~0.25 ms of CPU a key press. Name, forgiving, phone (the venue's country read
    # for the number) and room key presses and the warm-up alike; the permission is still read in
    # that transaction (a deactivated account is refused at the next key press).
    assert_key_presses_open_no_orm_session(store, receptionist)
    assert_deactivated_refused(store, manager, receptionist)


def test_a_failed_key_press_gives_its_connection_back_out_of_its_transaction(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    from sqlalchemy.exc import DBAPIError

    from storage import search

    guests.create_guest(store, receptionist, GuestFields("Ada Vrenkel"))
    guests.find_guests(store, receptionist, "Ada")
    real = search.place_rows

    def failing(session: Any, places: Any, day: Any) -> Any:
        search.raw_rows(session, "SELECT * FROM no_such_table", ())
        return real(session, places, day)

    monkeypatch.setattr(search, "place_rows", failing)
    with pytest.raises(DBAPIError):
        guests.find_guests(store, receptionist, "Vrenkel")
    monkeypatch.setattr(search, "place_rows", real)
    assert store.engine.pool.checkedout() == 0   # type: ignore[attr-defined]
    fairy = store.engine.raw_connection()   # the pool's last in: the one that failed
    try:
        assert not fairy.driver_connection.in_transaction   # type: ignore[union-attr]
    finally:
        fairy.close()
    assert [g.full_name for g in guests.find_guests(store, receptionist, "Vrenkel")] == [
        "Ada Vrenkel"]


def test_the_combinations_tried_are_the_first_of_the_whole_product_sorted() -> None:
    # A forgiving key press tries the closest MAX_QUERIES combinations of one reading per
    # typed word (all of them, or those with a reading two letters away). They are found
    # best first without making and sorting the whole product (6**4 for a four-word name):
    # the same combinations in the same order, ties in the product's order.
    import itertools
    import random

    rnd = random.Random(15)
    for _trial in range(3000):
        per_word = []
        for w in range(rnd.randint(1, 5)):
            per_word.append(sorted({guest_search._Alt(rnd.randint(0, 2), rnd.randint(0, 3),
                                                      rnd.randint(0, 1),
                                                      (f"w{w}r{rnd.randint(0, 40)}",))
                                    for _ in range(rnd.randint(1, 6))}))
        whole = sorted(itertools.product(*per_word),
                       key=lambda c: (sum(a.quality for a in c), sum(a.edits for a in c),
                                      sum(a.longer for a in c)))
        for far_only in (False, True):
            want = [c for c in whole if not far_only or any(a.quality > 1 for a in c)]
            count = rnd.randint(1, 8)
            got = guest_search._closest_combos(per_word, count, far_only=far_only)
            assert got == want[:count], (per_word, far_only, count)
