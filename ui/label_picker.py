"""Pick an approved label for a guest — there is no field that saves free text.

Searchable and filterable by category; the highlighted entry shows the
staff wording, what the guest will read and why we keep it. "Propose a new
label" hands over to the proposal form (a manager approves before use).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import labels
from app.domain import Category, Sensitivity, Source
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelInfo
from ui import texts
from ui.i18n import say
from ui.models.labels_model import LabelsModel
from ui.tables import DeskTable, EmptyOr
from ui.wording_widgets import label_name


class LabelPicker(QDialog):
    """``exec()``; on Accepted, ``chosen`` and ``source`` say what to add."""

    def __init__(self, store: Store, actor: Actor, guest_language: str = "en",
                 taken: set[int] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.language = store, actor, guest_language
        self.chosen: LabelInfo | None = None
        self.source = Source.GUEST_TOLD
        self.proposed = False
        self.setWindowTitle(self.tr("Add a label"))
        self.resize(900, 600)

        self.filter = QLineEdit()
        self.filter.setObjectName("labelFilter")
        self.filter.setPlaceholderText(self.tr("Type to filter approved labels"))
        self.category = QComboBox()
        self.category.setObjectName("labelCategory")
        self.category.addItem(self.tr("All categories"), None)
        for c in Category:
            self.category.addItem(texts.category(c), c)
        find_label = QLabel(self.tr("&Find:"))
        find_label.setBuddy(self.filter)
        cat_label = QLabel(self.tr("&Category:"))
        cat_label.setBuddy(self.category)
        top = QHBoxLayout()
        top.addWidget(find_label)
        top.addWidget(self.filter, 1)
        top.addWidget(cat_label)
        top.addWidget(self.category)

        self.model = LabelsModel(self)
        taken = taken or set()
        try:
            self.model.set_labels([lb for lb in labels.approved_labels(store, actor)
                                   if lb.id not in taken])
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Labels unavailable"), say(exc))
        self.table = DeskTable(self.model, stretch=LabelsModel.WORDING)
        self.table.setObjectName("labelTable")
        self.body = EmptyOr(self.table)

        self.staff_wording = QLabel()
        self.staff_wording.setObjectName("pageTitle")
        self.staff_wording.setWordWrap(True)
        self.guest_wording = QLabel()
        self.guest_wording.setWordWrap(True)
        self.purpose = QLabel()
        self.purpose.setWordWrap(True)
        self.facts = QLabel()
        self.facts.setWordWrap(True)
        self.facts.setObjectName("hint")
        self.special = QLabel()
        self.special.setObjectName("specialChip")
        self.special.setWordWrap(True)
        detail = QFrame()
        detail.setObjectName("panel")
        dl = QFormLayout(detail)
        dl.addRow(self.staff_wording)
        dl.addRow(self.tr("The guest reads:"), self.guest_wording)
        dl.addRow(self.tr("Purpose:"), self.purpose)
        dl.addRow(self.facts)
        dl.addRow(self.special)

        self.told = QRadioButton(self.tr("The guest &told us"))
        self.told.setObjectName("sourceTold")
        self.observed = QRadioButton(self.tr("We &observed it"))
        self.observed.setObjectName("sourceObserved")
        self.told.setChecked(True)
        group = QButtonGroup(self)
        group.addButton(self.told)
        group.addButton(self.observed)
        src = QHBoxLayout()
        src.addWidget(QLabel(self.tr("Source:")))
        src.addWidget(self.told)
        src.addWidget(self.observed)
        src.addStretch(1)

        self.add_button = QPushButton(self.tr("&Add label"))
        self.add_button.setObjectName("pickLabel")
        self.add_button.setDefault(True)
        self.propose_button = QPushButton(self.tr("&Propose a new label…"))
        self.propose_button.setObjectName("proposeLabel")
        self.propose_button.setAutoDefault(False)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.setAutoDefault(False)
        bottom = QHBoxLayout()
        bottom.addWidget(QLabel(self.tr("Nothing fits?")))
        bottom.addWidget(self.propose_button)
        bottom.addStretch(1)
        bottom.addWidget(cancel)
        bottom.addWidget(self.add_button)

        middle = QHBoxLayout()
        middle.addWidget(self.body, 3)
        middle.addWidget(detail, 2)
        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addLayout(middle, 1)
        lay.addLayout(src)
        lay.addLayout(bottom)

        self.filter.textChanged.connect(self._refilter)
        self.category.currentIndexChanged.connect(self._refilter)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._describe())
        self.model.modelReset.connect(self._describe)
        self.table.activated_row.connect(lambda _row: self.pick())
        self.add_button.clicked.connect(self.pick)
        self.propose_button.clicked.connect(self.propose)
        cancel.clicked.connect(self.reject)
        self.filter.installEventFilter(self)
        self._refilter()
        self.filter.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Arrow keys in the filter field move the highlight, like the guest search."""
        if watched is self.filter and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
            rows = self.model.rowCount()
            if rows:
                step = -1 if event.key() == Qt.Key.Key_Up else 1
                self.table.selectRow(max(0, min(rows - 1, self.table.current_row() + step)))
            return True
        return super().eventFilter(watched, event)

    def _refilter(self) -> None:
        self.model.set_filter(self.filter.text(), self.category.currentData())
        if self.model.rowCount():
            self.body.show_table()
        else:
            self.body.show_message(self.tr("No approved label matches.\nPropose a new label "
                                           "if nothing fits."))

    def highlighted(self) -> LabelInfo | None:
        return self.model.row_at(self.table.current_row())

    def _describe(self) -> None:
        lb = self.highlighted()
        self.add_button.setEnabled(lb is not None)
        if lb is None:
            for field in (self.staff_wording, self.guest_wording, self.purpose, self.facts):
                field.clear()
            self.special.hide()
            return
        w = lb.wording(self.language)
        self.staff_wording.setText(label_name(lb))
        self.guest_wording.setText(f"“{w.guest_wording}”" if w else "—")
        self.purpose.setText(w.purpose if w else "—")
        self.facts.setText(self.tr("{category} · kept for {days} days").format(
            category=texts.category(lb.category), days=lb.retention_days))
        special = lb.sensitivity == Sensitivity.SPECIAL
        self.special.setVisible(special)
        self.special.setText(self.tr("⚕ Health information: only with the guest's explicit "
                                     "consent"))

    def pick(self) -> None:
        lb = self.highlighted()
        if lb is None:
            return
        self.chosen = lb
        self.source = Source.STAFF_OBSERVED if self.observed.isChecked() else Source.GUEST_TOLD
        self.accept()

    def propose(self) -> None:
        """Open the proposal form; the guest gets nothing until a manager approves."""
        from ui.proposal_form import ProposalDialog

        dialog = ProposalDialog(self.store, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.proposed = True
            QMessageBox.information(
                self, self.tr("Proposal sent"),
                self.tr("Thank you. A manager will review the new label. The guest is not "
                        "labelled until it is approved — add it from this list then."))
            self.reject()
