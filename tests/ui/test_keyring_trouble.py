"""Keyring locked at start: plain words, Retry, the recovery passphrase, Quit — never a fallback."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget
from pytestqt.qtbot import QtBot

from app import guests, recovery
from app.errors import KeyringLockedError
from app.guests import GuestFields
from app.opening import KeyringKey
from app.views import Actor
from storage.store import Store
from tests.keyrings import MemoryKeyring
from tests.ui.desk_helpers import Modals, key, modals, open_as_the_desk, type_text
from ui.keyring_trouble import ChoiceKind, KeyringTroubleDialog

__all__ = ["modals"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def phrase(store: Store, manager: Actor, isolated: MemoryKeyring) -> str:
    guests.create_guest(store, manager, GuestFields("Ada Lovelace"))
    p = recovery.set_up_recovery(store, manager)
    store.close()
    isolated.locked = True
    return p


def text_of(dialog: QWidget) -> str:
    label = dialog.findChild(QLabel, "troubleText")
    assert label is not None
    return label.text()


def test_recovery_passphrase_opens_the_store(qtbot: QtBot, phrase: str, data_dir: Path,
                                             modals: Modals) -> None:
    seen: list[str] = []

    def use_recovery(dialog: QWidget) -> None:
        seen.append(text_of(dialog))
        key(qtbot, dialog, Qt.Key.Key_E, ALT)   # "Use r&ecovery passphrase…"
        field = dialog.findChild(QWidget, "recoveryPassphrase")
        assert field is not None
        qtbot.waitUntil(field.isVisible)
        type_text(field, "not-the-right-one")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    def again(dialog: QWidget) -> None:   # the wrong passphrase is named, then the right one
        seen.append(text_of(dialog))
        key(qtbot, dialog, Qt.Key.Key_E, ALT)
        field = dialog.findChild(QWidget, "recoveryPassphrase")
        assert field is not None
        qtbot.waitUntil(field.isVisible)
        type_text(field, phrase.lower())
        qtbot.keyClick(field, Qt.Key.Key_Return)

    modals.then(use_recovery).then(again)
    store = open_as_the_desk(qtbot, None, data_dir, KeyringKey())
    assert store is not None
    try:
        assert guests.guest_count(store) == 1
    finally:
        store.close()
    assert "keyring is locked" in seen[0]
    assert "does not open this store" in seen[1]


def test_retry_after_unlocking(qtbot: QtBot, phrase: str, data_dir: Path, modals: Modals,
                               isolated: MemoryKeyring) -> None:
    def unlock_and_retry(dialog: QWidget) -> None:
        isolated.locked = False
        qtbot.keyClick(dialog, Qt.Key.Key_Return)   # Retry is the default

    modals.then(unlock_and_retry)
    store = open_as_the_desk(qtbot, None, data_dir, KeyringKey())
    assert store is not None
    store.close()


def test_quit_and_escape_open_nothing(qtbot: QtBot, phrase: str, data_dir: Path,
                                      modals: Modals) -> None:
    modals.then(lambda d: qtbot.keyClick(d, Qt.Key.Key_Escape))
    assert open_as_the_desk(qtbot, None, data_dir, KeyringKey()) is None
    dialog = KeyringTroubleDialog(KeyringLockedError("The system keyring is locked."))
    qtbot.addWidget(dialog)
    dialog.quit.click()
    assert dialog.choice.kind is ChoiceKind.QUIT
    # The dialog offers exactly these ways on: no "continue without the key".
    names = {b.text() for b in dialog.findChildren(type(dialog.quit))}
    assert names == {"&Retry", "Use r&ecovery passphrase…", "&Quit", "&Open the store",
                     "&Back"}
