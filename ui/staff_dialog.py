"""Managers add staff, reset a PIN, unlock an account, change a role, deactivate an account.

app/ checks the permission again and writes each change to the audit log.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import staff, staff_admin
from app.domain import Role
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, StaffInfo
from ui import texts
from ui.i18n import say
from ui.models.staff_model import StaffModel
from ui.tables import DeskTable


class AddStaffDialog(QDialog):
    """Name, role and a first PIN (typed twice)."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.saved: StaffInfo | None = None
        self.setWindowTitle(self.tr("Add staff member"))
        self.setMinimumWidth(460)
        self.name = QLineEdit()
        self.name.setObjectName("staffName")
        self.name.setMaxLength(80)
        self.role = QComboBox()
        self.role.setObjectName("staffRole")
        for r in (Role.RECEPTIONIST, Role.HOST, Role.MANAGER):
            self.role.addItem(texts.role(r), r)
        self.pin = QLineEdit()
        self.pin.setObjectName("staffPin")
        self.pin2 = QLineEdit()
        self.pin2.setObjectName("staffPin2")
        for f in (self.pin, self.pin2):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.name)
        form.addRow(self.tr("&Role:"), self.role)
        form.addRow(self.tr("&PIN (4–12 digits):"), self.pin)
        form.addRow(self.tr("PIN &again:"), self.pin2)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def save(self) -> None:
        if self.pin.text() != self.pin2.text():
            self.error.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            self.saved = staff.add_staff(self.store, self.actor, self.name.text(),
                                         Role(self.role.currentData()), self.pin.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()


class ResetPinDialog(QDialog):
    """A new PIN for someone who forgot theirs (typed twice); the lock-out is lifted too."""

    def __init__(self, store: Store, actor: Actor, person: StaffInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.person = store, actor, person
        self.setWindowTitle(self.tr("Reset PIN"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("A new PIN for {name}. Tell it to them in person; they can "
                               "sign in with it at once.").format(
            name=texts.isolate(person.name)))
        intro.setWordWrap(True)
        self.pin = QLineEdit()
        self.pin.setObjectName("newPin")
        self.pin2 = QLineEdit()
        self.pin2.setObjectName("newPin2")
        for f in (self.pin, self.pin2):
            f.setEchoMode(QLineEdit.EchoMode.Password)
            f.setMaxLength(12)
        form = QFormLayout()
        form.addRow(self.tr("New &PIN (4–12 digits):"), self.pin)
        form.addRow(self.tr("PIN &again:"), self.pin2)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def save(self) -> None:
        if self.pin.text() != self.pin2.text():
            self.error.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            return
        try:
            staff.reset_pin(self.store, self.actor, self.person.id, self.pin.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()


class RoleDialog(QDialog):
    """Another role for someone (the permission table follows the role)."""

    def __init__(self, store: Store, actor: Actor, person: StaffInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.person = store, actor, person
        self.setWindowTitle(self.tr("Change role"))
        self.setMinimumWidth(460)
        intro = QLabel(self.tr("{name} is now {role}. What they may do follows their role.")
                       .format(name=texts.isolate(person.name), role=texts.role(person.role)))
        intro.setWordWrap(True)
        self.role = QComboBox()
        self.role.setObjectName("newRole")
        for r in (Role.RECEPTIONIST, Role.HOST, Role.MANAGER):
            self.role.addItem(texts.role(r), r)
        self.role.setCurrentIndex(self.role.findData(person.role))
        form = QFormLayout()
        form.addRow(self.tr("New &role:"), self.role)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                               | QDialogButtonBox.StandardButton.Cancel)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def save(self) -> None:
        try:
            staff_admin.change_role(self.store, self.actor, self.person.id,
                                    Role(self.role.currentData()))
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()


class StaffDialog(QDialog):
    """Everyone with an account: add, reset a PIN, unlock, change a role, (de)activate."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Staff"))
        self.resize(900, 460)
        self.model = StaffModel(self)
        self.table = DeskTable(self.model, stretch=StaffModel.NAME)
        self.table.setObjectName("staffTable")
        self.add_button = QPushButton(self.tr("&Add staff member…"))
        self.add_button.setObjectName("addStaff")
        self.toggle_button = QPushButton(self.tr("&Deactivate"))
        self.toggle_button.setObjectName("toggleStaff")
        self.pin_button = QPushButton(self.tr("Reset &PIN…"))
        self.pin_button.setObjectName("resetPin")
        self.unlock_button = QPushButton(self.tr("&Unlock"))
        self.unlock_button.setObjectName("unlockStaff")
        self.role_button = QPushButton(self.tr("Change &role…"))
        self.role_button.setObjectName("changeRole")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.pin_button)
        buttons.addWidget(self.unlock_button)
        buttons.addWidget(self.role_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        note = QLabel(self.tr("Deactivated staff can no longer sign in; their name stays on "
                              "what they recorded. Five wrong PINs lock an account for five "
                              "minutes; Unlock lifts it now. Every change here is in the audit "
                              "log."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.status = QLabel()
        self.status.setObjectName("staffStatus")
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        lay.addWidget(self.status)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
        self.pin_button.clicked.connect(self.reset_pin)
        self.unlock_button.clicked.connect(self.unlock)
        self.role_button.clicked.connect(self.change_role)
        close.clicked.connect(self.accept)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update())
        self.refresh()
        self.table.setFocus()

    def refresh(self, select_id: int | None = None) -> None:
        try:
            rows = staff.list_staff(self.store, include_inactive=True)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Staff"), say(exc))
            return
        self.model.set_rows(rows)
        for i, r in enumerate(rows):
            if r.id == select_id:
                self.table.selectRow(i)
        self._update()

    def selected(self) -> StaffInfo | None:
        return self.model.row_at(self.table.current_row())

    def _update(self) -> None:
        person = self.selected()
        other = person is not None and person.id != self.actor.id
        self.toggle_button.setEnabled(other)
        self.role_button.setEnabled(other)
        self.pin_button.setEnabled(person is not None and person.active)
        self.unlock_button.setEnabled(person is not None and person.locked_until is not None)
        self.toggle_button.setText(self.tr("Re&activate") if person and not person.active
                                   else self.tr("&Deactivate"))

    def add(self) -> None:
        dialog = AddStaffDialog(self.store, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh(dialog.saved.id)

    def reset_pin(self) -> None:
        person = self.selected()
        if person is not None and ResetPinDialog(self.store, self.actor, person, self).exec() \
                == QDialog.DialogCode.Accepted:
            self._done(self.tr("New PIN set for {name}.").format(name=person.name), person.id)

    def change_role(self) -> None:
        person = self.selected()
        if person is not None and RoleDialog(self.store, self.actor, person, self).exec() \
                == QDialog.DialogCode.Accepted:
            self._done(self.tr("Role changed for {name}.").format(name=person.name), person.id)

    def unlock(self) -> None:
        person = self.selected()
        if person is None:
            return
        try:
            staff_admin.unlock(self.store, self.actor, person.id)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Staff"), say(exc))
            return
        self._done(self.tr("{name} can sign in again.").format(name=person.name), person.id)

    def _done(self, message: str, staff_id: int) -> None:
        self.status.setText(message)
        self.refresh(staff_id)

    def toggle(self) -> None:
        person = self.selected()
        if person is None:
            return
        if person.active:
            answer = QMessageBox.question(
                self, self.tr("Deactivate"),
                self.tr("Deactivate {name}? They can no longer sign in.").format(
                    name=person.name))
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            staff.set_active(self.store, self.actor, person.id, not person.active)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Staff"), say(exc))
            return
        self.refresh(person.id)
