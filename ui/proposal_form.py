"""Propose a new label (minimal form; the vocabulary screens extend it).

Anyone may propose; a manager approves before the label can be used, and
the wording checks (app.wording) refuse judgements about a person before
the proposal is even sent.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app import vocabulary
from app.domain import Category, Sensitivity
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelInfo, Wording
from app.wording import check_wording
from ui import texts


class ProposalDialog(QDialog):
    """Category, staff wording, guest wording and purpose (en/nl), sensitivity, retention."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.proposal: LabelInfo | None = None
        self.setWindowTitle(self.tr("Propose a new label"))
        self.setMinimumWidth(640)
        intro = QLabel(self.tr("Write it as you would say it to the guest: what they told us "
                               "or asked for, never a judgement. A manager reviews it first."))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.category = QComboBox()
        self.category.setObjectName("proposalCategory")
        for c in Category:
            self.category.addItem(texts.category(c), c)
        self.staff_wording = QLineEdit()
        self.staff_wording.setObjectName("proposalStaff")
        self.guest_en = QLineEdit()
        self.guest_en.setObjectName("proposalGuestEn")
        self.purpose_en = QLineEdit()
        self.purpose_en.setObjectName("proposalPurposeEn")
        self.guest_nl = QLineEdit()
        self.guest_nl.setObjectName("proposalGuestNl")
        self.purpose_nl = QLineEdit()
        self.purpose_nl.setObjectName("proposalPurposeNl")
        for f in (self.staff_wording,):
            f.setMaxLength(200)
        for f in (self.guest_en, self.purpose_en, self.guest_nl, self.purpose_nl):
            f.setMaxLength(300)
        self.sensitivity = QComboBox()
        self.sensitivity.setObjectName("proposalSensitivity")
        for s in Sensitivity:
            self.sensitivity.addItem(texts.sensitivity(s), s)
        self.retention = QSpinBox()
        self.retention.setObjectName("proposalRetention")
        self.retention.setRange(1, 3650)
        self.retention.setValue(365)
        self.retention.setSuffix(self.tr(" days"))
        form = QFormLayout()
        form.addRow(self.tr("&Category:"), self.category)
        form.addRow(self.tr("&Staff wording:"), self.staff_wording)
        form.addRow(self.tr("&Guest reads (English):"), self.guest_en)
        form.addRow(self.tr("&Purpose (English):"), self.purpose_en)
        form.addRow(self.tr("Guest reads (&Dutch):"), self.guest_nl)
        form.addRow(self.tr("Purpose (D&utch):"), self.purpose_nl)
        form.addRow(self.tr("Se&nsitivity:"), self.sensitivity)
        form.addRow(self.tr("&Keep for:"), self.retention)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        send = box.addButton(self.tr("Send &proposal"), QDialogButtonBox.ButtonRole.AcceptRole)
        send.setObjectName("sendProposal")
        send.setDefault(True)
        box.accepted.connect(self.send)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def draft(self) -> vocabulary.LabelDraft:
        wordings = [Wording("en", self.guest_en.text(), self.purpose_en.text())]
        if self.guest_nl.text().strip() or self.purpose_nl.text().strip():
            wordings.append(Wording("nl", self.guest_nl.text(), self.purpose_nl.text()))
        return vocabulary.LabelDraft(
            Category(self.category.currentData()), self.staff_wording.text(),
            Sensitivity(self.sensitivity.currentData()), self.retention.value(),
            tuple(wordings))

    def send(self) -> None:
        draft = self.draft()
        result = check_wording(
            [draft.staff_wording, *(t for w in draft.wordings for t in (w.guest_wording,
                                                                       w.purpose))],
            special_category=draft.sensitivity == Sensitivity.SPECIAL)
        if result.blocked:
            words = ", ".join(sorted({f"“{f.matched}”" for f in result.blocking}))
            self.error.setText(self.tr("This wording cannot be used: {words}. Describe what "
                                       "the guest wants, not what we think of them — and mark "
                                       "health information as such.").format(words=words))
            return
        try:
            self.proposal = vocabulary.propose_label(self.store, self.actor, draft)
        except FrontdeskError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
