"""From a read table and a column mapping to an :class:`ImportPlan` (pure: no store).

Every record becomes either a planned row (guest details, and a visit when
the file has dates) or one or more :class:`RowError` naming the line, the
column and the value. Nothing here touches the store, so the same plan can be
previewed, matched and applied, and a property test can throw anything at it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from app import languages
from app.errors import ValidationError
from app.guests import GuestFields
from app.i18n import N_, Msg, _, ngettext_
from app.importing.collector import while_paused
from app.importing.dates import NotADate, parse_datetime, parse_time
from app.importing.mapping import FIELD_LABELS, Field, clean_mapping, is_free_text
from app.importing.reading import DELIMITER_NAMES, Table
from storage.models import Service, VisitKind

EARLIEST = dt.datetime(1900, 1, 1)
LATEST = dt.datetime(2200, 1, 1)
MAX_PARTY = 500
MAX_PLACE = 20
MAX_REFERENCE = 40


class Problem(StrEnum):
    NOT_A_DATE = "not_a_date"
    NOT_A_TIME = "not_a_time"
    NOT_A_NUMBER = "not_a_number"
    OUT_OF_RANGE = "out_of_range"
    MISSING_NAME = "missing_name"
    MISSING_DATE = "missing_date"
    MISSING_TIME = "missing_time"
    DEPARTURE_BEFORE_ARRIVAL = "departure_before_arrival"
    UNKNOWN_TYPE = "unknown_type"
    UNKNOWN_SERVICE = "unknown_service"
    TOO_LONG = "too_long"
    EXTRA_FIELDS = "extra_fields"
    NOT_AN_EMAIL = "not_an_email"
    NOT_A_PHONE = "not_a_phone"
    INVALID = "invalid"


# One sentence per problem, said in the reader's language; ``{value}`` is the cell.
_SENTENCES: dict[Problem, str] = {
    Problem.NOT_A_DATE: N_("“{value}” is not a date"),
    Problem.NOT_A_TIME: N_("“{value}” is not a time of day"),
    Problem.NOT_A_NUMBER: N_("“{value}” is not a number"),
    Problem.OUT_OF_RANGE: N_("“{value}” is out of range"),
    Problem.MISSING_NAME: N_("the guest's name is empty"),
    Problem.MISSING_DATE: N_("the date is empty"),
    Problem.MISSING_TIME: N_("a restaurant booking needs a time"),
    Problem.DEPARTURE_BEFORE_ARRIVAL: N_("“{value}” is before the arrival"),
    Problem.UNKNOWN_TYPE: N_("“{value}” is neither a stay nor a booking"),
    Problem.UNKNOWN_SERVICE: N_("“{value}” is neither lunch nor dinner"),
    Problem.TOO_LONG: N_("“{value}” is too long"),
    Problem.EXTRA_FIELDS: N_("the line has more fields than the header"),
    Problem.NOT_AN_EMAIL: N_("“{value}” is not an email address"),
    Problem.NOT_A_PHONE: N_("“{value}” is not a phone number (digits, spaces and "
                            "+ ( ) . / - only)"),
    Problem.INVALID: N_("“{value}” is not valid"),
}


@dataclass(frozen=True)
class RowError:
    line: int
    column: str        # the header of the column at fault ("" for the whole line)
    value: str
    problem: Problem
    detail: str = ""   # for INVALID: the validation message (an app.i18n.Msg)

    @property
    def text(self) -> Msg:
        """"line 14, column “Arrival”: “31-02-2026” is not a date", in any language."""
        where = (_("line {line}, column “{column}”", line=self.line, column=self.column)
                 if self.column else _("line {line}", line=self.line))
        if self.problem == Problem.INVALID and self.detail:
            return _("{where}: {problem}", where=where, problem=self.detail)
        return _("{where}: {problem}", where=where,
                 problem=Msg(_SENTENCES[self.problem], {"value": self.value}))


@dataclass(frozen=True)
class SkippedColumn:
    column: str
    free_text: bool

    @property
    def text(self) -> Msg:
        if self.free_text:
            return _("Column “{column}” skipped: free text is never imported",
                     column=self.column)
        return _("Column “{column}” not imported", column=self.column)


@dataclass(frozen=True)
class PlannedVisit:
    kind: VisitKind
    starts_at: dt.datetime
    ends_on: dt.date | None
    service: Service | None
    party_size: int
    place: str
    reference: str = ""   # the export's booking number, "" when the file has none


@dataclass(frozen=True)
class PlannedRow:
    line: int
    guest: GuestFields          # already cleaned (validated)
    visit: PlannedVisit | None


@dataclass(frozen=True)
class ImportPlan:
    file_name: str
    encoding: str
    delimiter: str
    header: tuple[str, ...]
    fingerprint: str
    sha256: str
    mapping: dict[int, Field]
    rows: tuple[PlannedRow, ...]
    errors: tuple[RowError, ...]
    skipped: tuple[SkippedColumn, ...]
    records: int
    notes: tuple[str, ...] = field(default=())
    # (language as written, rows): languages Frontdesk does not offer; English is used.
    unknown_languages: tuple[tuple[str, int], ...] = field(default=())

    @property
    def error_lines(self) -> int:
        return len({e.line for e in self.errors})

    @property
    def delimiter_name(self) -> str:
        return DELIMITER_NAMES.get(self.delimiter, repr(self.delimiter))


def mapping_problems(mapping: Mapping[int, Field]) -> list[Msg]:
    """What makes a mapping unusable; empty when the plan can be built."""
    fields = list(mapping.values())
    problems: list[Msg] = []
    if Field.FULL_NAME not in fields and not ({Field.FIRST_NAME, Field.LAST_NAME} & set(fields)):
        problems.append(_("Choose the column with the guest's name (or first and last name)."))
    if Field.ARRIVAL in fields and Field.DATE in fields:
        problems.append(_("Choose either an Arrival or a Date column, not both."))
    if ({Field.TIME, Field.DEPARTURE} & set(fields)) and not ({Field.ARRIVAL, Field.DATE}
                                                              & set(fields)):
        problems.append(_("A time or departure column needs an Arrival or Date column too."))
    for f, n in Counter(fields).items():
        if n > 1:
            problems.append(_("“{field}” is chosen for {count} columns; choose one.",
                              field=Msg(FIELD_LABELS[f]), count=n))
    return problems


_STAY_WORDS = ("stay", "hotel", "room", "overnacht", "verblijf", "logies", "kamer",
               "accommodat", "lodging", "night", "nacht")
_BOOKING_WORDS = ("booking", "reserv", "restaurant", "table", "tafel", "lunch", "dinner",
                  "diner", "breakfast", "ontbijt", "brunch", "eten", "meal", "dining")
_PARTY = re.compile(r"^\s*(\d{1,6})(?:\s*(?:p|pax|pers\.?|persons?|personen|guests?|gasten|"
                    r"people|couverts?|covers?))?\s*$", re.IGNORECASE)


def _kind_of(value: str) -> VisitKind | None:
    v = value.strip().casefold()
    if any(w in v for w in _STAY_WORDS):
        return VisitKind.STAY
    if any(w in v for w in _BOOKING_WORDS):
        return VisitKind.BOOKING
    return None


def _service_of(value: str) -> Service | None:
    v = value.strip().casefold()
    if v in ("lunch", "middag", "lunchtime", "noon"):
        return Service.LUNCH
    if v in ("dinner", "diner", "avond", "evening", "avondeten"):
        return Service.DINNER
    return None


@while_paused
def build_plan(table: Table, mapping: Mapping[int, Field], file_name: str = "") -> ImportPlan:
    """Check every record against the mapping; never raises for a bad row."""
    m = clean_mapping(table.header, mapping)
    problems = mapping_problems(m)
    if problems:
        raise ValidationError(_("Mapping"), problems[0] if len(problems) == 1 else
                              _("{first} {rest}", first=problems[0],
                                rest=_join(problems[1:])))
    col = {f: i for i, f in m.items()}
    skipped = tuple(SkippedColumn(h or f"#{i + 1}", is_free_text(h))
                    for i, h in enumerate(table.header) if i not in m)
    fields = set(col)
    date_col = col.get(Field.ARRIVAL, col.get(Field.DATE))
    default_kind = (VisitKind.STAY if ({Field.DEPARTURE, Field.ROOM} & fields) else
                    VisitKind.BOOKING if ({Field.TABLE, Field.SERVICE, Field.TIME} & fields)
                    else None)
    rows: list[PlannedRow] = []
    errors: list[RowError] = []
    notes: Counter[str] = Counter()
    cols = tuple(col.items())
    seen: dict[tuple[str, ...], _VisitCells] = {}
    known: dict[tuple[str | None, ...], GuestFields] = {}
    for rec in table.records:
        r = _Row(table.header, col, rec.line, rec.values, cols)
        guest = _guest(r, notes, known)
        visit = _visit(r, default_kind, seen) if date_col is not None else None
        if r.errors:
            errors.extend(r.errors)
        elif guest is not None:
            rows.append(PlannedRow(rec.line, guest, visit))
    note_texts = tuple(ngettext_("{n} row: language “{language}” is not offered, English is "
                                 "used", "{n} rows: language “{language}” is not offered, "
                                 "English is used", n, n=n, language=lang)
                       for lang, n in notes.items())
    return ImportPlan(file_name, table.encoding, table.delimiter, table.header,
                      table.fingerprint, table.sha256, m, tuple(rows), tuple(errors), skipped,
                      len(table.records), note_texts, tuple(notes.items()))


def _join(msgs: list[Msg]) -> Msg:
    if len(msgs) == 1:
        return msgs[0]
    return _("{first} {rest}", first=msgs[0], rest=_join(msgs[1:]))


def language_of(raw: str) -> str:
    """The registry code for how an export wrote a language ("NL", "nl-BE", "Deutsch"), or ""
    (the language registry knows every entry's codes, names and aliases)."""
    return languages.lookup(raw) or ""


class _Row:
    """One record seen through the mapping: values by field, and the errors found so far."""

    def __init__(self, header: tuple[str, ...], col: dict[Field, int], line: int,
                 values: tuple[str, ...],
                 cols: tuple[tuple[Field, int], ...] | None = None) -> None:
        """``cols``: ``col``'s items, made once per file by the caller (or here)."""
        self.header, self.col, self.line = header, col, line
        width = len(header)
        # Each mapped cell trimmed once (a row's cells are read ~20 times while checking it).
        if len(values) >= width:  # every column there: no bounds to check (the usual row)
            self.cells = {f: values[i].strip() for f, i in cols or col.items()}
        else:
            self.cells = {f: values[i].strip() if i < len(values) else ""
                          for f, i in cols or col.items()}
        self.errors: list[RowError] = []
        if len(values) > width and any(v.strip() for v in values[width:]):
            self.errors.append(RowError(line, "", "", Problem.EXTRA_FIELDS))

    def get(self, f: Field) -> str:
        return self.cells.get(f, "")

    def err(self, fields: tuple[Field, ...], value: str, problem: Problem,
            detail: str = "") -> None:
        """Record a problem in the first of ``fields`` that the file has."""
        name = next((self.header[self.col[f]] or f"#{self.col[f] + 1}" for f in fields
                     if f in self.col), Msg(FIELD_LABELS[fields[0]]))
        self.errors.append(RowError(self.line, name, value, problem, detail))


_NAME_FIELDS = (Field.FULL_NAME, Field.LAST_NAME, Field.FIRST_NAME)


# A backlog repeats its regular guests (the same name, e-mail and phone on many rows): a
# guest read from the same cells as an earlier good row is that row's guest, not checked
# again. At most this many are kept per file.
SEEN_GUESTS = 100_000


def _guest(r: _Row, notes: Counter[str],
           known: dict[tuple[str | None, ...], GuestFields] | None = None
           ) -> GuestFields | None:
    """The row's guest, or None (its problems recorded in ``r``). ``known``: the good guests
    of the file's rows so far, by their cells: the same cells again are not checked again."""
    cell = r.cells.get  # each cell read once (a backlog has 100,000 rows)
    full = cell(Field.FULL_NAME, "") or " ".join(filter(None, (
        cell(Field.FIRST_NAME, ""), cell(Field.INFIX, ""), cell(Field.LAST_NAME, ""))))
    if not full:
        r.err(_NAME_FIELDS, "", Problem.MISSING_NAME)
        return None
    lang_raw = cell(Field.LANGUAGE, "")
    lang = language_of(lang_raw) if lang_raw else languages.source()
    if not lang:
        notes[lang_raw[:20]] += 1
        lang = languages.source()
    preferred, email, phone = (cell(Field.PREFERRED_NAME, ""), cell(Field.EMAIL, "") or None,
                               cell(Field.PHONE, "") or None)
    key = (full, preferred, lang, email, phone)
    if known is not None:
        same = known.get(key)
        if same is not None:
            return same
    fields = GuestFields(full_name=full, preferred_name=preferred, language=lang, email=email,
                         phone=phone)
    try:
        good = fields.cleaned()
        if known is not None and len(known) < SEEN_GUESTS:
            known[key] = good
        return good
    except ValidationError as exc:
        where = {"Preferred name": (Field.PREFERRED_NAME,), "Email": (Field.EMAIL,),
                 "Phone": (Field.PHONE,)}.get(exc.field, _NAME_FIELDS)
        value = r.get(where[0]) or full
        # Length and printability are fine? Then the email or phone has the wrong shape.
        shape = len(value) <= {"Email": 254, "Phone": 40}.get(exc.field, 0) and \
            value.isprintable()
        if shape and exc.field == "Email":
            r.err(where, value, Problem.NOT_AN_EMAIL)
        elif shape and exc.field == "Phone":
            r.err(where, value, Problem.NOT_A_PHONE)
        else:  # too long, or invisible control characters: the validator's own sentence
            r.err(where, value, Problem.INVALID, exc.args[0])
        return None


# A file's visits repeat their dates, rooms, party sizes (a backlog of 100,000 rows has a
# few thousand different ones): a visit read from the same cells again is the same visit,
# but for its booking number. At most this many are kept per file.
SEEN_VISITS = 20_000
# A good visit but for its booking number: kind, start, end, service, party, place.
_VisitCells = tuple[VisitKind, dt.datetime, dt.date | None, Service | None, int, str]


def _visit(r: _Row, default_kind: VisitKind | None,
           seen: dict[tuple[str, ...], _VisitCells] | None = None
           ) -> PlannedVisit | None:
    """The row's visit, or None (its problems recorded in ``r``). ``seen``: the good visits
    of the file's rows so far, by the cells they were read from (the booking number
    aside): one of those cells again is not parsed and checked again."""
    cell = r.cells.get  # each cell read once (a backlog has 100,000 rows)
    key = (cell(Field.ARRIVAL, ""), cell(Field.DATE, ""), cell(Field.TIME, ""),
           cell(Field.DEPARTURE, ""), cell(Field.KIND, ""), cell(Field.SERVICE, ""),
           cell(Field.PARTY, ""), cell(Field.ROOM, ""), cell(Field.TABLE, ""))
    reference = cell(Field.REFERENCE, "")
    if seen is not None and len(reference) <= MAX_REFERENCE:
        known = seen.get(key)
        if known is not None:
            return PlannedVisit(*known, reference)
    visit = _read_visit(r, default_kind)
    if visit is not None and seen is not None and len(seen) < SEEN_VISITS:
        seen[key] = (visit.kind, visit.starts_at, visit.ends_on, visit.service,
                     visit.party_size, visit.place)
    return visit


def _read_visit(r: _Row, default_kind: VisitKind | None) -> PlannedVisit | None:
    cell = r.cells.get
    date_field = Field.ARRIVAL if Field.ARRIVAL in r.col else Field.DATE
    raw = cell(date_field, "")
    ok = True
    if not raw:
        r.err((date_field,), "", Problem.MISSING_DATE)
        return None
    try:
        day, at = parse_datetime(raw)
    except NotADate:
        r.err((date_field,), raw, Problem.NOT_A_DATE)
        return None
    time_raw = cell(Field.TIME, "")
    if time_raw:
        try:
            at = parse_time(time_raw)
        except NotADate:
            r.err((Field.TIME,), time_raw, Problem.NOT_A_TIME)
            ok = False
    ends_on = None
    departure = cell(Field.DEPARTURE, "")
    if departure:
        try:
            ends_on, _ = parse_datetime(departure)
        except NotADate:
            r.err((Field.DEPARTURE,), departure, Problem.NOT_A_DATE)
            ok = False
    kind = default_kind or (VisitKind.BOOKING if at is not None else VisitKind.STAY)
    kind_raw = cell(Field.KIND, "")
    if kind_raw:
        found = _kind_of(kind_raw)
        if found is None:
            r.err((Field.KIND,), kind_raw, Problem.UNKNOWN_TYPE)
            ok = False
        else:
            kind = found
    service = None
    service_raw = cell(Field.SERVICE, "")
    if service_raw:
        service = _service_of(service_raw)
        if service is None:
            r.err((Field.SERVICE,), service_raw, Problem.UNKNOWN_SERVICE)
            ok = False
    party = 1
    party_raw = cell(Field.PARTY, "")
    if party_raw:
        pm = _PARTY.match(party_raw)
        if pm is None:
            r.err((Field.PARTY,), party_raw, Problem.NOT_A_NUMBER)
            ok = False
        elif not 1 <= int(pm[1]) <= MAX_PARTY:
            r.err((Field.PARTY,), party_raw, Problem.OUT_OF_RANGE)
            ok = False
        else:
            party = int(pm[1])
    room, table = cell(Field.ROOM, ""), cell(Field.TABLE, "")
    place_field = Field.ROOM if (kind == VisitKind.STAY and room) or not table else Field.TABLE
    place = room if place_field == Field.ROOM else table
    if len(place) > MAX_PLACE:
        r.err((place_field,), place, Problem.TOO_LONG)
        ok = False
    if kind == VisitKind.BOOKING and at is None and service is None:
        r.err((Field.TIME, date_field), "", Problem.MISSING_TIME)
        ok = False
    starts_at = dt.datetime.combine(day, at or dt.time())
    if not EARLIEST <= starts_at < LATEST:
        r.err((date_field,), raw, Problem.OUT_OF_RANGE)
        ok = False
    if kind == VisitKind.STAY and ends_on is not None and ends_on < day:
        r.err((Field.DEPARTURE,), departure, Problem.DEPARTURE_BEFORE_ARRIVAL)
        ok = False
    if kind == VisitKind.BOOKING:
        ends_on = None
        if service is None:
            service = Service.LUNCH if starts_at.hour < 16 else Service.DINNER
    else:
        service = None
    reference = cell(Field.REFERENCE, "")
    if len(reference) > MAX_REFERENCE:
        r.err((Field.REFERENCE,), reference, Problem.TOO_LONG)
        ok = False
    if not ok:
        return None
    return PlannedVisit(kind, starts_at, ends_on, service, party, place, reference)
