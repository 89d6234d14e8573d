"""Today's arrivals and bookings: empty states, Enter opens, Space/A marks arrived (audited)."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from pytestqt.qtbot import QtBot

from app import visits
from app.domain import VisitKind, VisitStatus
from app.opening import Store
from app.views import Actor
from tests.conftest import RECEPTIONIST_PIN
from tests.ui.desk_helpers import (
    add_booking_today,
    add_guest,
    audit_actions,
    key,
    make_window,
    sign_in,
)
from ui import texts
from ui.desk import DeskPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def status_of(store: Store, actor: Actor, kind: VisitKind = VisitKind.STAY) -> list[VisitStatus]:
    return [r.visit.status for r in visits.today_list(store, actor, dt.date.today(), kind)]


def test_space_and_a_mark_arrived_and_space_again_undoes(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    g1 = add_guest(store, receptionist, "Willem de Boer", "Willem")
    g2 = add_guest(store, receptionist, "Chloé Dubois", "Chloé")
    add_booking_today(store, receptionist, g1.id, hour=14, place="101")
    add_booking_today(store, receptionist, g2.id, hour=15, place="102")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    assert isinstance(window.desk, DeskPage)
    table = window.desk.today.stays.table
    model = window.desk.today.stays.model
    assert [model.index(r, model.GUEST).data() for r in range(2)] == ["Willem", "Chloé"]
    assert model.index(0, model.CUE).data() == "Willem — first visit"
    assert model.index(0, model.PLACE).data() == "101"
    table.setFocus()
    key(qtbot, table, Qt.Key.Key_Space)
    assert status_of(store, receptionist) == [VisitStatus.ARRIVED, VisitStatus.EXPECTED]
    assert "marked as arrived" in window.statusBar().currentMessage()
    assert "arrived" in model.index(0, model.STATUS).data()
    key(qtbot, table, Qt.Key.Key_Down)
    key(qtbot, table, Qt.Key.Key_A)
    assert status_of(store, receptionist) == [VisitStatus.ARRIVED, VisitStatus.ARRIVED]
    key(qtbot, table, Qt.Key.Key_Space)  # undo for the second guest
    assert status_of(store, receptionist) == [VisitStatus.ARRIVED, VisitStatus.EXPECTED]
    assert audit_actions(store, "visit.arrived") == ["visit.arrived", "visit.arrived"]
    key(qtbot, table, Qt.Key.Key_Return)
    assert window.current_guest_id() == g2.id


def test_bookings_tab_by_service_and_empty_states(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    g = add_guest(store, receptionist, "Hiroshi Tanaka")
    add_booking_today(store, receptionist, g.id, stay=False, hour=19, place="T4")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    assert isinstance(window.desk, DeskPage)
    today = window.desk.today
    today_text = texts.long_date(dt.date.today())
    assert today.stays.body.message.text() == f"No arrivals for {today_text}"
    key(qtbot, today.tabs, Qt.Key.Key_B, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: today.tabs.currentIndex() == 1)
    today.service.setCurrentIndex(today.service.findText("Dinner"))
    assert today.bookings.model.rowCount() == 1
    assert today.bookings.model.index(0, today.bookings.model.PLACE).data() == "T4"
    today.service.setFocus()
    key(qtbot, today.service, Qt.Key.Key_Up)  # dinner -> lunch
    assert today.bookings.body.message.text() == f"No lunch bookings for {today_text}"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    today.date_edit.setDate(QDate(tomorrow))
    assert texts.long_date(tomorrow) in today.bookings.body.message.text()
