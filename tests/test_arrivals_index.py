"""The arrivals index may only skip rows that the full comparison would not match.

``app.arrivals_index`` picks which of today's and this week's arrivals are compared with
what was typed; a row it wrongly leaves out is a guest at the desk that search misses.
Checked against the full comparison (``app.guest_search._match_in_memory``) of every row,
for typed texts made the way staff mistype: one letter changed, dropped, added or two
swapped, sound-alike spellings, beginnings, particles and preferred names.
"""

from __future__ import annotations

import datetime as dt
import gc
import random
import weakref

import pytest

from app import arrivals_index, demo_names, guest_search, guests, visits
from app.domain import VisitKind, VisitStatus
from app.guests import GuestFields
from app.views import Actor
from storage import name_keys, search
from storage.search import GuestRow
from storage.store import Store

LETTERS = "abcdefghijklmnopqrstuvwxyzéü"
SOUNDS = (("th", "t"), ("ij", "y"), ("ei", "ij"), ("x", "ks"), ("dt", "t"), ("ss", "s"),
          ("ü", "ue"), ("C", "K"), ("ph", "f"), ("Sch", "S"), ("S", "Sch"), ("mit", "mid"),
          ("van der ", "vd "), ("de ", ""), ("ck", "k"), ("y", "ij"), ("ie", "i"))


def _rows(rng: random.Random, n: int) -> list[GuestRow]:
    out = []
    for i in range(n):
        given, surname, _origin = demo_names.pick_name(rng)
        preferred = rng.choice(["", "", "", given.split(" ")[0][:3], "Bobby"])
        out.append(GuestRow(i + 1, f"G{i}", f"{given} {surname}", preferred, "", "en",
                            None, None, dt.datetime(2026, 1, 1)))
    return out


