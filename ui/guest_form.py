"""Create or correct a guest: only facts the guest gives us, never an opinion.

Before a new guest is saved, the profiles they probably already have are listed
(``app.duplicates``: same email, same phone, same or similar name): staff open
the existing one (Enter on the list) or press Save again to add a new profile
anyway. A correction that gives the guest another profile's email or phone is
warned about the same way; a manager can merge the two (Manager ▸ Merge guest
profiles…).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import duplicates, guests
from app.duplicates import LikelyDuplicate
from app.errors import FrontdeskError, ValidationError
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor, GuestInfo
from ui import field_errors, texts
from ui.i18n import say


class GuestDialog(QDialog):
    """``exec()`` returns Accepted after a successful save; ``saved`` holds the result."""

    def __init__(self, store: Store, actor: Actor, guest: GuestInfo | None = None,
                 parent: QWidget | None = None, *, initial_name: str = "") -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest = store, actor, guest
        self.saved: GuestInfo | None = None
        self.used_existing = False  # True when staff chose an existing profile instead
        self._warned_for: GuestFields | None = None
        self.setWindowTitle(self.tr("New guest") if guest is None else self.tr("Edit guest"))
        self.setMinimumWidth(620)
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
        for code, name in texts.languages_offered():
            self.language.addItem(name, code)
        if guest is not None:
            self.language.setCurrentIndex(max(0, self.language.findData(guest.language)))
        self.email = QLineEdit((guest.email or "") if guest else "")
        self.email.setObjectName("email")
        self.phone = QLineEdit((guest.phone or "") if guest else "")
        self.phone.setObjectName("phone")
        # No maxLength: a pasted 300-character name is refused with a message by app/, not
        # cut to 200 without a word (issue #17; desk's hook, ui/field_errors.py).
        form = self.form = QFormLayout()
        form.addRow(self.tr("&Full name:"), self.full_name)
        form.addRow(self.tr("&Preferred name:"), self.preferred)
        form.addRow(self.tr("Pro&nunciation:"), self.pronunciation)
        form.addRow(self.tr("&Language:"), self.language)
        form.addRow(self.tr("E&mail:"), self.email)
        form.addRow(self.tr("P&hone:"), self.phone)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.similar_intro = QLabel()
        self.similar_intro.setObjectName("warning")
        self.similar_intro.setWordWrap(True)
        self.similar = QListWidget()
        self.similar.setObjectName("likelyExisting")
        self.similar.setMaximumHeight(150)
        self.similar.setWordWrap(True)
        self.similar.itemActivated.connect(lambda _item: self.open_existing())
        self.open_button = QPushButton(self.tr("&Open this guest"))
        self.open_button.setObjectName("openExisting")
        self.open_button.clicked.connect(self.open_existing)
        for w in (self.similar_intro, self.similar, self.open_button):
            w.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(self.similar_intro)
        lay.addWidget(self.similar)
        lay.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(self.buttons)
        self._fields = {"Full name": self.full_name, "Preferred name": self.preferred,
                        "Pronunciation": self.pronunciation, "Email": self.email,
                        "Phone": self.phone, "Language": self.language}

    def fields(self) -> GuestFields:
        return GuestFields(
            full_name=self.full_name.text(), preferred_name=self.preferred.text(),
            pronunciation=self.pronunciation.text(),
            language=str(self.language.currentData()),
            email=self.email.text() or None, phone=self.phone.text() or None)

    def _check_duplicates(self, fields: GuestFields) -> bool:
        """Show likely existing profiles once for these fields; True when there were some."""
        if self._warned_for == fields:
            return False  # Save pressed again on the same details: staff chose a new profile
        found = duplicates.likely_existing(self.store, self.actor, fields,
                                           exclude_id=self.guest.id if self.guest else None)
        if not found:
            return False
        self._warned_for = fields
        self._show_similar(found)
        return True

    def _show_similar(self, found: list[LikelyDuplicate]) -> None:
        self.similar.clear()
        for d in found:
            g = d.guest
            item = QListWidgetItem(describe(d))
            item.setData(Qt.ItemDataRole.UserRole, g)
            self.similar.addItem(item)
        self.similar.setCurrentRow(0)
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        if self.guest is None:
            self.similar_intro.setText(self.tr(
                "This guest may already have a profile. Open it (Enter), or press Save again "
                "to add a new profile anyway."))
            save.setText(self.tr("&Save as new guest"))
            self.open_button.show()
        else:
            self.similar_intro.setText(self.tr(
                "Another profile has the same details. Press Save again to keep both; a "
                "manager can merge them (Manager ▸ Merge guest profiles…)."))
            save.setText(self.tr("&Save anyway"))
        for w in (self.similar_intro, self.similar):
            w.show()
        self.similar.setFocus()

    def open_existing(self) -> None:
        item = self.similar.currentItem()
        if self.guest is not None or item is None:
            return
        self.saved = item.data(Qt.ItemDataRole.UserRole)
        self.used_existing = True
        self.accept()

    def save(self) -> None:
        field_errors.clear(self.form)
        try:
            if self._check_duplicates(self.fields()):
                return
            if self.guest is None:
                self.saved = guests.create_guest(self.store, self.actor, self.fields())
            else:
                self.saved = guests.update_guest(self.store, self.actor, self.guest.id,
                                                 self.fields())
        except ValidationError as exc:
            widget = self._fields.get(exc.field)
            if widget is not None:
                field_errors.show(self.form, widget, say(exc))  # under the field it is about
                self.error.clear()
            else:
                self.error.setText(say(exc))
            return
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()


def describe(found: LikelyDuplicate) -> str:
    """One likely existing profile in two lines: name and contact, then why it was listed."""
    g = found.guest
    contact = " · ".join(x for x in (g.email, g.phone) if x)
    why = ", ".join(say(r) for r in found.reasons)
    return f"{g.full_name}" + (f" · {contact}" if contact else "") + f"\n    {why}"


def other_profiles_message(parent: QWidget, found: list[LikelyDuplicate]) -> QMessageBox:
    """Tell staff, back at the desk, that a guest's own correction matches other profiles.

    Opened without blocking (``open``), after the staff PIN closed Show guest: the guest
    never sees other guests' names. A manager merges (Manager ▸ Merge guest profiles…).
    """
    box = QMessageBox(QMessageBox.Icon.Information,
                      QCoreApplication.translate("GuestForm", "Other profiles"),
                      QCoreApplication.translate(
                          "GuestForm", "The details the guest corrected in Show guest match "
                          "other profiles. If they are the same person, a manager can merge "
                          "them (Manager ▸ Merge guest profiles…)."),
                      QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("otherProfiles")
    # Wide enough that a name, email and phone stay on one line (Qt's own labels' names).
    box.setStyleSheet("QLabel#qt_msgbox_label, QLabel#qt_msgbox_informativelabel "
                      "{ min-width: 520px; }")
    box.setInformativeText("\n".join(describe(d) for d in found))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
