"""The guest report: everything stored about one guest, in their language, built from the model.

"Nothing hidden, by construction": :data:`COLUMNS` declares, per table, which
columns the report renders and how; :data:`EXEMPT` lists the internal columns
it does not render, each with the reason. ``tests/test_report_completeness.py``
walks ``storage.models.Base.metadata`` and fails when a column of a table that
holds guest data is in neither, so a new column cannot silently stay hidden.

The report is plain frozen data (sections of rows of (field, value) already in
the guest's words); the Show-guest view, the PDF and the JSON export all draw
it, so the three always agree.
"""

from __future__ import annotations

import datetime as dt
import enum
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Literal

from app import snapshots, venue_settings
from app.audit import look, record
from app.clock import now as _now
from app.errors import NotFound
from app.guest_wording import render_label, source_words
from app.i18n import N_, _
from app.permissions import Action, require
from app.report_text import (
    CONSENT_PURPOSE,
    REMOVAL_REASON,
    ROLE,
    SERVICE,
    VISIT_KIND,
    VISIT_STATUS,
    Say,
    action_words,
    date_words,
    datetime_words,
    day_words,
    language_name,
    say,
    say_n,
    section_words,
    short_ref,
    supported,
    word,
)
from app.retention import guest_retention_months
from app.views import Actor, GuestInfo
from storage import queries
from storage.models import (
    Assignment,
    AuditEvent,
    Consent,
    Guest,
    Sensitivity,
    Staff,
    Visit,
    VisitKind,
)
from storage.store import Store

RawValue = str | int | float | bool | None
Layout = Literal["fields", "table"]
ActionKind = Literal["forget_label", "withdraw_consent"]


@dataclass(frozen=True)
class ReportRow:
    field: str  # the field's name in the guest's language
    value: str  # the value in plain words
    column: str  # "table.column" it came from, so tests and the JSON can trace it


@dataclass(frozen=True)
class ItemAction:
    """A choice the guest can make on one item: forget a label or withdraw a consent."""

    kind: ActionKind
    target_id: int  # assignment id or consent id
    subject: str  # the label's wording or the consent's purpose, for the confirmation
    # Withdrawing: the wording (guest's language) of every label deleted with it, and
    # their assignment ids, so the withdrawal refuses if the list changed meanwhile.
    consequences: tuple[str, ...] = ()
    expected: frozenset[int] = frozenset()


@dataclass(frozen=True)
class ReportItem:
    heading: str
    rows: tuple[ReportRow, ...]
    action: ItemAction | None = None
    note: str = ""  # a sentence about the item (what went with a withdrawn consent)


@dataclass(frozen=True)
class ReportSection:
    key: str
    title: str
    intro: str
    items: tuple[ReportItem, ...]
    empty: str = ""  # what to say when there are no items
    layout: Layout = "fields"
    notes: tuple[str, ...] = ()  # what is gone ("On … you asked us to forget one note")


@dataclass(frozen=True)
class RawRecord:
    """One stored row in raw form (ISO dates, codes) for the machine-readable export."""

    table: str
    values: tuple[tuple[str, RawValue], ...]


@dataclass(frozen=True)
class GuestReport:
    guest: GuestInfo
    language: str  # the language the texts are in
    requested_language: str  # the guest's own language
    generated_at: dt.datetime
    title: str
    intro: str
    notes: tuple[str, ...]
    sections: tuple[ReportSection, ...]
    rights: tuple[str, ...]
    raw: tuple[RawRecord, ...] = field(default=())
    venue_name: str = ""  # who keeps the data (the controller), set by a manager
    venue_contact: tuple[str, ...] = ()  # address lines, phone, email
    reference: str = ""  # the guest's reference, short and readable ("7KQ2-M9XD")
    rights_title: str = ""
    controller_title: str = ""

    @property
    def fell_back(self) -> bool:
        return self.language != self.requested_language

    def section(self, key: str) -> ReportSection:
        return next(s for s in self.sections if s.key == key)

    def plain_text(self) -> str:
        """Every word of the report, one line each (tests, search, accessibility)."""
        lines = [self.venue_name, *self.venue_contact, self.title, self.intro, *self.notes]
        for s in self.sections:
            lines += [s.title, s.intro, *s.notes]
            for it in s.items:
                lines.append(it.heading)
                lines += [f"{r.field}: {r.value}" for r in it.rows]
                if it.note:
                    lines.append(it.note)
            if not s.items and s.empty:
                lines.append(s.empty)
        return "\n".join([line for line in lines if line] + [self.rights_title,
                                                             *self.rights])


