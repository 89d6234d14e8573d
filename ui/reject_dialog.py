"""Rejecting a proposal: a reason from a short list and an optional note about the word.

The note is about the wording, never about a guest; the proposer sees both
in "My proposals".
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.views import LabelInfo
from app.vocabulary import RejectReason
from ui import texts
from ui.wording_widgets import label_name


def reject_reason_text(reason: RejectReason) -> str:
    tr = texts.tr
    return {
        RejectReason.JUDGES_A_PERSON: tr("It judges a person rather than describing a wish"),
        RejectReason.ALREADY_EXISTS: tr("The vocabulary already has a label for this"),
        RejectReason.UNCLEAR_FOR_GUEST: tr("A guest would not understand the wording"),
        RejectReason.NOT_A_SERVICE_NEED: tr("It does not help us serve the guest"),
        RejectReason.OTHER: tr("Another reason (say which in the note)"),
    }[reason]



class RejectDialog(QDialog):
    """Pick a reason from a short list; the optional note is about the word, not a guest."""

    def __init__(self, label: LabelInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Reject a proposal"))
        self.setMinimumWidth(620)
        title = QLabel(self.tr("Reject “{wording}”?").format(wording=label_name(label)))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(QLabel(self.tr("Why? The proposer will see this.")))
        self.buttons: dict[RejectReason, QRadioButton] = {}
        for i, reason in enumerate(RejectReason):
            rb = QRadioButton(f"&{i + 1}  {reject_reason_text(reason)}")
            rb.setObjectName(f"reject_{reason.value}")
            self.group.addButton(rb)
            self.buttons[reason] = rb
            lay.addWidget(rb)
        self.note = QLineEdit()
        self.note.setObjectName("rejectNote")
        self.note.setMaxLength(400)
        self.note.setPlaceholderText(self.tr("Optional: about the wording only, never about a "
                                             "guest"))
        note_label = QLabel(self.tr("&Note:"))
        note_label.setBuddy(self.note)
        lay.addWidget(note_label)
        lay.addWidget(self.note)
        self.error = QLabel()
        self.error.setObjectName("error")
        lay.addWidget(self.error)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = box.addButton(self.tr("Re&ject proposal"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.ok.setObjectName("confirmReject")
        self.ok.setDefault(True)
        self.ok.setMinimumWidth(self.ok.sizeHint().width() + 40)
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.group.buttonToggled.connect(lambda *_: self._update())
        self.note.textChanged.connect(lambda *_: self._update())
        self._update()

    def reason(self) -> RejectReason | None:
        for reason, rb in self.buttons.items():
            if rb.isChecked():
                return reason
        return None

    def _update(self) -> None:
        reason = self.reason()
        self.ok.setEnabled(reason is not None and (reason != RejectReason.OTHER
                                                   or bool(self.note.text().strip())))

    def _accept(self) -> None:
        if self.ok.isEnabled():
            self.accept()
