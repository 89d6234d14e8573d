"""Manager ▸ Backup: make an encrypted backup now, and switch the daily backup on or off.

The copy runs off the GUI thread (the desk stays usable; other windows keep
writing, the backup is still consistent). A backup passphrase is typed twice
and never stored, except the daily backup's, which goes to the keyring.
Restoring replaces the whole store: Manager ▸ Restore from a backup… (ui/restore_dialog.py)
or ``frontdesk restore --from FILE`` (the dialog says so).
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import backup
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor
from ui.i18n import say


class _Bridge(QObject):
    finished = Signal(object)  # Path | str (error sentence) | None


def run_in_thread(bridge: _Bridge, work: Callable[[], object]) -> threading.Thread:
    """Run ``work`` in a daemon thread; its result (or error sentence) arrives on ``bridge``."""

    def target() -> None:
        result: object
        try:
            result = work()
        except FrontdeskError as exc:
            result = say(exc)
        except OSError as exc:
            result = QCoreApplication.translate("BackupDialog", "The backup failed: {reason}."
                                                ).format(reason=exc.strerror or
                                                         type(exc).__name__)
        bridge.finished.emit(result)

    thread = threading.Thread(target=target, name="frontdesk-backup", daemon=True)
    thread.start()
    return thread


def _passphrase_field(name: str) -> QLineEdit:
    field = QLineEdit()
    field.setObjectName(name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    return field


def _browse_row(edit: QLineEdit, pick: Callable[[], None], text: str) -> QWidget:
    row = QWidget()
    lay = QHBoxLayout(row)
    lay.setContentsMargins(0, 0, 0, 0)
    lay.addWidget(edit, 1)
    button = QPushButton(text)
    button.clicked.connect(pick)
    lay.addWidget(button)
    return row


class BackupDialog(QDialog):
    """Two parts: "Back up now" and "Daily backup"; a line on how to restore."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.last_result: object = None
        self._thread: threading.Thread | None = None
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._finished)
        self.setWindowTitle(self.tr("Backup"))
        self.setMinimumWidth(720)

        # -- now
        self.target = QLineEdit(str(Path.home() / backup.backup_name(dt.datetime.now())))
        self.target.setObjectName("backupTarget")
        self.passphrase = _passphrase_field("backupPassphrase")
        self.passphrase2 = _passphrase_field("backupPassphrase2")
        self.now_button = QPushButton(self.tr("&Back up now"))
        self.now_button.setObjectName("backupNow")
        self.now_button.setDefault(True)
        self.now_button.clicked.connect(self.back_up_now)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)   # the copy has no meaningful percentage
        self.progress.setVisible(False)
        self.cancel_button = QPushButton(self.tr("&Cancel backup"))
        self.cancel_button.setObjectName("cancelBackup")
        self.cancel_button.setVisible(False)
        self.cancel_button.clicked.connect(self.cancel_backup)
        self._cancel: backup.Cancellation | None = None
        now_form = QFormLayout()
        now_form.addRow(self.tr("&File:"), _browse_row(self.target, self._choose_file,
                                                       self.tr("Choose…")))
        now_form.addRow(self.tr("&Passphrase:"), self.passphrase)
        now_form.addRow(self.tr("Passphrase &again:"), self.passphrase2)
        hint = QLabel(self.tr(
            "The backup is encrypted with this passphrase, so it can be restored on another "
            "computer. Keep the passphrase apart from the backup: without it the backup "
            "cannot be opened by anyone, including you."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        now_box = QGroupBox(self.tr("Back up now"))
        now_lay = QVBoxLayout(now_box)
        now_lay.addLayout(now_form)
        now_lay.addWidget(hint)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        row.addWidget(self.now_button)
        now_lay.addLayout(row)

        # -- daily
        settings = backup.backup_settings(store)
        self.daily = QCheckBox(self.tr("Make a backup every &day when Frontdesk starts"))
        self.daily.setObjectName("dailyEnabled")
        self.daily.setChecked(settings.enabled)
        self.folder = QLineEdit(str(settings.folder or Path.home() / "Frontdesk backups"))
        self.folder.setObjectName("dailyFolder")
        self.keep = QSpinBox()
        self.keep.setObjectName("dailyKeep")
        self.keep.setRange(1, 365)
        self.keep.setValue(settings.keep)
        self.keep.setMaximumWidth(120)
        self.daily_passphrase = _passphrase_field("dailyPassphrase")
        self.daily_passphrase.setPlaceholderText(
            self.tr("kept in the keyring") if settings.has_passphrase else "")
        self.save_button = QPushButton(self.tr("&Save daily backup settings"))
        self.save_button.clicked.connect(self.save_settings)
        last = settings.last.strftime("%Y-%m-%d %H:%M") if settings.last else self.tr("never")
        self.last_label = QLabel(self.tr("Last daily backup: {when}").format(when=last))
        self.last_label.setObjectName("hint")
        daily_form = QFormLayout()
        daily_form.addRow(self.daily)
        daily_form.addRow(self.tr("F&older:"), _browse_row(self.folder, self._choose_folder,
                                                           self.tr("Choose…")))
        daily_form.addRow(self.tr("&Keep the newest:"), self.keep)
        daily_form.addRow(self.tr("Passp&hrase:"), self.daily_passphrase)
        daily_box = QGroupBox(self.tr("Daily backup"))
        daily_lay = QVBoxLayout(daily_box)
        daily_lay.addLayout(daily_form)
        daily_row = QHBoxLayout()
        daily_row.addWidget(self.last_label, 1)
        daily_row.addWidget(self.save_button)
        daily_lay.addLayout(daily_row)

        restore = QLabel(self.tr(
            "To restore a backup: Manager ▸ Restore from a backup… (or, with Frontdesk "
            "closed, frontdesk restore --from FILE). The backup is checked before anything "
            "is replaced, and the current store is kept beside it."))
        restore.setObjectName("hint")
        restore.setWordWrap(True)
        self.message = QLabel()
        self.message.setObjectName("backupMessage")
        self.message.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(now_box)
        lay.addWidget(daily_box)
        lay.addWidget(restore)
        lay.addWidget(self.message)
        lay.addWidget(buttons)
        self.resize(self.sizeHint().expandedTo(self.minimumSize()))
        self.passphrase.setFocus()

    # -- choosing places (the user's choice is the only place a backup is written) ---------
    def _choose_file(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the backup as"),
                                              self.target.text(),
                                              self.tr("Frontdesk backups (*.fdbackup)"))
        if path:
            self.target.setText(path)

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Folder for daily backups"),
                                                self.folder.text())
        if path:
            self.folder.setText(path)

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setObjectName("error" if error else "backupMessage")
        self.message.setStyleSheet("color: #a32020; font-weight: 600;" if error else
                                   "color: #1e6b3a; font-weight: 600;")
        self.message.setText(text)

    # -- back up now ---------------------------------------------------------------------
    def back_up_now(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        if self.passphrase.text() != self.passphrase2.text():
            self._say(self.tr("The two passphrases differ. Type the same passphrase twice."),
                      error=True)
            return
        try:
            passphrase = backup.check_passphrase(self.passphrase.text())
        except FrontdeskError as exc:
            self._say(say(exc), error=True)
            return
        target = Path(self.target.text().strip()).expanduser()
        store, actor = self.store, self.actor
        cancel = self._cancel = backup.Cancellation()
        self.now_button.setEnabled(False)
        self.progress.setVisible(True)
        self.cancel_button.setVisible(True)
        self._say(self.tr("Backing up… you can keep working in the main window."))
        self._thread = run_in_thread(
            self._bridge,
            lambda: backup.make_backup(store, actor, target, passphrase, cancel=cancel))

    def cancel_backup(self) -> None:
        if self._cancel is not None:
            self._cancel.cancel()

    def _finished(self, result: object) -> None:
        self.last_result = result
        self.now_button.setEnabled(True)
        self.progress.setVisible(False)
        self.cancel_button.setVisible(False)
        self._cancel = None
        self.passphrase.clear()
        self.passphrase2.clear()
        if isinstance(result, Path):
            self._say(self.tr("Backup written to {path}.").format(path=result))
        else:
            self._say(str(result), error=True)

    def wait(self, timeout: float = 60.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    # -- daily -----------------------------------------------------------------------------
    def save_settings(self) -> None:
        new_pass = self.daily_passphrase.text() or None
        try:
            saved = backup.set_backup_settings(
                self.store, self.actor, enabled=self.daily.isChecked(),
                folder=Path(self.folder.text().strip()).expanduser()
                if self.folder.text().strip() else None,
                keep=self.keep.value(), passphrase=new_pass)
        except FrontdeskError as exc:
            self._say(say(exc), error=True)
            return
        self.daily_passphrase.clear()
        self.daily_passphrase.setPlaceholderText(self.tr("kept in the keyring"))
        self._say(self.tr("Daily backup is on: the newest {n} are kept in {folder}.").format(
            n=saved.keep, folder=saved.folder) if saved.enabled
            else self.tr("Daily backup is off."))

    def done(self, result: int) -> None:
        self.cancel_backup()   # closing the dialog stops a backup still running
        self.wait()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.cancel_backup()
        self.wait()
        super().closeEvent(event)


class DailyBackupRunner(QObject):
    """Runs the daily backup at start, off the GUI thread; reports a sentence when done."""

    report = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._done)
        self.worker: threading.Thread | None = None

    def start(self, store: Store) -> None:
        self.worker = run_in_thread(self._bridge, lambda: backup.run_configured_backup(store))

    def _done(self, result: object) -> None:
        if isinstance(result, Path):
            self.report.emit(self.tr("Daily backup written to {path}.").format(path=result))
        elif isinstance(result, str):
            self.report.emit(self.tr("The daily backup failed: {why}").format(why=result))


class DailyBackups(QObject):
    """The daily backup of a running desk: asked for a moment after the desk is up, then
    every ``every_ms`` (an hour), each time off the GUI thread and only if it is due — a
    desk started at login (``frontdesk --background``) may run for weeks."""

    report = Signal(str)

    def __init__(self, store: Store, *, every_ms: int = 60 * 60_000,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner: DailyBackupRunner | None = None  # the newest backup's
        self.timer = QTimer(self)
        self.timer.setInterval(every_ms)
        self.timer.timeout.connect(self.run_if_due)

    def start(self, first_in_ms: int) -> None:
        QTimer.singleShot(first_in_ms, self.run_if_due)
        self.timer.start()

    def _writing(self) -> threading.Thread | None:
        worker = self.runner.worker if self.runner is not None else None
        return worker if worker is not None and worker.is_alive() else None

    def run_if_due(self) -> None:
        if self._writing() is not None:
            return  # the last one is still writing
        self.runner = DailyBackupRunner(self)
        self.runner.report.connect(self.report)
        self.runner.start(self.store)

    def stop(self) -> None:
        """No new backup, and wait for one being written (never close the store under it)."""
        self.timer.stop()
        worker = self._writing()
        if worker is not None:
            worker.join()


def open_backup(window: Any) -> None:
    """Manager ▸ Backup… (``window`` is the MainWindow: it holds ``store`` and ``actor``)."""
    if window.store is not None and window.actor is not None:
        BackupDialog(window.store, window.actor, window).exec()
