"""Re-importing an export changes nothing, and a likely duplicate profile is pointed out.

Rows are recognised by booking number, email, name + phone, or (rows with neither
email nor phone) by name, day and room or table; all by indexed look-ups of the
file's own keys.
"""

from __future__ import annotations

import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app import guests, importing
from app.guests import GuestFields
from app.views import Actor
from storage import import_queries as iq
from storage.store import Store
from tests.import_helpers import after_preview, counts, plan_of

NO_CONTACT = (b"Name;Arrival;Departure;Room\n"
              b"Anna de Vries;14-03-2026;16-03-2026;101\n"
              b"Piet Jansen;14-03-2026;15-03-2026;102\n"
              b"Piet Jansen;20-03-2026;21-03-2026;102\n")
WITH_REFERENCES = (b"Booking no;Name;Date;Time;Table;Covers\n"
                   b"R-1;Anna de Vries;14-03-2026;19:30;T4;2\n"
                   b"R-2;Bram Smit;14-03-2026;12:15;T2;4\n")


def test_rows_without_email_or_phone_are_not_added_twice(store: Store, manager: Actor) -> None:
    first = importing.apply(store, manager, plan_of(store, NO_CONTACT))
    assert (first.guests_created, first.visits) == (3, 3)
    before = counts(store)
    pre = importing.preview(store, manager, plan_of(store, NO_CONTACT))
    assert (pre.new_guests, pre.visits, pre.duplicate_visits) == (0, 0, 3)
    before = after_preview(store, before)
    importing.apply(store, manager, plan_of(store, NO_CONTACT))
    after = counts(store)
    assert after[:2] == before[:2] and after[2] == before[2] + 1  # only import.applied


def test_booking_numbers_recognise_a_reimport_even_after_a_name_correction(
        store: Store, manager: Actor) -> None:
    importing.apply(store, manager, plan_of(store, WITH_REFERENCES))
    before = counts(store)
    corrected = WITH_REFERENCES.replace(b"Bram Smit", b"Bram Smits")  # the PMS fixed a typo
    pre = importing.preview(store, manager, plan_of(store, corrected))
    assert (pre.new_guests, pre.matched_guests, pre.visits, pre.duplicate_visits) == (
        0, 2, 0, 2)
    importing.apply(store, manager, plan_of(store, corrected))
    assert counts(store)[:2] == before[:2]


def test_the_booking_number_is_kept_on_the_visit(store: Store, manager: Actor) -> None:
    importing.apply(store, manager, plan_of(store, WITH_REFERENCES))
    (anna,) = guests.find_guests(store, manager, "anna de vries")
    card = guests.open_card(store, manager, anna.id)
    assert [v.place for v in card.visits] == ["T4"]
    from app import report

    rendered = report.guest_report(store, manager, anna.id)
    texts = [(r.field, r.value) for sec in rendered.sections for item in sec.items
             for r in item.rows]
    assert ("Booking number", "R-1") in texts


def test_a_new_guest_with_a_known_name_is_pointed_out(store: Store, manager: Actor) -> None:
    guests.create_guest(store, manager, GuestFields("Anna de Vries", email="anna@example.nl"))
    data = (b"Name;Email;Arrival;Room\n"
            b"Anna de Vries;a.devries@work.example;14-03-2026;101\n"
            b"Bram Smit;;14-03-2026;102\n"
            b"Bram Smit;;15-03-2026;103\n"
            b"Carla Bos;carla@example.nl;14-03-2026;104\n")
    pre = importing.preview(store, manager, plan_of(store, data))
    assert pre.same_name == ("Anna de Vries", "Bram Smit")
    assert any(line.startswith("2 new guests have the name of a guest already known")
               for line in pre.summary_lines())


