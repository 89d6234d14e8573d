"""Visits: hotel stays and restaurant bookings; today's arrivals; marking arrival."""

from __future__ import annotations

import datetime as dt

from app import snapshots, validate
from app.audit import record
from app.errors import NotFound, ValidationError
from app.greeting import greeting_cue
from app.permissions import Action, require
from app.views import Actor, ArrivalRow, VisitInfo
from storage import queries
from storage.models import Guest, Service, Visit, VisitKind, VisitStatus
from storage.store import Store

EARLIEST = dt.datetime(1900, 1, 1)
LATEST = dt.datetime(2200, 1, 1)


def record_visit(
    store: Store, actor: Actor, guest_id: int, *, kind: VisitKind, starts_at: dt.datetime,
    ends_on: dt.date | None = None, service: Service | None = None, party_size: int = 1,
    place: str = "", status: VisitStatus = VisitStatus.EXPECTED,
) -> VisitInfo:
    require(store, actor, Action.RECORD_VISIT)
    if not (EARLIEST <= starts_at < LATEST):
        raise ValidationError("Date", "The date must be between 1900 and 2200.")
    if kind == VisitKind.STAY and ends_on is not None and ends_on < starts_at.date():
        raise ValidationError("Departure", "Departure cannot be before arrival.")
    if not isinstance(party_size, int) or not (1 <= party_size <= 500):
        raise ValidationError("Party size", "Party size must be between 1 and 500.")
    place = validate.text("Room or table", place, max_len=20)
    if kind == VisitKind.BOOKING and service is None:
        service = Service.LUNCH if starts_at.hour < 16 else Service.DINNER
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound("That guest no longer exists.")
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
            raise NotFound("That visit no longer exists.")
        old = v.status
        v.status = status
        record(s, actor, f"visit.{status.value}", guest_ref=v.guest.ref, visit=v.id,
               previous=old.value)
        return snapshots.visit(v)


def today_list(
    store: Store, actor: Actor, day: dt.date, kind: VisitKind,
    service: Service | None = None,
) -> list[ArrivalRow]:
    """Hotel arrivals for ``day`` or restaurant bookings for one service of ``day``."""
    require(store, actor, Action.SEARCH_GUESTS)
    if not (EARLIEST.date() <= day < LATEST.date()):
        raise ValidationError("Date", "The date must be between 1900 and 2200.")
    start = dt.datetime.combine(day, dt.time())
    with store.read() as s:
        rows = queries.visits_between(s, kind, start, start + dt.timedelta(days=1), service)
        out = []
        for v in rows:
            g = v.guest
            past = [p for p in g.visits
                    if p.starts_at < start and p.status != VisitStatus.CANCELLED]
            last = max((p.starts_at for p in past), default=None)
            noun = "stay" if kind == VisitKind.STAY else "visit"
            info = snapshots.guest(g)
            cue = greeting_cue(info.display_name, info.pronunciation, len(past), last, day, noun)
            out.append(ArrivalRow(snapshots.visit(v), info, cue))
        return out
