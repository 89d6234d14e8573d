"""Manager ▸ Restore from a backup…: the command line's checks, from the GUI, by keyboard."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox, QProgressDialog, QWidget
from pytestqt.qtbot import QtBot

from app import backup, guests
from app.guests import GuestFields
from app.opening import KeyringKey, Store
from app.views import Actor
from tests.conftest import MANAGER_PIN
from tests.ui.desk_helpers import make_window, sign_in
from ui.restore_dialog import RestoreDialog, StoreLocation

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
PASSPHRASE = "correct horse battery staple"


def names(store: Store, actor: Actor) -> list[str]:
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
            w.accept() if w.windowTitle() != "Your recovery passphrase" else w.close()


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
