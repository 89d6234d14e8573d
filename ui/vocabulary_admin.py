"""The vocabulary screen (managers): every label, how many guests carry it, and its upkeep.

Reword (the guest view shows the new words at once), change the retention
(applied to existing assignments), or retire a label — choosing, and
confirming, whether it comes off every guest now or runs out at each
assignment's own expiry.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import languages, vocabulary_admin
from app.domain import LabelStatus, Sensitivity
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelUsage
from ui import texts, theme
from ui.i18n import say
from ui.models.base import RowsModel
from ui.proposal_form import REWORD, ProposalDialog
from ui.tables import DeskTable, EmptyOr
from ui.wording_widgets import GuestPreview, label_name


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c))


class VocabularyModel(RowsModel[LabelUsage]):
    WORDING, CATEGORY, STATUS, GUESTS, KEPT = range(5)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[LabelUsage] = []
        self._text = ""

    def headers(self) -> Sequence[str]:
        return (self.tr("Staff wording"), self.tr("Category"), self.tr("Status"),
                self.tr("Guests"), self.tr("Kept for"))

    def set_labels(self, rows: Sequence[LabelUsage]) -> None:
        order = {c: i for i, c in enumerate(type(rows[0].label.category))} if rows else {}
        self._all = sorted(rows, key=lambda u: (u.label.status != LabelStatus.APPROVED,
                                                order.get(u.label.category, 0),
                                                _fold(label_name(u.label))))
        self.set_filter(self._text)

    def set_filter(self, text: str) -> None:
        self._text = text
        words = _fold(text).split()
        self.set_rows([u for u in self._all
                       if all(w in _fold(" ".join(u.label.staff_names().values())) for w in words)])

    def cell(self, row: LabelUsage, column: int, role: int) -> Any:
        lb = row.label
        if role == Qt.ItemDataRole.DisplayRole:
            health = " ⚕" if lb.sensitivity == Sensitivity.SPECIAL else ""
            return (label_name(lb) + health, texts.category(lb.category),
                    self.tr("in use") if lb.status == LabelStatus.APPROVED
                    else self.tr("retired"),
                    str(row.guests), self.tr("{n} days").format(n=lb.retention_days))[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.GUESTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and lb.status == LabelStatus.RETIRED:
            return QBrush(QColor("#7a8a92"))
        return None


class RetentionDialog(QDialog):
    def __init__(self, usage: LabelUsage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Change retention"))
        self.setMinimumWidth(560)
        lb = usage.label
        title = QLabel(f"“{label_name(lb)}”")
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        self.days = QSpinBox()
        self.days.setObjectName("retentionDays")
        self.days.setRange(1, 3650)
        self.days.setValue(lb.retention_days)
        self.days.setSuffix(self.tr(" days"))
        explain = QLabel(self.tr("Now kept for {old} days. {n} guest(s) carry it: their "
                                 "labels will expire the new number of days after each was "
                                 "added — a shorter period can end some at once.").format(
            old=lb.retention_days, n=usage.guests))
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        row = QHBoxLayout()
        keep = QLabel(self.tr("&Keep for:"))
        keep.setBuddy(self.days)
        row.addWidget(keep)
        row.addWidget(self.days)
        row.addStretch(1)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = box.addButton(self.tr("&Change retention"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("confirmRetention")
        ok.setDefault(True)
        ok.setMinimumWidth(ok.sizeHint().width() + 40)
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addLayout(row)
        lay.addWidget(explain)
        lay.addWidget(box)
        self.days.setFocus()
        self.days.selectAll()


class RetireDialog(QDialog):
    """Both choices spelled out; nothing is pre-selected, so the manager must choose."""

    def __init__(self, usage: LabelUsage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Retire a label"))
        self.setMinimumWidth(640)
        n = usage.guests
        title = QLabel(self.tr("Retire “{w}”?").format(w=label_name(usage.label)))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        info = QLabel(self.tr("Nobody can add it to a guest any more. {n} guest(s) carry it "
                              "now. What happens to theirs?").format(n=n))
        info.setWordWrap(True)
        self.now = QRadioButton(self.tr("&Take it off all {n} guest(s) now").format(n=n))
        self.now.setObjectName("retireNow")
        self.run_out = QRadioButton(self.tr("&Leave it on until each one expires (after "
                                            "{days} days)").format(
            days=usage.label.retention_days))
        self.run_out.setObjectName("retireRunOut")
        group = QButtonGroup(self)
        group.addButton(self.now)
        group.addButton(self.run_out)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = box.addButton(self.tr("&Retire label"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("confirmRetire")
        self.ok.setEnabled(False)
        self.ok.setMinimumWidth(self.ok.sizeHint().width() + 40)
        group.buttonToggled.connect(lambda *_: self.ok.setEnabled(True))
        box.accepted.connect(self.accept)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(info)
        lay.addWidget(self.now)
        lay.addWidget(self.run_out)
        lay.addWidget(box)


class VocabularyDialog(QDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Vocabulary"))
        theme.fit(self, 1366, 768)  # frame included: fits a 1366×768 screen (desk's hook)
        title = QLabel(self.tr("Vocabulary"))
        title.setObjectName("pageTitle")
        self.filter = QLineEdit()
        self.filter.setObjectName("vocabularyFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter labels (Ctrl+F)"))
        find = QLabel(self.tr("&Find:"))
        find.setBuddy(self.filter)
        top = QHBoxLayout()
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(find)
        top.addWidget(self.filter, 1)
        self.model = VocabularyModel(self)
        self.table = DeskTable(self.model, stretch=VocabularyModel.WORDING)
        self.table.setObjectName("vocabulary")
        self.body = EmptyOr(self.table)
        self.previews = {lang.code: GuestPreview() for lang in languages.guest_languages()}
        side = QWidget()
        sl = QVBoxLayout(side)
        sl.setContentsMargins(0, 0, 0, 0)
        for p in self.previews.values():
            sl.addWidget(p)
        sl.addStretch(1)
        split = QSplitter()
        split.addWidget(self.body)
        # One preview per guest language (the registry's): they scroll rather than squeeze.
        previews = QScrollArea()
        previews.setWidgetResizable(True)
        previews.setFrameShape(QFrame.Shape.NoFrame)
        previews.setWidget(side)
        split.addWidget(previews)
        split.setSizes([860, 480])
        split.setChildrenCollapsible(False)
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.reword_button = QPushButton(self.tr("Re&word…"))
        self.reword_button.setObjectName("rewordLabel")
        self.retention_button = QPushButton(self.tr("Change &retention…"))
        self.retention_button.setObjectName("changeRetention")
        self.retire_button = QPushButton(self.tr("Re&tire…"))
        self.retire_button.setObjectName("retireLabel")
        self.settings_button = QPushButton(self.tr("Wording &settings…"))
        self.settings_button.setObjectName("wordingSettings")
        close = QPushButton(self.tr("Close"))
        bottom = QHBoxLayout()
        bottom.addWidget(self.settings_button)
        bottom.addWidget(self.status, 1)
        for b in (self.settings_button, self.reword_button, self.retention_button,
                  self.retire_button, close):
            b.setAutoDefault(False)
            b.setMinimumWidth(b.sizeHint().width() + 30)
            if b is not self.settings_button:
                bottom.addWidget(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addLayout(top)
        lay.addWidget(split, 1)
        lay.addLayout(bottom)
        QShortcut(QKeySequence("Ctrl+F"), self, self.filter.setFocus)
        self.filter.textChanged.connect(self.model.set_filter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.model.modelReset.connect(self._describe)
        self.reword_button.clicked.connect(self.reword)
        self.retention_button.clicked.connect(self.change_retention)
        self.retire_button.clicked.connect(self.retire)
        self.settings_button.clicked.connect(self.settings)
        self.table.activated_row.connect(lambda _row: self.reword())  # Enter rewords
        close.clicked.connect(self.reject)
        self.reload()
        self.table.setFocus()

    def reload(self, select_id: int | None = None) -> None:
        try:
            rows = vocabulary_admin.label_overview(self.store, self.actor)
        except FrontdeskError as exc:
            rows = []
            self.status.setText(say(exc))
        self.model.set_labels(rows)
        ids = [u.label.id for u in self.model.rows()]
        if select_id in ids:
            self.table.selectRow(ids.index(select_id))
        if self.model.rowCount():
            self.body.show_table()
        else:
            self.body.show_message(self.tr("No label matches."))

    def current(self) -> LabelUsage | None:
        return self.model.row_at(self.table.current_row())

    def select_wording(self, staff_wording: str) -> bool:
        for i, u in enumerate(self.model.rows()):
            if staff_wording in (u.label.staff_wording, *u.label.staff_names().values()):
                self.table.selectRow(i)
                return True
        return False

    def _describe(self) -> None:
        u = self.current()
        approved = u is not None and u.label.status == LabelStatus.APPROVED
        self.reword_button.setEnabled(approved)
        self.retire_button.setEnabled(approved)
        self.retention_button.setEnabled(u is not None)
        for lang, p in self.previews.items():
            p.setVisible(u is not None)
            if u is not None:
                p.show_label(u.label, lang)

    def settings(self) -> None:
        from ui.wording_settings import WordingSettingsDialog

        if WordingSettingsDialog(self.store, self.actor, self).exec() == \
                QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Wording settings saved."))

    def reword(self) -> None:
        u = self.current()
        if u is None or u.label.status != LabelStatus.APPROVED:
            return
        dialog = ProposalDialog(self.store, self.actor, self, label=u.label, mode=REWORD)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(self.tr("Reworded. Guests who carry it see the new wording."))
            self.reload(u.label.id)

    def change_retention(self) -> None:
        u = self.current()
        if u is None:
            return
        dialog = RetentionDialog(u, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            n = vocabulary_admin.change_retention(self.store, self.actor, u.label.id,
                                                  dialog.days.value())
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Retention not changed"), say(exc))
            return
        self.status.setText(self.tr("Retention changed; {n} guest label(s) got a new expiry "
                                    "date.").format(n=n))
        self.reload(u.label.id)

    def retire(self) -> None:
        u = self.current()
        if u is None:
            return
        dialog = RetireDialog(u, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        try:
            n = vocabulary_admin.retire_label(self.store, self.actor, u.label.id,
                                              remove_now=dialog.now.isChecked())
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Not retired"), say(exc))
            return
        self.status.setText(
            self.tr("Retired; taken off {n} guest(s).").format(n=n) if dialog.now.isChecked()
            else self.tr("Retired; guests keep it until it expires."))
        self.reload(u.label.id)
