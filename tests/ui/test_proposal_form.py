"""The proposal form: checks while typing, blocked wording unsendable, health flag, mine."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import vocabulary
from app.domain import LabelStatus, Sensitivity
from app.opening import Store
from app.views import Actor
from tests.ui.desk_helpers import audit_actions, type_text
from ui import theme
from ui.my_proposals import MyProposalsDialog
from ui.proposal_form import ProposalDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _form(qtbot: QtBot, store: Store, actor: Actor) -> ProposalDialog:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    dialog = ProposalDialog(store, actor)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_judgement_is_highlighted_and_cannot_be_sent(qtbot: QtBot, store: Store,
                                                     manager: Actor, receptionist: Actor) -> None:
    form = _form(qtbot, store, receptionist)
    qtbot.keyClicks(form.staff_wording, "Big spender, likes the sea view")
    qtbot.waitUntil(lambda: not form.send_button.isEnabled())
    (sel, *_) = form.staff_wording.extraSelections()
    assert (sel.cursor.selectionStart(), sel.cursor.selectionEnd()) == (0, len("Big spender"))
    assert "money or spending" in form.staff_note.text()
    assert "judges a person" in form.status.text()
    qtbot.keyClick(form.staff_wording, Qt.Key.Key_Return)  # Enter does not send it
    assert form.isVisible()
    assert vocabulary.my_proposals(store, receptionist) == []
    assert audit_actions(store, "label.proposed") == []


def test_health_words_are_fixed_by_ticking_health(qtbot: QtBot, store: Store,
                                                  manager: Actor, host: Actor) -> None:
    form = _form(qtbot, store, host)
    qtbot.keyClicks(form.staff_wording, "Nut allergy")
    qtbot.keyClicks(form.guest_en, "You told us you are allergic to nuts.")
    qtbot.keyClicks(form.purpose_en, "So the kitchen keeps nuts off your plate.")
    type_text(form.fields[("guest", "nl")], "U bent allergisch voor noten.")
    type_text(form.fields[("purpose", "nl")], "Zodat de keuken noten van uw bord weert.")
    form.run_checks()
    assert not form.send_button.isEnabled()
    assert "Health information" in form.status.text()
    qtbot.mouseClick(form.special, Qt.MouseButton.LeftButton,
                     pos=QPoint(10, form.special.height() // 2))
    assert form.special.isChecked() and form.send_button.isEnabled()
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    assert form.result() == form.DialogCode.Accepted
    (mine,) = vocabulary.my_proposals(store, host)
    assert mine.sensitivity == Sensitivity.SPECIAL and mine.status == LabelStatus.PROPOSED
    assert {w.language for w in mine.wordings} == {"en", "nl"}


def test_clean_proposal_is_sent_and_listed_in_my_proposals(
        qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor) -> None:
    form = _form(qtbot, store, receptionist)
    qtbot.keyClicks(form.staff_wording, "Likes a newspaper at breakfast")
    qtbot.keyClicks(form.guest_en, "You like a newspaper with breakfast.")
    qtbot.keyClicks(form.purpose_en, "So it is on your table when you sit down.")
    qtbot.waitUntil(lambda: "found nothing" in form.status.text())
    qtbot.keyClick(form.purpose_en, Qt.Key.Key_Return)  # Enter sends (default button)
    assert form.result() == form.DialogCode.Accepted
    assert audit_actions(store, "label.proposed") == ["label.proposed"]
    mine = MyProposalsDialog(store, receptionist)
    qtbot.addWidget(mine)
    assert mine.model.rowCount() == 1
    assert mine.model.index(0, 0).data() == "Waiting for review"
    vocabulary.approve_label(store, manager, mine.model.rows()[0].id, answer="none")
    mine.reload()
    assert mine.model.index(0, 0).data() == "Approved"


def test_missing_default_language_wording_is_explained(qtbot: QtBot, store: Store,
                                                       manager: Actor, host: Actor) -> None:
    form = _form(qtbot, store, host)
    qtbot.keyClicks(form.staff_wording, "Likes oat milk")
    type_text(form.fields[("guest", "nl")], "U drinkt graag havermelk.")
    type_text(form.fields[("purpose", "nl")], "Zodat we die klaar hebben.")
    form.run_checks()
    qtbot.mouseClick(form.send_button, Qt.MouseButton.LeftButton)
    assert form.isVisible()
    assert "Guest wording (English) is required" in form.error.text()
    assert vocabulary.my_proposals(store, host) == []
