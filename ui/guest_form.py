"""Create or correct a guest: only facts the guest gives us, never an opinion."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from app import guests
from app.errors import FrontdeskError, ValidationError
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor, GuestInfo
from ui import texts
from ui.i18n import say


class GuestDialog(QDialog):
    """``exec()`` returns Accepted after a successful save; ``saved`` holds the result."""

    def __init__(self, store: Store, actor: Actor, guest: GuestInfo | None = None,
                 parent: QWidget | None = None, *, initial_name: str = "") -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest = store, actor, guest
        self.saved: GuestInfo | None = None
        self.setWindowTitle(self.tr("New guest") if guest is None else self.tr("Edit guest"))
        self.setMinimumWidth(560)
        intro = QLabel(self.tr("Only what the guest tells us about themselves. Preferences go "
                               "on the card as labels."))
        intro.setObjectName("hint")
        intro.setWordWrap(True)
        self.full_name = QLineEdit(guest.full_name if guest else initial_name)
        self.full_name.setObjectName("fullName")
        self.preferred = QLineEdit(guest.preferred_name if guest else "")
        self.preferred.setObjectName("preferredName")
        self.preferred.setPlaceholderText(self.tr("what the guest likes to be called"))
        self.pronunciation = QLineEdit(guest.pronunciation if guest else "")
        self.pronunciation.setObjectName("pronunciation")
        self.pronunciation.setPlaceholderText(self.tr("e.g. TOH-mah-sen"))
        self.language = QComboBox()
        self.language.setObjectName("language")
        for code, name in texts.LANGUAGES:
            self.language.addItem(name, code)
        if guest is not None:
            self.language.setCurrentIndex(max(0, self.language.findData(guest.language)))
        self.email = QLineEdit((guest.email or "") if guest else "")
        self.email.setObjectName("email")
        self.phone = QLineEdit((guest.phone or "") if guest else "")
        self.phone.setObjectName("phone")
        for field, n in ((self.full_name, 200), (self.preferred, 200),
                         (self.pronunciation, 200), (self.email, 254), (self.phone, 40)):
            field.setMaxLength(n)
        form = QFormLayout()
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Preferred name:"), self.preferred)
        form.addRow(self.tr("Pro&nunciation:"), self.pronunciation)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("E&mail:"), self.email)
        form.addRow(self.tr("P&hone:"), self.phone)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self._fields = {"Full name": self.full_name, "Preferred name": self.preferred,
                        "Pronunciation": self.pronunciation, "Email": self.email,
                        "Phone": self.phone, "Language": self.language}

    def fields(self) -> GuestFields:
        return GuestFields(
            full_name=self.full_name.text(), preferred_name=self.preferred.text(),
            pronunciation=self.pronunciation.text(),
            language=str(self.language.currentData()),
            email=self.email.text() or None, phone=self.phone.text() or None)

    def save(self) -> None:
        try:
            if self.guest is None:
                self.saved = guests.create_guest(self.store, self.actor, self.fields())
            else:
                self.saved = guests.update_guest(self.store, self.actor, self.guest.id,
                                                 self.fields())
        except ValidationError as exc:
            self.error.setText(say(exc))
            widget = self._fields.get(exc.field)
            if widget is not None:
                widget.setFocus()
            return
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()