# --- rendering context and formatters --------------------------------------------------

@dataclass(frozen=True)
class _Ctx:
    lang: str
    staff: dict[int, Staff]


Fmt = Callable[[Any, _Ctx], tuple[str | None, ...]]


@dataclass(frozen=True)
class Col:
    """How one column reads to the guest: field names (msgids) and a formatter (None = omit)."""

    keys: tuple[str, ...]
    fmt: Fmt


def _one(key: str, f: Callable[[Any, _Ctx], str | None]) -> Col:
    return Col((key,), lambda row, c: (f(row, c),))


def _plain(column: str, key: str) -> Col:
    """Text the guest gave us, shown as stored ("not given" when empty)."""
    return _one(key, lambda row, c: getattr(row, column) or say(c.lang, Say.NOT_GIVEN))


def _when(column: str, key: str) -> Col:
    def f(row: Any, c: _Ctx) -> str | None:
        value = getattr(row, column)
        return None if value is None else datetime_words(value, c.lang)
    return _one(key, f)


def _day(column: str, key: str) -> Col:
    def f(row: Any, c: _Ctx) -> str | None:
        value = getattr(row, column)
        if value is None:
            return None
        return date_words(value.date() if isinstance(value, dt.datetime) else value, c.lang)
    return _one(key, f)


def _person(column: str, key: str) -> Col:
    def f(row: Any, c: _Ctx) -> str | None:
        staff_id = getattr(row, column)
        if staff_id is None:
            return None if column != "staff_id" else say(c.lang, Say.SYSTEM)
        return person_words(c.staff.get(staff_id), c.lang)
    return _one(key, f)


def _code(column: str, table: dict[str, str], key: str) -> Col:
    def f(row: Any, c: _Ctx) -> str | None:
        value = getattr(row, column)
        if value is None:
            return None
        return word(c.lang, table, value.value if isinstance(value, enum.Enum) else str(value))
    return _one(key, f)


def _label(a: Assignment, c: _Ctx) -> tuple[str | None, ...]:
    shown = render_label(snapshots.label(a.label), c.lang)
    kind = shown.category_title
    if a.label.sensitivity == Sensitivity.SPECIAL:  # an allergy is not just "a preference"
        kind = say(c.lang, Say.HEALTH_KIND, kind=kind)
    return (shown.wording, shown.purpose or None, kind)


def _source(a: Assignment, c: _Ctx) -> tuple[str | None, ...]:
    return (source_words(a.source, c.lang),)


def _expires(a: Assignment, c: _Ctx) -> tuple[str | None, ...]:
    day = date_words(a.expires_at.date(), c.lang)
    return (day, None) if a.removed_at is None else (None, day)


def _relies_on_consent(a: Assignment, c: _Ctx) -> tuple[str | None, ...]:
    return (say(c.lang, Say.YES) if a.consent_id is not None else None,)


def _action(e: AuditEvent, c: _Ctx) -> tuple[str | None, ...]:
    return (action_words(e.action, c.lang),)


def _undo_summary(raw: str | None, c: _Ctx) -> str:
    """The other profile's own details kept for undoing a merge, in a line."""
    if not raw:
        return say(c.lang, Say.UNDO_DATA_GONE)
    guest = json.loads(raw).get("guest", {})
    shown = [str(guest.get(k)) for k in ("full_name", "preferred_name", "email", "phone",
                                          "pronunciation") if guest.get(k)]
    return ", ".join(shown) or say(c.lang, Say.NOT_GIVEN)