def test_a_guest_added_by_another_desk_while_importing_is_matched(store: Store,
                                                                  manager: Actor) -> None:
    """The import matches before taking the write lock; a write in between makes it match
    again under the lock, so the other desk's new guest is not duplicated."""
    data = b"Name;Email;Arrival;Room\nAnna de Vries;anna@example.nl;14-03-2026;101\n"
    plan = plan_of(store, data)
    made: list[int] = []

    def other_desk(done: int, total: int) -> None:
        if not made:  # between the import's read and its write
            made.append(guests.create_guest(store, manager, GuestFields(
                "Anna de Vries", email="ANNA@example.nl")).id)

    result = importing.apply(store, manager, plan, progress=other_desk)
    assert (result.guests_created, result.guests_matched, result.visits) == (0, 1, 1)
    assert guests.guest_count(store) == 1
    assert len(guests.open_card(store, manager, made[0]).visits) == 1


@settings(max_examples=500, deadline=None)
@given(st.text(max_size=30) | st.sampled_from(["Anna@Example.NL", " BRAM@x.nl ", "Özil@X.de",
                                                "İSTANBUL@x.tr", "straße@X.de"]))
def test_an_email_is_folded_as_the_lower_email_index_folds_it(email: str) -> None:
    """ASCII addresses take a quicker path to the same key: ASCII letters lower-cased,
    nothing else touched (SQLite's lower(), which the index holds, folds only those)."""
    ascii_only = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
    assert iq.email_key(email) == email.strip().translate(ascii_only)


@pytest.mark.both_engines
def test_the_names_guests_already_have_are_each_found_once(store: Store,
                                                          manager: Actor) -> None:
    """The same-name look-up (storage.import_queries.guests_named) asks per name whether one
    guest has it: names several guests share, spellings that differ only in case or
    accents, quotes and more names than one statement takes."""
    for name in ("Jan Jansen", "Jan Jansen", "Jan Jansen", "Zoë D'Arcy", "Ö \"Quote\" Ü"):
        guests.create_guest(store, manager, GuestFields(name))
    asked = (["Jan Jansen", "jan jansen", "Zoë D'Arcy", "Zoe D'Arcy", "Ö \"Quote\" Ü",
              "Jan Jansen", "[\"a\"]"] + [f"Gast {i}" for i in range(6_000)] + ["Jan Jansen"])
    with store.read() as s:
        found = iq.guests_named(s, asked)
    assert sorted(found) == sorted(["Jan Jansen", "Zoë D'Arcy", "Ö \"Quote\" Ü"])


@pytest.mark.both_engines
def test_the_visit_look_ups_read_what_the_orm_reads(store: Store, manager: Actor) -> None:
    """The visits on given days and the visits of given guests (read through the driver:
    SQLite keeps a start as text, PostgreSQL as a timestamp) come back as the ORM reads
    them, and a re-import of rows without email or phone, and of booking numbers, is
    recognised by them on either store."""
    import datetime as dt

    from sqlalchemy import select

    from storage.models import Visit
    importing.apply(store, manager, plan_of(store, NO_CONTACT))
    importing.apply(store, manager, plan_of(store, WITH_REFERENCES))
    with store.read() as s:
        orm = s.execute(select(Visit.guest_id, Visit.kind, Visit.starts_at)).all()
        days = sorted({r[2].date() for r in orm}) + [dt.date(2026, 3, 13)]
        on_days = iq.visits_on_days(s, days)
        keys = iq.visit_keys_for_guests(s, sorted({r[0] for r in orm}))
    assert len(orm) == 5
    assert sorted((g, k, t) for g, _ref, _name, k, t, _place in on_days) == sorted(
        (int(g), k, t) for g, k, t in orm)
    assert all(type(t) is dt.datetime for *_, t, _place in on_days)
    assert keys == {(int(g), k, t) for g, k, t in orm}
    assert any(t.time() == dt.time(19, 30) for *_, t, _place in on_days)
    assert importing.preview(store, manager, plan_of(store, NO_CONTACT)).duplicate_visits == 3
    assert importing.preview(store, manager, plan_of(store, WITH_REFERENCES)).duplicate_visits == 2
