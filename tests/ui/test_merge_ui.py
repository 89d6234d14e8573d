"""The duplicate warning in the guest form and the manager's merge dialog, driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import guests, merge
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor
from tests.ui.desk_helpers import Modals, modals  # noqa: F401  (fixture)
from ui.guest_form import GuestDialog
from ui.merge_dialog import MergeDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_new_guest_form_lists_the_likely_existing_profile_and_opens_it(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    existing = guests.create_guest(store, receptionist, GuestFields(
        "Anna Jansen", email="anna@example.org", phone="06 1234 5678"))
    dialog = GuestDialog(store, receptionist, None, initial_name="Anna Janssen")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.phone, "+31612345678")
    qtbot.keyClick(dialog.phone, Qt.Key.Key_Return)  # Save
    assert dialog.similar.isVisible() and dialog.similar.count() == 1
    assert "same phone" in dialog.similar.item(0).text()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save).text() == \
        "&Save as new guest"
    qtbot.keyClick(dialog.similar, Qt.Key.Key_Return)  # open the existing one
    assert dialog.result() == QDialog.DialogCode.Accepted and dialog.used_existing
    assert dialog.saved is not None and dialog.saved.id == existing.id
    assert guests.guest_count(store) == 1


def test_saving_again_adds_the_new_profile_anyway(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    guests.create_guest(store, receptionist, GuestFields("Piet Zwart"))
    dialog = GuestDialog(store, receptionist, None, initial_name="Piet Zwart")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClick(dialog.full_name, Qt.Key.Key_Return)
    assert dialog.similar.isVisible() and guests.guest_count(store) == 1
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == QDialog.DialogCode.Accepted and not dialog.used_existing
    assert guests.guest_count(store) == 2


def test_manager_merges_side_by_side_and_undoes(
        qtbot: QtBot, store: Store, manager: Actor, modals: Modals) -> None:  # noqa: F811
    keep = guests.create_guest(store, manager, GuestFields("Jean-Pierre Thomassen",
                                                           email="jp@example.org"))
    other = guests.create_guest(store, manager, GuestFields("J.P. Tomassen",
                                                            phone="06 1111 2222"))
    dialog = MergeDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.resize(1366, 740)
    dialog.show()
    qtbot.keyClicks(dialog.keep.field, "jp@example")
    qtbot.keyClicks(dialog.other.field, "0611112222")
    assert dialog.plan is not None
    assert (dialog.plan.keep.guest.id, dialog.plan.other.guest.id) == (keep.id, other.id)
    phone_row = 5
    mine, theirs = dialog.table.item(phone_row, 0), dialog.table.item(phone_row, 1)
    assert mine.checkState() == Qt.CheckState.Checked
    theirs.setCheckState(Qt.CheckState.Checked)  # take the other profile's phone
    assert mine.checkState() == Qt.CheckState.Unchecked
    assert dialog.taken_from_other() == frozenset({"phone"})

    def yes(m: QWidget) -> None:
        assert isinstance(m, QMessageBox)
        m.button(QMessageBox.StandardButton.Yes).click()

    modals.then(yes)
    qtbot.keyClick(dialog.merge_button, Qt.Key.Key_Space)
    qtbot.waitUntil(modals.done)
    kept = guests.get_guest(store, manager, keep.id)
    assert kept.phone == "06 1111 2222" and kept.email == "jp@example.org"
    assert dialog.recent.count() == 1 and "J.P. Tomassen" in dialog.recent.item(0).text()
    dialog.recent.setCurrentRow(0)
    modals.then(yes)
    qtbot.keyClick(dialog.undo_button, Qt.Key.Key_Space)
    qtbot.waitUntil(modals.done)
    assert guests.get_guest(store, manager, other.id).full_name == "J.P. Tomassen"
    assert merge.recent_merges(store, manager) == []
    dialog.grab().save(str(store.paths.data_dir.parent / "merge-dialog.png"))
