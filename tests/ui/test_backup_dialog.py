"""Manager ▸ Backup: a backup made from the dialog restores; the daily backup runs at start."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import backup, guests
from app.guests import GuestFields
from app.opening import KeyringKey, MemoryKey
from app.views import Actor
from storage.store import Store
from tests.conftest import as_manager
from tests.keyrings import MemoryKeyring
from tests.ui.desk_helpers import key, type_text
from ui import theme
from ui.backup_dialog import BackupDialog, DailyBackupRunner, DailyBackups

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier
PASS = "Zürich harbour 1962"


def make_dialog(qtbot: QtBot, store: Store, actor: Actor) -> BackupDialog:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    dialog = BackupDialog(store, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def test_back_up_now_by_keyboard_then_restore(qtbot: QtBot, store: Store, manager: Actor,
                                              tmp_path: Path) -> None:
    guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    dialog = make_dialog(qtbot, store, manager)
    target = tmp_path / "usb" / "monday.fdbackup"
    dialog.target.setText(str(target))
    type_text(dialog.passphrase, PASS)
    type_text(dialog.passphrase2, PASS + "x")
    key(qtbot, dialog, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: "differ" in dialog.message.text())
    assert not target.exists()
    dialog.passphrase2.clear()
    type_text(dialog.passphrase2, PASS)
    key(qtbot, dialog, Qt.Key.Key_B, ALT)
    qtbot.waitUntil(lambda: dialog.last_result is not None, timeout=20_000)
    assert dialog.last_result == target and target.exists()
    assert "Backup written to" in dialog.message.text()
    assert dialog.passphrase.text() == ""   # not kept in the widget afterwards
    result = backup.restore_backup(target, PASS, tmp_path / "restored", MemoryKey(), as_manager,
                                   accept_unknown_erasures=True)  # no keyring: asked first
    try:
        assert [g.full_name for g in guests.list_guests(result.store, result.restored_by)] == [
            "Ada Lovelace"]
    finally:
        result.store.close()


def test_daily_backup_settings_and_start_run(qtbot: QtBot, store: Store, manager: Actor,
                                             tmp_path: Path, isolated: MemoryKeyring) -> None:
    dialog = make_dialog(qtbot, store, manager)
    folder = tmp_path / "daily"
    dialog.daily.setChecked(True)
    dialog.folder.setText(str(folder))
    dialog.keep.setValue(3)
    key(qtbot, dialog, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "passphrase" in dialog.message.text().lower())
    assert not backup.backup_settings(store).enabled   # refused: no passphrase yet
    type_text(dialog.daily_passphrase, PASS)
    key(qtbot, dialog, Qt.Key.Key_S, ALT)
    qtbot.waitUntil(lambda: "Daily backup is on" in dialog.message.text())
    settings = backup.backup_settings(store)
    assert settings.enabled and settings.keep == 3 and settings.folder == folder
    assert PASS in isolated.secrets.values()

    runner = DailyBackupRunner()
    reports: list[str] = []
    runner.report.connect(reports.append)
    runner.start(store)
    qtbot.waitUntil(lambda: bool(reports), timeout=20_000)
    assert reports[0].startswith("Daily backup written to")
    (made,) = folder.iterdir()
    runner.start(store)   # same day: not due again
    assert runner.worker is not None
    runner.worker.join()
    assert len(list(folder.iterdir())) == 1
    assert backup.run_configured_backup(store, now=dt.datetime.now() + dt.timedelta(days=1))
    keyring_restore = MemoryKeyring()
    import keyring

    keyring.set_keyring(keyring_restore)
    r = backup.restore_backup(made, PASS, tmp_path / "elsewhere", KeyringKey(), as_manager,
                              accept_unknown_erasures=True)  # another keyring: asked first
    r.store.close()
    assert r.recovery_passphrase


def test_a_running_desk_makes_the_daily_backup_again_when_a_day_has_passed(
        qtbot: QtBot, store: Store, manager: Actor, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A desk started at login runs for days: it asks again on a timer (an hour; 50 ms here)
    and writes the next backup once one is due, and only then."""
    folder = tmp_path / "daily"
    backup.set_backup_settings(store, manager, enabled=True, folder=folder, keep=5,
                               passphrase=PASS)
    daily = DailyBackups(store, every_ms=50)
    reports: list[str] = []
    daily.report.connect(reports.append)
    daily.start(first_in_ms=0)
    try:
        qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
        assert len(list(folder.iterdir())) == 1
        qtbot.wait(300)  # several more checks: not due, nothing written
        assert len(list(folder.iterdir())) == 1 and len(reports) == 1
        tomorrow = dt.datetime.now().replace(microsecond=0) + dt.timedelta(days=1, minutes=1)
        monkeypatch.setattr(backup, "_now", lambda: tomorrow)
        qtbot.waitUntil(lambda: len(reports) == 2, timeout=20_000)
        assert all(r.startswith("Daily backup written to") for r in reports)
    finally:
        daily.stop()
    assert len(list(folder.iterdir())) == 2
