"""Small confirmations around labels: why a label is removed, and health consent."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.domain import RemovalReason
from app.labels import DESK_REMOVAL_REASONS
from ui import texts


class RemovalDialog(QDialog):
    """Remove a label: the reason comes from a short fixed list (it goes to the audit log)."""

    def __init__(self, staff_wording: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Remove label"))
        self.reason: RemovalReason | None = None
        title = QLabel(self.tr("Remove “{label}”?").format(label=staff_wording))
        title.setObjectName("pageTitle")
        title.setWordWrap(True)
        ask = QLabel(self.tr("Why is it removed?"))
        self.group = QButtonGroup(self)
        lay = QVBoxLayout(self)
        lay.addWidget(title)
        lay.addWidget(ask)
        self.buttons: dict[RemovalReason, QRadioButton] = {}
        for i, reason in enumerate(DESK_REMOVAL_REASONS):
            radio = QRadioButton(f"&{i + 1}  {texts.removal_reason(reason)}")
            radio.setObjectName(f"reason_{reason.value}")
            self.group.addButton(radio, i)
            self.buttons[reason] = radio
            lay.addWidget(radio)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.ok = QPushButton(self.tr("&Remove label"))
        self.ok.setObjectName("confirmRemove")
        self.ok.setEnabled(False)
        self.ok.setDefault(True)
        box.addButton(self.ok, QDialogButtonBox.ButtonRole.AcceptRole)
        box.accepted.connect(self._accept)
        box.rejected.connect(self.reject)
        lay.addWidget(box)
        self.group.idToggled.connect(lambda _id, on: self.ok.setEnabled(
            self.group.checkedId() >= 0))

    def _accept(self) -> None:
        checked = self.group.checkedId()
        if checked < 0:
            return
        self.reason = DESK_REMOVAL_REASONS[checked]
        self.accept()


def ask_health_consent(parent: QWidget, staff_wording: str, guest_name: str,
                       guest_language: str | None = None) -> bool:
    """Explain what the guest consents to; True only when staff confirm the guest said yes.

    With ``guest_language`` the question to read out (or show) is in the guest's language
    (app.health; the desk helper's hook), with the staff's own language beside it.
    """
    from app.health import consent_question
    from ui.i18n import current_language

    box = QMessageBox(parent)
    box.setObjectName("healthConsent")
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(texts.tr("Consent needed"))
    box.setText(texts.tr("“{label}” is health information.").format(label=staff_wording))
    lang, question = consent_question(guest_language or current_language())
    if lang == current_language():
        ask = texts.tr(
            "We may only keep it with {name}'s explicit consent. Ask: “May we note this so "
            "we can take care of it on every visit? You can see it and have it removed at any "
            "time.”\n\nDid the guest agree?").format(name=texts.isolate(guest_name))
    else:
        ask = texts.tr(
            "We may only keep it with {name}'s explicit consent. Ask in {language}:\n\n"
            "“{question}”\n\n(In your words: “May we note this so we can take care of it on "
            "every visit? You can see it and have it removed at any time.”)\n\n"
            "Did the guest agree?").format(name=texts.isolate(guest_name),
                                           language=texts.language_in_ui(lang), question=question)
    box.setInformativeText(ask)
    yes = box.addButton(texts.tr("&Guest agrees — record consent"),
                        QMessageBox.ButtonRole.AcceptRole)
    yes.setObjectName("consentYes")
    no = box.addButton(texts.tr("&Leave it off"), QMessageBox.ButtonRole.RejectRole)
    no.setObjectName("consentNo")
    box.setDefaultButton(no)
    box.exec()
    return box.clickedButton() is yes


def confirm_withdraw(parent: QWidget, relying: int) -> bool:
    """Withdrawing consent removes every health label at once: say so before doing it."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(texts.tr("Withdraw consent"))
    box.setText(texts.tr("Withdraw the guest's consent for health information?"))
    box.setInformativeText(texts.tr("{n} health label(s) will be removed from the card at "
                                    "once.").format(n=relying))
    yes = box.addButton(texts.tr("&Withdraw consent"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is yes
