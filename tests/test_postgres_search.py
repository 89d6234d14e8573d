"""The shared store's word index (``guest_word``, revision 0017) on a real server.

Search behaviour itself is tested on both engines in tests/test_search.py and
tests/test_use_cases.py; here: the server keeps the word rows equal to the guests'
folded words through every kind of write (one guest, a bulk ``COPY``-like insert, a
correction, an update that leaves the names alone, an erasure), and a key press reads
the index rather than walking the guests (its plan, from ``EXPLAIN``).
"""

from __future__ import annotations

from collections.abc import Iterator

import psycopg
import pytest

from app import erasure, guests
from app.guests import GuestFields
from app.views import Actor
from storage.postgres_schema import NAME_COLUMN, SEARCH_COLUMN, WORD_TABLE
from storage.store import Store
from tests.key_presses import assert_deactivated_refused, assert_key_presses_open_no_orm_session
from tests.pg_fixtures import SharedCluster, record_fetches

pytestmark = [pytest.mark.postgres,
              pytest.mark.parametrize("engine_name", ["postgresql"], indirect=True)]


@pytest.fixture
def owner(pg_cluster: SharedCluster, shared_db: str, store: Store
          ) -> Iterator[psycopg.Connection[tuple[object, ...]]]:
    """A superuser connection to the test's database (reads what the desk's writes left)."""
    with psycopg.connect(pg_cluster.server.admin_conninfo(shared_db), autocommit=True) as conn:
        yield conn


def stored_words(conn: psycopg.Connection[tuple[object, ...]]) -> set[tuple[str, int, bool]]:
    return {(str(w), int(str(g)), bool(n)) for w, g, n in conn.execute(
        f"SELECT word, guest_id, in_name FROM {WORD_TABLE}").fetchall()}


def expected_words(conn: psycopg.Connection[tuple[object, ...]]) -> set[tuple[str, int, bool]]:
    """Each guest's words as the generated columns hold them, computed here in Python."""
    out = set()
    for gid, every, names in conn.execute(
            f"SELECT id, {SEARCH_COLUMN}, {NAME_COLUMN} FROM guest").fetchall():
        name_words = set(str(names).split())
        for w in set(str(every).split()) | name_words:
            out.add((w, int(str(gid)), w in name_words))
    return out


