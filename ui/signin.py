"""Sign-in (also the lock screen) and the first-run manager account.

The lock screen is this same page: it shows staff names and a PIN field,
never anything about a guest.

The page is on screen before the store opens (ui.main), so this module loads
no storage layer: ``app.staff`` (SQLAlchemy, the models) is imported when the
names are listed, by then already loaded by the thread that opened the store.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.errors import FrontdeskError
from ui.i18n import say

if TYPE_CHECKING:
    from app.opening import Store
    from app.views import Actor


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    return field


def _centered(panel: QWidget) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(panel)
    row.addStretch(1)
    return row


class SignInPage(QWidget):
    """Pick your name, type your PIN. ``signed_in`` carries the Actor."""

    signed_in = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        self.title = QLabel(self.tr("Sign in"))
        self.title.setObjectName("lockTitle")
        self.title.setWordWrap(True)  # "Desk locked" is longer in other languages
        self.subtitle = QLabel(self.tr("Choose your name and type your PIN."))
        self.subtitle.setObjectName("subtitle")
        self.subtitle.setWordWrap(True)
        self.names = QListWidget()
        self.names.setObjectName("staffNames")
        self.names.setMinimumHeight(160)
        self.pin = _pin_field()
        self.pin.setObjectName("pin")
        self.pin.setPlaceholderText(self.tr("PIN"))
        self.button = QPushButton(self.tr("&Sign in"))
        self.button.setDefault(True)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        names_label = QLabel(self.tr("&Name:"))
        names_label.setBuddy(self.names)
        pin_label = QLabel(self.tr("&PIN:"))
        pin_label.setBuddy(self.pin)

        panel = QFrame()
        panel.setObjectName("panel")
        panel.setFixedWidth(460)
        form = QVBoxLayout(panel)
        form.setContentsMargins(28, 24, 28, 24)
        form.setSpacing(10)
        form.addWidget(self.title)
        form.addWidget(self.subtitle)
        form.addWidget(names_label)
        form.addWidget(self.names)
        form.addWidget(pin_label)
        form.addWidget(self.pin)
        form.addWidget(self.error)
        form.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)

        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(_centered(panel))
        outer.addStretch(2)

        self.button.clicked.connect(self.try_sign_in)
        self.pin.returnPressed.connect(self.try_sign_in)
        self.names.itemActivated.connect(lambda _item: self.pin.setFocus())
        self.pin.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Up/Down in the PIN field choose the name, so the hands stay on the keys."""
        if watched is self.pin and event.type() == QEvent.Type.KeyPress:
            key = event.key() if isinstance(event, QKeyEvent) else None
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and self.names.count():
                step = -1 if key == Qt.Key.Key_Up else 1
                row = max(0, min(self.names.count() - 1, self.names.currentRow() + step))
                self.names.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def load(self, store: Store, *, locked_by: Actor | None = None) -> None:
        """Fill the name list; on the lock screen preselect whoever was signed in."""
        self.store = store
        self.names.clear()
        self.pin.clear()
        self.error.clear()
        if locked_by is not None:
            self.title.setText(self.tr("Desk locked"))
            self.subtitle.setText(self.tr("{name}, type your PIN to continue — or choose your "
                                          "own name to take over the desk.")
                                  .format(name=locked_by.first_name))
        else:
            self.title.setText(self.tr("Sign in"))
            self.subtitle.setText(self.tr("Choose your name and type your PIN."))
        from app import staff
        from ui import texts

        try:
            people = staff.list_staff(store)
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        for person in people:
            item = QListWidgetItem(f"{person.name}  ·  {texts.role(person.role)}")
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            self.names.addItem(item)
            if locked_by is not None and person.id == locked_by.id:
                self.names.setCurrentItem(item)
        if self.names.currentRow() < 0 and self.names.count():
            self.names.setCurrentRow(0)
        self.pin.setFocus()

    def try_sign_in(self) -> None:
        item = self.names.currentItem()
        if self.store is None or item is None:
            self.error.setText(self.tr("Choose your name first."))
            return
        staff_id = int(item.data(Qt.ItemDataRole.UserRole))
        from app import staff

        try:
            actor = staff.sign_in(self.store, staff_id, self.pin.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.pin.clear()
        self.error.clear()
        self.signed_in.emit(actor)


class FirstRunPage(QWidget):
    """An empty store: create the first manager, then load the starter vocabulary."""

    created = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store: Store | None = None
        title = QLabel(self.tr("Welcome to Frontdesk"))
        title.setObjectName("lockTitle")
        title.setWordWrap(True)  # longer in other languages: wrap, never cut
        intro = QLabel(self.tr("This store has no staff yet. Create the first manager account: "
                               "the manager adds the other staff and approves labels."))
        intro.setWordWrap(True)
        intro.setObjectName("subtitle")
        self.name = QLineEdit()
        self.name.setObjectName("managerName")
        self.name.setMaxLength(80)
        self.pin = _pin_field()
        self.pin.setObjectName("managerPin")
        self.pin2 = _pin_field()
        self.pin2.setObjectName("managerPin2")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.button = QPushButton(self.tr("&Create manager account"))
        self.button.setDefault(True)
        # On by default: a desk opened at login is ready the moment Frontdesk is started
        # (its store opened before anyone is at the desk). Hidden for the demo store.
        self.at_login = QCheckBox(self.tr("&Open Frontdesk when I log in"))
        self.at_login.setObjectName("firstRunAtLogin")
        self.at_login.setChecked(True)
        self.at_login_hint = QLabel(self.tr(
            "It then opens this store when you log in to this computer and waits, so the "
            "desk is ready the moment Frontdesk is started. Desk ▸ Open at login changes it."))
        self.at_login_hint.setWordWrap(True)
        self.at_login_hint.setObjectName("subtitle")
        self.at_login.toggled.connect(self.at_login_hint.setEnabled)
        self.show_at_login(False)
        form = QFormLayout()
        form.addRow(self.tr("&Your name:"), self.name)
        form.addRow(self.tr("&PIN (4–12 digits):"), self.pin)
        form.addRow(self.tr("PIN &again:"), self.pin2)

        panel = QFrame()
        panel.setObjectName("panel")
        panel.setFixedWidth(560)
        lay = QVBoxLayout(panel)
        lay.setContentsMargins(28, 24, 28, 24)
        lay.setSpacing(12)
        lay.addWidget(title)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.at_login)
        lay.addWidget(self.at_login_hint)
        lay.addWidget(self.error)
        lay.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addLayout(_centered(panel))
        outer.addStretch(2)
        self.button.clicked.connect(self.create_manager)
        for field in (self.name, self.pin, self.pin2):
            field.returnPressed.connect(self.create_manager)

    def show_at_login(self, offered: bool) -> None:
        """Offered for a desk's own store; not for the demo (thrown away when it closes)."""
        self.at_login.setVisible(offered)
        self.at_login_hint.setVisible(offered)

    def load(self, store: Store) -> None:
        self.store = store
        self.name.setFocus()

    def create_manager(self) -> None:
        if self.store is None:
            return
        if self.pin.text() != self.pin2.text():
            self.error.setText(self.tr("The two PINs differ. Type the same PIN twice."))
            self.pin2.clear()
            self.pin2.setFocus()
            return
        from app import recovery, staff, vocabulary

        try:
            actor = staff.create_first_manager(self.store, self.name.text(), self.pin.text())
            vocabulary.load_starter(self.store, actor)
            phrase = (recovery.set_up_recovery(self.store, actor)
                      if recovery.needs_recovery_passphrase(self.store) else None)
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.pin.clear()
        self.pin2.clear()
        self.created.emit(actor)
        if phrase:
            # Shown once: the way back in if this computer's keyring is ever lost.
            from ui.keyring_trouble import show_recovery_passphrase

            self.recovery_box = show_recovery_passphrase(phrase, self.window(), wait=False)


