"""Visits: hotel stays and restaurant bookings; today's arrivals; marking arrival.

A visit is stored as what it is: a date before today is a visit that happened (or, when
the caller says so, one that was cancelled), never an "expected" guest in the past, which
would turn the greeting into a false "welcome back". Out-of-range input is refused with a
message naming the field; nothing is clamped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from app import desk_rules, snapshots, validate
from app.audit import LIST_WINDOW_S, bulk_read, record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.greeting import greeting_cue
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor, ArrivalRow, VisitInfo
from storage import queries
from storage.models import Guest, Service, Visit, VisitKind, VisitStatus
from storage.store import Store

EARLIEST = dt.datetime(1900, 1, 1)
LATEST = dt.datetime(2200, 1, 1)
MIN_PARTY = 1
MAX_PARTY = 500
MAX_NIGHTS = 365
# How far ahead a booking is taken, and how far back a past visit may be recorded: a date
# outside is almost always a mistyped year.
DAYS_AHEAD = 2 * 366
YEARS_BACK = 10
FIELD_DATE = _("Date")
FIELD_DEPARTURE = _("Departure")
FIELD_PARTY = _("Party size")
FIELD_PLACE = _("Room or table")


def check_party(party_size: object) -> int:
    """A whole number of guests between MIN_PARTY and MAX_PARTY, or a message saying so."""
    if isinstance(party_size, bool) or not isinstance(party_size, int) \
            or not (MIN_PARTY <= party_size <= MAX_PARTY):
        raise ValidationError(FIELD_PARTY, _(
            "Party size must be a whole number from {low} to {high}; {value} was given.",
            low=MIN_PARTY, high=MAX_PARTY, value=party_size))
    return party_size


def check_date(starts_at: dt.datetime, now: dt.datetime) -> None:
    """Refuse a date outside what a desk can mean: too far ahead or a mistyped year back."""
    if not (EARLIEST <= starts_at < LATEST):
        raise ValidationError(FIELD_DATE, _("The date must be between 1900 and 2200."))
    if starts_at.date() > now.date() + dt.timedelta(days=DAYS_AHEAD):
        raise ValidationError(FIELD_DATE, _(
            "{date} is more than two years ahead; check the year.",
            date=starts_at.date().isoformat()))
    if starts_at.date() < now.date() - dt.timedelta(days=round(365.25 * YEARS_BACK)):
        raise ValidationError(FIELD_DATE, _(
            "{date} is more than {years} years ago; check the year.",
            date=starts_at.date().isoformat(), years=YEARS_BACK))


def status_for(kind: VisitKind, starts_at: dt.datetime, ends_on: dt.date | None,
               now: dt.datetime) -> VisitStatus:
    """What a visit recorded now is: expected from today on; before today it happened —
    a past booking was attended (arrived), a past stay ended (departed) or is under way."""
    if starts_at.date() >= now.date():
        return VisitStatus.EXPECTED
    if kind == VisitKind.STAY and (ends_on is None or ends_on >= now.date()):
        return VisitStatus.ARRIVED
    return VisitStatus.DEPARTED if kind == VisitKind.STAY else VisitStatus.ARRIVED


def is_past(starts_at: dt.datetime, now: dt.datetime | None = None) -> bool:
    """True when a visit on this date is recorded as one that already happened."""
    return starts_at.date() < (now or _now()).date()


def record_visit(
    store: Store, actor: Actor, guest_id: int, *, kind: VisitKind, starts_at: dt.datetime,
    ends_on: dt.date | None = None, service: Service | None = None, party_size: int = 1,
    place: str = "", status: VisitStatus | None = None, now: dt.datetime | None = None,
) -> VisitInfo:
    """Record a stay or booking. Without ``status`` it is what the date makes it
    (:func:`status_for`); an "expected" visit before today is refused."""
    require(store, actor, Action.RECORD_VISIT)
    at = now or _now()
    check_date(starts_at, at)
    if kind == VisitKind.STAY and ends_on is not None:
        if ends_on < starts_at.date():
            raise ValidationError(FIELD_DEPARTURE, _("Departure cannot be before arrival."))
        if (ends_on - starts_at.date()).days > MAX_NIGHTS:
            raise ValidationError(FIELD_DEPARTURE, _(
                "A stay is at most {n} nights; check the departure date.", n=MAX_NIGHTS))
    check_party(party_size)
    place = validate.text(FIELD_PLACE, place, max_len=20)
    if status is None:
        status = status_for(kind, starts_at, ends_on, at)
    elif status == VisitStatus.EXPECTED and is_past(starts_at, at):
        raise ValidationError(FIELD_DATE, _(
            "{date} is before today, so the guest cannot still be expected: record the visit "
            "as arrived, departed or cancelled.", date=starts_at.date().isoformat()))
    if kind == VisitKind.BOOKING and service is None:
        service = desk_rules.service_at(starts_at)
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        v = Visit(guest_id=guest_id, kind=kind, starts_at=starts_at, ends_on=ends_on,
                  service=service if kind == VisitKind.BOOKING else None,
                  party_size=party_size, place=place, status=status)
        s.add(v)
        s.flush()
        record(s, actor, "visit.recorded", guest_ref=g.ref, visit=v.id, kind=kind.value)
        return snapshots.visit(v)


def set_status(store: Store, actor: Actor, visit_id: int, status: VisitStatus) -> VisitInfo:
    """Mark arrived / departed / cancelled (marking arrived is one keystroke at the desk)."""
    require(store, actor, Action.MARK_ARRIVED)
    with store.write() as s:
        v = s.get(Visit, visit_id)
        if v is None:
            raise NotFound(_("That visit no longer exists."))
        old = v.status
        v.status = status
        record(s, actor, f"visit.{status.value}", guest_ref=v.guest.ref, visit=v.id,
               previous=old.value)
        return snapshots.visit(v)


def arrival_today(visits: Sequence[VisitInfo], day: dt.date) -> VisitInfo | None:
    """The visit a guest is arriving for on ``day`` (the card's "mark arrived"): the first
    one starting that day that is not cancelled, an expected one before an arrived one."""
    todays = [v for v in visits if v.starts_at.date() == day
              and v.status in (VisitStatus.EXPECTED, VisitStatus.ARRIVED)]
    todays.sort(key=lambda v: (v.status != VisitStatus.EXPECTED, v.starts_at))
    return todays[0] if todays else None


def today_list(
    store: Store, actor: Actor, day: dt.date, kind: VisitKind,
    service: Service | None = None,
) -> list[ArrivalRow]:
    """Hotel arrivals for ``day`` or restaurant bookings for one service of ``day``, each
    with the guest's health labels (allergies, diets) so the list shows them at a glance."""
    require(store, actor, Action.SEARCH_GUESTS)
    if not (EARLIEST.date() <= day < LATEST.date()):
        raise ValidationError(FIELD_DATE, _("The date must be between 1900 and 2200."))
    start = dt.datetime.combine(day, dt.time())
    with store.read() as s:
        rows = queries.visits_between(s, kind, start, start + dt.timedelta(days=1), service)
        ids = {v.guest_id for v in rows}
        health = queries.health_labels_of_guests(s, ids)
        past = queries.past_visits_of_guests(s, ids, start)  # one query, not one per guest
        noun = "stay" if kind == VisitKind.STAY else "visit"
        out = []
        for v in rows:
            info = snapshots.guest(v.guest)
            count, last = past.get(v.guest_id, (0, None))
            cue = greeting_cue(info.display_name, info.pronunciation, count, last, day, noun)
            out.append(ArrivalRow(snapshots.visit(v), info, cue,
                                  tuple(snapshots.label(lb)
                                        for lb in health.get(v.guest_id, ()))))
    # A list of guests is a bulk read: audited, once per person and list per 10 minutes
    # (the desk refreshes it often); app.audit.bulk_read. trust-auth's hook.
    bulk_read(store, actor, "arrivals.listed", rows=len(out), window=LIST_WINDOW_S,
              key=(day, str(kind), str(service)), day=day.isoformat(),
              kind=VisitKind(kind).value, service=Service(service).value if service else None)
    return out