def texts_astray(conn: psycopg.Connection[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """Word rows whose copy of their guest's folded words (revision 0020) is not the guest's
    own: each must be equal, or NULL when the guest's words are longer than TEXT_MAX bytes."""
    from storage.postgres_schema import TEXT_MAX

    return conn.execute(
        f"SELECT w.word, w.guest_id FROM {WORD_TABLE} w JOIN guest g ON g.id = w.guest_id "
        f"WHERE w.{SEARCH_COLUMN} IS DISTINCT FROM CASE WHEN octet_length(g.{SEARCH_COLUMN})"
        f" <= {TEXT_MAX} THEN g.{SEARCH_COLUMN} END OR w.{NAME_COLUMN} IS DISTINCT FROM "
        f"CASE WHEN octet_length(g.{NAME_COLUMN}) <= {TEXT_MAX} THEN g.{NAME_COLUMN} END"
    ).fetchall()


def test_the_word_rows_follow_every_write_to_a_guest(
        store: Store, receptionist: Actor, manager: Actor,
        owner: psycopg.Connection[tuple[object, ...]]) -> None:
    anna = guests.create_guest(store, receptionist, GuestFields(
        "Anna Müller-Łukasz", preferred_name="Annie", email="anna.m@Example.com",
        phone="+31 6 1234 5678"))
    kees = guests.create_guest(store, receptionist, GuestFields("Kees van den Berg"))
    assert ("muller", anna.id, True) in stored_words(owner)
    assert ("example", anna.id, False) in stored_words(owner)
    assert stored_words(owner) == expected_words(owner)

    guests.update_guest(store, receptionist, anna.id, GuestFields(
        "Anna Jansen", email="anna.m@Example.com", phone="+31 6 1234 5678"))
    words = stored_words(owner)
    assert ("jansen", anna.id, True) in words
    assert not any(w in ("muller", "annie", "lukasz") for w, _g, _n in words)
    assert words == expected_words(owner)

    # A bulk insert of many guests in one statement (as the import's and move-store's
    # COPY do) and an update that leaves the searched fields alone.
    owner.execute("INSERT INTO guest (ref, full_name, preferred_name, pronunciation, "
                  "language, created_at) SELECT 'B' || i, "
                  "'Bulk Gast' || i, '', '', 'nl', now() "
                  "FROM generate_series(1, 50) AS i")
    owner.execute("UPDATE guest SET pronunciation = 'x'")
    assert stored_words(owner) == expected_words(owner)
    assert len(guests.find_guests(store, receptionist, "bulk", limit=100)) == 50
    assert texts_astray(owner) == []

    erasure.erase_guest(store, manager, kees.id)
    words = stored_words(owner)
    assert not any(g == kees.id for _w, g, _n in words)
    assert words == expected_words(owner)
    assert texts_astray(owner) == []
    assert owner.execute(f"SELECT count(*) FROM {WORD_TABLE} WHERE guest_id = %s "
                         f"AND {SEARCH_COLUMN} LIKE '%% jansen %%' AND {NAME_COLUMN} = "
                         "' anna jansen '", (anna.id,)).fetchone() == (
        len([w for w in words if w[1] == anna.id]),)


def test_a_guest_whose_words_are_too_long_to_copy_is_still_found(
        store: Store, receptionist: Actor, owner: psycopg.Connection[tuple[object, ...]],
        ) -> None:
    """A guest whose folded words pass TEXT_MAX bytes (an index entry holds ~2.7 kB) is
    written with its word rows' texts left NULL, and still found: such rows pass to the
    guest row's own tests."""
    from storage.postgres_schema import TEXT_MAX

    long_name = " ".join(["ნინო"] * 40)[:200]   # Georgian: three bytes a letter
    long = guests.create_guest(store, receptionist, GuestFields(
        long_name, preferred_name=long_name, email="nino@example.com"))
    short = guests.create_guest(store, receptionist, GuestFields("ნინო ბერიძე"))
    size = owner.execute(f"SELECT octet_length({SEARCH_COLUMN}) FROM guest WHERE id = %s",
                         (long.id,)).fetchone()
    assert size is not None and int(str(size[0])) > TEXT_MAX
    assert owner.execute(f"SELECT count(*) FROM {WORD_TABLE} WHERE guest_id = %s AND "
                         f"{SEARCH_COLUMN} IS NULL", (long.id,)).fetchone() != (0,)
    assert texts_astray(owner) == []
    assert {m.id for m in guests.find_guests(store, receptionist, "ნინო nin")} == {long.id}
    assert {m.id for m in guests.find_guests(store, receptionist, "ნინ")} == {long.id, short.id}
    assert [m.id for m in guests.find_guests(store, receptionist, "ნინო ბერ")] == [short.id]
    assert [m.id for m in guests.find_guests(store, receptionist, "nino ნინო")] == [long.id]


def _plan(conn: psycopg.Connection[tuple[object, ...]], sql: str, params: object) -> str:
    """The server's plan for ``sql`` (psycopg's ``%(name)s`` parameters)."""
    rows = conn.execute("EXPLAIN " + sql, params).fetchall()  # type: ignore[call-overload]
    return "\n".join(str(r[0]) for r in rows)


def test_a_key_press_reads_the_word_index_not_the_guests_in_id_order(
        store: Store, receptionist: Actor, owner: psycopg.Connection[tuple[object, ...]],
        ) -> None:
    """The statements a key press runs are index range scans of ``guest_word``, never a
    walk of the guests filtered by their text (the planner told to avoid sequential scans,
    as it would at a million guests: this table is tiny)."""
    from storage import postgres_search as pg

    guests.create_guest(store, receptionist, GuestFields("Siobhan O'Brien"))
    assert guests.find_guests(store, receptionist, "Siob")[0].full_name == "Siobhan O'Brien"
    owner.execute("SET enable_seqscan = off")
    with store.read() as s:
        for typed in ("Siob", "siobhan o'bri", "o'brien"):
            words = pg.typed_words(s, typed)
            for whole in (True, False):
                statement = pg.find_statement(s, words, 40, whole=whole)
                assert statement is not None
                sql, params = statement
                plan = _plan(owner, pg.to_driver(sql), params)
                assert f"{WORD_TABLE}_pkey" in plan, plan
                assert "Seq Scan" not in plan and "Filter: (search_text" not in plan, plan


def _guest_lookups(conn: psycopg.Connection[tuple[object, ...]], sql: str, params: object
                   ) -> int:
    """How many guest rows the statement looked up (its ``guest_pkey`` scans' loops)."""
    import json

    row = conn.execute("EXPLAIN (ANALYZE, FORMAT JSON) " + sql,  # type: ignore[call-overload]
                       params).fetchone()
    plan = row[0] if not isinstance(row[0], str) else json.loads(row[0])
    loops, todo = 0, [plan[0]["Plan"]]
    while todo:
        node = todo.pop()
        if node.get("Index Name") == "guest_pkey":
            loops += int(node["Actual Loops"])
        todo.extend(node.get("Plans", []))
    return loops


def test_a_key_press_looks_up_only_the_guests_whose_word_rows_pass_its_tests(
        store: Store, receptionist: Actor, owner: psycopg.Connection[tuple[object, ...]]) -> None:
    """A common first name and the first letter of a surname ("Lars N"): the other typed
    words are tested on the word rows read (they carry the guest's folded words, revision
    0020), so a guest row is looked up for the few that pass, not for every guest the first
    name's range holds."""
    from storage import postgres_search as pg

    names = ([f"Lars Jansen{i}" for i in range(30)] + ["Lars Nielsen", "Lars de Noord",
             "Larsen Nina", "Nils Lars", "Lars O'Neill", "Lara Nowak", "Lars Peters"])
    for name in names:
        guests.create_guest(store, receptionist, GuestFields(
            name, email=name.lower().replace(" ", ".").replace("'", "") + "@example.com"))

    def lookups() -> int:
        with store.read() as s:
            statement = pg.find_statement(s, pg.typed_words(s, "lars n"), 50, whole=False)
        assert statement is not None
        return _guest_lookups(owner, pg.to_driver(statement[0]), statement[1])

    with store.read() as s:
        found = {r.full_name for r in pg.search_guest_rows(s, "lars n", 50)}
    assert found == {"Lars Nielsen", "Lars de Noord", "Larsen Nina", "Nils Lars",
                     "Lars O'Neill"}
    # Nielsen, Noord, Nina, Nils, O'Neill: not the thirty Jansens (nor Peters).
    assert lookups() == 5


def test_typing_on_looks_only_among_the_guests_a_complete_answer_held_with_the_same_answers(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch,
        owner: psycopg.Connection[tuple[object, ...]]) -> None:
    """A key press whose statement returned every match lets the next key presses (whose
    words imply its words) read only those guests' index entries: the same answers, in the
    same order, as reading the whole range of the word; a guest another desk adds between
    two key presses still shows at the next one (the change counter moved); the kept read
    is a probe of (guest_id, word), not a range of the word."""
    from storage import postgres_search as pg

    names = ["Rik Janssen", "Rik Jansen", "Rik de Jong", "Rika Jansma", "Erik Janssens",
             "Rik Jans-Smit", "Anna Rik", "Rik O'Brien", "Rikke Janse"]
    for name in names:
        guests.create_guest(store, receptionist, GuestFields(name))
    typed = ["r", "ri", "rik", "rik ", "rik j", "rik ja", "rik jan", "rik jans", "rik janss",
             "rik janssen", "rik janssen x", "Rik Jansse", "rik o", "rik o'bri", "jans rik"]
    statements = record_fetches(monkeypatch)

    def answers() -> list[object]:
        return [[(m.id, m.why) for m in guests.find_guests(store, receptionist, t, limit)]
                for limit in (2, 50) for t in typed]

    monkeypatch.setattr(pg, "_COMPLETE_KEEP", 0)
    plain = answers()
    assert not any(":among" in sql for sql in statements)
    monkeypatch.setattr(pg, "_COMPLETE_KEEP", 8)
    statements.clear()
    assert answers() == plain
    kept = [sql for sql in statements if ":among" in sql]
    assert kept
    with store.read() as s:
        words = pg.typed_words(s, "rik janss")
        plan = pg._find_plan(s, words, 50, whole=False)
        assert plan is not None
        params = {**plan[1], "among": [1, 2, 3], "among_since": 0}
    owner.execute("SET enable_seqscan = off")
    owner.execute("SET enable_bitmapscan = off")   # a tiny table: its whole range is 3 rows
    assert "ix_guest_word_guest" in _plan(owner, pg.to_driver(plan[3]), params)
    # … also as the key press sends it (with the whole range for when the log cannot say)
    assert "ix_guest_word_guest" in _plan(
        owner, pg.to_driver(pg._kept_or_full(plan[3], plan[0])), params)

    # A guest added between two key presses (any desk's change moves the counter) is
    # seen at the next one.
    assert guests.find_guests(store, receptionist, "rik jansse")[0].full_name == "Rik Janssen"
    other = guests.create_guest(store, receptionist, GuestFields("Rik Janssema"))
    assert other.id in [m.id for m in guests.find_guests(store, receptionist, "rik janssem")]


def test_the_forgiving_combinations_are_asked_for_together_with_the_same_answers(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """The close readings' combinations of a misspelt name are fetched in one pipeline
    (``postgres_search.name_rows_many``):
    every answer is the one fetching them one after the other gives."""
    import psycopg

    from app import guest_search
    from storage import postgres_search as pg

    names = ["Daan de Jong", "Dana de Jongh", "Jan de Jong", "Daan Jonge", "Dean de Young",
             "Sander Walk", "Sandra Wolk", "Xander Valk", "Sander Welk", "Zander Walck",
             "Anna Noordhoek", "Ana Nordhoek", "Anne Noordhoff", "Hanna Noorthoek"]
    for name in names:
        guests.create_guest(store, receptionist, GuestFields(name))
    typed = ["Dan de Jon", "daan dejong", "Sandr Wlk", "sander valk", "Ana Noordhoek",
             "ann nordhoe", "Zandr Wolk", "dean jung"]
    monkeypatch.setattr(guest_search, "FUZZY_BELOW", 50)   # every key press forgiving

    def answers() -> list[object]:
        return [[(m.id, m.why) for m in guests.find_guests(store, receptionist, t, limit)]
                for limit in (3, 50) for t in typed]

    batched = answers()
    assert any(why for answer in batched for _id, why in answer)   # forgiving matches
    one_by_one = pg.name_rows_many

    def sequential(session: object, requests: list[tuple[object, ...]]) -> list[object]:
        return [pg.name_rows(session, *r) for r in requests]  # type: ignore[arg-type]

    monkeypatch.setattr(pg, "name_rows_many", sequential)
    assert answers() == batched
    monkeypatch.setattr(pg, "name_rows_many", one_by_one)
    piped: list[int] = []
    real_pipeline = psycopg.Connection.pipeline

    def pipeline(self: psycopg.Connection[object]) -> object:
        piped.append(1)
        return real_pipeline(self)

    monkeypatch.setattr(psycopg.Connection, "pipeline", pipeline)
    assert answers() == batched
    assert piped


def test_a_forgiving_key_press_reads_the_name_dictionary_in_one_round_trip(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forgiving key press's dictionary look-ups (each typed word's ranges, and a short
    word's one-edit strings) go in one round trip together (``name_terms.read_ahead``): at
    most four round trips for the key press (permission with the whole-word statement,
    prefix, dictionary, combinations) where one word after the other took seven; the same
    answers, also for the word still being typed, a word typed twice and a word that is two
    run together (its own look-up after the dictionary's answer: five)."""
    from storage import name_terms
    from tests.pg_fixtures import round_trips

    for name in ("Daan de Jong", "Dana de Jongh", "Jan de Jong", "Sander Walk", "Sandra Wolk",
                 "Anna Noordhoek", "Ana Nordhoek", "Bas Bakker", "Bas Baker", "Tobias Muller"):
        guests.create_guest(store, receptionist, GuestFields(name))
    typed = ["Sandr Wlk", "sander walk", "bds bakr", "dan de jon", "Tobias Mulr", "ana nordh",
             "bas bas", "noordhoekbakker", "walk"]
    real = name_terms.read_ahead

    def key_press(t: str, *, ahead: bool) -> tuple[list[object], int]:
        monkeypatch.setattr(name_terms, "read_ahead", real if ahead else (lambda _s, _w: None))
        guests.find_guests(store, receptionist, "zz")   # the key press before: warm
        name_terms._terms_memo.clear()
        with round_trips() as trips:
            got = [(m.id, m.why) for m in guests.find_guests(store, receptionist, t)]
        return got, len(trips)

    for t in typed:
        one_by_one, before = key_press(t, ahead=False)
        together, after = key_press(t, ahead=True)
        assert together == one_by_one, t
        # A word the dictionary does not hold: then its run-together look-up (it depends
        # on the first answer) takes one more.
        assert after <= (5 if t == "noordhoekbakker" else 4), (t, before, after)
        assert after <= before, (t, before, after)
    assert key_press("dan de jon", ahead=False)[1] == 7   # what it was
    assert any(why for why in (w for _i, w in key_press("bds bakr", ahead=True)[0]))


def test_a_forgiving_key_press_typed_on_sends_its_dictionary_look_ups_with_its_permission_read(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the last key press went forgiving and this one types on from it, its name
    dictionary look-ups (``name_terms.terms_ahead``) go in the permission read's round trip,
    guarded by the same standing: one round trip fewer, the same answers as asking them
    after the check; a key press that does not go forgiving answers as before; for a role
    the guard refuses no row comes, and the forgiving pass asks itself."""
    from app import guest_search
    from storage import name_terms
    from storage import postgres_search as pg
    from tests.pg_fixtures import round_trips

    for name in ("Daan de Jong", "Dana de Jongh", "Sander Walk", "Sandra Wolk", "Bas Bakker",
                 "Bas Baker", "Anna Noordhoek", "Ana Nordhoek"):
        guests.create_guest(store, receptionist, GuestFields(name))
    real = guest_search.lookups_ahead

    def typing(texts: list[str], *, ahead: bool) -> tuple[list[object], list[int], list[str]]:
        monkeypatch.setattr(guest_search, "lookups_ahead", real if ahead else (lambda _t: []))
        got, counts, firsts = [], [], []
        guests.find_guests(store, receptionist, "zz")   # warm
        for t in texts:
            name_terms._terms_memo.clear()   # every look-up asked again
            with round_trips() as trips:
                got.append([(m.id, m.why) for m in guests.find_guests(store, receptionist, t)])
            counts.append(len(trips))
            firsts.append(" ".join(trips[0]))
        return got, counts, firsts

    texts = ["bds bak", "bds bakr", "sandr wl", "sandr wlk", "ana nordh", "ana nordhk",
             "anna", "anna noor"]
    before, n_before, _ = typing(texts, ahead=False)
    after, n_after, firsts = typing(texts, ahead=True)
    assert after == before
    for i, t in enumerate(texts):
        typed_on = i % 2 == 1   # ("anna" too goes forgiving: two guests hold it)
        assert ("name_term" in firsts[i]) is typed_on, (t, firsts[i])
        assert n_after[i] == n_before[i] - typed_on, (t, n_before, n_after)

    # The guard: a role that may not search gets no row, and the pass asks itself.
    for roles, allowed_here in ((["receptionist"], True), (["nobody"], False)):
        name_terms._terms_memo.clear()
        with store.search_read() as s:
            pg.ask_also_with_permission(s, lambda staff_id, s=s, roles=roles: (
                name_terms.terms_ahead(s, staff_id, [("bakr", True), ("bds", False)], roles)))
            from storage import queries

            assert queries.staff_standing(s, receptionist.id) is not None
            answers = s.info[name_terms._TERMS_AHEAD][1]
            assert all(bool(rows) is allowed_here for rows in answers), answers
            name_terms.read_ahead(s, [("bakr", True), ("bds", False)])
            kept = name_terms._terms_memo[s.get_bind()][1]
            assert ("near", "bakr", True) in kept and ("near", "bds", False) in kept
            assert "baker" in {t[0] for t in kept[("near", "bakr", True)]}


def test_the_dictionary_read_ahead_is_what_the_readings_then_ask(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """``name_terms.read_ahead`` is handed the search's own choice of look-ups — ``(word,
    sound_prefix)``, the word still being typed also by its sound key's beginning, no
    initial — and sends exactly those: the readings then ask the dictionary for nothing
    it did not already send (the storage layer no longer repeats the search's rule)."""
    from storage import name_terms

    for name in ("Sandra Wolkers", "Anna Noordhoek", "Jan de Jong"):
        guests.create_guest(store, receptionist, GuestFields(name))
    real_ahead, real_candidates = name_terms.read_ahead, name_terms._term_candidates
    ahead: list[object] = []
    asked: list[tuple[str, bool]] = []

    def read_ahead(session: object, lookups: object) -> None:
        ahead.append(list(lookups))  # type: ignore[call-overload]
        real_ahead(session, lookups)  # type: ignore[arg-type]

    def term_candidates(session: object, word: str, *, sound_prefix: bool = False
                        ) -> object:
        asked.append((word, sound_prefix))
        return real_candidates(session, word, sound_prefix=sound_prefix)  # type: ignore[arg-type]

    monkeypatch.setattr(name_terms, "read_ahead", read_ahead)
    monkeypatch.setattr(name_terms, "_term_candidates", term_candidates)
    for typed, lookups in (("Sandr Wolkrs", [("sandr", False), ("wolkrs", True)]),
                           ("ana nrd", [("ana", False), ("nrd", False)]),
                           ("j noordhk", [("noordhk", True)])):
        ahead.clear()
        asked.clear()
        name_terms._terms_memo.clear()
        guests.find_guests(store, receptionist, typed)
        assert ahead == [lookups], typed
        # All sent ahead, none asked one by one — but a single statement goes as it is.
        assert asked == ([] if len(lookups) > 1 else lookups), (typed, asked)


def test_a_key_press_reads_the_change_counter_with_the_permission_and_still_sees_changes(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    """On the shared store the change counter (what the search keeps is right until it
    moves) comes in the permission read's round trip, not in a statement of its own; a
    visit recorded for today between two key presses still shows at the next one."""
    import datetime as dt

    from sqlalchemy import event

    from app import visits
    from app.domain import VisitKind

    mila = guests.create_guest(store, receptionist, GuestFields("Mila Vermeer"))
    seen: list[str] = []

    def note(_conn: object, _cursor: object, statement: str, *_rest: object) -> None:
        seen.append(statement)

    record_fetches(monkeypatch, seen)   # those on the driver connection (the permission's)
    event.listen(store.engine, "before_cursor_execute", note)
    try:
        assert [(m.id, m.when) for m in guests.find_guests(store, receptionist, "Verm")] \
            == [(mila.id, "")]
        visits.record_visit(store, receptionist, mila.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime.combine(dt.date.today(), dt.time(23, 0)))
        seen.clear()
        assert [(m.id, m.when) for m in guests.find_guests(store, receptionist, "Verm")] \
            == [(mila.id, "today")]
    finally:
        event.remove(store.engine, "before_cursor_execute", note)
    read = [s for s in seen if "FROM staff" in s]
    assert read and "setting" in read[0]   # the counter in the permission read
    # (The change log's statement checks, in its own snapshot and round trip, that the
    # counter has not moved past what the log keeps: storage.postgres_changes.)
    assert not [s for s in seen if "FROM setting" in s and "staff" not in s
                and "guest_change" not in s], seen


def test_after_a_change_the_arrivals_windows_come_back_in_one_statement(
        store: Store, receptionist: Actor) -> None:
    """The first key press after a change reads today's and the coming days' arrivals again
    (both rank its results): on the shared store in one statement, each window's rows
    still its own (a guest coming in three days is "week", one coming today "today")."""
    import datetime as dt

    from app import visits
    from app.domain import VisitKind

    today = dt.datetime.combine(dt.date.today(), dt.time(22, 0))
    soon = guests.create_guest(store, receptionist, GuestFields("Noor Vermeulen"))
    now = guests.create_guest(store, receptionist, GuestFields("Nina Vermeer"))
    visits.record_visit(store, receptionist, soon.id, kind=VisitKind.STAY,
                        starts_at=today + dt.timedelta(days=3))
    assert {m.id: m.when for m in guests.find_guests(store, receptionist, "Verme")} \
        == {soon.id: "week", now.id: ""}
    visits.record_visit(store, receptionist, now.id, kind=VisitKind.STAY, starts_at=today)
    seen: list[str] = []   # every statement on the driver's cursors
    real = psycopg.Cursor.execute

    def execute(self: psycopg.Cursor[object], query: object, *args: object, **kw: object
                ) -> object:
        seen.append(str(query))
        return real(self, query, *args, **kw)  # type: ignore[arg-type]

    psycopg.Cursor.execute = execute  # type: ignore[method-assign,assignment]
    try:
        found = {m.id: m.when for m in guests.find_guests(store, receptionist, "Verme")}
    finally:
        psycopg.Cursor.execute = real  # type: ignore[method-assign]
    assert found == {soon.id: "week", now.id: "today"}
    windows = [q for q in seen if "FROM visit v JOIN guest g" in q]
    # (Both windows brought up to date from the change log: storage.postgres_changes.)
    assert len(windows) == 1 and windows[0].count("FROM visit v JOIN guest g") == 2, windows


def test_ascii_words_are_folded_on_the_desk_exactly_as_the_server_folds_them(
        store: Store, receptionist: Actor, owner: psycopg.Connection[tuple[object, ...]],
        ) -> None:
    """A typed ASCII word is folded on the desk (no round trip) once the server's own fold
    of every printable ASCII character agreed; the same words as the server's for a
    thousand random ASCII words; a word with an accent is still folded by the server."""
    import random

    from storage import postgres_search as pg

    rng = random.Random(14)
    words = ["".join(rng.choice([chr(c) for c in range(33, 127)])
                     for _ in range(rng.randint(1, 12))) for _ in range(1000)]
    server = dict(owner.execute(  # type: ignore[arg-type]
        "SELECT w, public.frontdesk_search_text(w, NULL, NULL, NULL) "
        "FROM unnest(%s::text[]) AS w", (words,)).fetchall())
    assert {w: str(server[w] or "").strip() for w in words} \
        == {w: pg._ascii_fold(w) for w in words}

    mila = guests.create_guest(store, receptionist, GuestFields("Mila Mulder-O'Neil"))
    seen: list[str] = []
    real = psycopg.Cursor.execute

    def execute(self: psycopg.Cursor[object], query: object, *args: object, **kw: object
                ) -> object:
        seen.append(str(query) + repr(args)[:300])   # with the words
        return real(self, query, *args, **kw)  # type: ignore[arg-type]

    psycopg.Cursor.execute = execute  # type: ignore[method-assign,assignment]
    try:
        # The server's fold of ASCII was compared once, when the store was opened
        # (storage.postgres_search.warm_up): no key press asks for it.
        assert True in pg._FOLDS_ASCII_ALIKE.values()
        for typed in ("Mila Mu", "Mila Mul", "mila mulde", "o'neil"):
            assert [m.id for m in guests.find_guests(store, receptionist, typed)] == [mila.id]
        assert not any("frontdesk_search_text" in q for q in seen), seen
        jurgen = guests.create_guest(store, receptionist, GuestFields("Jürgen Müller"))
        assert guests.find_guests(store, receptionist, "Müll")[0].id == jurgen.id
        assert any("frontdesk_search_text" in q and "'müll'" in q for q in seen)  # the server's
    finally:
        psycopg.Cursor.execute = real  # type: ignore[method-assign]


def test_a_key_press_sends_its_whole_word_statement_with_its_permission_read(
        store: Store, receptionist: Actor, manager: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A key press's whole-word statement goes in its permission read's round trip (one
    pipeline: a key press one round trip fewer), guarded on the server by the person's
    standing: the same answers as asking it after the check, in every case — words typed
    on, a complete answer's narrowing, another desk's change between key presses, words
    the desk cannot fold itself (then it is asked after the check, as before)."""
    from app.errors import PermissionDenied
    from app.permissions import Action, allowed
    from storage import name_terms, queries
    from storage import postgres_search as pg
    from storage.models import Role
    from tests.pg_fixtures import round_trips

    for name in ("Rik Janssen", "Rik Jansen", "Rik de Jong", "Anna Rik", "Rikke Janse",
                 "Zoë Bakker", "Zoe Bakker"):
        guests.create_guest(store, receptionist, GuestFields(name))
    typed = ["r", "ri", "rik", "rik j", "rik jans", "rik janssen", "Zoë", "zoë bak", "anna"]

    real_queue = pg.queue_ahead

    def answer(t: str, limit: int, *, ahead: bool) -> list[object]:
        monkeypatch.setattr(pg, "queue_ahead", real_queue if ahead else
                            (lambda _s, _staff: None))
        return [(m.id, m.why) for m in guests.find_guests(store, receptionist, t, limit)]

    pg._FOLDED.clear()   # "Zoë": folded by the server the first time, then here
    for limit in (2, 20):
        for t in typed:
            with_it = answer(t, limit, ahead=True)
            assert with_it == answer(t, limit, ahead=False), (t, limit)
            assert with_it == answer(t, limit, ahead=True), (t, limit)
        # another desk's change between two key presses
        guests.create_guest(store, manager, GuestFields(f"Rik Jansen {limit}"))
    monkeypatch.setattr(pg, "queue_ahead", real_queue)

    guests.find_guests(store, receptionist, "rik")
    # (The dictionary's look-ups one by one, as for both key presses before read_ahead: the
    # forgiving "rik jan" looks "jan" up, "rik ja" does not.)
    monkeypatch.setattr(name_terms, "read_ahead", lambda _s, _w: None)
    monkeypatch.setattr(pg, "queue_ahead", lambda _s, _staff: None)
    with round_trips() as before:
        guests.find_guests(store, receptionist, "rik jan")
    monkeypatch.setattr(pg, "queue_ahead", real_queue)
    with round_trips() as trips:
        guests.find_guests(store, receptionist, "rik ja")
    assert len(trips) == len(before) - 1, (before, trips)
    assert any("FROM staff WHERE id" in q for q in trips[0]) and len(trips[0]) == 2, trips[0]
    assert "ahead_staff" in trips[0][1] and "word = %(w)s" in trips[0][1], trips[0]

    # The guard: for a person of a role that may not search, the server reads no guest —
    # not even a row saying the guard passed — and the search asks again after the check.
    searchers = [r.value for r in Role if allowed(r, Action.SEARCH_GUESTS)]
    for roles, allowed_here in ((searchers, True), (["nobody"], False)):
        with store.search_read() as s:
            pg.ask_ahead(s, "rik janssen", 20, roles)
            assert queries.staff_standing(s, receptionist.id) is not None
            (held,) = s.info[pg._AHEAD][1]
            assert bool(held) is allowed_here, held
            if allowed_here:
                assert held[0][0] is None and [r[2] for r in held[1:]] == ["Rik Janssen"]
            assert [r.full_name for r in pg.find_rows(
                s, pg.typed_words(s, "rik janssen"), 20, whole=True)] == ["Rik Janssen"]
    # A deactivated person: refused, nothing of a guest read with the permission.
    from app import staff

    staff.set_active(store, manager, receptionist.id, False)
    with pytest.raises(PermissionDenied):
        guests.find_guests(store, receptionist, "rik")


def test_a_key_press_on_the_shared_store_reads_without_an_orm_session(
        store: Store, receptionist: Actor, manager: Actor) -> None:
    """A key press and the search's warm-up on the shared store run straight on a pooled
    driver connection in autocommit (``postgres_search.DriverRead``), no ORM session: name,
    forgiving, phone (the venue's country read) and room key presses alike, the same
    answers; the connection goes back to the pool out of autocommit, also after a failed
    statement; a deactivated account is still refused at the next key press."""
    from sqlalchemy import text
    from sqlalchemy.exc import DBAPIError

    from storage import postgres_search as pg

    assert_key_presses_open_no_orm_session(store, receptionist)
    with pytest.raises(DBAPIError), store.search_read() as s:
        s.execute(text("SELECT 1/0"))
    with store.engine.connect() as c:   # the pool's connection, as a write would get it
        assert c.connection.dbapi_connection.autocommit is False  # type: ignore[union-attr]
    with store.search_read() as s:
        assert isinstance(s, pg.DriverRead) and s.driver.autocommit is True
    assert_deactivated_refused(store, manager, receptionist)


def test_a_complete_answer_narrows_the_next_key_press_across_changes(
        store: Store, receptionist: Actor, manager: Actor,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A complete answer kept from a key press narrows the next one even after a change to
    guest data (postgres_search._COMPLETE: its guests and those the change log names since
    its counter, in one statement): after an arrival marked elsewhere, a new guest, a
    renamed guest, an erasure, every key press answers as a desk that kept nothing; when
    the log cannot say (the counter too old) the same statement reads the whole range."""
    import datetime as dt

    from app import visits
    from storage import postgres_changes
    from storage import postgres_search as pg
    from storage.models import VisitKind, VisitStatus
    from tests.pg_fixtures import round_trips

    made = {name: guests.create_guest(store, manager, GuestFields(name)).id
            for name in ("Rik Janssen", "Rik Jansen", "Rik Jansma", "Rik de Jong",
                         "Anna Noord")}
    today = dt.datetime.combine(dt.date.today(), dt.time(23))

    def press(typed: str) -> tuple[list[object], bool]:
        """The key press's answer, whether a statement looked among kept guests."""
        with round_trips() as trips:
            got = [(m.id, m.why, m.when) for m in guests.find_guests(store, receptionist,
                                                                      typed)]
        sent = [q for trip in trips for q in trip if "guest_id = ANY(CAST(" in q]
        plain[:] = [q for q in sent if postgres_changes.TABLE not in q]
        return got, len(sent) > len(plain)

    plain: list[str] = []   # narrowed without the log (nothing changed since the kept answer)

    def fresh(typed: str) -> list[object]:
        kept = dict(pg._COMPLETE)
        pg._COMPLETE.clear()
        try:
            return [(m.id, m.why, m.when) for m in guests.find_guests(store, receptionist,
                                                                      typed)]
        finally:
            pg._COMPLETE.clear()
            pg._COMPLETE.update(kept)

    def arrival() -> None:   # another desk's change to a guest no answer here holds
        v = visits.record_visit(store, manager, made["Anna Noord"], kind=VisitKind.STAY,
                                starts_at=today)
        visits.set_status(store, manager, v.id, VisitStatus.ARRIVED)

    pg._COMPLETE.clear()
    press("rik")
    press("rik jan")   # complete: kept
    got, narrowed = press("rik jans")   # nothing changed since: narrowed, no log read
    assert plain and not narrowed and got == fresh("rik jans")
    press("rik jan")
    arrival()
    got, narrowed = press("rik jans")
    assert narrowed and got == fresh("rik jans") and len(got) == 3
    jansz = guests.create_guest(store, manager, GuestFields("Rik Jansz")).id
    got, narrowed = press("rik jansz")
    assert narrowed and got == fresh("rik jansz") and [g[0] for g in got][:1] == [jansz]
    press("rik jans")
    guests.update_guest(store, manager, made["Rik Janssen"], GuestFields("Rik Bakker"))
    got, narrowed = press("rik janss")
    assert narrowed and got == fresh("rik janss")
    assert made["Rik Janssen"] not in [g[0] for g in got]
    press("rik jans")
    erasure.erase_guest(store, manager, made["Rik Jansen"])
    got, narrowed = press("rik jansen")
    assert narrowed and got == fresh("rik jansen")
    assert made["Rik Jansen"] not in [g[0] for g in got]
    # The log cannot say (here: more rows logged than it trusts): the same statement reads
    # the whole range, the same answer.
    press("rik jan")
    arrival()
    guests.create_guest(store, manager, GuestFields("Rik Jansen"))
    monkeypatch.setattr(postgres_changes, "MANY", 0)
    got, narrowed = press("rik jans")
    monkeypatch.undo()
    assert narrowed and got == fresh("rik jans") and len(got) == 3