class QuitDialog(QDialog):
    """Quitting a locked desk: the PIN of the person who locked it, or of a manager.

    A locked desk belongs to someone; anybody walking past could otherwise close it (and,
    with ``--demo``, throw the store away). The PIN is checked by ``app.staff.sign_in``, so
    wrong PINs count towards the lock-out like any other.
    """

    def __init__(self, store: Store, locked_by: Actor, parent: QWidget | None = None) -> None:
        from app import staff
        from app.domain import Role
        from ui import texts

        super().__init__(parent)
        self.store = store
        self.setObjectName("quitDialog")
        self.setWindowTitle(self.tr("Quit Frontdesk"))
        intro = QLabel(self.tr("The desk is locked. To quit, {name} or a manager types their "
                               "PIN.").format(name=texts.isolate(locked_by.first_name)))
        intro.setWordWrap(True)
        self.who = QComboBox()
        self.who.setObjectName("quitWho")
        try:
            people = staff.list_staff(store)
        except FrontdeskError:
            people = []
        for person in people:
            if person.id == locked_by.id or person.role == Role.MANAGER:
                self.who.addItem(f"{person.name}  ·  {texts.role(person.role)}", person.id)
        self.who.setCurrentIndex(max(0, self.who.findData(locked_by.id)))
        self.pin = _pin_field()
        self.pin.setObjectName("quitPin")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("&Name:"), self.who)
        form.addRow(self.tr("&PIN:"), self.pin)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.quit_button = buttons.addButton(self.tr("&Quit"),
                                             QDialogButtonBox.ButtonRole.AcceptRole)
        self.quit_button.setObjectName("confirmQuit")
        self.quit_button.setDefault(True)
        buttons.accepted.connect(self.check)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.setMinimumWidth(460)
        self.pin.setFocus()

    def check(self) -> None:
        staff_id = self.who.currentData()
        if staff_id is None:
            self.error.setText(self.tr("Choose your name first."))
            return
        from app import staff

        try:
            staff.sign_in(self.store, int(staff_id), self.pin.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            self.pin.clear()
            self.pin.setFocus()
            return
        self.accept()
