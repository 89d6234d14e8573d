"""The manager's audit screen: filters by keyboard, the chain's verdict, tampering shown."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from app import guests
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor
from tests.ui.desk_helpers import Modals, key, modals, type_text
from ui import theme
from ui.audit_view import AuditModel, AuditView

__all__ = ["modals"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def make_view(qtbot: QtBot, store: Store, actor: Actor) -> AuditView:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    view = AuditView(store, actor)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    qtbot.waitUntil(lambda: view.status is not None)
    return view


def shown_actions(view: AuditView) -> list[str]:
    return [view.model.row_at(r).action for r in range(view.model.rowCount())]  # type: ignore[union-attr]


def shown_sentences(view: AuditView) -> list[str]:
    return [view.model.data(view.model.index(r, AuditModel.WHAT))
            for r in range(view.model.rowCount())]


@pytest.fixture
def busy_store(store: Store, manager: Actor, receptionist: Actor) -> Store:
    ada = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    guests.open_card(store, receptionist, ada.id)
    grace = guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    guests.open_card(store, manager, grace.id)
    return store


def test_verified_status_and_filters(qtbot: QtBot, busy_store: Store, manager: Actor,
                                     receptionist: Actor, modals: Modals) -> None:
    view = make_view(qtbot, busy_store, manager)
    assert view.status is not None and view.status.ok
    assert view.banner.text() == f"Audit log verified: {view.status.events:,} events"
    assert view.model.rowCount() == view.status.events

    # Staff filter by keyboard: Everyone -> the first named person.
    view.staff_filter.setFocus()
    names = [view.staff_filter.itemData(i) for i in range(view.staff_filter.count())]
    target = names.index(receptionist.id)
    for _ in range(target):
        qtbot.keyClick(view.staff_filter, Qt.Key.Key_Down)
    assert set(shown_actions(view)) == {"staff.signed_in", "guest.created", "guest.opened"}
    qtbot.keyClick(view.staff_filter, Qt.Key.Key_Home)
    assert view.model.rowCount() == view.status.events

    # Pick a guest by name (non-ASCII typing goes through key events carrying text).
    def pick(dialog: QWidget) -> None:
        query = dialog.findChild(QWidget, "guestQuery")
        assert query is not None
        type_text(query, "grâce")   # accent-insensitive search
        qtbot.keyClick(query, Qt.Key.Key_Return)

    modals.then(pick)
    key(qtbot, view, Qt.Key.Key_P, Qt.KeyboardModifier.AltModifier)  # buttons click late
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: view.guest_filter.text() != "")
    assert shown_actions(view) == ["guest.opened", "guest.created"]
    assert shown_sentences(view) == ["Eva Visser opened the guest's card",
                                     "Eva Visser added a new guest"]
    assert {view.model.row_at(r).staff_name for r in range(2)} == {"Eva Visser"}  # type: ignore[union-attr]
    tip = view.model.data(view.model.index(0, AuditModel.WHAT), Qt.ItemDataRole.ToolTipRole)
    assert tip.splitlines() == ["Eva Visser opened the guest's card", "guest.opened"]

    # Typing a token and Enter filters, and does not close the dialog (Close is no default).
    token = view.guest_filter.text()
    view.guest_filter.clear()
    assert view.model.rowCount() > 2  # cleared: every event again
    view.guest_filter.setFocus()
    qtbot.keyClicks(view.guest_filter, token)
    verified = view.status
    qtbot.keyClick(view.guest_filter, Qt.Key.Key_Return)
    qtbot.wait(300)
    assert view.isVisible() and view.status is verified  # neither Close nor Verify again
    assert shown_actions(view) == ["guest.opened", "guest.created"]

    # Action filter narrows further; the date filter with today's dates keeps them.
    view.guest_filter.clear()
    idx = view.action_filter.findData("guest.opened")
    view.action_filter.setCurrentIndex(idx)
    assert set(shown_actions(view)) == {"guest.opened"} and view.model.rowCount() == 2
    view.dates.setChecked(True)
    assert view.model.rowCount() == 2
    view.since.setDate(view.until.date().addDays(1))
    assert view.model.rowCount() == 0
    assert "No events match" in view.body.message.text()


def test_tampering_shows_the_broken_event(qtbot: QtBot, busy_store: Store,
                                          manager: Actor) -> None:
    with busy_store.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE audit_event SET staff_id = 99 WHERE id = 3")
    view = make_view(qtbot, busy_store, manager)
    assert view.status is not None and not view.status.ok
    assert view.banner.text().startswith("Broken at event 3:")
    # Verify again after more tampering: still named, still the first broken link.
    with busy_store.engine.begin() as conn:
        conn.exec_driver_sql("DELETE FROM audit_event WHERE id = 5")
    view.status = None
    key(qtbot, view, Qt.Key.Key_V, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: view.status is not None)
    assert view.banner.text().startswith("Broken at event 3:")


def test_desk_staff_get_a_permission_message(qtbot: QtBot, busy_store: Store,
                                             receptionist: Actor) -> None:
    from app.errors import PermissionDenied

    with pytest.raises(PermissionDenied):
        AuditView(busy_store, receptionist)
