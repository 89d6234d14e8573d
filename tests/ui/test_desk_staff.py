"""Managers add and deactivate staff from the Manager menu; others do not see the menu."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import staff
from app.domain import Role
from app.opening import Store
from app.views import Actor
from tests.conftest import MANAGER_PIN
from tests.ui.desk_helpers import Modals, audit_actions, key, make_window, modals, sign_in

__all__ = ["modals"]
# The offscreen platform cannot raise a popup menu or grab the keyboard for it; it says so.
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise",
                                       "does not support grabbing the keyboard")
ALT = Qt.KeyboardModifier.AltModifier


def child(dialog: QWidget, name: str) -> QWidget:
    w = dialog.findChild(QWidget, name)
    assert w is not None, name
    return w


def test_manager_adds_a_staff_member(
        qtbot: QtBot, store: Store, manager: Actor, modals: Modals) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)
    assert window.manager_menu.menuAction().isVisible()

    def add(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_A, ALT)  # "&Add staff member…"

    def fill(form: QWidget) -> None:
        qtbot.keyClicks(child(form, "staffName"), "Noor El Amrani")
        role = child(form, "staffRole")
        qtbot.keyClick(role, Qt.Key.Key_Down)  # receptionist -> host
        qtbot.keyClicks(child(form, "staffPin"), "6148")
        qtbot.keyClicks(child(form, "staffPin2"), "6148")
        qtbot.keyClick(child(form, "staffPin2"), Qt.Key.Key_Return)

    def close(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    def check_and_close(dialog: QWidget) -> None:
        assert dialog.selected().name == "Noor El Amrani"  # type: ignore[attr-defined]
        close(dialog)

    modals.then(add).then(fill).then(check_and_close)  # the Staff dialog again, after adding
    key(qtbot, window, Qt.Key.Key_M, ALT)  # open the Manager menu by keyboard
    menu = window.manager_menu
    qtbot.waitUntil(menu.isVisible)
    assert isinstance(menu, QMenu)
    qtbot.keyClick(menu, Qt.Key.Key_S)  # "&Staff…"
    assert modals.done()
    people = {p.name: p for p in staff.list_staff(store, include_inactive=True)}
    assert people["Noor El Amrani"].role == Role.HOST and people["Noor El Amrani"].active
    assert audit_actions(store, "staff.created")


def test_manager_deactivates_a_staff_member(
        qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor, modals: Modals) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)

    def deactivate(dialog: QWidget) -> None:
        table = child(dialog, "staffTable")
        table.setFocus()
        while dialog.selected().name != "Sam Bakker":  # type: ignore[attr-defined]
            qtbot.keyClick(table, Qt.Key.Key_Down)
        qtbot.keyClick(dialog, Qt.Key.Key_D, ALT)  # "&Deactivate"

    def confirm(box: QWidget) -> None:
        qtbot.keyClick(box, Qt.Key.Key_Y, ALT)

    modals.then(deactivate).then(confirm).then(
        lambda dialog: qtbot.keyClick(dialog, Qt.Key.Key_Escape))
    key(qtbot, window, Qt.Key.Key_M, ALT)
    qtbot.waitUntil(window.manager_menu.isVisible)
    qtbot.keyClick(window.manager_menu, Qt.Key.Key_S)
    people = {p.name: p for p in staff.list_staff(store, include_inactive=True)}
    assert not people["Sam Bakker"].active
    assert audit_actions(store, "staff.deactivated") == ["staff.deactivated"]
    assert "Sam Bakker" not in [p.name for p in staff.list_staff(store)]


def test_manager_unlocks_resets_a_pin_and_changes_a_role_by_keyboard(
        qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor, modals: Modals
) -> None:
    from app.errors import SignInError
    from ui.staff_dialog import StaffDialog

    for _ in range(5):
        with pytest.raises(SignInError):
            staff.sign_in(store, receptionist.id, "0000")
    dialog = StaffDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    rows = [dialog.model.row_at(r) for r in range(dialog.model.rowCount())]
    target = next(i for i, r in enumerate(rows) if r is not None and r.id == receptionist.id)
    dialog.table.setFocus()
    while dialog.table.current_row() != target:
        qtbot.keyClick(dialog.table, Qt.Key.Key_Down)
    assert dialog.unlock_button.isEnabled()
    key(qtbot, dialog, Qt.Key.Key_U, ALT)  # "&Unlock"
    qtbot.waitUntil(lambda: not dialog.unlock_button.isEnabled())
    assert staff.sign_in(store, receptionist.id, "3917").id == receptionist.id

    def new_pin(form: QWidget) -> None:
        qtbot.keyClicks(child(form, "newPin"), "5821")
        qtbot.keyClicks(child(form, "newPin2"), "5821")
        qtbot.keyClick(child(form, "newPin2"), Qt.Key.Key_Return)

    def to_host(form: QWidget) -> None:
        role = child(form, "newRole")
        role.setFocus()
        qtbot.keyClick(role, Qt.Key.Key_Down)  # receptionist -> host
        qtbot.keyClick(role, Qt.Key.Key_Return)

    modals.then(new_pin)
    key(qtbot, dialog, Qt.Key.Key_P, ALT)  # "Reset &PIN…"
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: "New PIN" in dialog.status.text())
    assert staff.sign_in(store, receptionist.id, "5821").id == receptionist.id
    modals.then(to_host)
    key(qtbot, dialog, Qt.Key.Key_R, ALT)  # "Change &role…"
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: "Role changed" in dialog.status.text())
    assert staff.sign_in(store, receptionist.id, "5821").role == Role.HOST
    assert audit_actions(store, "staff.unlocked") == ["staff.unlocked"]
    assert audit_actions(store, "staff.pin_reset") == ["staff.pin_reset"]
    assert audit_actions(store, "staff.role_changed") == ["staff.role_changed"]


def test_the_last_manager_keeps_the_role(store: Store, manager: Actor, receptionist: Actor
                                         ) -> None:
    from app import staff_admin
    from app.errors import ValidationError

    with pytest.raises(ValidationError, match="own role"):
        staff_admin.change_role(store, manager, manager.id, Role.HOST)
    staff_admin.change_role(store, manager, receptionist.id, Role.MANAGER)
    other = staff.sign_in(store, receptionist.id, "3917")
    staff_admin.change_role(store, other, manager.id, Role.HOST)  # two managers: fine
    # Eva is a host from this moment (require reads the stored role): she can no longer
    # demote anyone, so the only manager left keeps the role.
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied, match="host may not"):
        staff_admin.change_role(store, manager, receptionist.id, Role.HOST)
