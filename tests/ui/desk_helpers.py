"""Helpers for driving the desk GUI with real key presses (pytest-qt)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import guests, visits
from app.domain import Service, VisitKind
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor, GuestInfo
from storage import queries
from ui import theme
from ui.main_window import MainWindow


def type_text(widget: QWidget, text: str) -> None:
    """Type any text (accents too) as key events carrying the text, one key at a time."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key.Key_unknown,
                                                     Qt.KeyboardModifier.NoModifier, ch))


def key(qtbot: QtBot, widget: QWidget, k: Qt.Key,
        mods: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> None:
    """A key press; waits for the window to be active again (shortcuts need it)."""
    top = widget.window()
    if not top.isActiveWindow():
        top.activateWindow()
        qtbot.waitUntil(top.isActiveWindow)
    qtbot.keyClick(widget, k, mods)


class Modals:
    """Run one step per modal dialog as each appears (exec() blocks the test otherwise)."""

    def __init__(self) -> None:
        self.steps: list[Callable[[QWidget], None]] = []
        self.seen: list[QWidget] = []
        self.timer = QTimer()
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._poll)

    def then(self, step: Callable[[QWidget], None]) -> Modals:
        self.steps.append(step)
        self.timer.start()
        return self

    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible() or (self.seen and modal is self.seen[-1]):
            return
        if not self.steps:
            self.timer.stop()
            return
        if not modal.isActiveWindow():
            modal.activateWindow()  # mnemonics and shortcuts need the active window
            return
        self.seen.append(modal)
        step = self.steps.pop(0)
        step(modal)
        if not self.steps:
            self.timer.stop()

    def done(self) -> bool:
        return not self.steps


@pytest.fixture
def modals() -> Iterator[Modals]:
    m = Modals()
    yield m
    m.timer.stop()


def open_as_the_desk(qtbot: QtBot, parent: QWidget | None, data_dir: Path, key_source: object,
                     ) -> Store | None:
    """Open a store the way the desk does (ui.main.open_in_background: a worker thread, a
    failure shown with Retry / Quit on the GUI thread) and wait: the store, or None (Quit)."""
    from ui.main import open_in_background

    got: list[Store | None] = []
    open_in_background(parent, data_dir, key_source, shared=None, done=got.append)
    qtbot.waitUntil(lambda: bool(got), timeout=30_000)
    return got[0]


def make_window(qtbot: QtBot, store: Store, idle_ms: int = 60_000) -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    window = MainWindow(store, idle_ms=idle_ms, store_label="test store")
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)  # window shortcuts need an active window
    return window


def sign_in(qtbot: QtBot, window: MainWindow, name: str, pin: str) -> None:
    page = window.sign_in_page
    names = page.names
    for row in range(names.count()):
        item = names.item(row)
        if item is not None and item.text().startswith(name):
            page.pin.setFocus()
            while names.currentRow() != row:
                key(qtbot, page.pin, Qt.Key.Key_Down if names.currentRow() < row
                    else Qt.Key.Key_Up)
            break
    else:
        raise AssertionError(f"{name} is not on the sign-in list")
    qtbot.keyClicks(page.pin, pin)
    with qtbot.waitSignal(window.signed_in, timeout=5000):
        key(qtbot, page.pin, Qt.Key.Key_Return)


def add_guest(store: Store, actor: Actor, full: str, preferred: str = "", **kw: str
              ) -> GuestInfo:
    return guests.create_guest(store, actor, GuestFields(full, preferred, **kw))


def add_booking_today(store: Store, actor: Actor, guest_id: int, *, stay: bool = True,
                      hour: int = 14, place: str = "204") -> None:
    day = dt.date.today()
    visits.record_visit(store, actor, guest_id,
                        kind=VisitKind.STAY if stay else VisitKind.BOOKING,
                        starts_at=dt.datetime.combine(day, dt.time(hour, 0)),
                        service=None if stay else (Service.LUNCH if hour < 16
                                                   else Service.DINNER),
                        party_size=2, place=place)


def audit_actions(store: Store, action: str) -> list[str]:
    with store.read() as s:
        return [e.action for e in queries.audit_events(s, action=action)]
