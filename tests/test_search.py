"""Forgiving search, defined by what staff type: typos, sound-alikes, phones, rooms, today first.

Written against ``app.guests.find_guests`` only, so the same tests define the
behaviour on every engine: the module is marked ``pytest.mark.both_engines``, so each
runs on the local store and on the shared PostgreSQL store (``storage.search``'s named
steps dispatch to ``storage.postgres_search`` there).
"""

from __future__ import annotations

import datetime as dt

import pytest

from app import guests, phones, staff, visits
from app.domain import VisitKind, VisitStatus
from app.errors import PermissionDenied
from app.guests import GuestFields
from app.views import Actor, GuestMatch
from storage.store import Store

pytestmark = pytest.mark.both_engines

TODAY = dt.date.today()
NAMES = ("Jean-Pierre Thomassen", "Anna Müller", "Henk Meijer", "Piet de Vries",
         "Kees van den Berg", "Catherine Smith", "Anna Jansen", "Bram Bakker", "Søren Lindqvist")


@pytest.fixture
def book(store: Store, receptionist: Actor) -> dict[str, int]:
    ids = {}
    for i, name in enumerate(NAMES):
        ids[name] = guests.create_guest(store, receptionist, GuestFields(
            name, phone=f"+31 6 1234 56{i:02d}")).id
    return ids


def find(store: Store, actor: Actor, typed: str) -> list[GuestMatch]:
    return guests.find_guests(store, actor, typed)


def first(store: Store, actor: Actor, typed: str) -> GuestMatch:
    found = find(store, actor, typed)
    assert found, f"nothing found for {typed!r}"
    return found[0]


@pytest.mark.parametrize("typed,wanted", [
    ("Tomassen", "Jean-Pierre Thomassen"), ("Thomasen", "Jean-Pierre Thomassen"),
    ("Muler", "Anna Müller"), ("Jansn", "Anna Jansen"), ("Anna Jamsen", "Anna Jansen"),
    ("Bram Bakekr", "Bram Bakker"), ("Soren Lindkvist", "Søren Lindqvist"),
])
def test_one_or_two_letters_off_still_finds_the_guest(
        store: Store, receptionist: Actor, book: dict[str, int], typed: str, wanted: str) -> None:
    hit = first(store, receptionist, typed)
    assert hit.full_name == wanted
    assert hit.why in ("1 letter different", "2 letters different", "sounds like")


@pytest.mark.parametrize("typed,wanted", [
    ("Mueller", "Anna Müller"), ("Meyer", "Henk Meijer"), ("de vris", "Piet de Vries"),
    ("Kathryn Smith", "Catherine Smith"), ("vd Berg", "Kees van den Berg"),
    ("Kees vandenberg", None),
])
def test_names_that_sound_alike_are_found_and_say_so(
        store: Store, receptionist: Actor, book: dict[str, int], typed: str,
        wanted: str | None) -> None:
    found = find(store, receptionist, typed)
    if wanted is None:  # a tussenvoegsel run into the name is not one word of it
        assert [g.full_name for g in found] in ([], ["Kees van den Berg"])
        return
    assert found[0].full_name == wanted
    if typed != "vd Berg":
        assert found[0].why in ("sounds like", "1 letter different")


def test_exact_matches_come_before_forgiving_ones(store: Store, receptionist: Actor) -> None:
    for name in ("Jos van Dijk", "José Müller", "Jost Dijkman"):
        guests.create_guest(store, receptionist, GuestFields(name))
    found = find(store, receptionist, "jos")
    assert [g.why for g in found][:2] == [None, None]  # "Jos…", "José" (prefixes) first
    assert {g.full_name for g in found[:3]} == {"Jos van Dijk", "José Müller", "Jost Dijkman"}
    assert find(store, receptionist, "zzqx") == []


@pytest.mark.parametrize("typed", ["06 1234 5607", "0612345607", "06-12345607", "+31612345607",
                                   "0031 6 1234 5607", "+31 (0)6 1234 5607", "0031612345607"])
def test_every_usual_way_of_typing_a_phone_number_finds_the_guest(
        store: Store, receptionist: Actor, book: dict[str, int], typed: str) -> None:
    hit = first(store, receptionist, typed)
    assert hit.full_name == "Bram Bakker"
    assert hit.why == "phone"


