"""The review queue driven through its real widgets (pytest-qt): mouse clicks and keys."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QDialog, QPushButton, QWidget
from pytestqt.qtbot import QtBot

from app import demo, errors, staff, vocabulary, vocabulary_admin
from app.domain import Category, LabelStatus, Role, Sensitivity
from app.guest_wording import render_label
from app.opening import Store
from app.views import Actor, Wording
from tests.ui.desk_helpers import Modals, audit_actions, modals  # noqa: F401
from tests.ui.vocabulary_helpers import answer
from ui import theme
from ui.label_picker import LabelPicker
from ui.my_proposals import MyProposalsDialog
from ui.proposal_form import ProposalDialog
from ui.reject_dialog import RejectDialog
from ui.review_queue import ReviewQueueDialog

BLOCKED = "Big spender – alert the manager"
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

CLEAN = "Prefers sparkling water on the table"
ITALIAN = "Likes to be greeted in Italian"


@pytest.fixture
def demo_store(store_from_template: Callable[[str, Callable[[Store], object]], Store]
               ) -> Store:
    """``build_demo(store, guests=12)`` on a new store: a copy of one built once per run."""
    return store_from_template("demo:12", lambda s: demo.build_demo(s, guests=12))


def _actor(store: Store, name: str) -> Actor:
    pin = next(p for n, _, p in demo.DEMO_STAFF if n == name)
    return staff.sign_in_by_name(store, name, pin)


@pytest.fixture
def eva(demo_store: Store) -> Actor:
    return _actor(demo_store, "Eva Visser")


@pytest.fixture
def queue(qtbot: QtBot, demo_store: Store, eva: Actor) -> Iterator[ReviewQueueDialog]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    dialog = ReviewQueueDialog(demo_store, eva)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    yield dialog
    dialog.close()


def click_row(qtbot: QtBot, dialog: ReviewQueueDialog, staff_wording: str) -> None:
    rows = [r.label.staff_wording for r in dialog.model.rows()]
    row = rows.index(staff_wording)
    rect = dialog.table.visualRect(dialog.model.index(row, 1))
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert dialog.current() is not None
    assert dialog.current().label.staff_wording == staff_wording  # type: ignore[union-attr]


def click(qtbot: QtBot, button: QPushButton) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def status_of(store: Store, eva: Actor, wording: str) -> LabelStatus | None:
    for lb in vocabulary.pending_proposals(store, eva):
        if lb.staff_wording == wording:
            return lb.status
    from app import vocabulary_admin

    for u in vocabulary_admin.label_overview(store, eva):
        if u.label.staff_wording == wording:
            return u.label.status
    return None


def test_blocked_demo_proposal_cannot_be_approved(qtbot: QtBot, queue: ReviewQueueDialog,
                                                  demo_store: Store, eva: Actor) -> None:
    assert queue.model.rowCount() == 3
    click_row(qtbot, queue, BLOCKED)
    assert not queue.approve_button.isEnabled()
    assert "block" in queue.why.text()
    assert "money or spending" in queue.detail.check_text.text()
    # The preview is the Show-guest rendering, in both languages.
    label = queue.current().label  # type: ignore[union-attr]
    assert queue.detail.previews["en"].wording.text() == render_label(label, "en").wording
    assert queue.detail.previews["nl"].title.text() == render_label(label, "nl").category_title
    # The mnemonic does nothing while disabled, and the app refuses on its own.
    qtbot.keyClick(queue, Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    queue.approve()
    with pytest.raises(errors.WordingBlocked, match="money or spending"):
        vocabulary.approve_label(demo_store, eva, label.id, acknowledge_warnings=True,
                                 answer="none")
    assert status_of(demo_store, eva, BLOCKED) == LabelStatus.PROPOSED
    assert audit_actions(demo_store, "label.approved") == []


def test_clean_proposal_approved_appears_in_the_picker(qtbot: QtBot, queue: ReviewQueueDialog,
                                                       demo_store: Store, eva: Actor) -> None:
    click_row(qtbot, queue, CLEAN)
    assert "found nothing" in queue.detail.check_title.text()
    # nothing is pre-selected: the manager must answer before Approve works
    assert queue.detail.question.answer() is None
    assert not queue.approve_button.isEnabled()
    assert "Answer the question" in queue.why.text()
    assert "no health or other special category" in queue.detail.question.finding.text()
    answer(qtbot, queue.detail.question, "other")
    assert not queue.approve_button.isEnabled() and "cannot be approved" in queue.why.text()
    answer(qtbot, queue.detail.question, "none")
    click(qtbot, queue.approve_button)
    assert queue.model.rowCount() == 2
    assert CLEAN not in [r.label.staff_wording for r in queue.model.rows()]
    assert "picker" in queue.status.text()
    sam = _actor(demo_store, "Sam Bakker")
    picker = LabelPicker(demo_store, sam)
    qtbot.addWidget(picker)
    qtbot.keyClicks(picker.filter, "sparkling")
    assert [picker.model.row_at(i).staff_wording  # type: ignore[union-attr]
            for i in range(picker.model.rowCount())] == [CLEAN]
    assert audit_actions(demo_store, "label.approved") == ["label.approved"]
    assert audit_actions(demo_store, "label.special_answer") == ["label.special_answer"]


def test_health_proposal_needs_the_health_answer(qtbot: QtBot, demo_store: Store,
                                                 eva: Actor) -> None:
    sam = _actor(demo_store, "Sam Bakker")
    vocabulary.propose_label(demo_store, sam, vocabulary.LabelDraft(
        Category.PREFERENCE, "Has MS", Sensitivity.NORMAL, 365,
        (Wording("en", "You told us you have MS.", "So we can help where you need it."),)))
    dialog = ReviewQueueDialog(demo_store, eva)
    qtbot.addWidget(dialog)
    dialog.show()
    click_row(qtbot, dialog, "Has MS")
    assert "health (“Has MS”" in dialog.detail.question.finding.text()
    answer(qtbot, dialog.detail.question, "none")
    assert not dialog.approve_button.isEnabled()  # health words as ordinary data: blocked
    answer(qtbot, dialog.detail.question, "health")
    assert dialog.approve_button.isEnabled()
    click(qtbot, dialog.approve_button)
    approved = next(u.label for u in vocabulary_admin.label_overview(demo_store, eva)
                    if u.label.staff_wording == "Has MS")
    assert approved.sensitivity == Sensitivity.SPECIAL


def test_reject_with_reason(qtbot: QtBot, queue: ReviewQueueDialog, demo_store: Store,
                            eva: Actor, modals: Modals) -> None:  # noqa: F811
    click_row(qtbot, queue, ITALIAN)

    def choose(dialog: QWidget) -> None:
        assert isinstance(dialog, RejectDialog)
        assert not dialog.ok.isEnabled()  # a reason must be chosen first
        radio = dialog.buttons[vocabulary.RejectReason.ALREADY_EXISTS]
        qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(10, radio.height() // 2))
        qtbot.keyClicks(dialog.note, "Same as Prefers to speak Italian")
        click(qtbot, dialog.ok)

    modals.then(choose)
    click(qtbot, queue.reject_button)
    assert modals.done()
    assert ITALIAN not in [r.label.staff_wording for r in queue.model.rows()]
    assert "reason" in queue.status.text()
    noor = _actor(demo_store, "Noor El Amrani")
    mine = MyProposalsDialog(demo_store, noor)
    qtbot.addWidget(mine)
    row = next(i for i, lb in enumerate(mine.model.rows()) if lb.staff_wording == ITALIAN)
    assert mine.model.index(row, 0).data() == "Rejected"
    assert "already has a label" in mine.model.index(row, 3).data()
    assert "Same as Prefers to speak Italian" in mine.model.index(row, 3).data()
    assert audit_actions(demo_store, "label.rejected") == ["label.rejected"]


def test_edit_and_approve_reruns_checks(qtbot: QtBot, queue: ReviewQueueDialog,
                                        demo_store: Store, eva: Actor,
                                        modals: Modals) -> None:  # noqa: F811
    click_row(qtbot, queue, BLOCKED)
    seen: dict[str, bool] = {}

    def edit(dialog: QWidget) -> None:
        assert isinstance(dialog, ProposalDialog)
        seen["blocked_at_first"] = not dialog.send_button.isEnabled()
        words = {  # the demo proposal is named and worded in every language: reword each
            "en": ("Likes a word of welcome from the manager",
                   "You like a word of welcome from the manager.",
                   "So the manager can welcome you personally."),
            "nl": ("Krijgt graag een welkomstwoord van de manager",
                   "U krijgt graag een welkomstwoord van de manager.",
                   "Zodat de manager u persoonlijk kan verwelkomen."),
            "de": ("Bekommt gern ein Willkommenswort vom Direktor",  # typed: ASCII only
                   "Sie bekommen gern ein Willkommenswort vom Direktor.",
                   "Damit der Direktor Sie selbst empfangen kann."),
        }
        fields = [(dialog.fields[(part, lang)], text) for lang in dialog.langs
                  for part, text in zip(("staff", "guest", "purpose"),
                                        words.get(lang, ("", "", "")), strict=True)]
        for line, text in fields:
            line.setFocus()
            line.selectAll()
            qtbot.keyClick(line, Qt.Key.Key_Delete)
            if text:
                qtbot.keyClicks(line, text)
        dialog.run_checks()
        seen["needs_answer"] = not dialog.send_button.isEnabled()
        answer(qtbot, dialog.question, "none")
        qtbot.waitUntil(dialog.send_button.isEnabled)
        click(qtbot, dialog.send_button)

    modals.then(edit)
    click(qtbot, queue.edit_button)
    assert modals.done() and seen["blocked_at_first"] and seen["needs_answer"]
    assert BLOCKED not in [r.label.staff_wording for r in queue.model.rows()]
    assert status_of(demo_store, eva, "Likes a word of welcome from the manager") \
        == LabelStatus.APPROVED
    assert audit_actions(demo_store, "label.edited") == ["label.edited"]


def test_warnings_need_the_acknowledgement(qtbot: QtBot, demo_store: Store, eva: Actor) -> None:
    sam = _actor(demo_store, "Sam Bakker")
    vocabulary.propose_label(demo_store, sam, vocabulary.LabelDraft(
        Category.PREFERENCE, "Special pillow order", Sensitivity.NORMAL,
        365, (Wording("en", "You have a special pillow order.", "So your bed is ready."),)))
    dialog = ReviewQueueDialog(demo_store, eva)
    qtbot.addWidget(dialog)
    dialog.show()
    click_row(qtbot, dialog, "Special pillow order")
    assert not dialog.approve_button.isEnabled()
    assert dialog.detail.acknowledge.isVisible()
    box = dialog.detail.acknowledge
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(10, box.height() // 2))
    assert dialog.detail.acknowledge.isChecked()
    answer(qtbot, dialog.detail.question, "none")
    click(qtbot, dialog.approve_button)
    assert status_of(demo_store, eva, "Special pillow order") == LabelStatus.APPROVED


@pytest.mark.parametrize("name", ["Sam Bakker", "Luca Rossi"])
def test_desk_roles_see_no_queue(qtbot: QtBot, demo_store: Store, eva: Actor,
                                 name: str) -> None:
    actor = _actor(demo_store, name)
    assert actor.role in (Role.RECEPTIONIST, Role.HOST)
    dialog = ReviewQueueDialog(demo_store, actor)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 0
    assert "ask a manager" in dialog.status.text()


def test_menu_opens_the_queue_for_managers_only(qtbot: QtBot, demo_store: Store,
                                               modals: Modals) -> None:  # noqa: F811
    from tests.ui.desk_helpers import make_window, sign_in

    window = make_window(qtbot, demo_store)
    sign_in(qtbot, window, "Eva Visser", "4826")
    # The menu item counts what waits ("… (3 waiting)", the desk's count): match its start.
    actions = {a.text().split(" (")[0]: a for a in window.manager_menu.actions()}
    assert actions["&Review proposals…"].isEnabled()
    opened: list[str] = []

    def look(dialog: QWidget) -> None:
        assert isinstance(dialog, ReviewQueueDialog)
        opened.append(dialog.heading.text())
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    modals.then(look)
    actions["&Review proposals…"].trigger()
    assert opened == ["Review proposed labels — 3 waiting"]
    assert isinstance(window, QDialog) is False