def person_words(st: Staff | None, lang: str) -> str:
    """'Sam, receptionist': role and first name only, never a full name or an id."""
    if st is None:
        return say(lang, Say.STAFF_GONE)
    return say(lang, Say.PERSON, first_name=st.first_name, role=word(lang, ROLE, st.role.value))


# The one declaration of what the report shows, per table. Keys are column names; the
# field names are msgids (app.i18n), said in the guest's language.
COLUMNS: dict[str, dict[str, Col]] = {
    "guest": {
        "full_name": _plain("full_name", Say.FIELD_FULL_NAME),
        "preferred_name": _plain("preferred_name", Say.FIELD_PREFERRED_NAME),
        "pronunciation": _plain("pronunciation", Say.FIELD_PRONUNCIATION),
        "language": _one(Say.FIELD_LANGUAGE, lambda g, c: language_name(g.language)),
        "email": _plain("email", Say.FIELD_EMAIL),
        "phone": _plain("phone", Say.FIELD_PHONE),
        "created_at": _day("created_at", N_("We first wrote down your details on")),
        "retention_reviewed_at": _day("retention_reviewed_at",
                                      N_("A manager last decided to keep your details on")),
        "ref": _one(N_("Your reference (our logs use it instead of your name)"),
                    lambda g, c: short_ref(g.ref)),
    },
    "assignment": {
        "label_id": Col((N_("Note"), N_("Why we keep it"), N_("Kind of note")), _label),
        "source": Col((N_("How we know"),), _source),
        "added_by": _person("added_by", N_("Added by")),
        "added_at": _day("added_at", N_("Added on")),
        "consent_id": Col((N_("Relies on your consent"),), _relies_on_consent),
        "expires_at": Col((N_("Deleted automatically on"), N_("Record deleted on")), _expires),
        "removed_at": _day("removed_at", N_("Removed on")),
        "removed_by": _person("removed_by", N_("Removed by")),
        "removal_reason": _code("removal_reason", REMOVAL_REASON, N_("Why it was removed")),
    },
    "visit": {
        "kind": _code("kind", VISIT_KIND, N_("Kind of visit")),
        "starts_at": _day("starts_at", N_("Date")),
        "ends_on": _day("ends_on", N_("Until")),
        "service": _code("service", SERVICE, N_("Meal")),
        "party_size": _one(N_("Number of guests"), lambda v, c: str(v.party_size)),
        "place": _plain("place", N_("Room or table")),
        "status": _code("status", VISIT_STATUS, N_("Status")),
        "reference": _one(N_("Booking number"), lambda v, c: v.reference or None),
    },
    "consent": {
        "purpose": _code("purpose", CONSENT_PURPOSE, N_("What you agreed to")),
        "given_at": _day("given_at", N_("Given on")),
        "recorded_by": _person("recorded_by", N_("Recorded by")),
        "withdrawn_at": _day("withdrawn_at", N_("Withdrawn on")),
        "withdrawn_by": _person("withdrawn_by", N_("Withdrawal recorded by")),
    },
    "guest_merge": {  # search helper: merged profiles (app.merge)
        "merged_at": _day("merged_at", N_("Merged on")),
        "merged_by": _person("merged_by", N_("Merged by")),
        "merged_ref": _one(N_("Reference of the other profile"),
                           lambda m, c: short_ref(m.merged_ref)),
        "undo_until": _day("undo_until", N_("Can be undone until")),
        "undo_data": _one(N_("Details of the other profile, kept for undoing"),
                          lambda m, c: _undo_summary(m.undo_data, c)),
    },
    "audit_event": {
        "at": _when("at", N_("When")),
        "staff_id": _person("staff_id", N_("Who")),
        "action": Col((N_("What happened"),), _action),
    },
}

