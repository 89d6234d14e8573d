"""The vocabulary screen: usage counts, reword, retention and both ways of retiring."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QGroupBox, QWidget
from pytestqt.qtbot import QtBot

from app import guests, labels, venue_settings
from app.domain import LabelStatus, RemovalReason, Sensitivity, Source
from app.guest_wording import render_label
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor
from tests.ui.desk_helpers import Modals, audit_actions, modals  # noqa: F401
from tests.ui.vocabulary_helpers import answer
from ui import theme
from ui.proposal_form import ProposalDialog
from ui.vocabulary_admin import RetentionDialog, RetireDialog, VocabularyDialog
from ui.wording_settings import WordingSettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

WORDING = "Prefers to be addressed by first name"
T0 = dt.datetime(2026, 3, 1, 9)


def _screen(qtbot: QtBot, store: Store, manager: Actor) -> VocabularyDialog:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    dialog = VocabularyDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _carry(store: Store, actor: Actor, n: int) -> tuple[int, list[int]]:
    lid = next(lb.id for lb in labels.approved_labels(store, actor)
               if lb.staff_wording == WORDING)
    gids = []
    for i in range(n):
        g = guests.create_guest(store, actor, GuestFields(f"Guest Number{i}"))
        labels.assign_label(store, actor, g.id, lid, Source.GUEST_TOLD, now=T0)
        gids.append(g.id)
    return lid, gids


def _find(qtbot: QtBot, dialog: VocabularyDialog) -> None:
    qtbot.keyClicks(dialog.filter, "first name")
    assert dialog.model.rowCount() == 1
    dialog.table.selectRow(0)
    assert dialog.current() is not None


def test_usage_and_retire_now(qtbot: QtBot, store: Store, manager: Actor,
                              receptionist: Actor, modals: Modals) -> None:  # noqa: F811
    lid, gids = _carry(store, receptionist, 2)
    dialog = _screen(qtbot, store, manager)
    _find(qtbot, dialog)
    assert dialog.model.index(0, dialog.model.GUESTS).data() == "2"

    def choose_now(d: QWidget) -> None:
        assert isinstance(d, RetireDialog)
        assert not d.ok.isEnabled()  # nothing pre-selected: the manager must choose
        qtbot.mouseClick(d.now, Qt.MouseButton.LeftButton, pos=QPoint(10, d.now.height() // 2))
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    modals.then(choose_now)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert modals.done()
    assert dialog.model.index(0, dialog.model.STATUS).data() == "retired"
    assert dialog.model.index(0, dialog.model.GUESTS).data() == "0"
    assert not dialog.retire_button.isEnabled()
    for gid in gids:
        card = guests.open_card(store, receptionist, gid)
        assert card.assignments == ()
        assert card.removed[0].removal_reason == RemovalReason.LABEL_RETIRED
    assert lid not in {lb.id for lb in labels.approved_labels(store, receptionist)}
    assert audit_actions(store, "label.retired") == ["label.retired"]


def test_retire_and_let_run_out(qtbot: QtBot, store: Store, manager: Actor,
                                receptionist: Actor, modals: Modals) -> None:  # noqa: F811
    lid, gids = _carry(store, receptionist, 1)
    dialog = _screen(qtbot, store, manager)
    _find(qtbot, dialog)

    def run_out(d: QWidget) -> None:
        assert isinstance(d, RetireDialog)
        qtbot.mouseClick(d.run_out, Qt.MouseButton.LeftButton,
                         pos=QPoint(10, d.run_out.height() // 2))
        qtbot.mouseClick(d.ok, Qt.MouseButton.LeftButton)

    modals.then(run_out)
    qtbot.mouseClick(dialog.retire_button, Qt.MouseButton.LeftButton)
    assert modals.done()
    card = guests.open_card(store, receptionist, gids[0])
    (a,) = card.assignments
    assert a.label.status == LabelStatus.RETIRED
    assert a.expires_at == T0 + dt.timedelta(days=a.label.retention_days)
    assert dialog.model.index(0, dialog.model.GUESTS).data() == "1"
    assert lid not in {lb.id for lb in labels.approved_labels(store, receptionist)}


def test_retention_change_from_the_screen(qtbot: QtBot, store: Store, manager: Actor,
                                          receptionist: Actor,
                                          modals: Modals) -> None:  # noqa: F811
    _lid, gids = _carry(store, receptionist, 2)
    dialog = _screen(qtbot, store, manager)
    _find(qtbot, dialog)

    def shorten(d: QWidget) -> None:
        assert isinstance(d, RetentionDialog)
        d.days.selectAll()
        qtbot.keyClicks(d.days, "90")
        qtbot.keyClick(d.days, Qt.Key.Key_Return)

    modals.then(shorten)
    qtbot.mouseClick(dialog.retention_button, Qt.MouseButton.LeftButton)
    assert modals.done()
    assert "2 guest label(s)" in dialog.status.text()
    for gid in gids:
        (a,) = guests.open_card(store, receptionist, gid).assignments
        assert a.expires_at == T0 + dt.timedelta(days=90)
    assert dialog.model.index(0, dialog.model.KEPT).data() == "90 days"


def test_reword_is_checked_and_shown_to_the_guest(qtbot: QtBot, store: Store, manager: Actor,
                                                  receptionist: Actor,
                                                  modals: Modals) -> None:  # noqa: F811
    _lid, gids = _carry(store, receptionist, 1)
    dialog = _screen(qtbot, store, manager)
    _find(qtbot, dialog)
    seen: dict[str, bool] = {}

    def reword(d: QWidget) -> None:
        assert isinstance(d, ProposalDialog)
        assert not d.special.isVisible() and not d.retention.isEnabled()
        d.guest_en.setFocus()
        d.guest_en.selectAll()
        qtbot.keyClicks(d.guest_en, "You like us to use your first name, a VIP touch.")
        d.run_checks()
        seen["blocked"] = not d.send_button.isEnabled()
        d.guest_en.selectAll()
        qtbot.keyClicks(d.guest_en, "You like us to use your first name.")
        d.run_checks()
        seen["needs_answer"] = not d.send_button.isEnabled()
        answer(qtbot, d.question, "health")  # a normal label cannot become health
        seen["health_refused"] = not d.send_button.isEnabled()
        answer(qtbot, d.question, "none")
        qtbot.waitUntil(d.send_button.isEnabled)
        qtbot.mouseClick(d.send_button, Qt.MouseButton.LeftButton)

    modals.then(reword)
    qtbot.mouseClick(dialog.reword_button, Qt.MouseButton.LeftButton)
    assert modals.done() and seen["blocked"] and seen["needs_answer"]
    assert seen["health_refused"]
    (a,) = guests.open_card(store, receptionist, gids[0]).assignments
    assert render_label(a.label, "en").wording == "You like us to use your first name."
    assert a.label.sensitivity == Sensitivity.NORMAL
    assert dialog.previews["en"].wording.text() == "You like us to use your first name."
    assert audit_actions(store, "label.reworded") == ["label.reworded"]
    assert audit_actions(store, "label.special_answer") == ["label.special_answer"]


def test_desk_roles_get_nothing(qtbot: QtBot, store: Store, manager: Actor,
                                host: Actor) -> None:
    dialog = _screen(qtbot, store, host)
    assert dialog.model.rowCount() == 0
    assert "ask a manager" in dialog.status.text()


def test_wording_settings_extend_the_checks(qtbot: QtBot, store: Store, manager: Actor,
                                            tmp_path: Path,
                                            modals: Modals) -> None:  # noqa: F811
    rules = tmp_path / "house.toml"
    rules.write_text('[[group]]\nname = "value_ranking"\nphrases = ["platinum guest"]\n',
                     encoding="utf-8")
    dialog = _screen(qtbot, store, manager)

    def fill(d: QWidget) -> None:
        assert isinstance(d, WordingSettingsDialog)
        qtbot.keyClicks(d.path, str(rules))
        d.language.setCurrentIndex(d.language.findData("nl"))
        qtbot.keyClick(d.path, Qt.Key.Key_Return)

    modals.then(fill)
    qtbot.mouseClick(dialog.settings_button, Qt.MouseButton.LeftButton)
    assert modals.done()
    assert venue_settings.wording_rules_path(store) == rules
    assert venue_settings.default_language(store) == "nl"
    form = ProposalDialog(store, manager)
    qtbot.addWidget(form)
    qtbot.keyClicks(form.staff_wording, "Platinum guest")
    form.run_checks()
    assert not form.send_button.isEnabled()
    # the default language is required, named in the reader's language (English here)
    assert "Dutch — required" in [g.title() for g in form.findChildren(QGroupBox)]


def test_my_proposals_from_the_desk_menu(qtbot: QtBot, store: Store, manager: Actor,
                                         receptionist: Actor,
                                         modals: Modals) -> None:  # noqa: F811
    from tests.ui.desk_helpers import make_window, sign_in
    from ui.my_proposals import MyProposalsDialog

    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", "3917")
    assert not window.manager_menu.menuAction().isVisible()
    action = next(a for m in window.menuBar().actions() if m.menu() is not None
                  for a in m.menu().actions() if a.text() == "My &proposals…")  # type: ignore[union-attr]
    seen: list[str] = []

    def look(d: QWidget) -> None:
        assert isinstance(d, MyProposalsDialog)
        seen.append(d.body.message.text())
        qtbot.keyClick(d, Qt.Key.Key_Escape)

    modals.then(look)
    action.trigger()
    assert seen and "not proposed any labels" in seen[0]
