"""The two inner pages of Show guest: the guest corrects their details; staff take the screen back.

The correction page speaks the guest's language (texts from
``app.report_text``). The staff page starts with a hand-over line for the
guest, then speaks to staff (Qt translations): the PIN that ends Show guest,
and a manager's erasure, which needs a manager's own PIN at that moment.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import erasure, languages, staff
from app.domain import Role
from app.errors import FrontdeskError
from app.guests import GuestFields
from app.opening import Store
from app.report_text import text
from app.views import Actor, GuestInfo


def _label(value: str, name: str) -> QLabel:
    lab = QLabel(value)
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setIndent(0)
    return lab


def _button(value: str, name: str = "") -> QPushButton:
    b = QPushButton(value)
    if name:
        b.setObjectName(name)
    b.setAutoDefault(True)
    return b


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setMaximumWidth(260)
    return field


class CorrectPage(QWidget):
    """The guest corrects name, pronunciation, language and contact details."""

    saved = Signal(object)  # GuestFields
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(160, 50, 160, 50)
        self.title = _label("", "sgSection")
        outer.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(16)
        self.form.setHorizontalSpacing(24)
        self.full_name, self.preferred, self.pronunciation = QLineEdit(), QLineEdit(), QLineEdit()
        self.email, self.phone = QLineEdit(), QLineEdit()
        self.language = QComboBox()
        for lang in languages.all_languages():  # the registry: each in its own words
            self.language.addItem(lang.native_name, lang.code)
        self.rows: list[tuple[str, QWidget]] = [
            ("field.full_name", self.full_name), ("field.preferred_name", self.preferred),
            ("field.pronunciation", self.pronunciation), ("field.language", self.language),
            ("field.email", self.email), ("field.phone", self.phone)]
        self.field_labels: list[QLabel] = []
        for _key, widget in self.rows:
            lab = _label("", "sgField")
            self.field_labels.append(lab)
            self.form.addRow(lab, widget)
        outer.addLayout(self.form)
        self.error = _label("", "sgError")
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = _button("")
        self.cancel.clicked.connect(self.cancelled)
        self.save = _button("", "sgPrimary")
        self.save.clicked.connect(self._save)
        row.addWidget(self.cancel)
        row.addSpacing(24)
        row.addWidget(self.save)
        outer.addLayout(row)
        outer.addStretch(1)

    def load(self, guest: GuestInfo, language: str) -> None:
        self.title.setText(text(language, "correct.title"))
        for lab, (key, _w) in zip(self.field_labels, self.rows, strict=True):
            lab.setText(text(language, key))
        self.full_name.setText(guest.full_name)
        self.preferred.setText(guest.preferred_name)
        self.pronunciation.setText(guest.pronunciation)
        self.email.setText(guest.email or "")
        self.phone.setText(guest.phone or "")
        self.language.setCurrentIndex(max(0, self.language.findData(guest.language)))
        self.cancel.setText(text(language, "button.cancel"))
        self.save.setText(text(language, "button.save"))
        self.error.setText("")

    def focus_first(self) -> None:
        self.preferred.setFocus()
        self.preferred.selectAll()

    def show_error(self, message: str) -> None:
        self.error.setText(message)

    def _save(self) -> None:
        self.saved.emit(GuestFields(
            full_name=self.full_name.text(), preferred_name=self.preferred.text(),
            pronunciation=self.pronunciation.text(),
            language=str(self.language.currentData()), email=self.email.text() or None,
            phone=self.phone.text() or None))


class StaffPage(QWidget):
    """Hand-over line for the guest; then the staff PIN (leave) and a manager's erasure."""

    back = Signal()
    leave = Signal()
    erased = Signal()

    def __init__(self, store: Store, actor: Actor, guest: GuestInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest = store, actor, guest
        outer = QVBoxLayout(self)
        outer.setContentsMargins(160, 70, 160, 50)
        self.handover = _label("", "sgBig")
        self.handover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.handover)
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = _button("")
        self.back_button.clicked.connect(self.back)
        row.addWidget(self.back_button)
        row.addStretch(1)
        outer.addSpacing(20)
        outer.addLayout(row)
        outer.addStretch(1)

        panel = QFrame()
        panel.setObjectName("sgCard")
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(26, 18, 26, 18)
        lay.addWidget(_label(self.tr("For staff: type your PIN ({name}) to return to the desk.")
                             .format(name=actor.first_name), "sgStaff"))
        pin_row = QHBoxLayout()
        self.pin = _pin_field()
        self.pin.returnPressed.connect(self.try_leave)
        self.leave_button = _button(self.tr("Return to desk"), "sgStaffButton")
        self.leave_button.clicked.connect(self.try_leave)
        self.erase_button = _button(self.tr("Erase this guest on request…"), "sgStaffButton")
        self.erase_button.clicked.connect(self.show_erase)
        pin_row.addWidget(self.pin)
        pin_row.addWidget(self.leave_button)
        pin_row.addStretch(1)
        pin_row.addWidget(self.erase_button)
        lay.addLayout(pin_row)
        self.error = _label("", "sgError")
        lay.addWidget(self.error)
        self.erase_panel = self._erase_panel()
        self.erase_panel.hide()
        lay.addWidget(self.erase_panel)
        outer.addWidget(panel)

    def _erase_panel(self) -> QWidget:
        box = QWidget()
        lay = QVBoxLayout(box)
        lay.setContentsMargins(0, 12, 0, 0)
        lay.addWidget(_label(self.tr(
            "Erase {name} completely? Their details, labels, visits and consents are deleted "
            "at once and cannot be restored; copies kept from upgrades are deleted too. The "
            "audit log keeps only an anonymous token. A manager confirms with their own PIN.")
            .format(name=self.guest.full_name), "sgStaff"))
        row = QHBoxLayout()
        self.manager = QComboBox()
        for st in staff.list_staff(self.store):
            if st.role == Role.MANAGER and st.active:
                self.manager.addItem(st.name, st.id)
        found = self.manager.findData(self.actor.id)
        if found >= 0:
            self.manager.setCurrentIndex(found)
        self.manager_pin = _pin_field()
        self.manager_pin.returnPressed.connect(self.try_erase)
        self.erase_confirm = _button(self.tr("Erase everything"), "sgStaffButton")
        self.erase_confirm.clicked.connect(self.try_erase)
        row.addWidget(self.manager)
        row.addWidget(self.manager_pin)
        row.addWidget(self.erase_confirm)
        row.addStretch(1)
        lay.addLayout(row)
        return box

    def load(self, language: str) -> None:
        self.handover.setText(text(language, "handover"))
        self.back_button.setText(text(language, "button.cancel"))
        self.pin.clear()
        self.error.setText("")
        self.erase_panel.hide()

    def try_leave(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        try:
            staff.sign_in(self.store, self.actor.id, pin)
        except FrontdeskError as exc:
            self.error.setText(str(exc))
            self.pin.setFocus()
            return
        self.leave.emit()

    def show_erase(self) -> None:
        self.erase_panel.show()
        self.manager_pin.setFocus()

    def try_erase(self) -> None:
        pin = self.manager_pin.text()
        self.manager_pin.clear()
        manager_id = self.manager.currentData()
        if manager_id is None:
            self.error.setText(self.tr("Only a manager can erase a guest; no manager found."))
            return
        try:
            manager = staff.sign_in(self.store, int(manager_id), pin)
            erasure.erase_guest(self.store, manager, self.guest.id)
        except FrontdeskError as exc:
            self.error.setText(str(exc))
            self.manager_pin.setFocus()
            return
        self.erased.emit()