# Columns deliberately not rendered, with the reason a reviewer accepted. Keep it short.
EXEMPT: dict[str, dict[str, str]] = {
    "guest": {"id": "internal row number; means nothing outside this store",
              "phone_e164": "the number shown under 'phone', written in international form "
                            "so search finds it however it is typed; raw value in the JSON",
              "last_visit_at": "the start of the latest visit listed under 'visits', kept "
                               "so search can rank by it; raw value in the JSON"},
    "assignment": {"id": "internal row number",
                   "guest_id": "points at this guest (the report is about them)"},
    "visit": {"id": "internal row number",
              "guest_id": "points at this guest (the report is about them)"},
    "consent": {"id": "internal row number",
                "guest_id": "points at this guest (the report is about them)"},
    "guest_merge": {"id": "internal row number",
                    "guest_id": "points at this guest (the report is about them)"},
    "audit_event": {"id": "internal sequence number of the log",
                    "guest_ref": "the guest's reference, shown in 'Your details'",
                    "detail": "row ids and codes only (never guest text); what happened is "
                              "rendered from 'action' (and what is gone, from the counts); "
                              "the raw value is in the JSON export",
                    "prev_hash": "tamper-evidence checksum, no information",
                    "hash": "tamper-evidence checksum, no information"},
}

# Tables read through render_label (the shared guest-facing rendering), not by column.
RENDERED_VIA_LABEL = ("label", "label_wording")


def _rows(table: str, row: Any, ctx: _Ctx) -> tuple[ReportRow, ...]:
    out: list[ReportRow] = []
    for column, col in COLUMNS[table].items():
        for key, value in zip(col.keys, col.fmt(row, ctx), strict=True):
            if value is not None:
                out.append(ReportRow(say(ctx.lang, key), value, f"{table}.{column}"))
    return tuple(out)


def _without(rows: tuple[ReportRow, ...], *columns: str) -> tuple[ReportRow, ...]:
    return tuple(r for r in rows if r.column not in columns)


def _last(rows: tuple[ReportRow, ...], column: str) -> tuple[ReportRow, ...]:
    return (*(r for r in rows if r.column != column), *(r for r in rows if r.column == column))


def _raw(table: str, row: Any) -> RawRecord:
    values: list[tuple[str, RawValue]] = []
    for column in [c.key for c in row.__table__.columns]:
        v = getattr(row, column)
        if isinstance(v, enum.Enum):
            v = v.value
        elif isinstance(v, dt.date | dt.datetime):
            v = v.isoformat()
        values.append((column, v))
    return RawRecord(table, tuple(values))


def _detail(e: AuditEvent) -> dict[str, Any]:
    try:
        found = json.loads(e.detail or "{}")
    except ValueError:
        return {}
    return found if isinstance(found, dict) else {}


# --- building the report --------------------------------------------------------------

