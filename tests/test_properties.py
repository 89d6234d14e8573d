"""Any input to a use case is either stored and shown back exactly, or refused cleanly.

Hypothesis feeds names in any script, emoji, overlong and empty values,
control characters and dates far in the past or future to every use case
that takes typed input. Each example must end in one of two ways:

* stored: reading it back (a fresh read, not the returned snapshot alone)
  gives exactly the trimmed input;
* refused with ``app.errors.ValidationError`` (a sentence naming the field)
  and *nothing* written: every table's row count and the audit chain unchanged.

Anything else (another exception, a half-written change) fails the test.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

import pytest
from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from app import audit_log, guests, staff, visits, vocabulary
from app.errors import ValidationError
from app.guests import GuestFields
from app.verify import verify_store
from app.views import Actor, Wording
from storage.models import Base, Category, Role, Sensitivity, Service, VisitKind
from storage.store import Store

T = TypeVar("T")

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture,
                                           HealthCheck.too_slow])

# Text a person might type or paste: any script, emoji, combining marks, and (in the
# "wild" branch) control characters, zero-width and odd spaces, empty and overlong runs.
# Valid values are drawn more often so that both outcomes are well exercised.
VISIBLE = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Co", "Cn"]),
                  min_size=1, max_size=60).filter(lambda t: bool(t.strip()))
WILD = st.one_of(
    st.text(max_size=40),
    st.sampled_from(["", " ", "\t", "\u200b", "\u3000x\u3000", "Zoë Ñúñez-O'Brien", "李小龍",
                     "محمد", "👩🏽‍🍳 Chef", "A\u0301strid", "x\x00y", "\x1b[31m", "a\u2028b",
                     "\ufeffBOM", "  padded  ", "line\nbreak"]),
    st.integers(150, 400).map(lambda n: "é" * n),
)


def mostly(good: st.SearchStrategy[T], bad: st.SearchStrategy[T]) -> st.SearchStrategy[T]:
    """``good`` three times out of four: enough refusals, and enough values that are stored."""
    return st.integers(0, 3).flatmap(lambda i: bad if i == 0 else good)


ANY_TEXT = mostly(VISIBLE, WILD)
OPTIONAL_TEXT = mostly(st.one_of(st.just(""), VISIBLE), WILD)
MAYBE_EMAIL = mostly(st.one_of(st.none(), st.emails().map(str)),
                     st.one_of(WILD, st.builds(lambda u: f"{u}@example.com", VISIBLE)))
MAYBE_PHONE = mostly(st.one_of(st.none(), st.from_regex(r"\+?[0-9 ]{6,20}", fullmatch=True)),
                     st.one_of(WILD, st.from_regex(r"\+?[0-9 ()./-]{0,45}", fullmatch=True)))
LANG = mostly(st.sampled_from(["en", "nl"]),
              st.one_of(st.sampled_from(["", "EN", " nl", "fr", "english"]), WILD))
FAR_DATETIME = st.datetimes(min_value=dt.datetime(1, 1, 1), max_value=dt.datetime(9999, 12, 31))
ANY_DATETIME = mostly(st.datetimes(min_value=dt.datetime(1900, 1, 1),
                                   max_value=dt.datetime(2199, 12, 31)), FAR_DATETIME)
ANY_DATE = st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31))
PARTY = mostly(st.integers(1, 500), st.integers(-5, 1000))
PIN = mostly(st.from_regex(r"[0-9]{4,12}", fullmatch=True),
             st.one_of(st.from_regex(r"[0-9]{0,14}", fullmatch=True), WILD))
RETENTION = mostly(st.integers(1, 3650), st.integers(-10, 5000))


def row_counts(store: Store) -> dict[str, int]:
    with store.read() as s:
        return {t.name: int(s.scalar(select(func.count()).select_from(t)) or 0)
                for t in Base.metadata.sorted_tables}


def stored_or_refused(store: Store, attempt: Callable[[], T]) -> T | None:
    """Run ``attempt``; on ValidationError check nothing changed and return None."""
    before = row_counts(store)
    try:
        result = attempt()
    except ValidationError as exc:
        assert str(exc).strip() and exc.field, "a refusal must name the field and say why"
        assert row_counts(store) == before, "a refused change wrote something"
        event(f"refused: {exc.field}")
        return None
    event("stored")
    return result


def _trim(value: str | None) -> str | None:
    if value is None or not value.strip():
        return None
    return value.strip()


@SETTINGS
@given(full_name=ANY_TEXT, preferred=OPTIONAL_TEXT, pronunciation=OPTIONAL_TEXT, language=LANG,
       email=MAYBE_EMAIL, phone=MAYBE_PHONE)
def test_create_guest(store: Store, manager: Actor, full_name: str, preferred: str,
                      pronunciation: str, language: str, email: str | None,
                      phone: str | None) -> None:
    fields = GuestFields(full_name, preferred, pronunciation, language, email, phone)
    made = stored_or_refused(store, lambda: guests.create_guest(store, manager, fields))
    if made is None:
        return
    back = guests.get_guest(store, manager, made.id)
    assert back == made
    assert (back.full_name, back.preferred_name, back.pronunciation, back.language) == (
        full_name.strip(), preferred.strip(), pronunciation.strip(), language)
    assert (back.email, back.phone) == (_trim(email), _trim(phone))
    assert back.id in {g.id for g in guests.find_guests(store, manager, back.full_name[:20])} \
        or not any(ch.isalnum() for ch in back.full_name[:20])


@SETTINGS
@given(full_name=ANY_TEXT, email=MAYBE_EMAIL, phone=MAYBE_PHONE, language=LANG)
def test_update_guest(store: Store, manager: Actor, full_name: str, email: str | None,
                      phone: str | None, language: str) -> None:
    g = guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    fields = GuestFields(full_name, language=language, email=email, phone=phone)
    done = stored_or_refused(store, lambda: guests.update_guest(store, manager, g.id, fields))
    back = guests.get_guest(store, manager, g.id)
    if done is None:
        assert back == g
        return
    assert back == done
    assert (back.full_name, back.email, back.phone, back.language) == (
        full_name.strip(), _trim(email), _trim(phone), language)


@SETTINGS
@example(typed="0\x00")   # a NUL inside a word once reached FTS5 MATCH ("unterminated string")
@given(typed=ANY_TEXT)
def test_search_never_fails(store: Store, manager: Actor, typed: str) -> None:
    found = guests.find_guests(store, manager, typed)
    assert isinstance(found, list)


@SETTINGS
@given(kind=st.sampled_from(list(VisitKind)), starts_at=ANY_DATETIME,
       ends_on=st.one_of(st.none(), ANY_DATE), party=PARTY, place=OPTIONAL_TEXT,
       service=st.one_of(st.none(), st.sampled_from(list(Service))))
def test_record_visit(store: Store, manager: Actor, kind: VisitKind, starts_at: dt.datetime,
                      ends_on: dt.date | None, party: int, place: str,
                      service: Service | None) -> None:
    g = guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    v = stored_or_refused(store, lambda: visits.record_visit(
        store, manager, g.id, kind=kind, starts_at=starts_at, ends_on=ends_on,
        service=service, party_size=party, place=place))
    if v is None:
        return
    card = guests.open_card(store, manager, g.id)
    (back,) = [x for x in card.visits if x.id == v.id]
    assert back == v
    assert (back.starts_at, back.party_size, back.place) == (starts_at, party, place.strip())
    assert back.ends_on == ends_on


@settings(SETTINGS, max_examples=25)
@given(name=ANY_TEXT, pin=PIN)
def test_add_staff(store: Store, manager: Actor, name: str, pin: str) -> None:
    info = stored_or_refused(store, lambda: staff.add_staff(store, manager, name,
                                                            Role.RECEPTIONIST, pin))
    if info is None:
        return
    assert info.name == name.strip()
    back = {s.id: s for s in staff.list_staff(store)}[info.id]
    assert back == info
    assert staff.sign_in(store, info.id, pin).name == name.strip()


@settings(SETTINGS, max_examples=40)
@given(staff_wording=ANY_TEXT, guest_wording=ANY_TEXT, purpose=ANY_TEXT,
       retention=RETENTION, lang=LANG)
def test_propose_label(store: Store, manager: Actor, staff_wording: str, guest_wording: str,
                       purpose: str, retention: int, lang: str) -> None:
    draft = vocabulary.LabelDraft(Category.PREFERENCE, staff_wording, Sensitivity.NORMAL,
                                  retention, (Wording(lang, guest_wording, purpose),))
    info = stored_or_refused(store, lambda: vocabulary.propose_label(store, manager, draft))
    if info is None:
        return
    (back,) = [p for p in vocabulary.pending_proposals(store, manager) if p.id == info.id]
    assert back.staff_wording == staff_wording.strip()
    assert back.retention_days == retention
    (w,) = back.wordings
    assert (w.language, w.guest_wording, w.purpose) == (lang, guest_wording.strip(),
                                                        purpose.strip())


def test_store_still_verifies_after_a_storm_of_bad_input(store: Store, manager: Actor) -> None:
    for bad in ("", "\x00", "x" * 500):
        with pytest.raises(ValidationError):
            guests.create_guest(store, manager, GuestFields(bad))
    report = verify_store(store)
    assert report.ok and report.audit_events >= 1


@SETTINGS
@example(day=dt.date.max, kind=VisitKind.STAY, service=None)
@example(day=dt.date.min, kind=VisitKind.BOOKING, service=Service.DINNER)
@given(day=ANY_DATE, kind=st.sampled_from(list(VisitKind)),
       service=st.one_of(st.none(), st.sampled_from(list(Service))))
def test_day_lists_for_any_date(store: Store, manager: Actor, day: dt.date, kind: VisitKind,
                                service: Service | None) -> None:
    rows = stored_or_refused(store, lambda: visits.today_list(store, manager, day, kind,
                                                              service))
    assert rows is None or isinstance(rows, list)


@SETTINGS
@example(since=dt.date.min, until=dt.date.max, action=None, guest_ref=None)
@given(since=st.one_of(st.none(), ANY_DATE), until=st.one_of(st.none(), ANY_DATE),
       action=st.one_of(st.none(), ANY_TEXT), guest_ref=st.one_of(st.none(), ANY_TEXT))
def test_audit_filters_for_any_input(store: Store, manager: Actor, since: dt.date | None,
                                     until: dt.date | None, action: str | None,
                                     guest_ref: str | None) -> None:
    flt = audit_log.AuditFilter(staff_id=None, guest_ref=guest_ref, action=action,
                                since=since, until=until)
    rows = audit_log.list_events(store, manager, flt)
    for r in rows:
        assert since is None or r.at.date() >= since
        assert until is None or r.at.date() <= until


@settings(SETTINGS, max_examples=40)
@given(note=OPTIONAL_TEXT, approve=st.booleans())
def test_review_note(store: Store, manager: Actor, note: str, approve: bool) -> None:
    draft = vocabulary.LabelDraft(Category.PREFERENCE, "Likes a quiet room", Sensitivity.NORMAL,
                                  365, (Wording("en", "You like a quiet room",
                                                "So we can give you a quiet room"),))
    proposed = vocabulary.propose_label(store, manager, draft)
    done = stored_or_refused(store, lambda: vocabulary.review_label(
        store, manager, proposed.id, approve, note, answer="none"))
    if done is None:
        assert proposed.id in {p.id for p in vocabulary.pending_proposals(store, manager)}
        return
    assert done.review_note == note.strip()
