"""The erase dialog says an erasure is not finished when a reader holds the WAL, and stays open.

Issue 12 item 4, at the desk: the same failure the command line reports with a
non-zero exit (tests/test_erasure_sticks.py) is shown in the dialog, which stays
open; a real second SQLCipher connection holds the read.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import guests, visits
from app.guests import GuestFields
from app.views import Actor
from storage.models import VisitKind
from storage.store import Store
from tests.conftest import MANAGER_PIN
from tests.test_erasure_sticks import _hold_the_wal

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def test_the_erase_dialog_says_not_finished_while_a_reader_holds_the_wal(
        qtbot: QtBot, store: Store, manager: Actor) -> None:
    from ui.retention_view import EraseGuestDialog, RetentionDialog

    g = guests.create_guest(store, manager, GuestFields("Piet Past"))
    visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2022, 5, 1, 15))
    review = RetentionDialog(store, manager, now=dt.datetime(2026, 6, 1, 9))
    qtbot.addWidget(review)
    erase = EraseGuestDialog(store, manager, review.candidates[0].guest, review)
    qtbot.addWidget(erase)
    erase.show()
    reader = _hold_the_wal(store)
    try:
        qtbot.keyClicks(erase.pin, MANAGER_PIN)
        qtbot.keyClick(erase.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda: bool(erase.error.text()) or erase.result_info is not None,
                        timeout=30_000)
    finally:
        reader.close()
    assert erase.result_info is None, erase.error.text()
    assert erase.result() != erase.DialogCode.Accepted, erase.error.text()
    assert "not tell the guest it is done" in erase.error.text()
    assert guests.find_guests(store, manager, "Piet") == []   # the rows are gone …
    store.close()   # … and the next open finishes the scrub (tests/test_erasure_sticks.py)
