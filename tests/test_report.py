"""The guest report's content: plain words, the access log, history, fallback language."""

from __future__ import annotations

import datetime as dt

from app import consents, guests, labels, report, visits
from app.domain import RemovalReason, Source, VisitKind
from app.guests import GuestFields
from app.report_text import date_words, datetime_words
from app.views import Actor
from storage.store import Store

AT = dt.datetime(2026, 3, 5, 9, 30)


def _rows(rep: report.GuestReport, key: str) -> list[dict[str, str]]:
    return [{r.field: r.value for r in it.rows} for it in rep.section(key).items]


def test_access_log_labels_and_consents_in_plain_dutch(
    store: Store, manager: Actor, receptionist: Actor, host: Actor
) -> None:
    g = guests.create_guest(store, receptionist, GuestFields("Ada de Vries", language="nl"))
    guests.open_card(store, host, g.id, now=dt.datetime(2026, 3, 1, 19, 5))
    guests.open_card(store, receptionist, g.id, now=dt.datetime(2026, 3, 2, 8, 0))
    c = consents.record_consent(store, receptionist, g.id, now=AT)
    nut = next(lb for lb in labels.approved_labels(store, receptionist)
               if lb.key == "nut-allergy")
    labels.assign_label(store, host, g.id, nut.id, Source.GUEST_TOLD, now=AT)
    consents.withdraw_consent(store, receptionist, c.id, by_guest=True, now=AT)
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 3, 2, 15), ends_on=dt.date(2026, 3, 4))

    rep = report.show_guest(store, receptionist, g.id, now=AT)
    assert rep.language == "nl" and not rep.fell_back
    # Who opened the profile: newest first, date written out, role and first name only.
    assert _rows(rep, "access") == [
        {"Wanneer": "2 maart 2026 om 08:00", "Wie": "Sam, receptionist"},
        {"Wanneer": "1 maart 2026 om 19:05", "Wie": "Luca, gastheer/gastvrouw restaurant"},
    ]
    # Withdrawing deleted the nut allergy: no label, no removed record, only that it is gone.
    assert rep.section("labels").items == ()
    assert "removed" not in {s.key for s in rep.sections}
    (consent,) = rep.section("consents").items
    assert consent.heading == "Ingetrokken" and consent.action is None
    assert {r.field for r in consent.rows} >= {"Gegeven op", "Ingetrokken op"}
    assert consent.note == ("Op donderdag 5 maart trok u deze toestemming in; 1 notitie die "
                            "erop steunde, is weg.")
    history = [r["Wat er gebeurde"] for r in _rows(rep, "changes")]
    assert history[0] == "liet u deze pagina zien"
    assert "legde vast dat u uw toestemming introk" in history
    (visit,) = rep.section("visits").items
    assert visit.heading == "Hotelverblijf · 2 maart 2026 tot 4 maart 2026"
    # Nothing in the report names staff by full name or shows internal ids.
    text = rep.plain_text()
    assert "Bakker" not in text and "Rossi" not in text
    assert "24 maanden" in text


def test_unknown_language_falls_back_to_english_with_a_note(
    store: Store, manager: Actor
) -> None:
    g = guests.create_guest(store, manager, GuestFields("Hans Muster"))
    rep = report.guest_report(store, manager, g.id, language="fy", now=AT)  # Frisian: none
    assert rep.language == "en" and rep.requested_language == "fy" and rep.fell_back
    assert rep.notes[0].startswith("We do not have this page in your language")
    assert rep.section("labels").empty == "We have noted nothing about you."


def test_forgetting_is_offered_for_every_current_label_only(
    store: Store, manager: Actor
) -> None:
    g = guests.create_guest(store, manager, GuestFields("Ben Example"))
    approved = [lb for lb in labels.approved_labels(store, manager)
                if lb.sensitivity.value == "normal"][:3]
    added = [labels.assign_label(store, manager, g.id, lb.id, Source.GUEST_TOLD)
             for lb in approved]
    labels.remove_label(store, manager, added[0].id, RemovalReason.ADDED_BY_MISTAKE)
    rep = report.guest_report(store, manager, g.id)
    offered = {it.action.target_id for it in rep.section("labels").items if it.action}
    assert offered == {a.id for a in added[1:]}
    (kept,) = rep.section("removed").items
    assert kept.action is None
    assert "30 days" in rep.section("removed").intro
    assert datetime_words(AT, "en") == "5 March 2026 at 09:30"
    assert date_words(AT.date(), "nl") == "5 maart 2026"
