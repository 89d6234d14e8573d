"""The inner pages of Show guest: the guest corrects their details; staff take the screen back.

The correction page speaks the guest's language (``app.report_text``). The
hand-over page starts with a line for the guest, then a small panel for
staff (Qt translations): the PIN that ends Show guest — the opener's or any
manager's, checked by ``app.guest_view`` (wrong PINs slow down and lock no
account) — and the names of files made for the guest in this session. There
is no erasure here: that is a manager's action at the desk, after Show guest.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
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

from app import languages
from app.errors import FrontdeskError
from app.guest_view import GuestViewSession
from app.guests import GuestFields
from app.i18n import translate
from app.report_text import Say, say
from app.views import GuestInfo


def label(value: str, name: str) -> QLabel:
    lab = QLabel(value)
    lab.setObjectName(name)
    lab.setWordWrap(True)
    lab.setIndent(0)  # no automatic indent when the style sheet gives the label padding
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


def button(value: str, name: str = "") -> QPushButton:
    b = QPushButton(value)
    if name:
        b.setObjectName(name)
    b.setAutoDefault(True)  # Enter presses the focused button, as Space does
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    return b


def _pin_field() -> QLineEdit:
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setMaxLength(12)
    field.setMaximumWidth(260)
    field.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
    return field


class CorrectPage(QWidget):
    """The guest corrects name, pronunciation, language and contact details."""

    saved = Signal(object)  # GuestFields
    cancelled = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(160, 50, 160, 50)
        self.title = label("", "sgSection")
        outer.addWidget(self.title)
        self.form = QFormLayout()
        self.form.setVerticalSpacing(16)
        self.form.setHorizontalSpacing(24)
        self.full_name, self.preferred, self.pronunciation = QLineEdit(), QLineEdit(), QLineEdit()
        self.email, self.phone = QLineEdit(), QLineEdit()
        self.language = QComboBox()
        for lang in languages.all_languages():
            self.language.addItem(lang.native_name, lang.code)
        self.rows: list[tuple[str, QWidget]] = [
            (Say.FIELD_FULL_NAME, self.full_name), (Say.FIELD_PREFERRED_NAME, self.preferred),
            (Say.FIELD_PRONUNCIATION, self.pronunciation), (Say.FIELD_LANGUAGE, self.language),
            (Say.FIELD_EMAIL, self.email), (Say.FIELD_PHONE, self.phone)]
        self.field_labels: list[QLabel] = []
        for _msgid, widget in self.rows:
            if isinstance(widget, QLineEdit):
                widget.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)
            lab = label("", "sgField")
            self.field_labels.append(lab)
            self.form.addRow(lab, widget)
        outer.addLayout(self.form)
        self.error = label("", "sgError")
        outer.addWidget(self.error)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = button("")
        self.cancel.clicked.connect(self.cancelled)
        self.save = button("", "sgPrimary")
        self.save.clicked.connect(self._save)
        row.addWidget(self.cancel)
        row.addSpacing(24)
        row.addWidget(self.save)
        outer.addLayout(row)
        outer.addStretch(1)

    def load(self, guest: GuestInfo, language: str) -> None:
        self.title.setText(say(language, Say.CORRECT_TITLE))
        for lab, (msgid, _w) in zip(self.field_labels, self.rows, strict=True):
            lab.setText(say(language, msgid))
        self.full_name.setText(guest.full_name)
        self.preferred.setText(guest.preferred_name)
        self.pronunciation.setText(guest.pronunciation)
        self.email.setText(guest.email or "")
        self.phone.setText(guest.phone or "")
        self.language.setCurrentIndex(max(0, self.language.findData(guest.language)))
        self.cancel.setText(say(language, Say.CANCEL))
        self.save.setText(say(language, Say.SAVE))
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
    """Hand-over line for the guest; then the PIN that returns the screen to the desk."""

    back = Signal()
    leave = Signal()

    def __init__(self, session: GuestViewSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.language = languages.source()
        # While the PIN field waits, focus rests on the page itself, not on a button that
        # Enter (typed with the next PIN) would press.
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(160, 70, 160, 50)
        self.handover = label("", "sgBig")
        self.handover.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.handover)
        row = QHBoxLayout()
        row.addStretch(1)
        self.back_button = button("")
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
        lay.addWidget(label(self.tr(
            "For staff: type your PIN ({name}), or a manager's, to return to the desk.")
            .format(name=session.opener.first_name), "sgStaff"))
        pin_row = QHBoxLayout()
        self.pin = _pin_field()
        self.pin.returnPressed.connect(self.try_leave)
        self.leave_button = button(self.tr("Return to desk"), "sgStaffButton")
        self.leave_button.clicked.connect(self.try_leave)
        pin_row.addWidget(self.pin)
        pin_row.addWidget(self.leave_button)
        pin_row.addStretch(1)
        lay.addLayout(pin_row)
        self.error = label("", "sgError")
        lay.addWidget(self.error)
        self.files = label("", "sgStaff")
        self.files.hide()
        lay.addWidget(self.files)
        outer.addWidget(panel)
        self.wait_timer = QTimer(self)
        self.wait_timer.setInterval(500)
        self.wait_timer.timeout.connect(self._tick)

    def load(self, language: str, saved: list[Path] | None = None) -> None:
        self.language = language
        self.handover.setText(say(language, Say.HANDOVER))
        self.back_button.setText(say(language, Say.CANCEL))
        self.pin.clear()
        self.error.setText("")
        names = [p.name for p in saved or []]
        self.files.setText(self.tr("Files made for the guest (folder for guest files): {names}")
                           .format(names=", ".join(names)) if names else "")
        self.files.setVisible(bool(names))
        self._tick()

    def try_leave(self) -> None:
        pin = self.pin.text()
        self.pin.clear()
        try:
            self.session.end(pin)
        except FrontdeskError as exc:
            self.error.setText(translate(exc, self.language))
            self._tick()
            self.pin.setFocus()
            return
        self.leave.emit()

    def _tick(self) -> None:
        """While wrong PINs make the next try wait, the PIN field waits too."""
        waiting = self.session.wait_seconds() > 0
        if waiting and self.pin.hasFocus():
            self.setFocus()
        self.pin.setEnabled(not waiting)
        self.leave_button.setEnabled(not waiting)
        if waiting and not self.wait_timer.isActive():
            self.wait_timer.start()
        elif not waiting and self.wait_timer.isActive():
            self.wait_timer.stop()
            self.pin.setFocus()