def build(s: Any, g: Guest, at: dt.datetime, language: str | None = None) -> GuestReport:
    """The report for ``g`` (loaded in session ``s``) in ``language`` (default: theirs)."""
    requested = language or g.language
    lang = supported(requested)
    merges = sorted(g.merges, key=lambda m: m.merged_at, reverse=True)
    events = sorted([e for ref in [g.ref, *(m.merged_ref for m in merges)]
                     for e in queries.guest_audit_events(s, ref)],
                    key=lambda e: e.id, reverse=True)  # with the merged profiles' history
    staff_ids = {e.staff_id for e in events if e.staff_id is not None}
    staff_ids |= {m.merged_by for m in merges}
    for a in g.assignments:
        staff_ids |= {a.added_by} | ({a.removed_by} if a.removed_by else set())
    for c in g.consents:
        staff_ids |= {c.recorded_by} | ({c.withdrawn_by} if c.withdrawn_by else set())
    ctx = _Ctx(lang, queries.staff_names(s, staff_ids))

    details = ReportItem("", _rows("guest", g, ctx))
    active = sorted((a for a in g.assignments if a.removed_at is None),
                    key=lambda a: (a.label.category.value, a.added_at))
    removed = sorted((a for a in g.assignments if a.removed_at is not None),
                     key=lambda a: a.removed_at or a.added_at, reverse=True)
    label_items = tuple(
        ReportItem(r[0].value, r[1:], ItemAction("forget_label", a.id, r[0].value))
        for a in active
        for r in [_without(_rows("assignment", a, ctx), "assignment.removed_at",
                           "assignment.removed_by", "assignment.removal_reason")]
    )
    removed_items = tuple(  # when the record goes comes after when and why it was removed
        ReportItem(r[0].value, _last(r[1:], "assignment.expires_at"))
        for a in removed for r in [_rows("assignment", a, ctx)]
    )
    visits = sorted(g.visits, key=lambda v: v.starts_at, reverse=True)
    visit_items = tuple(ReportItem(_visit_heading(v, lang), _rows("visit", v, ctx))
                        for v in visits)
    consents = sorted(g.consents, key=lambda c: c.given_at, reverse=True)
    withdrawals = {int(d["consent"]): int(d.get("deleted", d.get("removed", 0)) or 0)
                   for e in events if e.action == "consent.withdrawn"
                   for d in [_detail(e)] if isinstance(d.get("consent"), int)}
    consent_items = tuple(_consent_item(c, ctx, withdrawals.get(c.id, 0), at.date())
                          for c in consents)
    opened = [e for e in events if e.action == "guest.opened"]
    changes = [e for e in events if e.action != "guest.opened"]
    access_items = tuple(ReportItem("", _without(_rows("audit_event", e, ctx),
                                                 "audit_event.action")) for e in opened)
    change_items = tuple(ReportItem("", _rows("audit_event", e, ctx)) for e in changes)
    keep_days = venue_settings.int_value_in(s, venue_settings.REMOVED_RECORD_DAYS)

    def section(key: str, words: tuple[str, ...], items: tuple[ReportItem, ...],
                layout: Layout = "fields", notes: tuple[str, ...] = (),
                **values: object) -> ReportSection:
        title, intro, empty = section_words(lang, words, **values)
        return ReportSection(key, title, intro, items, "" if notes else empty, layout, notes)

    merge_items = tuple(ReportItem("", _rows("guest_merge", m, ctx)) for m in merges)
    sections = (
        section("details", Say.DETAILS, (details,)),
        *((section("merges", Say.MERGES, merge_items),) if merge_items else ()),
        section("labels", Say.LABELS, label_items,
                notes=_forgotten(events, lang, at.date())),
        *((section("removed", Say.REMOVED, removed_items, days=keep_days),)
          if removed_items else ()),
        section("visits", Say.VISITS, visit_items),
        section("consents", Say.CONSENTS, consent_items),
        section("access", Say.ACCESS, access_items, "table"),
        section("changes", Say.CHANGES, change_items, "table"),
    )
    notes = [say(lang, Say.GENERATED, date=date_words(at.date(), lang))]
    if lang != requested:
        notes.insert(0, say(lang, Say.FELL_BACK))
    months = guest_retention_months(s)
    rights = tuple(say(lang, m) for m in (Say.RIGHT_REMOVE, Say.RIGHT_WITHDRAW,
                                          Say.RIGHT_CORRECT, Say.RIGHT_COPY, Say.RIGHT_ERASE)
                   ) + (say(lang, Say.RIGHT_RETENTION, months=months),)
    venue = str(venue_settings.value_in(s, venue_settings.VENUE_NAME))
    contact = str(venue_settings.value_in(s, venue_settings.VENUE_CONTACT))
    raw = (
        _raw("guest", g),
        *(_raw("assignment", a) for a in g.assignments),
        *{a.label_id: _raw("label", a.label) for a in g.assignments}.values(),
        *(_raw("label_wording", w) for lb in {a.label_id: a.label for a in g.assignments}.values()
          for w in lb.wordings),
        *(_raw("visit", v) for v in visits),
        *(_raw("consent", c) for c in consents),
        *(_raw("guest_merge", m) for m in merges),
        *(_raw("audit_event", e) for e in events),
    )
    return GuestReport(
        guest=snapshots.guest(g), language=lang, requested_language=requested,
        generated_at=at, title=say(lang, Say.TITLE),
        intro=say(lang, Say.INTRO, venue=venue or say(lang, Say.VENUE_FALLBACK)),
        notes=tuple(notes), sections=sections, rights=rights, raw=raw,
        venue_name=venue, venue_contact=tuple(contact.splitlines()),
        reference=short_ref(g.ref), rights_title=say(lang, Say.RIGHTS),
        controller_title=say(lang, Say.CONTROLLER),
    )


