"""Own blocked words edited in a dialog (Manager ▸ Own words…) block a proposal at once."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import own_words, vocabulary
from app.domain import Category, Sensitivity
from app.errors import PermissionDenied, ValidationError
from app.opening import Store
from app.views import Actor, Wording
from tests.ui.desk_helpers import audit_actions
from ui.own_words_dialog import OwnWordsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def draft(text: str) -> vocabulary.LabelDraft:
    return vocabulary.LabelDraft(Category.RECOGNITION, text, Sensitivity.NORMAL, 365,
                                 (Wording("en", f"You are a {text}.", "So we greet you."),))


def test_words_typed_in_the_dialog_block_a_proposal(
        qtbot: QtBot, store: Store, manager: Actor) -> None:
    assert not vocabulary.check_draft(store, draft("Platinum guest")).blocking
    dialog = OwnWordsDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.phrase, "platinum guest")
    qtbot.keyClick(dialog.phrase, Qt.Key.Key_Return)  # Enter adds it (Block)
    qtbot.keyClicks(dialog.phrase, "regular*")
    dialog.severity.setCurrentIndex(dialog.severity.findData(own_words.WARN))
    qtbot.keyClick(dialog.phrase, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.phrase, "   ")
    qtbot.keyClick(dialog.phrase, Qt.Key.Key_Return)  # nothing typed: nothing added
    assert [(w.phrase, w.severity) for w in dialog.words()] == [
        ("platinum guest", "block"), ("regular*", "warn")]
    dialog.save()
    assert dialog.result() == dialog.DialogCode.Accepted
    blocked = vocabulary.check_draft(store, draft("Platinum guest"))
    assert blocked.blocking
    assert vocabulary.check_draft(store, draft("Regulars table")).warnings
    assert audit_actions(store, "vocabulary.own_words_changed") == [
        "vocabulary.own_words_changed"]
    again = OwnWordsDialog(store, manager)  # opens with what was saved
    qtbot.addWidget(again)
    assert [w.phrase for w in again.words()] == ["platinum guest", "regular*"]


def test_a_bad_phrase_gets_a_message_and_desk_staff_cannot_save(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    with pytest.raises(ValidationError, match="invisible"):
        own_words.check_phrase("big\u200bspender")
    with pytest.raises(ValidationError, match="longer than 80"):
        own_words.check_phrase("word " * 30)
    with pytest.raises(PermissionDenied):
        own_words.save_own_words(store, receptionist, [own_words.OwnWord("vip", "block")])
