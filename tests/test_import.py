"""Arrivals import: the sample exports in tests/data, matching, preview, one-transaction apply."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest
from sqlalchemy import select

from app import guests, importing
from app.domain import Service, VisitKind
from app.errors import ValidationError
from app.guests import GuestFields
from app.importing import Field
from app.importing.dates import NotADate, parse_datetime, parse_time
from app.importing.mapping import guess_field
from app.verify import verify_store
from app.views import Actor
from storage.models import AuditEvent, Guest, Visit
from storage.store import Store
from tests.import_helpers import after_preview, counts

DATA = Path(__file__).parent / "data"
HOTEL = DATA / "hotel_pms_utf8_bom_semicolon.csv"
RESTAURANT = DATA / "restaurant_cp1252_tabs_dutch.csv"
ENGLISH = DATA / "english_iso_remarks.csv"
BAD = DATA / "bad_rows.csv"


def plan_for(store: Store, path: Path) -> importing.ImportPlan:
    table = importing.read_file(path)
    mapping, _ = importing.mapping_for(store, table.header)
    return importing.build_plan(table, mapping, file_name=path.name)


# --- reading ---------------------------------------------------------------------------

@pytest.mark.parametrize("path,encoding,delimiter,rows", [
    (HOTEL, "utf-8-sig", ";", 6),
    (RESTAURANT, "cp1252", "\t", 5),
    (ENGLISH, "utf-8", ",", 4),
    (BAD, "utf-8", ",", 14),
])
def test_samples_are_read_whatever_their_encoding_and_delimiter(
        path: Path, encoding: str, delimiter: str, rows: int) -> None:
    table = importing.read_file(path)
    assert (table.encoding, table.delimiter, len(table.records)) == (encoding, delimiter, rows)
    assert table.header[0] and not table.header[0].startswith("\ufeff")


def test_windows_1252_names_keep_their_accents() -> None:
    table = importing.read_file(RESTAURANT)
    names = [r.values[0] for r in table.records]
    assert "Zoë van den Berg" in names and "Chloé Lefèvre" in names


def test_utf16_from_excel_unicode_text() -> None:
    data = "Naam\tDatum\r\nZoë\t14-03-2026\r\n".encode("utf-16")
    table = importing.read_table(data)
    assert (table.encoding, table.delimiter, table.records[0].values) == (
        "utf-16", "\t", ("Zoë", "14-03-2026"))


def test_a_title_line_above_the_header_is_skipped() -> None:
    data = b"Arrivals report 14-03-2026\n\nName;Arrival\nAnna;14-03-2026\n"
    table = importing.read_table(data)
    assert table.header == ("Name", "Arrival") and table.header_line == 3
    assert [(r.line, r.values) for r in table.records] == [(4, ("Anna", "14-03-2026"))]


@pytest.mark.parametrize("data,message", [
    (b"", "empty"),
    (b"\n\n  \n", "empty"),
    (b"PK\x03\x04\x00\x00binary", "not a text file"),
])
def test_unreadable_files_are_clear_errors(data: bytes, message: str) -> None:
    with pytest.raises(importing.CsvFormatError, match=message):
        importing.read_table(data)


@pytest.mark.parametrize("value,expected", [
    ("2026-03-14", (dt.date(2026, 3, 14), None)),
    ("2026-03-14T15:00:00", (dt.date(2026, 3, 14), dt.time(15))),
    ("14-03-2026", (dt.date(2026, 3, 14), None)),
    ("14/03/2026 19:30", (dt.date(2026, 3, 14), dt.time(19, 30))),
    ("14.03.2026 19:30", (dt.date(2026, 3, 14), dt.time(19, 30))),
    ("1.3.26", (dt.date(2026, 3, 1), None)),
])
def test_common_date_formats(value: str, expected: tuple[dt.date, dt.time | None]) -> None:
    assert parse_datetime(value) == expected


@pytest.mark.parametrize("value", ["31-02-2026", "03/14/2026", "2026-13-01", "tomorrow", ""])
def test_impossible_dates_are_refused(value: str) -> None:
    with pytest.raises(NotADate):
        parse_datetime(value)


def test_times() -> None:
    assert [parse_time(v) for v in ("19:30", "19.30", "7:30 PM", "1930")] == [
        dt.time(19, 30)] * 4
    with pytest.raises(NotADate):
        parse_time("25:00")


# --- mapping -----------------------------------------------------------------------------

@pytest.mark.parametrize("header,field", [
    ("Naam", Field.FULL_NAME), ("Guest name", Field.FULL_NAME), ("Voornaam", Field.FIRST_NAME),
    ("Achternaam", Field.LAST_NAME), ("Tussenvoegsel", Field.INFIX),
    ("E-mail", Field.EMAIL), ("E-mailadres", Field.EMAIL), ("Telefoon", Field.PHONE),
    ("Aankomst", Field.ARRIVAL), ("Arrival date", Field.ARRIVAL), ("Vertrek", Field.DEPARTURE),
    ("Datum", Field.DATE), ("Tijd", Field.TIME), ("Kamer", Field.ROOM), ("Tafel", Field.TABLE),
    ("Personen", Field.PARTY), ("Aantal gasten", Field.PARTY), ("Guests", Field.PARTY),
    ("Taal", Field.LANGUAGE), ("Type", Field.KIND), ("Room type", Field.SKIP),
    ("Rate", Field.SKIP), ("Opmerkingen", Field.SKIP), ("Remarks", Field.SKIP),
    ("Notities", Field.SKIP), ("Bijzonderheden", Field.SKIP), ("Special requests", Field.SKIP),
])
def test_header_guesses_in_english_and_dutch(header: str, field: Field) -> None:
    assert guess_field(header) == field


@pytest.mark.parametrize("header,field", [
    # German
    ("Vorname", Field.FIRST_NAME), ("Nachname", Field.LAST_NAME), ("E-Mail", Field.EMAIL),
    ("Telefon", Field.PHONE), ("Handy", Field.PHONE), ("Anreise", Field.ARRIVAL),
    ("Abreise", Field.DEPARTURE), ("Zimmer", Field.ROOM), ("Tisch", Field.TABLE),
    ("Anzahl Personen", Field.PARTY), ("Sprache", Field.LANGUAGE), ("Uhrzeit", Field.TIME),
    ("Buchungsnummer", Field.REFERENCE), ("Zimmerkategorie", Field.SKIP),
    # French
    ("Prénom", Field.FIRST_NAME), ("Nom de famille", Field.LAST_NAME),
    ("Courriel", Field.EMAIL), ("Téléphone", Field.PHONE), ("Arrivée", Field.ARRIVAL),
    ("Départ", Field.DEPARTURE), ("Chambre", Field.ROOM), ("Couverts", Field.PARTY),
    ("Langue", Field.LANGUAGE), ("Heure", Field.TIME), ("Numéro de réservation",
                                                        Field.REFERENCE),
    # booking numbers in English and Dutch
    ("Reservation no", Field.REFERENCE), ("Reserveringsnummer", Field.REFERENCE),
])
def test_header_guesses_in_german_and_french(header: str, field: Field) -> None:
    assert guess_field(header) == field


@pytest.mark.parametrize("header", [
    "Gastwünsche", "Hinweise zum Gast", "Bemerkung", "Bemerkungen", "Anmerkungen", "Wünsche",
    "Besonderheiten", "Kommentar", "remarques", "Remarques", "commentaires", "Observations",
    "Demandes particulières", "Souhaits", "Régime", "Allergien", "Opmerkingen", "Remarks",
    "Notes", "Special requests", "Wensen", "Dieetwensen",
])
def test_free_text_columns_in_four_languages_are_never_guessed(header: str) -> None:
    from app.importing import is_free_text

    assert is_free_text(header) and guess_field(header) == Field.SKIP


def test_a_german_export_imports_names_and_never_its_remarks(store: Store, manager: Actor
                                                             ) -> None:
    data = ("Vorname;Name;Anreise;Abreise;Zimmer;Gastwünsche;Hinweise zum Gast;Bemerkung\n"
            "Jürgen;Müller;14.03.2026;16.03.2026;118;ruhiges Zimmer;trinkt viel;VIP\n"
            ).encode()
    table = importing.read_table(data)
    mapping, _ = importing.mapping_for(store, table.header)
    assert [mapping.get(i) for i in range(len(table.header))] == [
        Field.FIRST_NAME, Field.LAST_NAME, Field.ARRIVAL, Field.DEPARTURE, Field.ROOM,
        None, None, None]
    plan = importing.build_plan(table, mapping)
    assert [r.guest.full_name for r in plan.rows] == ["Jürgen Müller"]
    assert {s.column for s in plan.skipped if s.free_text} == {
        "Gastwünsche", "Hinweise zum Gast", "Bemerkung"}
    importing.apply(store, manager, plan)
    with store.read() as s:
        stored = json.dumps([[g.full_name, g.preferred_name, g.pronunciation]
                             for g in s.scalars(select(Guest))])
    assert "trinkt" not in stored and "ruhiges" not in stored and "VIP" not in stored


@pytest.mark.parametrize("raw,code", [
    ("NL", "nl"), ("nl-BE", "nl"), ("Nederlands", "nl"), ("Dutch", "nl"), ("Engels", "en"),
    ("english", "en"), ("EN_gb", "en"), ("Klingon", ""), ("IT", ""),
])
def test_language_cells_are_read_through_the_registry(raw: str, code: str) -> None:
    from app.importing.plan import language_of

    assert language_of(raw) == code


def test_mixed_encodings_are_named_not_guessed() -> None:
    data = (b"Name,Arrival\n" + "Zoë Müller,14-03-2026\n".encode()
            + "Chloé Lefèvre,14-03-2026\n".encode("cp1252"))
    with pytest.raises(importing.CsvFormatError) as info:
        importing.read_table(data)
    assert str(info.value).startswith("The file mixes two encodings: lines 2 are UTF-8, "
                                      "lines 3 are not")


def test_a_column_named_twice_is_refused() -> None:
    data = b"Name;Email;Phone;email\nAnna;a@b.nl;;anna@c.nl\n"
    with pytest.raises(importing.CsvFormatError) as info:
        importing.read_table(data)
    assert "“email” twice (columns 2 and 4)" in str(info.value)


@pytest.mark.parametrize("name", ["Anna\u202eknaJ", "An\u200bna Jansen", "Anna\u2066 Jansen",
                                  "\ufeffAnna"])
def test_names_with_format_characters_are_refused(store: Store, manager: Actor,
                                                  name: str) -> None:
    table = importing.read_table(f"Name,Arrival\n{name},14-03-2026\n".encode())
    plan = importing.build_plan(table, importing.guess_mapping(table.header))
    assert not plan.rows
    assert "formatting marks" in str(plan.errors[0].text)
    with pytest.raises(ValidationError):
        guests.create_guest(store, manager, GuestFields(name))


def test_free_text_columns_cannot_be_mapped_even_on_purpose(store: Store, manager: Actor
                                                            ) -> None:
    table = importing.read_file(ENGLISH)
    remarks = table.header.index("Remarks")
    mapping, _ = importing.mapping_for(store, table.header)
    mapping[remarks] = Field.PREFERRED_NAME  # an attempt to smuggle remarks in as a name
    plan = importing.build_plan(table, mapping)
    assert remarks not in plan.mapping
    assert all(r.guest.preferred_name == "" for r in plan.rows)
    texts = [s.text for s in plan.skipped]
    assert "Column “Remarks” skipped: free text is never imported" in texts


def test_mapping_is_remembered_per_header_layout(store: Store, manager: Actor) -> None:
    table = importing.read_file(HOTEL)
    mapping, remembered = importing.mapping_for(store, table.header)
    assert not remembered
    rate = table.header.index("Reservation no")
    mapping[rate] = Field.PREFERRED_NAME  # a (silly) correction the user made
    importing.save_mapping(store, manager, table.header, mapping)
    again, remembered = importing.mapping_for(store, table.header)
    assert remembered and again[rate] == Field.PREFERRED_NAME
    other, remembered = importing.mapping_for(store, importing.read_file(ENGLISH).header)
    assert not remembered and Field.PREFERRED_NAME not in other.values()


def test_mapping_without_a_name_is_refused(store: Store, manager: Actor) -> None:
    table = importing.read_file(ENGLISH)
    with pytest.raises(ValidationError, match="guest's name"):
        importing.build_plan(table, {1: Field.EMAIL})


# --- the four samples ----------------------------------------------------------------------

def test_hotel_pms_export(store: Store, manager: Actor) -> None:
    plan = plan_for(store, HOTEL)
    pre = importing.preview(store, manager, plan)
    # Jan Thomassen appears twice (email in another case): one guest, two stays.
    assert (pre.new_guests, pre.matched_guests, pre.visits, pre.error_lines) == (5, 0, 6, 0)
    assert "Column “Rate” not imported" in {s.text for s in plan.skipped}
    assert "Reservation no" not in {s.column for s in plan.skipped}  # the booking number
    result = importing.apply(store, manager, plan)
    assert (result.guests_created, result.visits) == (5, 6)
    found = guests.find_guests(store, manager, "müller")
    assert [g.full_name for g in found] == ["Jürgen Müller"]
    assert found[0].language == "en"  # IT is not offered: English, and the preview said so
    assert any("language “IT”" in n for n in plan.notes)
    card = guests.open_card(store, manager, guests.find_guests(store, manager, "thomassen")[0].id)
    assert card.guest.language == "nl"
    assert sorted((v.starts_at, v.ends_on, v.place, v.party_size, v.kind) for v in card.visits) == [
        (dt.datetime(2026, 3, 14), dt.date(2026, 3, 16), "204", 2, VisitKind.STAY),
        (dt.datetime(2026, 3, 20), dt.date(2026, 3, 22), "204", 2, VisitKind.STAY)]


def test_restaurant_export_in_dutch_with_tabs_and_times(store: Store, manager: Actor) -> None:
    plan = plan_for(store, RESTAURANT)
    assert [s.text for s in plan.skipped] == [
        "Column “Opmerkingen” skipped: free text is never imported"]
    result = importing.apply(store, manager, plan)
    assert (result.guests_created, result.visits) == (5, 5)
    with store.read() as s:
        visits = {(v.guest.full_name, v.starts_at, v.service, v.party_size, v.place, v.kind)
                  for v in s.scalars(select(Visit))}
        stored_text = " ".join(f"{g.full_name} {g.preferred_name}" for g in s.scalars(
            select(Guest)))
    assert ("Sophie Dubois", dt.datetime(2026, 3, 14, 19, 30), Service.DINNER, 2, "T4",
            VisitKind.BOOKING) in visits
    assert ("Daan Bakker", dt.datetime(2026, 3, 14, 12, 15), Service.LUNCH, 4, "T12",
            VisitKind.BOOKING) in visits
    assert ("Björn Andersen", dt.datetime(2026, 3, 15, 19), Service.DINNER, 6, "T10",
            VisitKind.BOOKING) in visits
    assert "allergie" not in stored_text.casefold() and "raam" not in stored_text


def test_english_export_with_remarks(store: Store, manager: Actor) -> None:
    plan = plan_for(store, ENGLISH)
    pre = importing.preview(store, manager, plan)
    assert "Column “Remarks” skipped: free text is never imported" in pre.summary_lines()
    importing.apply(store, manager, plan)
    with store.read() as s:
        every_value = json.dumps([[g.full_name, g.preferred_name, g.pronunciation, g.email,
                                   g.phone] for g in s.scalars(select(Guest))])
        details = " ".join(e.detail for e in s.scalars(select(AuditEvent)))
    assert "anniversary" not in every_value and "view matters" not in every_value
    assert "Hannah" not in details and "@" not in details  # the audit holds no guest text


def test_bad_rows_are_named_by_line_and_column(store: Store, manager: Actor) -> None:
    plan = plan_for(store, BAD)
    texts = [e.text for e in plan.errors]
    assert "line 14, column “Arrival”: “31-02-2026” is not a date" in texts
    assert "line 7, column “Party”: “two” is not a number" in texts
    assert "line 8, column “Departure”: “02-03-2026” is before the arrival" in texts
    assert "line 9, column “Name”: the guest's name is empty" in texts
    assert "line 15, column “Party”: “700” is out of range" in texts
    assert "line 6, column “Email”: “not-an-email” is not an email address" in texts
    assert ("line 11, column “Phone”: “phone: call me” is not a phone number (digits, spaces "
            "and + ( ) . / - only)") in texts
    pre = importing.preview(store, manager, plan)
    assert (pre.new_guests, pre.visits, pre.error_lines) == (7, 7, 7)
    for text in texts:  # the preview lists every bad row, not a sample
        assert any(text in line for line in pre.summary_lines())


def test_one_bad_row_means_nothing_is_written(store: Store, manager: Actor) -> None:
    plan = plan_for(store, BAD)
    before = counts(store)
    with pytest.raises(importing.ImportHasErrors) as info:
        importing.apply(store, manager, plan)
    assert counts(store) == before
    message = str(info.value)
    assert message.startswith("7 rows have errors, so nothing was imported: line 6, column "
                              "“Email”: “not-an-email” is not an email address; line 7")
    assert "choose to import only the good rows" in message
    assert len(info.value.errors) == 7


def test_only_good_rows_when_chosen_explicitly(store: Store, manager: Actor) -> None:
    result = importing.apply(store, manager, plan_for(store, BAD), only_good_rows=True)
    assert (result.guests_created, result.skipped_rows) == (7, 7)
    assert guests.guest_count(store) == 7


# --- matching, re-import, audit ------------------------------------------------------------

def test_rows_match_existing_guests_by_email_or_name_and_phone(store: Store, manager: Actor
                                                               ) -> None:
    by_mail = guests.create_guest(store, manager, GuestFields(
        "Hannah Brown", email="HANNAH.BROWN@example.co.uk"))
    by_phone = guests.create_guest(store, manager, GuestFields(
        "Margaret Kelly", phone="+353 1 555 0101"))
    guests.create_guest(store, manager, GuestFields("James Wilson", phone="+1 555 0000"))
    pre = importing.preview(store, manager, plan_for(store, ENGLISH))
    # James Wilson has no phone in the file and another email: not the same person.
    assert (pre.new_guests, pre.matched_guests) == (2, 2)
    assert set(pre.matched_names) == {"Hannah Brown", "Margaret Kelly"}
    importing.apply(store, manager, plan_for(store, ENGLISH))
    assert len(guests.open_card(store, manager, by_mail.id).visits) == 1
    assert len(guests.open_card(store, manager, by_phone.id).visits) == 1


def test_importing_the_same_file_twice_adds_nothing_new(store: Store, manager: Actor) -> None:
    importing.apply(store, manager, plan_for(store, HOTEL))
    before = counts(store)
    pre = importing.preview(store, manager, plan_for(store, HOTEL))
    assert (pre.new_guests, pre.matched_guests, pre.visits, pre.duplicate_visits) == (0, 5, 0, 6)
    before = after_preview(store, before)
    importing.apply(store, manager, plan_for(store, HOTEL))
    after = counts(store)
    assert after[:2] == before[:2]
    assert after[2] == before[2] + 1  # only the import.applied event


def test_audit_records_who_imported_what(store: Store, receptionist: Actor) -> None:
    before = counts(store)[2]
    plan = plan_for(store, HOTEL)
    importing.apply(store, receptionist, plan)
    with store.read() as s:
        events = list(s.scalars(select(AuditEvent).where(AuditEvent.id > before)
                                .order_by(AuditEvent.id)))
    assert [e.action for e in events].count("guest.created") == 5
    assert [e.action for e in events].count("visit.recorded") == 6
    assert all(e.staff_id == receptionist.id for e in events)
    summary = json.loads(events[-1].detail)
    assert events[-1].action == "import.applied"
    assert summary["file_sha256"] == plan.sha256
    assert (summary["guests_created"], summary["visits"], summary["rows"]) == (5, 6, 6)
    assert verify_store(store).ok


def test_a_failure_half_way_writes_nothing(store: Store, manager: Actor) -> None:
    guests.create_guest(store, manager, GuestFields("Hannah Brown",
                                                    email="hannah.brown@example.co.uk"))
    before = counts(store)
    calls: list[int] = []

    def explode(done: int, total: int) -> None:
        calls.append(done)
        if done > 0:
            raise OSError("disk full")

    with pytest.raises(OSError):
        importing.apply(store, manager, plan_for(store, ENGLISH), progress=explode)
    assert calls and counts(store) == before
    assert verify_store(store).ok


def test_cancel_rolls_back_everything(store: Store, manager: Actor) -> None:
    before = counts(store)
    seen: list[int] = []
    with pytest.raises(importing.ImportCancelled):
        importing.apply(store, manager, plan_for(store, HOTEL),
                        progress=lambda done, total: seen.append(done),
                        cancelled=lambda: len(seen) >= 2)
    assert counts(store) == before
    assert verify_store(store).ok


def test_a_host_may_import_bookings(store: Store, host: Actor) -> None:
    result = importing.apply(store, host, plan_for(store, RESTAURANT))
    assert result.visits == 5
