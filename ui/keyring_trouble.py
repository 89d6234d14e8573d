"""Keyring locked or missing at start: say so; offer Retry, the recovery passphrase, Quit.

There is no "open without the key" choice, because there is no such thing:
the store is encrypted and its key lives in the keyring (or, wrapped, behind
the recovery passphrase the first manager wrote down).
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import KeyMissingError, KeyringLockedError, KeyringUnavailableError
from ui.i18n import say


class ChoiceKind(Enum):
    RETRY = "retry"
    RECOVER = "recover"
    QUIT = "quit"


@dataclass(frozen=True)
class Choice:
    kind: ChoiceKind
    passphrase: str = ""


def is_keyring_trouble(error: Exception) -> bool:
    """The errors this dialog is for (others keep the plain Retry/Quit message)."""
    return isinstance(error, KeyringLockedError | KeyringUnavailableError | KeyMissingError)


def headline(error: Exception) -> str:
    # Literal strings inside translate() calls, so pyside6-lupdate extracts them.
    if isinstance(error, KeyringLockedError):
        return QCoreApplication.translate("KeyringTroubleDialog", "The keyring is locked")
    if isinstance(error, KeyMissingError):
        return QCoreApplication.translate("KeyringTroubleDialog",
                                          "The keyring does not have this store's key")
    if isinstance(error, KeyringUnavailableError):
        return QCoreApplication.translate("KeyringTroubleDialog", "No keyring is available")
    return QCoreApplication.translate("KeyringTroubleDialog",
                                      "The recovery passphrase did not work")


def explanation(error: Exception) -> str:
    """Plain words for the desk; the technical sentence is the error itself."""
    if isinstance(error, KeyringLockedError):
        return QCoreApplication.translate(
            "KeyringTroubleDialog",
            "Frontdesk keeps the key to its encrypted store in this computer's keyring, "
            "and the keyring is locked or refused to hand it out. Unlock it (sign in to "
            "the desktop again, or enter the keyring password when asked) and choose "
            "Retry.")
    if isinstance(error, KeyMissingError):
        return QCoreApplication.translate(
            "KeyringTroubleDialog",
            "The keyring has no key for this store. Perhaps the store was copied from "
            "another computer, or the keyring was reset.")
    if isinstance(error, KeyringUnavailableError):
        return QCoreApplication.translate(
            "KeyringTroubleDialog",
            "No safe keyring is running on this computer, so Frontdesk cannot get the "
            "key to its encrypted store. Start one (on Debian: install gnome-keyring and "
            "sign in again) and choose Retry.")
    return say(error)


class KeyringTroubleDialog(QDialog):
    """Page 1: what happened + Retry / Use recovery passphrase… / Quit. Page 2: the passphrase."""

    def __init__(self, error: Exception, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.choice = Choice(ChoiceKind.QUIT)
        self.setWindowTitle(self.tr("Frontdesk cannot get its key"))
        self.setMinimumWidth(560)
        self.pages = QStackedWidget()

        # -- page 1: the message
        first = QWidget()
        title = QLabel(headline(error))
        title.setObjectName("pageTitle")
        text = QLabel(explanation(error) + "\n\n" + self.tr(
            "Your guests' data stays encrypted and closed without its key; there is no way "
            "around that. You can also use the recovery passphrase that was shown once when "
            "this store was set up."))
        text.setObjectName("troubleText")
        text.setWordWrap(True)
        self.retry = QPushButton(self.tr("&Retry"))
        self.retry.setObjectName("retry")
        self.retry.setDefault(True)
        self.use_recovery = QPushButton(self.tr("Use r&ecovery passphrase…"))
        self.use_recovery.setObjectName("useRecovery")
        self.quit = QPushButton(self.tr("&Quit"))
        self.quit.setObjectName("quit")
        self.retry.clicked.connect(lambda: self._finish(Choice(ChoiceKind.RETRY)))
        self.use_recovery.clicked.connect(self._ask_passphrase)
        self.quit.clicked.connect(lambda: self._finish(Choice(ChoiceKind.QUIT)))
        row = QHBoxLayout()
        row.addWidget(self.quit)
        row.addStretch(1)
        row.addWidget(self.use_recovery)
        row.addWidget(self.retry)
        lay = QVBoxLayout(first)
        lay.addWidget(title)
        lay.addWidget(text)
        lay.addStretch(1)
        lay.addLayout(row)

        # -- page 2: the recovery passphrase
        second = QWidget()
        ask = QLabel(self.tr(
            "Type the recovery passphrase (six groups of four letters and digits; case and "
            "dashes do not matter). Frontdesk will put the key back in the keyring when it "
            "can, so the next start is normal."))
        ask.setWordWrap(True)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("recoveryPassphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.passphrase.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX")
        self.passphrase.returnPressed.connect(self._recover)
        self.open_button = QPushButton(self.tr("&Open the store"))
        self.open_button.setObjectName("openWithRecovery")
        self.open_button.clicked.connect(self._recover)
        back = QPushButton(self.tr("&Back"))
        back.clicked.connect(lambda: self._show_page(0))
        row2 = QHBoxLayout()
        row2.addWidget(back)
        row2.addStretch(1)
        row2.addWidget(self.open_button)
        lay2 = QVBoxLayout(second)
        lay2.addWidget(ask)
        lay2.addWidget(self.passphrase)
        lay2.addStretch(1)
        lay2.addLayout(row2)

        self.pages.addWidget(first)
        self.pages.addWidget(second)
        outer = QVBoxLayout(self)
        outer.addWidget(self.pages)
        self.setMinimumHeight(300)
        self.retry.setFocus()

    def _show_page(self, index: int) -> None:
        self.pages.setCurrentIndex(index)
        (self.passphrase if index == 1 else self.retry).setFocus()
        for button in (self.retry, self.open_button):
            button.setDefault(False)
        (self.open_button if index == 1 else self.retry).setDefault(True)

    def _ask_passphrase(self) -> None:
        self._show_page(1)

    def _recover(self) -> None:
        if self.passphrase.text().strip():
            self._finish(Choice(ChoiceKind.RECOVER, self.passphrase.text()))

    def _finish(self, choice: Choice) -> None:
        self.choice = choice
        self.accept()

    def reject(self) -> None:   # Esc / window close: quitting is the safe answer
        self.choice = Choice(ChoiceKind.QUIT)
        super().reject()


def ask_keyring_trouble(error: Exception, parent: QWidget | None = None) -> Choice:
    """Show the dialog modally and return what the person chose."""
    dialog = KeyringTroubleDialog(error, parent)
    dialog.exec()
    choice = dialog.choice
    dialog.deleteLater()
    return choice


def show_recovery_passphrase(passphrase: str, parent: QWidget | None = None, *,
                             wait: bool = True) -> QWidget:
    """Show a new recovery passphrase once (first manager on first run, after a restore).

    For the first-run flow: ``app.recovery.set_up_recovery(store, actor)`` returns it
    for a keyring store; it is never shown or stored again.
    """
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Information)
    box.setWindowTitle(box.tr("Your recovery passphrase"))
    box.setText(box.tr("Write this recovery passphrase down and lock it away. It is shown "
                       "only this once."))
    box.setInformativeText(
        f"{passphrase}\n\n" + box.tr(
            "If this computer's keyring is ever locked or lost, it opens the store. Without "
            "it (or a backup and its passphrase) nobody can open the store."))
    box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if wait:
        box.exec()
    else:  # first run: window-modal over the desk, without blocking the event loop
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
    return box
