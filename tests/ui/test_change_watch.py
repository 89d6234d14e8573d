"""The open desk follows other windows' changes and shows when the shared store is lost."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import visits
from app.domain import VisitKind, VisitStatus
from app.i18n import _
from app.opening import KeyringKey, Store, open_store
from app.views import Actor
from tests.conftest import RECEPTIONIST_PIN
from tests.ui.desk_helpers import add_booking_today, add_guest, make_window, sign_in
from ui.desk import DeskPage

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_an_arrival_marked_in_another_window_shows_in_the_open_list(
        qtbot: QtBot, store: Store, receptionist: Actor, data_dir: Path) -> None:
    g = add_guest(store, receptionist, "Willem de Boer", "Willem")
    add_booking_today(store, receptionist, g.id, hour=14, place="101")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    desk = window.desk
    assert isinstance(desk, DeskPage) and window.change_watch is not None
    assert window.change_watch.feed.ready.wait(10)
    row = desk.today.stays.model.row_at(0)
    assert row is not None and row.visit.status == VisitStatus.EXPECTED
    other = open_store(data_dir, KeyringKey())  # a second window on the same PC
    try:
        (visit,) = visits.today_list(other, receptionist, dt.date.today(), VisitKind.STAY)
        visits.set_status(other, receptionist, visit.visit.id, VisitStatus.ARRIVED)
    finally:
        other.close()

    def arrived() -> bool:
        item = desk.today.stays.model.row_at(0)
        return item is not None and item.visit.status == VisitStatus.ARRIVED

    qtbot.waitUntil(arrived, timeout=5000)


def test_a_lost_server_shows_a_banner_and_the_desk_is_read_only_until_it_is_back(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    watch = window.change_watch
    assert watch is not None
    watch.connection.emit(False, _("The shared store cannot be reached. What you see may be "
                                   "out of date and cannot be changed until the connection "
                                   "is back; Frontdesk keeps trying by itself."))
    qtbot.waitUntil(lambda: watch.banner.isVisible())
    assert "cannot be reached" in watch.banner_text.text()
    assert not window.centralWidget().isEnabled()
    watch.connection.emit(True, "")
    qtbot.waitUntil(lambda: not watch.banner.isVisible())
    assert window.centralWidget().isEnabled()
