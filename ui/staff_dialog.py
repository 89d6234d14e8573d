"""Managers add staff and deactivate accounts (app/ checks the permission again)."""

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

from app import staff
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


class StaffDialog(QDialog):
    """Everyone with an account; add, deactivate or reactivate."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Staff"))
        self.resize(640, 420)
        self.model = StaffModel(self)
        self.table = DeskTable(self.model, stretch=StaffModel.NAME)
        self.table.setObjectName("staffTable")
        self.add_button = QPushButton(self.tr("&Add staff member…"))
        self.add_button.setObjectName("addStaff")
        self.toggle_button = QPushButton(self.tr("&Deactivate"))
        self.toggle_button.setObjectName("toggleStaff")
        close = QPushButton(self.tr("Close"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.toggle_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        note = QLabel(self.tr("Deactivated staff can no longer sign in; their name stays on "
                              "what they recorded."))
        note.setObjectName("hint")
        note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.addWidget(self.table, 1)
        lay.addWidget(note)
        lay.addLayout(buttons)
        self.add_button.clicked.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle)
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
        self.toggle_button.setEnabled(person is not None and person.id != self.actor.id)
        self.toggle_button.setText(self.tr("Re&activate") if person and not person.active
                                   else self.tr("&Deactivate"))

    def add(self) -> None:
        dialog = AddStaffDialog(self.store, self.actor, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.refresh(dialog.saved.id)

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
