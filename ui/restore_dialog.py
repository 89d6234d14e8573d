"""Manager ▸ Restore from a backup…: the same checks as ``frontdesk restore``, from the GUI.

``app.backup.restore_backup`` does the work the command line does: the backup is opened
with its passphrase, integrity-checked and its audit chain verified *before* anything is
replaced; the replaced store is kept beside it; guests erased since the backup are erased
again, and when this computer has no record of such erasures the person is asked first
(``ErasuresUnknownError``; "Restore anyway" calls again with ``accept_unknown_erasures``).

Restoring replaces the store this window has open, so everyone is signed out and the
store is closed first; the work runs off the GUI thread. If it fails, the old store —
unchanged — is opened again and the reason is shown.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import backup, staff
from app.errors import BackupFileError, ErasuresUnknownError, FrontdeskError
from app.opening import open_store
from ui.i18n import say
from ui.main import StoreLocation


def tr(text: str) -> str:
    return QCoreApplication.translate("RestoreDialog", text)


class RestoreDialog(QDialog):
    """Choose the backup and type its passphrase; the backup's date is shown once chosen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from a backup"))
        self.setMinimumWidth(640)
        intro = QLabel(self.tr(
            "Restoring replaces everything in this store with the backup. The backup is "
            "checked first (passphrase, integrity, audit log); if a check fails nothing is "
            "replaced. The current store is kept beside it. Everyone is signed out."))
        intro.setWordWrap(True)
        self.file = QLineEdit()
        self.file.setObjectName("restoreFile")
        self.file.setPlaceholderText(self.tr("a .fdbackup file"))
        choose = QPushButton(self.tr("&Choose…"))
        choose.clicked.connect(self._choose)
        row = QHBoxLayout()
        row.addWidget(self.file, 1)
        row.addWidget(choose)
        self.made = QLabel()
        self.made.setObjectName("hint")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("restorePassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("&Backup:"), row)
        form.addRow("", self.made)
        form.addRow(self.tr("&Passphrase:"), self.passphrase)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = buttons.addButton(self.tr("&Restore"),
                                                QDialogButtonBox.ButtonRole.AcceptRole)
        self.restore_button.setObjectName("confirmRestore")
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.file.editingFinished.connect(self._inspect)
        self.file.setFocus()

    def _choose(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Choose the backup"), self.file.text() or str(Path.home()),
            self.tr("Frontdesk backups (*.fdbackup);;All files (*)"))
        if path:
            self.file.setText(path)
            self._inspect()
            self.passphrase.setFocus()

    def _inspect(self) -> bool:
        """Read the backup's plain header (its date) without the passphrase."""
        self.made.clear()
        self.error.clear()
        text = self.file.text().strip()
        if not text:
            return False
        try:
            header = backup.inspect_backup(Path(text).expanduser())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return False
        self.made.setText(self.tr("Backup made {when}").format(when=str(header.created_at)))
        return True

    def _check(self) -> None:
        if not self._inspect():
            if not self.error.text():
                self.error.setText(self.tr("Choose the backup file first."))
            self.file.setFocus()
            return
        if not self.passphrase.text():
            self.error.setText(self.tr("Type the backup's passphrase."))
            self.passphrase.setFocus()
            return
        self.accept()

    def chosen(self) -> tuple[Path, str]:
        return Path(self.file.text().strip()).expanduser(), self.passphrase.text()


class _Bridge(QObject):
    finished = Signal(object)  # RestoreResult | FrontdeskError


def _run(work: Any) -> object:
    """Run ``work`` off the GUI thread with a busy dialog; return its result or error."""
    bridge = _Bridge()
    box: dict[str, object] = {}
    progress = QProgressDialog(tr("Checking and restoring the backup…"), "",
                               0, 0)
    progress.setObjectName("restoreProgress")
    progress.setCancelButton(None)  # cannot stop half-way
    progress.setWindowModality(Qt.WindowModality.ApplicationModal)
    progress.setMinimumDuration(0)
    bridge.finished.connect(lambda result: (box.update(result=result), progress.close()))

    def target() -> None:
        result: object
        try:
            result = work()
        except FrontdeskError as exc:
            result = exc
        except OSError as exc:
            result = BackupFileError(str(exc))
        bridge.finished.emit(result)

    thread = threading.Thread(target=target, name="frontdesk-restore", daemon=True)
    thread.start()
    if "result" not in box:
        progress.exec()
    thread.join()
    return box.get("result")


def restore_from_gui(window: Any) -> None:
    """The whole flow for the MainWindow ``window`` (Manager ▸ Restore from a backup…)."""
    location: StoreLocation | None = getattr(window, "store_location", None)
    if location is None or window.store is None or window.actor is None:
        QMessageBox.information(window, tr("Restore"), tr(
            "This store cannot be restored from here (a demo or shared store). On the "
            "computer that keeps the store, use: frontdesk restore --from FILE"))
        return
    dialog = RestoreDialog(window)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    source, passphrase = dialog.chosen()
    try:   # trust-auth: the manager is checked now and carried over to the backup's staff
        grant = staff.restore_grant(window.store, window.actor)
    except FrontdeskError as exc:
        QMessageBox.warning(window, tr("Restore"), say(exc))
        return
    window.sign_out()
    window.store.close()
    window.store = None

    def attempt(accept_unknown: bool) -> object:
        return _run(lambda: backup.restore_backup(
            source, passphrase, location.data_dir, location.key_source, grant,
            accept_unknown_erasures=accept_unknown))

    result = attempt(False)
    if isinstance(result, ErasuresUnknownError):
        answer = QMessageBox.question(
            window, tr("Restore anyway?"), say(result),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer == QMessageBox.StandardButton.Yes:
            result = attempt(True)
    if isinstance(result, backup.RestoreResult):
        window.set_store(result.store)
        lines = [tr("The backup was restored: integrity check passed, {n} audit "
                           "events verified. Sign in again.").format(n=result.audit_events)]
        if result.erased_again:
            lines.append(tr("{n} guest(s) who asked to be erased after this backup "
                            "was made were erased again.").format(n=result.erased_again))
        if not result.erasures_known:
            lines.append(tr("This computer had no record of erasures since the "
                                   "backup: any guest erased since then is back, and must "
                                   "be erased again."))
        if result.previous is not None:
            lines.append(tr("The store it replaced is kept in {folder}.").format(
                folder=str(result.previous)))
        QMessageBox.information(window, tr("Restored"), "\n\n".join(lines))
        if result.recovery_passphrase:
            from ui.keyring_trouble import show_recovery_passphrase

            window.recovery_box = show_recovery_passphrase(result.recovery_passphrase,
                                                           window, wait=False)
        return
    # Nothing was replaced: open the store as it was, and say why.
    try:
        window.set_store(open_store(location.data_dir, location.key_source, create=False))
    except FrontdeskError as exc:
        QMessageBox.critical(window, tr("The store did not open"), say(exc))
        return
    if result is None or isinstance(result, ErasuresUnknownError):
        message = tr("Nothing was restored.")
    else:
        message = say(result)
    QMessageBox.warning(window, tr("Not restored"), message)
