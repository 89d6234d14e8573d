"""Sign-in, first run, lock (Ctrl+L and idle) — and a locked window shows nothing of a guest."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import staff
from app.opening import Store
from app.views import Actor
from tests.conftest import MANAGER_PIN, RECEPTIONIST_PIN
from tests.ui.desk_helpers import (
    Modals,
    add_booking_today,
    add_guest,
    audit_actions,
    key,
    make_window,
    modals,
    open_as_the_desk,
    sign_in,
)

__all__ = ["modals"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


def model_texts(model: QAbstractItemModel, parent: QModelIndex) -> Iterator[str]:
    for row in range(model.rowCount(parent)):
        try:
            columns = max(1, model.columnCount(parent))
        except TypeError:  # list models keep columnCount private
            columns = 1
        for col in range(columns):
            idx = model.index(row, col, parent)
            for role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                value = model.data(idx, role)
                if value is not None:
                    yield str(value)
            if col == 0 and columns > 1 and model.rowCount(idx) > 0:
                yield from model_texts(model, idx)


def all_texts(root: QWidget) -> list[str]:
    """Every piece of text a widget tree could show."""
    widgets = [root, *root.findChildren(QWidget)]
    widgets += [w for w in QApplication.topLevelWidgets() if w.isVisible()]
    out: list[str] = []
    for w in widgets:
        out += [w.windowTitle(), w.toolTip(), w.accessibleName(), w.statusTip()]
        if isinstance(w, QLabel | QLineEdit | QAbstractButton):
            out.append(w.text())
        if isinstance(w, QLineEdit):
            out.append(w.placeholderText())
        if isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        if isinstance(w, QAbstractItemView) and w.model() is not None:
            out += list(model_texts(w.model(), QModelIndex()))
    bar = getattr(root, "statusBar", None)
    if callable(bar):
        out.append(bar().currentMessage())
    return [t for t in out if t]


def test_first_run_creates_the_manager_and_loads_the_vocabulary(
        qtbot: QtBot, store: Store) -> None:
    window = make_window(qtbot, store)
    page = window.first_run
    assert window.pages.currentWidget() is page
    qtbot.keyClicks(page.name, "Eva Visser")
    qtbot.keyClicks(page.pin, "4826")
    qtbot.keyClicks(page.pin2, "4862")
    key(qtbot, page.pin2, Qt.Key.Key_Return)
    assert "differ" in page.error.text()
    assert staff.needs_first_manager(store)
    qtbot.keyClicks(page.pin2, "4826")
    with qtbot.waitSignal(window.signed_in):
        key(qtbot, page.pin2, Qt.Key.Key_Return)
    assert window.actor is not None and window.actor.name == "Eva Visser"
    assert "Eva Visser (manager)" in window.person_status.text()
    assert audit_actions(store, "vocabulary.starter_loaded")
    assert window.manager_menu.menuAction().isVisible()
    # The recovery passphrase is shown once, and it really opens the store.
    box = page.recovery_box
    qtbot.waitUntil(box.isVisible)
    phrase = box.informativeText().split("\n")[0]  # type: ignore[attr-defined]
    assert len(phrase) >= 20
    from app.recovery import has_recovery
    from storage.keys import unwrap_key

    assert has_recovery(store)
    key_from_phrase = unwrap_key(store.header, phrase)
    assert len(key_from_phrase) == 32
    assert audit_actions(store, "recovery.set_up")
    box.close()


def test_sign_in_shows_who_and_role_and_refuses_a_wrong_pin(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    window = make_window(qtbot, store)
    page = window.sign_in_page
    assert window.pages.currentWidget() is page
    sign_in_wrong = "9999"
    for row in range(page.names.count()):
        if page.names.item(row).text().startswith("Sam Bakker"):  # type: ignore[union-attr]
            page.names.setCurrentRow(row)
    qtbot.keyClicks(page.pin, sign_in_wrong)
    key(qtbot, page.pin, Qt.Key.Key_Return)
    assert page.error.text() == "Wrong PIN."
    assert window.actor is None
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    assert window.person_status.text() == "Signed in: Sam Bakker (receptionist)"
    assert not window.manager_menu.menuAction().isVisible()
    assert audit_actions(store, "staff.signed_in")




def test_ctrl_l_locks_and_the_locked_window_holds_no_guest_text(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    guest = add_guest(store, receptionist, "Zoë Quixtrel-Vandermeer", "Zozo",
                      email="zq@example.org", phone="+31 6 5550 1234", pronunciation="ZO-ay")
    add_booking_today(store, receptionist, guest.id)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(window.desk.search_field, "quixt")  # type: ignore[union-attr]
    desk = window.desk
    qtbot.waitUntil(lambda: desk.results.model.rowCount() == 1)  # type: ignore[union-attr]
    key(qtbot, desk.search_field, Qt.Key.Key_Return)  # type: ignore[union-attr]
    assert window.current_guest_id() == guest.id
    before = " ".join(all_texts(window))
    assert "Quixtrel" in before and "Zozo" in before  # the walk does see guest text

    with qtbot.waitSignal(window.locked):
        key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.is_locked()
    assert window.current_guest_id() is None
    text = " ".join(all_texts(window))
    for secret in ("Quixtrel", "Zozo", "Zoë", "zq@example.org", "5550", "ZO-ay", "quixt"):
        assert secret not in text, secret
    assert "Desk locked" in text and "Sam" in text
    # While locked, Ctrl+F does nothing and no menu reaches guest data.
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    assert not window.search_action.isEnabled()

    # The same person types their PIN: back to the same card.
    qtbot.keyClicks(window.sign_in_page.pin, RECEPTIONIST_PIN)
    with qtbot.waitSignal(window.signed_in):
        key(qtbot, window.sign_in_page.pin, Qt.Key.Key_Return)
    assert window.current_guest_id() == guest.id


def test_idle_timer_locks_the_desk(qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    add_guest(store, receptionist, "Quentin Idleworth")
    window = make_window(qtbot, store, idle_ms=50)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    with qtbot.waitSignal(window.locked, timeout=5000):
        pass
    assert window.is_locked()
    assert window.pages.currentWidget() is window.sign_in_page
    assert "Desk locked" in window.sign_in_page.title.text()


def test_another_person_can_take_over_a_locked_desk(
        qtbot: QtBot, store: Store, receptionist: Actor, manager: Actor) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.is_locked()
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)
    assert window.actor is not None and window.actor.id == manager.id
    assert window.manager_menu.menuAction().isVisible()


def test_idle_lock_closes_an_open_dialog_and_leaves_no_guest_text(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    guest = add_guest(store, receptionist, "Octavia Pemberton-Lisle", "Tavi")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    desk = window.desk
    assert desk is not None
    qtbot.keyClicks(desk.search_field, "pember")  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: desk.results.model.rowCount() == 1)  # type: ignore[attr-defined]
    key(qtbot, desk.search_field, Qt.Key.Key_Return)  # type: ignore[attr-defined]
    assert window.current_guest_id() == guest.id
    seen: list[bool] = []

    def wait_for_idle(picker: QWidget) -> None:
        seen.append(picker.isVisible())
        window.idle.set_interval(50)  # nobody touches anything from now on

    modals.then(wait_for_idle)
    with qtbot.waitSignal(window.locked, timeout=5000):
        key(qtbot, window, Qt.Key.Key_A, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert seen == [True]
    qtbot.waitUntil(lambda: QApplication.activeModalWidget() is None)
    text = " ".join(all_texts(window))
    for secret in ("Octavia", "Pemberton", "Tavi", "pember"):
        assert secret not in text, secret


def test_store_that_does_not_open_offers_retry_and_quit(
        qtbot: QtBot, tmp_path: Path, modals: Modals) -> None:
    """Opened as the desk opens it (on a worker thread), the failure comes back to the GUI
    thread with Retry / Quit; Retry tries again, Quit opens nothing."""
    from app.opening import PassphraseKey

    folder = tmp_path / "notastore"
    folder.mkdir()
    (folder / "frontdesk.db").write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    parent = QWidget()
    qtbot.addWidget(parent)
    messages: list[str] = []

    def retry(box: QWidget) -> None:
        messages.append(box.informativeText())  # type: ignore[attr-defined]
        qtbot.keyClick(box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)

    def quit_(box: QWidget) -> None:
        messages.append(box.informativeText())  # type: ignore[attr-defined]
        qtbot.keyClick(box, Qt.Key.Key_Q, Qt.KeyboardModifier.AltModifier)

    modals.then(retry).then(quit_)
    assert open_as_the_desk(qtbot, parent, folder, PassphraseKey("a long passphrase")) is None
    assert modals.done()
    assert len(messages) == 2 and all("is not a Frontdesk store" in m for m in messages)

    # Retry after the cause is fixed opens the store.
    def fix_and_retry(box: QWidget) -> None:
        (folder / "frontdesk.db").unlink()
        qtbot.keyClick(box, Qt.Key.Key_R, Qt.KeyboardModifier.AltModifier)

    modals.then(fix_and_retry)
    store = open_as_the_desk(qtbot, parent, folder, PassphraseKey("a long passphrase"))
    assert store is not None
    store.close()