def _forgotten(events: list[AuditEvent], lang: str, today: dt.date) -> tuple[str, ...]:
    """'On Friday 27 November you asked us to forget one note; it is gone.' — per day."""
    per_day: dict[dt.date, int] = {}
    for e in events:
        if e.action == "label.forgotten":
            per_day[e.at.date()] = per_day.get(e.at.date(), 0) + 1
    return tuple(say_n(lang, Say.FORGOTTEN, n, day=day_words(day, lang, today=today))
                 for day, n in sorted(per_day.items(), reverse=True))


def _visit_heading(v: Visit, lang: str) -> str:
    kind = word(lang, VISIT_KIND, v.kind.value)
    day = date_words(v.starts_at.date(), lang)
    if v.kind == VisitKind.STAY and v.ends_on:
        day = say(lang, Say.NIGHTS, start=day, end=date_words(v.ends_on, lang))
    return f"{kind[:1].upper()}{kind[1:]} · {day}"


def _consent_item(c: Consent, ctx: _Ctx, deleted: int, today: dt.date) -> ReportItem:
    lang = ctx.lang
    rows = _rows("consent", c, ctx)
    purpose = rows[0].value
    if c.withdrawn_at is not None:
        day = day_words(c.withdrawn_at.date(), lang, today=today)
        note = (say_n(lang, Say.WITHDRAWN_GONE, deleted, day=day) if deleted
                else say(lang, Say.WITHDRAWN_NOTHING, day=day))
        return ReportItem(say(lang, Say.CONSENT_WITHDRAWN), rows, None, note)
    relying = sorted((a for a in c.guest.assignments if a.consent_id == c.id),
                     key=lambda a: a.added_at)
    wordings = tuple(render_label(snapshots.label(a.label), lang).wording for a in relying)
    action = ItemAction("withdraw_consent", c.id, purpose, wordings,
                        frozenset(a.id for a in relying))
    return ReportItem(say(lang, Say.CONSENT_ACTIVE), rows, action)


def load_guest(s: Any, guest_id: int) -> Guest:
    g = queries.guest_for_card(s, guest_id)
    if g is None:
        raise NotFound(_("That guest no longer exists."))
    return g


def show_guest(store: Store, actor: Actor, guest_id: int, *, language: str | None = None,
               now: dt.datetime | None = None) -> GuestReport:
    """Open Show guest: the report, audited as "guest.shown" in the same transaction."""
    require(store, actor, Action.SHOW_GUEST)
    at = now or _now()
    with store.write(audit_only=True) as s:  # a look: it writes only its audit event
        g = load_guest(s, guest_id)
        record(s, actor, "guest.shown", guest_ref=g.ref, at=at)
        s.flush()
        return build(s, g, at, language)


def guest_report(store: Store, actor: Actor, guest_id: int, *, language: str | None = None,
                 now: dt.datetime | None = None) -> GuestReport:
    """The report again (after the guest changed something): audited as a look unless this
    person showed or changed this guest in the last 10 minutes (``app.audit.look``)."""
    require(store, actor, Action.SHOW_GUEST)
    at = now or _now()
    with store.write(audit_only=True) as s:  # a look: it writes only its audit event
        g = load_guest(s, guest_id)
        look(s, actor, g.ref, at, via="report")
        s.flush()
        return build(s, g, at, language)
