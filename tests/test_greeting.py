"""The greeting cue: which visit this is and when the guest was last here."""

from __future__ import annotations

import datetime as dt

from app import guests, visits
from app.domain import VisitKind, VisitStatus
from app.greeting import greeting_cue
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor


def test_first_visit() -> None:
    g = greeting_cue("José", "ho-ZAY", 0, None, dt.date(2026, 11, 24))
    assert g.first_visit and g.visit_number == 1
    assert g.text == "José (say ho-ZAY) — first visit"


def test_returning_guest_this_year_and_last_year() -> None:
    today = dt.date(2026, 11, 24)
    g = greeting_cue("Anna", "", 3, dt.datetime(2026, 3, 2, 15), today)
    assert g.text == "Anna — welcome back: 4th stay, last in March"
    g = greeting_cue("Anna", "", 11, dt.datetime(2025, 12, 30, 19), today, "visit")
    assert g.text == "Anna — welcome back: 12th visit, last in December 2025"


def test_card_counts_past_visits_but_not_cancelled_or_future(
        store: Store, receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Jean-Pierre Thomassen",
                                                             preferred_name="Jean-Pierre"))
    for day, status in ((dt.datetime(2026, 1, 5, 15), VisitStatus.DEPARTED),
                        (dt.datetime(2026, 3, 2, 15), VisitStatus.DEPARTED),
                        (dt.datetime(2026, 6, 1, 15), VisitStatus.CANCELLED),
                        (dt.datetime(2026, 12, 1, 15), VisitStatus.EXPECTED)):
        visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY, starts_at=day,
                            status=status)
    card = guests.open_card(store, receptionist, g.id, now=dt.datetime(2026, 11, 24, 9))
    assert card.greeting.text == "Jean-Pierre — welcome back: 3rd stay, last in March"
    assert card.stay_count == 2