def test_a_number_still_being_typed_finds_the_guest(
        store: Store, receptionist: Actor, book: dict[str, int]) -> None:
    # Every number in the book begins with 06 1234 56…: "06 1234 560" is +316123456 0x.
    assert {g.full_name for g in find(store, receptionist, "06 1234 560")} == set(NAMES)
    assert first(store, receptionist, "06 1234 5602").full_name == "Henk Meijer"


def test_phone_stored_in_e164_whatever_was_typed(store: Store, receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ria Stam", phone="06-87654321"))
    assert g.phone == "06-87654321"  # shown as the guest gave it
    assert phones.to_e164(g.phone, "NL") == "+31687654321"
    assert first(store, receptionist, "+31 6 8765 4321").id == g.id
    g2 = guests.update_guest(store, receptionist, g.id, GuestFields("Ria Stam",
                                                                  phone="0044 20 7946 0958"))
    assert first(store, receptionist, "+442079460958").id == g2.id
    assert [x.id for x in find(store, receptionist, "0687654321")] == []


def test_a_room_or_table_number_finds_todays_guest_in_it(
        store: Store, receptionist: Actor, book: dict[str, int]) -> None:
    at = dt.datetime.combine(TODAY, dt.time(15))
    visits.record_visit(store, receptionist, book["Piet de Vries"], kind=VisitKind.STAY,
                        starts_at=at, ends_on=TODAY + dt.timedelta(days=2), place="312")
    visits.record_visit(store, receptionist, book["Anna Müller"], kind=VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(TODAY, dt.time(19)), place="T12")
    # Yesterday's guest in 312, gone today: not found by the room number.
    visits.record_visit(store, receptionist, book["Henk Meijer"], kind=VisitKind.STAY,
                        starts_at=at - dt.timedelta(days=3), ends_on=TODAY - dt.timedelta(days=1),
                        place="312")
    # Arrived two days ago and staying until tomorrow: in room 214 today.
    visits.record_visit(store, receptionist, book["Bram Bakker"], kind=VisitKind.STAY,
                        starts_at=at - dt.timedelta(days=2), ends_on=TODAY + dt.timedelta(days=1),
                        place="214", status=VisitStatus.ARRIVED)
    hit = first(store, receptionist, "214")
    assert (hit.full_name, hit.why) == ("Bram Bakker", "room 214")
    for typed in ("312", "room 312", "Kamer 312"):
        found = find(store, receptionist, typed)
        assert [(g.full_name, g.why) for g in found if g.why == "room 312"] == \
            [("Piet de Vries", "room 312")], typed
        assert found[0].full_name == "Piet de Vries"
    for typed in ("T12", "table 12", "tafel 12", "12"):
        hit = first(store, receptionist, typed)
        assert (hit.full_name, hit.why, hit.when) == ("Anna Müller", "table 12", "today"), typed
        assert isinstance(hit.created_at, dt.datetime)


def test_todays_arrival_comes_first_among_guests_of_the_same_name(
        store: Store, receptionist: Actor) -> None:
    ids = [guests.create_guest(store, receptionist, GuestFields("Daan de Jong")).id
           for _ in range(60)]
    arriving, this_week, recent = ids[57], ids[41], ids[12]
    visits.record_visit(store, receptionist, arriving, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    visits.record_visit(store, receptionist, this_week, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=3),
                                                      dt.time(19)), place="T3")
    visits.record_visit(store, receptionist, recent, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(TODAY - dt.timedelta(days=9),
                                                      dt.time(19)), place="T3")
    for typed in ("Daan de Jong", "daan de j", "Daan de Jongg"):
        found = find(store, receptionist, typed)
        assert [g.id for g in found[:3]] == [arriving, this_week, recent], typed
        assert [g.when for g in found[:3]] == ["today", "week", ""]
    # Typed with a typo, today's guest still comes first: found in today's arrivals.
    assert first(store, receptionist, "Dan de Jong").id == arriving


