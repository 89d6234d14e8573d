"""The managers' review queue: each proposal as the guest will read it, with its checks.

For every waiting proposal the manager sees the exact guest-facing rendering
(``render_label``, the function the Show-guest view uses) in English and
Dutch, the wording-check result, the purpose, sensitivity, retention, who
proposed it and when. Approve is disabled while a blocking check fails, and
``app.vocabulary`` refuses it as well; warnings must be acknowledged first.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import languages, vocabulary
from app.domain import Sensitivity, SpecialAnswer
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelInfo
from app.wording import WordingResult
from app.wording_rules import text_refs
from ui import texts, theme
from ui.i18n import current_language as ui_language
from ui.i18n import say
from ui.models.base import RowsModel
from ui.proposal_form import APPROVE_EDIT, ProposalDialog
from ui.reject_dialog import RejectDialog
from ui.tables import DeskTable, EmptyOr
from ui.wording_widgets import GuestPreview, SpecialQuestion, label_name


@dataclass(frozen=True)
class ReviewRow:
    label: LabelInfo
    check: WordingResult


def check_summary(check: WordingResult) -> str:
    if check.blocked:
        return texts.tr("✖ Blocked")
    if check.warnings:
        return texts.tr("⚠ Warning")
    return texts.tr("✓ Clean")


class ReviewModel(RowsModel[ReviewRow]):
    CHECK, WORDING, PROPOSER = range(3)

    def headers(self) -> Sequence[str]:
        return (self.tr("Check"), self.tr("Staff wording"), self.tr("Proposed by"))

    def cell(self, row: ReviewRow, column: int, role: int) -> Any:
        lb = row.label
        if role == Qt.ItemDataRole.DisplayRole:
            return (check_summary(row.check), label_name(lb),
                    (lb.proposed_by or "—").split()[0])[column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return label_name(lb)
        if role == Qt.ItemDataRole.ForegroundRole and column == self.CHECK:
            return QBrush(QColor("#a32020" if row.check.blocked else
                                 "#8a5a00" if row.check.warnings else "#2e6b3a"))
        return None


class ProposalDetail(QWidget):
    """Everything the manager needs to decide on one proposal."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel()
        self.title.setObjectName("pageTitle")
        self.title.setWordWrap(True)
        self.facts = QGridLayout()
        self.facts.setHorizontalSpacing(28)
        self.facts.setVerticalSpacing(2)
        self.fact_values: dict[str, QLabel] = {}
        for col, (key, caption) in enumerate((
                ("category", self.tr("Category")), ("sensitivity", self.tr("Sensitivity")),
                ("retention", self.tr("Kept for")), ("proposer", self.tr("Proposed by")))):
            head = QLabel(caption)
            head.setStyleSheet("color: #5b6b73; font-size: 10pt;")
            value = QLabel()
            value.setObjectName(f"fact_{key}")
            self.facts.addWidget(head, 0, col)
            self.facts.addWidget(value, 1, col)
            self.fact_values[key] = value
        self.facts.setColumnStretch(4, 1)
        self.special = QLabel(self.tr("⚕ Health information — only with the guest's explicit "
                                      "consent"))
        self.special.setObjectName("specialChip")
        see = QLabel(self.tr("What the guest will see"))
        see.setObjectName("sectionTitle")
        see.setStyleSheet("font-weight: 600; color: #1f3b4d;")
        self.previews = {lang.code: GuestPreview() for lang in languages.guest_languages()}
        for lang, p in self.previews.items():
            p.setObjectName(f"guestPreview_{lang}")
            p.setStyleSheet(p.styleSheet().replace("#guestPreview", f"#guestPreview_{lang}"))
        row = QGridLayout()  # two previews a row, so the panel never needs to scroll sideways
        for i, p in enumerate(self.previews.values()):
            row.addWidget(p, i // 2, i % 2)
        self.check_box = QFrame()
        self.check_box.setObjectName("checkBox")
        self.check_title = QLabel()
        self.check_title.setObjectName("checkTitle")
        self.check_text = QLabel()
        self.check_text.setObjectName("checkText")
        self.check_text.setWordWrap(True)
        self.check_text.setTextFormat(Qt.TextFormat.RichText)
        self.acknowledge = QCheckBox(self.tr("I have read this &warning"))
        self.acknowledge.setObjectName("acknowledgeWarning")
        cl = QVBoxLayout(self.check_box)
        cl.setContentsMargins(14, 10, 14, 10)
        cl.addWidget(self.check_title)
        cl.addWidget(self.check_text)
        cl.addWidget(self.acknowledge)
        self.question = SpecialQuestion(vertical=True)
        self.row: ReviewRow | None = None
        self.question.answered.connect(self._refresh_check)
        lay = QVBoxLayout(self)
        lay.setSpacing(10)
        lay.addWidget(self.title)
        lay.addLayout(self.facts)
        lay.addWidget(self.special, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addSpacing(6)
        lay.addWidget(see)
        lay.addLayout(row)
        lay.addWidget(self.question)
        lay.addWidget(self.check_box)
        lay.addStretch(1)

    def answered_check(self) -> WordingResult | None:
        """The check as approving would run it: with the sensitivity the answer gives."""
        if self.row is None:
            return None
        answer = self.question.answer()
        if answer is None:
            return self.row.check
        return WordingResult(self.row.check.findings,
                             special_category=answer == SpecialAnswer.HEALTH)

    def show_row(self, row: ReviewRow) -> None:
        self.row = row
        self.acknowledge.setChecked(False)
        self.question.clear()
        self.question.show_check(row.check, ui_language())
        self._refresh_check()

    def _refresh_check(self) -> None:
        row = self.row
        check = self.answered_check()
        if row is None or check is None:
            return
        lb = row.label
        self.title.setText(f"“{label_name(lb)}”")
        when = texts.date_time(lb.proposed_at) if lb.proposed_at else "—"
        self.fact_values["category"].setText(texts.category(lb.category))
        self.fact_values["sensitivity"].setText(texts.sensitivity(lb.sensitivity))
        self.fact_values["retention"].setText(self.tr("{days} days after it is added").format(
            days=lb.retention_days))
        self.fact_values["proposer"].setText(self.tr("{who}, {when}").format(
            who=lb.proposed_by or self.tr("unknown"), when=when))
        self.special.setVisible(lb.sensitivity == Sensitivity.SPECIAL)
        for lang, p in self.previews.items():
            p.show_label(lb, lang)
        self.acknowledge.setVisible(bool(check.warnings) and not check.blocked)
        refs = text_refs(lb.wordings, lb.staff_names())
        if check.blocked:
            title, color, bg = self.tr("✖ Cannot be approved"), "#a32020", "#fbeceb"
        elif check.warnings:
            title, color, bg = self.tr("⚠ Read the warning before approving"), "#8a5a00", \
                "#fdf5e0"
        else:
            title, color, bg = self.tr("✓ The wording checks found nothing"), "#2e6b3a", \
                "#eaf4ec"
        self.check_box.setStyleSheet(f"QFrame#checkBox {{ background: {bg}; border: 1px solid "
                                     f"{color}; border-radius: 6px; }}")
        self.check_title.setText(title)
        self.check_title.setStyleSheet(f"color: {color}; font-weight: 600;")
        # One paragraph per rule: the words found (and where), then the reason.
        groups: dict[str, list[str]] = {}
        reasons: dict[str, str] = {}
        for f in (*check.blocking, *check.warnings):
            ref = refs[f.text_index] if f.text_index < len(refs) else refs[0]
            where = {"staff": self.tr("staff wording"), "guest": self.tr("guest wording"),
                     "purpose": self.tr("purpose")}[ref.part]
            if ref.language:
                where += f", {texts.language(ref.language)}"
            word = (f"<b>“{_esc(f.matched)}”</b> <span style='color:#5b6b73'>({where})</span>")
            groups.setdefault(f.group, [])
            if word not in groups[f.group]:
                groups[f.group].append(word)
            warn = f not in check.blocking
            reasons[f.group] = (self.tr("Warning: ") if warn and check.blocked else "") + \
                _esc(f.explanation_in(ui_language()))
        items = [f"{', '.join(words)}<br>{reasons[g]}" for g, words in groups.items()]
        self.check_text.setText("<br><br>".join(items) if items else self.tr(
            "No judgement, health or vague words were found."))


def _esc(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ReviewQueueDialog(QDialog):
    """Managers only (the app refuses others); Enter on a row moves to the decision."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Review proposed labels"))
        theme.fit(self, 1366, 768)  # frame included: fits a 1366×768 screen (desk's hook)
        self.heading = QLabel()
        self.heading.setObjectName("pageTitle")
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.model = ReviewModel(self)
        self.table = DeskTable(self.model, stretch=ReviewModel.WORDING)
        self.table.setObjectName("proposals")
        self.body = EmptyOr(self.table)
        self.detail = ProposalDetail()
        scroll = QScrollArea()
        scroll.setWidget(self.detail)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.detail_area = EmptyOr(scroll)
        split = QSplitter()
        split.addWidget(self.body)
        split.addWidget(self.detail_area)
        split.setSizes([520, 820])
        split.setChildrenCollapsible(False)

        self.approve_button = QPushButton(self.tr("&Approve"))
        self.approve_button.setObjectName("approveProposal")
        self.edit_button = QPushButton(self.tr("&Edit and approve…"))
        self.edit_button.setObjectName("editProposal")
        self.reject_button = QPushButton(self.tr("&Reject…"))
        self.reject_button.setObjectName("rejectProposal")
        close = QPushButton(self.tr("Close"))
        close.setObjectName("closeReview")
        for b in (self.approve_button, self.edit_button, self.reject_button, close):
            b.setAutoDefault(False)
            b.setMinimumWidth(b.sizeHint().width() + 30)
        self.approve_button.setDefault(True)
        self.why = QLabel()
        self.why.setObjectName("approveWhy")
        self.why.setWordWrap(True)
        self.why.setStyleSheet("color: #a32020;")
        texts_col = QVBoxLayout()
        texts_col.addWidget(self.why)
        texts_col.addWidget(self.status)
        bottom = QHBoxLayout()
        bottom.addLayout(texts_col, 1)
        bottom.addWidget(self.reject_button)
        bottom.addWidget(self.edit_button)
        bottom.addWidget(self.approve_button)
        bottom.addSpacing(20)
        bottom.addWidget(close)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(self.heading)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)

        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.model.modelReset.connect(self._describe)
        self.table.activated_row.connect(lambda _r: self.approve_button.setFocus())
        self.detail.acknowledge.toggled.connect(lambda *_: self._update_buttons())
        self.detail.question.answered.connect(self._update_buttons)
        self.approve_button.clicked.connect(self.approve)
        self.edit_button.clicked.connect(self.edit)
        self.reject_button.clicked.connect(self.reject_current)
        close.clicked.connect(self.reject)
        self.reload()
        self.table.setFocus()

    # -- data ---------------------------------------------------------------------
    def reload(self, select_id: int | None = None) -> None:
        try:
            pending = vocabulary.pending_proposals(self.store, self.actor)
        except FrontdeskError as exc:
            pending = []
            self.status.setText(say(exc))
        rows = [ReviewRow(lb, vocabulary.check_label(self.store, lb)) for lb in pending]
        row_index = self.table.current_row()
        self.model.set_rows(rows)
        ids = [r.label.id for r in rows]
        if select_id in ids:
            self.table.selectRow(ids.index(select_id))
        elif rows:
            self.table.selectRow(max(0, min(row_index, len(rows) - 1)))
        self.heading.setText(self.tr("Review proposed labels — {n} waiting").format(n=len(rows)))
        if not rows:
            self.body.show_message(self.tr("No proposals are waiting.\nStaff propose new "
                                           "labels from the label picker."))
            self.detail_area.show_message(self.tr("Nothing to review."))
        else:
            self.body.show_table()
            self.detail_area.show_table()
        self._describe()

    def current(self) -> ReviewRow | None:
        return self.model.row_at(self.table.current_row())

    def select_wording(self, staff_wording: str) -> bool:
        for i, row in enumerate(self.model.rows()):
            if staff_wording in (row.label.staff_wording, *row.label.staff_names().values()):
                self.table.selectRow(i)
                return True
        return False

    def _describe(self) -> None:
        row = self.current()
        if row is not None:
            self.detail.show_row(row)
        self._update_buttons()

    def _update_buttons(self) -> None:
        row = self.current()
        has = row is not None
        self.edit_button.setEnabled(has)
        self.reject_button.setEnabled(has)
        answer = self.detail.question.answer()
        check = self.detail.answered_check()
        ok = (has and check is not None and answer in (SpecialAnswer.NONE, SpecialAnswer.HEALTH)
              and not check.blocked
              and (not check.warnings or self.detail.acknowledge.isChecked()))
        self.approve_button.setEnabled(bool(ok))
        why = ""
        if row is not None and row.check.refused:  # blocked whatever the answer
            why = self.tr("Approve is off: the wording checks block this proposal. Edit the "
                          "wording, or reject it with a reason.")
        elif row is not None and answer is None:
            why = self.tr("Answer the question first: does this label reveal health, or "
                          "another special category?")
        elif row is not None and answer == SpecialAnswer.OTHER:
            why = self.tr("A label that reveals another special category cannot be approved: "
                          "reject it, or edit it so it says only what the guest needs.")
        elif row is not None and check is not None and check.blocked:
            why = self.tr("Approve is off: the wording checks block this proposal. Edit the "
                          "wording, or reject it with a reason.")
        elif row is not None and check is not None and check.warnings and not ok:
            why = self.tr("Tick “I have read this warning” to approve.")
        self.approve_button.setToolTip(why)
        self.why.setText(why)

    # -- decisions ----------------------------------------------------------------
    def approve(self) -> None:
        row = self.current()
        if row is None or not self.approve_button.isEnabled():
            return
        try:
            done = vocabulary.approve_label(self.store, self.actor, row.label.id,
                                            answer=self.detail.question.answer(),
                                            acknowledge_warnings=self.detail.acknowledge
                                            .isChecked())
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Not approved"), say(exc))
            return
        self.status.setText(self.tr("Approved “{w}”: staff can add it from the label picker "
                                    "now.").format(w=label_name(done)))
        self.reload()

    def edit(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = ProposalDialog(self.store, self.actor, self, label=row.label, mode=APPROVE_EDIT)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.result_label is not None:
            self.status.setText(self.tr("Edited and approved “{w}”.").format(
                w=label_name(dialog.result_label)))
        self.reload()

    def reject_current(self) -> None:
        row = self.current()
        if row is None:
            return
        dialog = RejectDialog(row.label, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        reason = dialog.reason()
        assert reason is not None
        try:
            vocabulary.reject_label(self.store, self.actor, row.label.id, reason,
                                    dialog.note.text())
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Not rejected"), say(exc))
            return
        self.status.setText(self.tr("Rejected “{w}”. The proposer sees your reason.").format(
            w=label_name(row.label)))
        self.reload()