def _mistyped(name: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0 and len(name) > 4:
        i = rng.randrange(len(name))
        return name[:i] + rng.choice(LETTERS) + name[i + 1:]
    if choice == 1 and len(name) > 4:
        i = rng.randrange(len(name))
        return name[:i] + name[i + 1:]
    if choice == 2:
        i = rng.randrange(len(name) + 1)
        return name[:i] + rng.choice(LETTERS) + name[i:]
    if choice == 3:
        rules = [(a, b) for a, b in SOUNDS if a in name]
        if rules:
            a, b = rng.choice(rules)
            heard = name.replace(a, b, 1)
            # ... sometimes still being typed ("Schmid" for Schmidtke, Smitskamp)
            return heard[:rng.randrange(len(heard) - 3, len(heard) + 1)]
    if choice == 4:
        return name[:rng.randrange(2, max(3, len(name)))]
    words = name.split(" ")
    return " ".join(rng.sample(words, rng.randint(1, len(words))))


def test_every_row_the_full_comparison_matches_is_a_candidate() -> None:
    rng = random.Random(15)
    rows = _rows(rng, 300)
    index = arrivals_index.ArrivalsIndex(rows, guest_search._folded_words)
    matched_somewhere = 0
    for _ in range(400):
        target = rng.choice(rows)
        typed = _mistyped(target.full_name if rng.random() < 0.8 else target.preferred_name
                          or target.full_name, rng)
        words = name_keys.words(typed)
        if not words or not any(ch.isalpha() for ch in typed):
            continue
        full = {r.id for r in rows
                if guest_search._match_in_memory(r, typed.strip(), words) is not None}
        heard = guest_search._heard_words(tuple(words))
        picked = {r.id for r in index.candidates(heard)}
        assert full <= picked, (typed, sorted(full - picked))
        matched_somewhere += bool(full)
        # The index is worth having: it leaves out most rows.
        assert len(picked) < len(rows) / 2, typed
    assert matched_somewhere > 300  # the typed texts do find their guests


def todays_index(store: Store, start: dt.datetime) -> arrivals_index.ArrivalsIndex:
    """The index a search builds of the arrivals of the day that starts at ``start``."""
    with store.read() as s:
        built = search.starting_derived(s, start, start + dt.timedelta(days=1), 100,
                                        guest_search._arrivals_index)
    assert isinstance(built, arrivals_index.ArrivalsIndex)
    return built


def test_the_index_is_kept_with_the_rows_and_dropped_with_them(
        store: Store, receptionist: Actor) -> None:
    # Built once per read of today's arrivals; after a change to guest data the next search
    # reads them again and the old index (names of guests perhaps since erased) is gone.
    start = dt.datetime.combine(dt.date.today(), dt.time())
    g = guests.create_guest(store, receptionist, GuestFields("Ilse Oudkerk")).id
    visits.record_visit(store, receptionist, g, kind=VisitKind.STAY,
                        starts_at=start + dt.timedelta(hours=14), place="101")

    def index() -> arrivals_index.ArrivalsIndex:
        return todays_index(store, start)

    first = index()
    assert [r.id for r in first.candidates(["oudkerk"])] == [g]
    assert index() is first
    old = weakref.ref(first)
    del first
    guests.update_guest(store, receptionist, g, GuestFields("Ilse Oudekerk"))
    again = index()
    gc.collect()
    assert old() is None
    assert [r.full_name for r in again.candidates(["oudekerk"])] == ["Ilse Oudekerk"]


@pytest.mark.both_engines
def test_the_index_outlives_a_change_that_leaves_the_rows_as_they_were(
        store: Store, receptionist: Actor) -> None:
    # A guest marked arrived (on this desk or another) changes guest data but not who
    # arrives today: the next search reads the rows again and keeps the index built from
    # them; a new booking for today makes a new one that finds the new guest.
    start = dt.datetime.combine(dt.date.today(), dt.time())
    g = guests.create_guest(store, receptionist, GuestFields("Ilse Oudkerk")).id
    visit = visits.record_visit(store, receptionist, g, kind=VisitKind.STAY,
                                starts_at=start + dt.timedelta(hours=14), place="101")

    def index() -> arrivals_index.ArrivalsIndex:
        return todays_index(store, start)

    def both() -> list[object]:  # today's and the coming days', as a search asks them
        with store.read() as s:
            return [search.starting_derived(s, a, b, 100, guest_search._arrivals_index)
                    for a, b in ((start, start + dt.timedelta(days=1)),
                                 (start + dt.timedelta(days=1), start + dt.timedelta(days=7)))]

    first = index()
    pair = both()
    visits.set_status(store, receptionist, visit.id, VisitStatus.ARRIVED)
    kept = both()
    assert kept[0] is pair[0] is first and kept[1] is pair[1]  # both kept, in one transaction
    assert index() is first
    h = guests.create_guest(store, receptionist, GuestFields("Joost Mulder")).id
    assert index() is first  # a guest who is not arriving today: the same rows
    visits.record_visit(store, receptionist, h, kind=VisitKind.BOOKING,
                        starts_at=start + dt.timedelta(hours=19), place="T4")
    again = index()
    assert again is not first
    assert [r.id for r in again.candidates(["mulder"])] == [h]
    assert [r.id for r in again.candidates(["oudkerk"])] == [g]


def test_the_words_the_search_index_matches_are_matched_as_the_index_matches_them(
        store: Store, receptionist: Actor) -> None:
    # ``index_matches`` stands in for the search index on today's arrivals when the index's
    # read was cut (app.guest_search): for every typed text it gives the rows the FTS5
    # index gives — whole words or prefixes, in the name, email or phone, a typed word cut
    # in several tokens ("anna.j") as those tokens in a row, accents dropped.
    start = dt.datetime.combine(dt.date.today(), dt.time())
    people = [("Anna Jansen", "anna.jansen@example.com", "+31 6 1234 5601"),
              ("José Müller", "jose.muller@voorbeeld.nl", None),
              ("Søren Ødegård", "s.odegard@example.com", "+45 20 12 34 56"),
              ("Eva de Vries", None, "+31 20 555 0101"),
              ("Jan Annink", "j.annink@example.org", None),
              ("Mia Straße", "mia@strasse.de", None)]
    for name, email, phone in people:
        g = guests.create_guest(store, receptionist, GuestFields(name, email=email,
                                                                 phone=phone)).id
        visits.record_visit(store, receptionist, g, kind=VisitKind.STAY,
                            starts_at=start + dt.timedelta(hours=14), place="101")
    index = todays_index(store, start)
    typed_texts = ["e", "ex", "example", "example.com", "anna.j", "anna.jansen@ex", "a j",
                   "jose", "josé", "muller", "müller", "mul", "ødegård", "odeg", "s.o",
                   "31", "20 555", "com", "nl", "org e", "strasse", "straße", "stra", "de",
                   "jansen example", "annink.j", "j.an"]
    with store.read() as s:
        for typed in typed_texts:
            for prefix in (True, False):
                by_fts = {r[0] for r in search.raw_rows(
                    s, search._IDS_RAW, (search.fts_query(typed, prefix=prefix), 100))}
                tokens = search.typed_tokens(typed)
                by_memory = {r.id for r in index.index_matches(tokens, prefix=prefix)}
                assert by_memory == by_fts, (typed, prefix)


def test_an_index_built_again_for_changed_rows_equals_one_built_anew() -> None:
    # ``again``: the window read again after a change (rows gone, added, renamed, kept) gives
    # the index a new build gives, reusing the kept rows' words as the search index holds
    # them, and holding nothing of the rows that left.
    rng = random.Random(11)
    rows = _rows(rng, 120)
    old = guest_search._arrivals_index(tuple(rows))
    old.index_matches((("a",),), prefix=True)   # its rows' index words worked out
    kept = rows[10:100]
    renamed = [r._replace(full_name=r.full_name + " Verbeek") for r in rows[100:110]]
    added = [r._replace(id=r.id + 1000, ref=f"N{r.id}") for r in _rows(rng, 25)]
    new_rows = tuple(sorted(kept + renamed + added, key=lambda r: r.ref))
    again = old.again(new_rows)
    fresh = guest_search._arrivals_index(new_rows)
    fresh.index_matches((("a",),), prefix=True)
    for name in ("rows", "words", "holders", "_fields", "_tokens", "_token_rows"):
        assert getattr(again, name) == getattr(fresh, name), name
    by_row = dict(zip(old.rows, old._fields or [], strict=True))
    assert again._fields is not None
    assert all(f is by_row[r] for r, f in zip(new_rows, again._fields, strict=True)
               if r in kept)
    gone = {r.id for r in rows[:10]}
    assert not any(r.id in gone for r in again.rows)
    for typed in ["verbeek", "jan", "de", "ma", "annaa jansen", "e", "vd berg"]:
        heard = guest_search._heard_words(tuple(name_keys.words(typed)))
        assert again.candidates(heard) == fresh.candidates(heard), typed
        tokens = search.typed_tokens(typed)
        for prefix in (True, False):
            assert (again.index_matches(tokens, prefix=prefix)
                    == fresh.index_matches(tokens, prefix=prefix)), typed


@pytest.mark.both_engines
def test_a_new_arrival_builds_the_index_again_from_the_one_before(
        store: Store, receptionist: Actor) -> None:
    # A booking for today changes today's rows: the search reads them again and builds the
    # index again from the one before (its rows' index words reused, not worked out anew);
    # the old index, with a renamed guest's old name, is gone.
    start = dt.datetime.combine(dt.date.today(), dt.time())
    people = {}
    for name in ("Ilse Oudkerk", "Joost Mulder", "Eva de Vries"):
        g = guests.create_guest(store, receptionist, GuestFields(name)).id
        visits.record_visit(store, receptionist, g, kind=VisitKind.STAY,
                            starts_at=start + dt.timedelta(hours=14), place="101")
        people[name] = g
    first = todays_index(store, start)
    first.index_matches((("e",),), prefix=True)
    fields = dict(zip((r.id for r in first.rows), first._fields or [], strict=True))
    new = guests.create_guest(store, receptionist, GuestFields("Noor Bakker")).id
    visits.record_visit(store, receptionist, new, kind=VisitKind.BOOKING,
                        starts_at=start + dt.timedelta(hours=19), place="T4")
    guests.update_guest(store, receptionist, people["Joost Mulder"],
                        GuestFields("Joost Molenaar"))
    old = weakref.ref(first)
    del first
    again = todays_index(store, start)
    gc.collect()
    assert old() is None
    assert again._fields is not None   # built with the index, from the one before
    by_id = dict(zip((r.id for r in again.rows), again._fields, strict=True))
    assert by_id[people["Ilse Oudkerk"]] is fields[people["Ilse Oudkerk"]]
    assert by_id[people["Joost Mulder"]] is not fields[people["Joost Mulder"]]
    assert [r.id for r in again.index_matches((("bakker",),), prefix=False)] == [new]
    assert [r.id for r in again.index_matches((("molenaar",),), prefix=False)] \
        == [people["Joost Mulder"]]
    assert again.index_matches((("mulder",),), prefix=False) == []
    assert [r.id for r in again.candidates(["bakker"])] == [new]