def test_this_weeks_guest_typed_with_a_typo_is_found_among_a_hundred_namesakes(
        store: Store, receptionist: Actor) -> None:
    # More namesakes than the index hands the ranking: the guest arriving in three days is
    # matched in memory with the rest of this week's arrivals, as today's guests are.
    ids = [guests.create_guest(store, receptionist, GuestFields("Jonas Schmidt")).id
           for _ in range(120)]
    this_week = ids[-1]
    visits.record_visit(store, receptionist, this_week, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=3),
                                                      dt.time(19)), place="T3")
    for typed in ("Jonas Schmitd", "Jonas Schmit", "Jona Schmidt"):
        found = find(store, receptionist, typed)
        assert found[0].id == this_week, typed
        assert found[0].when == "week"
    # After the week it is one namesake among many again (no visit in the coming days).
    gone = visits.record_visit(store, receptionist, ids[0], kind=VisitKind.BOOKING,
                               starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=7),
                                                             dt.time(19)), place="T4")
    assert gone.guest_id == ids[0]
    assert ids[0] not in [g.id for g in find(store, receptionist, "Jonas Schmitd")
                          if g.when == "week"]


def test_todays_arrivals_are_read_again_after_every_change(
        store: Store, receptionist: Actor) -> None:
    # Today's arrivals are kept between key presses until guest data changes: a visit
    # recorded, a name corrected or a guest erased shows at the very next search.
    # More namesakes than the index hands over: only the in-memory pass finds the last.
    ids = [guests.create_guest(store, receptionist, GuestFields("Daan de Jong")).id
           for _ in range(120)]
    assert first(store, receptionist, "Dan de Jong").when == ""
    visits.record_visit(store, receptionist, ids[-1], kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    found = first(store, receptionist, "Dan de Jong")
    assert (found.id, found.when) == (ids[-1], "today")
    guests.update_guest(store, receptionist, ids[-1], GuestFields("Daan de Jongh"))
    assert first(store, receptionist, "Daan de Jongh").full_name == "Daan de Jongh"
    # Found in memory again, under the name it has now (not the row read before the change).
    assert first(store, receptionist, "Dan de Jong").full_name == "Daan de Jongh"


def _remembered(full_name: str, word: str) -> bool:
    """Whether the caches of names by their text answer for these (a call answered from the
    cache leaves the miss count alone); the call itself puts them in."""
    from app import guest_search
    from storage import name_keys

    misses = (guest_search._whole.cache_info().misses, name_keys.sound_key.cache_info().misses)
    guest_search._whole(full_name)
    name_keys.sound_key(word)
    return misses == (guest_search._whole.cache_info().misses,
                      name_keys.sound_key.cache_info().misses)


def test_an_erased_guests_name_leaves_the_remembered_words_at_once(
        store: Store, receptionist: Actor, manager: Actor) -> None:
    # The ranking and the folding remember words by their text (pure functions of strings,
    # not per store); an erased guest's name must leave them too, not wait to be pushed out.
    from app import erasure, guest_search

    g = guests.create_guest(store, receptionist, GuestFields("Jan Qwobbelsmaa"))
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    assert first(store, receptionist, "Jan Qwobelsmaa").id == g.id
    _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")
    assert _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")
    # The typed text of the last forgiving key press is kept to predict the next one's
    # look-ups (guest_search.lookups_ahead): it goes with the names too.
    assert guest_search._forgave[0] == "Jan Qwobelsmaa"
    erasure.erase_guest(store, manager, g.id)
    assert not _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")
    assert guest_search._forgave[0] is None


def test_another_desks_changes_clear_the_remembered_words_at_most_once_a_minute(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # Another desk's erasure is seen here only as the change counter moving: the caches are
    # cleared at the next search after it, but not at every change (an arrival marked every
    # second would have every desk rebuild them all the time).
    from storage import search

    clock = [0.0]
    monkeypatch.setattr(search, "_clock", lambda: clock[0])
    monkeypatch.setattr(search, "_last_forgotten", [float("-inf")])   # this test's clock
    g = guests.create_guest(store, receptionist, GuestFields("Jan Qwobbelsmaa"))
    assert find(store, receptionist, "Bakker") == []          # clears (first look)
    _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    clock[0] += 10
    assert find(store, receptionist, "Bakker") == []          # a change, 10 s later: kept
    assert _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(TODAY, dt.time(19)), place="T4")
    clock[0] += search.FORGET_NAMES_EVERY_S
    assert find(store, receptionist, "Bakker") == []          # a change, a minute on: cleared
    assert not _remembered("Jan Qwobbelsmaa", "qwobbelsmaa")


def test_visit_facts_are_read_again_after_every_change(store: Store, receptionist: Actor
                                                        ) -> None:
    # Which guests arrive today (and their last visit) is kept between key presses until
    # guest data changes: a visit recorded or cancelled reorders the very next search.
    older, newer = (guests.create_guest(store, receptionist, GuestFields("Mila Verbeek")).id
                    for _ in range(2))
    assert [(g.id, g.when) for g in find(store, receptionist, "Mila Verbeek")] == [
        (older, ""), (newer, "")]
    v = visits.record_visit(store, receptionist, newer, kind=VisitKind.STAY,
                            starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    assert [(g.id, g.when) for g in find(store, receptionist, "Mila Verbeek")] == [
        (newer, "today"), (older, "")]
    visits.set_status(store, receptionist, v.id, VisitStatus.CANCELLED)
    assert [(g.id, g.when) for g in find(store, receptionist, "Mila Verbeek")] == [
        (older, ""), (newer, "")]


def test_a_guest_added_after_a_search_is_found_by_the_same_typo(
        store: Store, receptionist: Actor) -> None:
    # The name dictionary's answers are kept between key presses until guest data
    # changes: a guest added since is found by the very next forgiving search.
    assert find(store, receptionist, "Ida Qwobelsmaa") == []
    added = guests.create_guest(store, receptionist, GuestFields("Ida Qwobbelsmaa")).id
    found = first(store, receptionist, "Ida Qwobelsmaa")  # one letter left out: no prefix
    assert (found.id, found.why) == (added, "1 letter different")


def test_a_name_typed_as_it_stands_lists_todays_namesake_first_then_near_misses(
        store: Store, receptionist: Actor) -> None:
    # A name some guest has exactly: only readings one letter away or said alike are
    # looked for beyond it (app.guest_search); today's namesake still comes first, and a
    # guest one letter away (not arriving) and one said alike are still listed below.
    older = guests.create_guest(store, receptionist, GuestFields("Sem Vriesema")).id
    today = guests.create_guest(store, receptionist, GuestFields("Sem Vriesema")).id
    near = guests.create_guest(store, receptionist, GuestFields("Sem Vriezema")).id
    alike = guests.create_guest(store, receptionist, GuestFields("Sem Vrieseema")).id
    visits.record_visit(store, receptionist, today, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    found = find(store, receptionist, "Sem Vriesema")
    assert [g.id for g in found[:2]] == [today, older]
    assert found[0].when == "today"
    rest = {g.id: g.why for g in found[2:]}
    assert rest.get(near) == "1 letter different"
    assert alike in rest


def test_an_exact_match_is_never_below_a_forgiving_one(store: Store, receptionist: Actor) -> None:
    exact = guests.create_guest(store, receptionist, GuestFields("Tom Jansen")).id
    near = guests.create_guest(store, receptionist, GuestFields("Tom Janssen")).id
    visits.record_visit(store, receptionist, near, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    found = find(store, receptionist, "Tom Jansen")
    assert [g.id for g in found] == [exact, near]
    assert found[1].why == "1 letter different"


def test_a_corrected_or_erased_name_leaves_no_word_in_the_dictionary(
        store: Store, manager: Actor) -> None:
    from app import erasure

    g = guests.create_guest(store, manager, GuestFields("Zqxwobble Vrenk"))
    assert first(store, manager, "Zqxwoble").id == g.id  # via the dictionary
    guests.update_guest(store, manager, g.id, GuestFields("Ada Vrenk"))
    assert find(store, manager, "Zqxwoble") == []
    erasure.erase_guest(store, manager, g.id)
    assert find(store, manager, "Vrenkk") == []
    with store.read() as s:
        from sqlalchemy import text

        words = {r[0] for r in s.execute(text("SELECT term FROM name_term"))}
    assert not {"zqxwobble", "vrenk", "ada"} & words


def test_among_equally_near_namesakes_the_name_closest_as_a_whole_comes_first(
        store: Store, receptionist: Actor) -> None:
    """Word by word "Dan de Jong" is one letter from all three; as a whole, from the first.

    Created closest last, so neither creation order nor last visit can put it first."""
    ids = {name: guests.create_guest(store, receptionist, GuestFields(name)).id
           for name in ("Daan Eva de Jong", "Daan de Jong-MacLeod", "Daan de Jong",
                        "Sem de Bruijn", "Siem de Bruijn")}
    found = find(store, receptionist, "Dan de Jong")
    assert [g.full_name for g in found[:3]] == [
        "Daan de Jong", "Daan Eva de Jong", "Daan de Jong-MacLeod"]
    assert found[0].why == "1 letter different"
    # One letter from both, but "Siem" is said as "Sim" is spelt.
    assert first(store, receptionist, "Sim de Bruijn").id == ids["Siem de Bruijn"]


@pytest.mark.parametrize("typed", ["Dmitri ContiRizzo", "Dmitri Conti Rizo",
                                   "Charlotte TayloreDavies", "Charlotte TaylorDavies"])
def test_a_double_surname_typed_as_one_word_finds_the_guest(
        store: Store, receptionist: Actor, typed: str) -> None:
    for name in ("Dmitri Conti-Rizzo", "Charlotte Taylor-Davies", "Charlotte Taylor",
                 "Dmitri Conti"):
        guests.create_guest(store, receptionist, GuestFields(name))
    hit = first(store, receptionist, typed)
    assert hit.full_name in ("Dmitri Conti-Rizzo", "Charlotte Taylor-Davies")
    assert hit.full_name.split()[0] == typed.split()[0]
    assert hit.why in ("1 letter different", "2 letters different")


@pytest.mark.parametrize("typed", ["Friederike Großmqnn-Klein", "Grosman", "Nusbaum",
                                   "Bärbel Nußbauz"])
def test_names_with_sharp_s_are_found_misspelt(
        store: Store, receptionist: Actor, typed: str) -> None:
    """The index keeps "ß" ("großmann"); the name dictionary must hold the same word."""
    want = {guests.create_guest(store, receptionist, GuestFields(name)).id
            for name in ("Friederike Großmann-Klein", "Bärbel Nußbaum")}
    assert first(store, receptionist, typed).id in want


def test_accents_typed_as_heard_bring_that_spelling_first(
        store: Store, receptionist: Actor) -> None:
    accented = guests.create_guest(store, receptionist, GuestFields("Seán Evans")).id
    plain = guests.create_guest(store, receptionist, GuestFields("Sean Evans")).id
    assert first(store, receptionist, "Seán Evanss").id == accented
    assert first(store, receptionist, "Sean Evanss").id == plain


def test_a_word_with_many_near_readings_still_finds_the_guest(
        store: Store, receptionist: Actor) -> None:
    """"Jön" is one letter from Jan, Job, Jong, Ton, Von and Jörn; with the other words
    right, every reading is tried at once, not only the first few combinations."""
    for name in ("Jan Franziska Muller", "Job Franziska Müller", "Jong Franziska Müller",
                 "Ton Franziska Muller", "Von Franziska Müller", "Jan Müller", "Job Muller"):
        guests.create_guest(store, receptionist, GuestFields(name))
    wanted = guests.create_guest(store, receptionist, GuestFields("Jörn Franziska Müller")).id
    assert wanted in [g.id for g in find(store, receptionist, "Jön Franziska Müller")[:5]]


def test_todays_guest_heard_misspelt_comes_before_other_guests_the_prefix_finds(
        store: Store, receptionist: Actor) -> None:
    """"Paul Schmit" begins Paul Schmitt and Paul Schmitz, and is one letter from today's
    Paul Schmidt: today's guest first. A whole name typed still comes before anything."""
    for name in ("Paul Schmitt", "Paul Schmitz", "Paul Schmitt-Engel", "Paul Schmit"):
        guests.create_guest(store, receptionist, GuestFields(name))
    today = guests.create_guest(store, receptionist, GuestFields("Paul Schmidt")).id
    visits.record_visit(store, receptionist, today, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(15)), place="12")
    found = find(store, receptionist, "Paul Schmit")
    assert found[0].full_name == "Paul Schmit" and found[0].why is None
    assert (found[1].id, found[1].when) == (today, "today")
    assert found[1].why in ("sounds like", "1 letter different")


def test_a_deactivated_searcher_is_refused_at_the_next_key_press(
        store: Store, manager: Actor, receptionist: Actor, book: dict[str, int]) -> None:
    """The searcher's standing is read in every search's own transaction (on the driver
    connection on SQLite, docs/performance.md): never remembered past a change of it."""
    assert find(store, receptionist, "Anna")          # its connection and reads warm
    staff.set_active(store, manager, receptionist.id, False)
    with pytest.raises(PermissionDenied, match="deactivated"):
        find(store, receptionist, "Anna")
    staff.set_active(store, manager, receptionist.id, True)
    assert find(store, receptionist, "Anna Jansen")[0].full_name == "Anna Jansen"


@pytest.mark.parametrize("typed", ["e", "ex", "example", "daan e", "c"])
def test_todays_guest_matched_by_email_alone_is_in_the_first_list(
        store: Store, receptionist: Actor, typed: str) -> None:
    # Every address is at example.com: "e" begins a word of every guest's email, so the
    # index's first candidates (in its own order) fill the list; the guest arriving today,
    # whose name holds no word near "e", comes first all the same (after whole names).
    ids = [guests.create_guest(store, receptionist, GuestFields(
        "Daan Bakker", email=f"daan.bakker{i}@example.com")).id
        for i in range(guests.SEARCH_LIMIT + 30)]
    arriving = ids[-3]
    visits.record_visit(store, receptionist, arriving, kind=VisitKind.STAY,
                        starts_at=dt.datetime.combine(TODAY, dt.time(14)), place="101")
    found = find(store, receptionist, typed)
    assert len(found) == guests.SEARCH_LIMIT
    assert (found[0].id, found[0].when, found[0].why) == (arriving, "today", "email"), typed
    # Only guests the index matches: a name word is not matched by the email pass.
    assert not [g for g in find(store, receptionist, "bakkerx") if g.why == "email"]


def test_whole_words_filling_the_list_skip_the_forgiving_pass_over_the_arrivals(
        store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    # More whole-word namesakes than the list holds: a guest matched in memory only by a
    # prefix or forgivingly could never be listed, so the arrivals' names are not compared
    # forgivingly; today's and this week's namesakes beyond the index's first ones still
    # come first (matched in memory as whole words), near names of today's not at all.
    from app import guest_search

    ids = [guests.create_guest(store, receptionist, GuestFields("Mees Vos")).id
           for _ in range(guests.SEARCH_LIMIT + 10)]
    near = guests.create_guest(store, receptionist, GuestFields("Mees Bos")).id
    longer = guests.create_guest(store, receptionist, GuestFields("Mees Vossen")).id
    for gid, days in ((ids[-1], 0), (near, 0), (longer, 0), (ids[-2], 3)):
        visits.record_visit(store, receptionist, gid, kind=VisitKind.STAY, place="101",
                            starts_at=dt.datetime.combine(TODAY + dt.timedelta(days=days),
                                                          dt.time(14)))
    compared: list[str] = []
    real = guest_search._match_in_memory

    def counted(r: object, text: str, typed_words: list[str]) -> object:
        compared.append(text)
        return real(r, text, typed_words)  # type: ignore[arg-type]

    monkeypatch.setattr(guest_search, "_match_in_memory", counted)
    found = find(store, receptionist, "Vos")
    assert len(found) == guests.SEARCH_LIMIT
    assert [(g.id, g.when) for g in found[:2]] == [(ids[-1], "today"), (ids[-2], "week")]
    assert not {near, longer} & {g.id for g in found}
    assert compared == []
    # Fewer whole-word matches than the list holds: today's near names are compared, and
    # listed after today's namesake.
    found = find(store, receptionist, "Mees Voss")
    assert [g.id for g in found[:2]] == [longer, ids[-1]] and compared
