"""Manager ▸ Restore from a backup…: the command line's checks, from the GUI, by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from app import backup, guests, staff
from app.guests import GuestFields
from app.opening import KeyringKey, Store
from app.views import Actor
from tests.conftest import MANAGER_PIN
from tests.ui.desk_helpers import make_window, sign_in
from ui.main import StoreLocation
from ui.restore_dialog import RestoreDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
PASSPHRASE = "correct horse battery staple"


def names(store: Store, actor: Actor) -> list[str]:
    """Who is in ``store`` — read as Eva signed in *there* (a restored store is a new store:
    a sign-in to the one it replaced is not valid in it)."""
    if actor.name == "Eva Visser":
        actor = staff.sign_in_by_name(store, "Eva Visser", MANAGER_PIN)
    found = {g.full_name for q in ("Ada", "Grace") for g in guests.find_guests(store, actor, q)}
    return sorted(found)


class Answers:
    """Answers each modal window by its kind while the restore runs (exec() blocks)."""

    def __init__(self, qtbot: QtBot, file: Path, passphrase: str) -> None:
        self.qtbot, self.file, self.passphrase = qtbot, file, passphrase
        self.seen: list[str] = []
        self.texts: list[str] = []
        self.timer = QTimer()
        self.timer.setInterval(15)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self.done: set[int] = set()
        self.say_no = False  # to "Restore anyway?"

    def poll(self) -> None:
        w = QApplication.activeModalWidget()
        if w is None or not w.isVisible() or id(w) in self.done \
                or isinstance(w, QProgressDialog):
            return
        if not w.isActiveWindow():
            w.activateWindow()
            return
        self.done.add(id(w))
        self.seen.append(w.windowTitle())
        if isinstance(w, RestoreDialog):
            field = w.findChild(QLineEdit, "restoreFile")
            assert field is not None
            self.qtbot.keyClicks(field, str(self.file))
            pp = w.findChild(QLineEdit, "restorePassphrase")
            assert pp is not None
            pp.setFocus()
            self.qtbot.keyClicks(pp, self.passphrase)
            self.qtbot.keyClick(pp, Qt.Key.Key_Return)
        elif isinstance(w, QMessageBox):
            self.texts.append(w.text())
            if w.windowTitle() == "Restore anyway?":
                button = w.button(QMessageBox.StandardButton.No if self.say_no
                                  else QMessageBox.StandardButton.Yes)
                assert button is not None
                button.click()
            elif w.windowTitle() == "Your recovery passphrase":
                w.close()
            else:
                w.accept()


def restore_by_menu(qtbot: QtBot, window: QWidget) -> None:
    actions = {a.text(): a for a in window.manager_menu.actions()}  # type: ignore[attr-defined]
    actions["Res&tore from a backup…"].trigger()


def test_a_restore_from_the_gui_checks_and_brings_the_backup_back(
        qtbot: QtBot, store: Store, data_dir: Path, manager: Actor, tmp_path: Path) -> None:
    guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    file = backup.make_backup(store, manager, tmp_path / "before.fdbackup", PASSPHRASE)
    guests.create_guest(store, manager, GuestFields("Grace Hopper"))
    window = make_window(qtbot, store)
    window.store_location = StoreLocation(data_dir, KeyringKey())
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)

    answers = Answers(qtbot, file, "wrong passphrase")
    restore_by_menu(qtbot, window)
    assert answers.seen[0] == "Restore from a backup"
    assert answers.seen[-1] == "Not restored"
    assert "passphrase does not open" in answers.texts[-1]
    assert window.store is not None and window.actor is None  # signed out, store reopened
    assert names(window.store, manager) == ["Ada Lovelace", "Grace Hopper"]  # unchanged

    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)
    answers = Answers(qtbot, file, PASSPHRASE)
    restore_by_menu(qtbot, window)
    answers.timer.stop()
    assert "Restored" in answers.seen
    assert any("integrity check passed" in t for t in answers.texts)
    restored = window.store
    assert restored is not None and restored is not store
    assert names(restored, manager) == ["Ada Lovelace"]  # Grace came after the backup
    assert window.sign_in_page.isVisible()
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)  # the staff came back with it
    window.close()
    restored.close()


def test_an_old_backup_on_another_computer_asks_before_erased_guests_come_back(
        qtbot: QtBot, tmp_path: Path) -> None:
    from app import staff, vocabulary
    from app.opening import open_store
    from storage.keys import PassphraseKey

    old = open_store(tmp_path / "old", PassphraseKey("old store passphrase"))
    eva = staff.create_first_manager(old, "Eva Visser", MANAGER_PIN)
    vocabulary.load_starter(old, eva)
    guests.create_guest(old, eva, GuestFields("Ada Lovelace"))
    file = backup.make_backup(old, eva, tmp_path / "old.fdbackup", PASSPHRASE)
    old.close()
    key = PassphraseKey("this desk's passphrase")
    here = open_store(tmp_path / "here", key)  # another store: no record of its erasures
    staff.create_first_manager(here, "Eva Visser", MANAGER_PIN)
    window = make_window(qtbot, here)
    window.store_location = StoreLocation(tmp_path / "here", key)
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)

    answers = Answers(qtbot, file, PASSPHRASE)
    answers.say_no = True
    restore_by_menu(qtbot, window)
    answers.timer.stop()
    assert answers.seen == ["Restore from a backup", "Restore anyway?", "Not restored"]
    assert "Nothing here records the guests erased" in answers.texts[0]
    assert window.store is not None and names(window.store, eva) == []  # nothing replaced

    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)
    answers = Answers(qtbot, file, PASSPHRASE)
    restore_by_menu(qtbot, window)
    answers.timer.stop()
    assert answers.seen[:3] == ["Restore from a backup", "Restore anyway?", "Restored"], \
        answers.texts
    assert any("no record of erasures" in t for t in answers.texts)
    assert window.store is not None and names(window.store, eva) == ["Ada Lovelace"]
    window.close()
    window.store.close()
