"""My proposals: what I proposed and what became of it (waiting, approved, rejected and why).

Every staff member sees only their own proposals. A rejection shows the
manager's reason from the short list and their note about the wording.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import vocabulary
from app.domain import LabelStatus
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelInfo
from ui import texts
from ui.i18n import say
from ui.models.base import RowsModel
from ui.proposal_form import ProposalDialog
from ui.reject_dialog import reject_reason_text
from ui.tables import DeskTable, EmptyOr
from ui.wording_widgets import label_name


def status_text(status: LabelStatus) -> str:
    return {LabelStatus.PROPOSED: texts.tr("Waiting for review"),
            LabelStatus.APPROVED: texts.tr("Approved"),
            LabelStatus.REJECTED: texts.tr("Rejected"),
            LabelStatus.RETIRED: texts.tr("Approved, later retired")}[status]


def outcome_text(lb: LabelInfo) -> str:
    """The manager's reason for a rejection, in the proposer's words."""
    if lb.status != LabelStatus.REJECTED:
        return ""
    reason, note = vocabulary.rejection(lb)
    parts = [reject_reason_text(reason)] if reason is not None else []
    if note:
        parts.append(f"“{note}”")
    return " — ".join(parts)


class MyProposalsModel(RowsModel[LabelInfo]):
    STATUS, WORDING, DATE, REASON = range(4)

    def headers(self) -> Sequence[str]:
        return (self.tr("Status"), self.tr("Staff wording"), self.tr("Proposed"),
                self.tr("Manager's reason"))

    def cell(self, row: LabelInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return (status_text(row.status), label_name(row),
                    texts.short_date(row.proposed_at) if row.proposed_at else "",
                    outcome_text(row))[column]
        if role == Qt.ItemDataRole.ForegroundRole and column == self.STATUS:
            return QBrush(QColor({LabelStatus.APPROVED: "#2e6b3a",
                                  LabelStatus.REJECTED: "#a32020"}.get(row.status, "#1d2a31")))
        if role == Qt.ItemDataRole.ToolTipRole and column == self.REASON:
            return outcome_text(row) or None
        return None


class MyProposalsDialog(QDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("My proposals"))
        self.resize(1100, 560)
        title = QLabel(self.tr("Labels you proposed"))
        title.setObjectName("pageTitle")
        self.model = MyProposalsModel(self)
        self.table = DeskTable(self.model, stretch=MyProposalsModel.REASON)
        self.table.setObjectName("myProposals")
        self.body = EmptyOr(self.table)
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        propose = QPushButton(self.tr("&Propose a new label…"))
        propose.setObjectName("proposeFromMine")
        propose.setAutoDefault(False)
        close = QPushButton(self.tr("Close"))
        close.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(propose)
        bottom.addStretch(1)
        bottom.addWidget(close)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(self.body, 1)
        lay.addWidget(self.detail)
        lay.addWidget(self.error)
        lay.addLayout(bottom)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.model.modelReset.connect(self._describe)
        propose.clicked.connect(self.propose)
        close.clicked.connect(self.reject)
        self.reload()
        self.table.setFocus()

    def reload(self) -> None:
        try:
            rows = vocabulary.my_proposals(self.store, self.actor)
        except FrontdeskError as exc:
            rows = []
            self.error.setText(say(exc))
        self.model.set_rows(rows)
        if rows:
            self.body.show_table()
        else:
            self.body.show_message(self.tr("You have not proposed any labels yet.\nWhen no "
                                           "approved label fits, propose one here or from "
                                           "the label picker."))

    def _describe(self) -> None:
        lb = self.model.row_at(self.table.current_row())
        if lb is None:
            self.detail.clear()
            return
        text = {
            LabelStatus.PROPOSED: self.tr("A manager has not reviewed it yet."),
            LabelStatus.APPROVED: self.tr("Approved by {who}: add it from the label "
                                          "picker.").format(who=lb.reviewed_by or "—"),
            LabelStatus.REJECTED: self.tr("Rejected by {who}: {why}").format(
                who=lb.reviewed_by or "—", why=outcome_text(lb)),
            LabelStatus.RETIRED: self.tr("It was approved and has since been retired."),
        }[lb.status]
        self.detail.setText(text)

    def propose(self) -> None:
        dialog = ProposalDialog(self.store, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.reload()
