"""Show guest: the screen turns to the guest and shows everything we keep about them.

One full-screen, application-modal window in the guest's language: large
type, one guest only, no staff controls. The guest can forget any label,
withdraw a consent, correct their details and save a copy (PDF or JSON),
each with a confirmation in their language. Leaving needs the PIN of the
staff member who opened it (or the desk lock): Esc and the close button do
nothing, so a guest cannot wander into the desk. Staff-side choices (erasure)
sit behind the PIN page, in the staff's language.

Everything shown comes from :class:`app.report.GuestReport`, the same data
the PDF and the JSON export are made from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import consents, export, guests, labels, languages
from app import report as rp
from app.domain import RemovalReason
from app.errors import FrontdeskError
from app.opening import Store
from app.report_text import text
from app.views import Actor
from ui.show_guest_pages import CorrectPage, StaffPage

if TYPE_CHECKING:
    from ui.main_window import MainWindow

CONTENT_WIDTH = 1080

STYLE = """
ShowGuestWindow { background: #f6f5f1; }
QLabel { color: #1d2a31; font-size: 17pt; }
QLabel#sgTitle { font-size: 26pt; font-weight: 600; color: #1f4e66; }
QLabel#sgName { font-size: 19pt; color: #33434b; }
QLabel#sgIntro { font-size: 16pt; color: #33434b; }
QLabel#sgNote { font-size: 14pt; color: #5b6b73; }
QLabel#sgSection { font-size: 22pt; font-weight: 600; color: #1f4e66; padding: 18px 0 0 0; }
QLabel#sgSectionIntro { font-size: 15pt; color: #5b6b73; }
QLabel#sgHeading { font-size: 18pt; font-weight: 600; }
QLabel#sgField { font-size: 15pt; color: #5b6b73; }
QLabel#sgValue { font-size: 17pt; }
QLabel#sgEmpty { font-size: 16pt; color: #5b6b73; font-style: italic; }
QLabel#sgTableHead { font-size: 14pt; color: #5b6b73; font-weight: 600; }
QLabel#sgMessage { font-size: 17pt; color: #1d5b3a; font-weight: 600; }
QLabel#sgError { font-size: 16pt; color: #a32020; font-weight: 600; }
QLabel#sgBig { font-size: 22pt; color: #1d2a31; }
QLabel#sgStaff { font-size: 13pt; color: #33434b; }
QFrame#sgCard { background: #ffffff; border: 1px solid #dcded8; border-radius: 10px; }
QFrame#sgBar { background: #ffffff; border-bottom: 1px solid #dcded8; }
QFrame#sgFooter { background: #ffffff; border-top: 1px solid #dcded8; }
QPushButton { font-size: 16pt; padding: 10px 22px; border-radius: 8px;
              background: #e8eeeb; border: 1px solid #c9d1cd; color: #1d2a31; }
QPushButton, QPushButton:default { font-weight: 400; }
QPushButton:focus { border: 3px solid #2f6f8f; }
QPushButton#sgPrimary, QPushButton#sgPrimary:default {
    background: #1f4e66; color: #ffffff; border: 1px solid #1f4e66; font-weight: 600; }
QPushButton#sgPrimary:focus { border: 3px solid #e0a526; }
QPushButton#sgLang { font-size: 14pt; padding: 6px 14px; }
QPushButton#sgLang:checked { background: #1f4e66; color: #ffffff; }
QPushButton#sgStaffButton { font-size: 12pt; padding: 6px 12px; }
QLineEdit, QComboBox { font-size: 17pt; padding: 6px 8px; min-height: 32px; }
"""


def _label(value: str, name: str, *, wrap: bool = True) -> QLabel:
    lab = QLabel(value)
    lab.setObjectName(name)
    lab.setWordWrap(wrap)
    lab.setIndent(0)  # no automatic indent when the style sheet gives the label padding
    lab.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return lab


def _button(value: str, name: str = "") -> QPushButton:
    b = QPushButton(value)
    if name:
        b.setObjectName(name)
    b.setAutoDefault(True)  # Enter presses the focused button, as Space does
    b.setCursor(Qt.CursorShape.PointingHandCursor)
    return b


class ShowGuestWindow(QWidget):
    """The guest-facing view of one guest. ``left`` fires after a staff PIN; ``erased`` too."""

    left = Signal()
    changed = Signal()
    erased = Signal()

    def __init__(self, store: Store, actor: Actor, report: rp.GuestReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.actor = actor
        self.report = report
        self.guest_id = report.guest.id
        self.language = report.language
        self._may_close = False
        self._pending: Callable[[], str] | None = None
        self.action_buttons: list[tuple[QPushButton, rp.ItemAction]] = []
        # Tests replace this; the default asks with Qt's file dialog.
        self.ask_save_path: Callable[[str, str, str], str] = self._ask_save_path
        self.setObjectName("ShowGuestWindow")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.pages = QStackedWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.report_page = QWidget()
        rl = QVBoxLayout(self.report_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        rl.addWidget(self._top_bar())
        rl.addWidget(self.scroll_area, 1)
        rl.addWidget(self._footer())
        self.confirm_page = self._confirm_page()
        self.correct_page = CorrectPage(self)
        self.correct_page.saved.connect(self._ask_correct)
        self.correct_page.cancelled.connect(self.back_to_report)
        self.staff_page = StaffPage(store, actor, report.guest, self)
        self.staff_page.back.connect(self.back_to_report)
        self.staff_page.leave.connect(self._leave)
        self.staff_page.erased.connect(self._erased)
        for page in (self.report_page, self.confirm_page, self.correct_page, self.staff_page):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        self._render()

    # -- building ----------------------------------------------------------------------
    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sgBar")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(40, 18, 40, 18)
        titles = QVBoxLayout()
        self.title = _label("", "sgTitle")
        self.name = _label("", "sgName")
        titles.addWidget(self.title)
        titles.addWidget(self.name)
        lay.addLayout(titles, 1)
        self.lang_buttons: dict[str, QPushButton] = {}
        for lang in languages.guest_languages():  # the registry: each in its own words
            code, name = lang.code, lang.native_name
            b = _button(name, "sgLang")
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, code=code: self.set_language(code))
            self.lang_buttons[code] = b
            lay.addWidget(b)
        lay.addSpacing(24)
        self.done_button = _button("", "sgPrimary")
        self.done_button.clicked.connect(self.request_leave)
        lay.addWidget(self.done_button)
        return bar

    def _footer(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sgFooter")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(40, 12, 40, 12)
        self.message = _label("", "sgMessage")
        lay.addWidget(self.message, 1)
        self.correct_button = _button("")
        self.correct_button.clicked.connect(self.open_correct)
        self.pdf_button = _button("")
        self.pdf_button.clicked.connect(lambda: self.save_copy("pdf"))
        self.json_button = _button("")
        self.json_button.clicked.connect(lambda: self.save_copy("json"))
        for b in (self.correct_button, self.pdf_button, self.json_button):
            lay.addWidget(b)
        return bar

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(120, 80, 120, 80)
        lay.addStretch(1)
        self.confirm_text = _label("", "sgBig")
        self.confirm_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.confirm_text)
        lay.addSpacing(40)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_no = _button("")
        self.confirm_no.clicked.connect(self.back_to_report)
        self.confirm_yes = _button("", "sgPrimary")
        self.confirm_yes.clicked.connect(self._confirmed)
        row.addWidget(self.confirm_no)
        row.addSpacing(24)
        row.addWidget(self.confirm_yes)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
        return page

    def t(self, key: str, **values: object) -> str:
        return text(self.language, key, **values)

    def _render(self) -> None:
        """(Re)build the report page from ``self.report``, in ``self.language``."""
        r = self.report
        self.title.setText(r.title)
        self.name.setText(r.guest.display_name)
        for code, b in self.lang_buttons.items():
            b.setChecked(code == self.language)
        self.done_button.setText(self.t("button.done"))
        self.correct_button.setText(self.t("button.correct"))
        self.pdf_button.setText(self.t("button.pdf"))
        self.json_button.setText(self.t("button.json"))
        self.action_buttons = []
        body = QWidget()
        outer = QHBoxLayout(body)
        outer.setContentsMargins(40, 24, 40, 40)
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        lay = QVBoxLayout(column)
        lay.setSpacing(12)
        lay.addWidget(_label(r.intro, "sgIntro"))
        for note in r.notes:
            lay.addWidget(_label(note, "sgNote"))
        for section in r.sections:
            lay.addWidget(_label(section.title, "sgSection"))
            lay.addWidget(_label(section.intro, "sgSectionIntro"))
            if not section.items:
                lay.addWidget(_label(section.empty, "sgEmpty"))
            elif section.layout == "table":
                lay.addWidget(self._table(section))
            else:
                for item in section.items:
                    lay.addWidget(self._card(item))
        lay.addWidget(_label(self.t("section.rights"), "sgSection"))
        for line in r.rights:
            lay.addWidget(_label(f"•  {line}", "sgValue"))
        lay.addStretch(1)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)
        self.scroll_area.setWidget(body)

    def _card(self, item: rp.ReportItem) -> QFrame:
        card = QFrame()
        card.setObjectName("sgCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(26, 20, 26, 20)
        lay.setSpacing(10)
        top = QHBoxLayout()
        if item.heading:
            top.addWidget(_label(item.heading, "sgHeading"), 1)
        if item.action is not None:
            key = "button.forget" if item.action.kind == "forget_label" else "button.withdraw"
            b = _button(self.t(key))
            b.clicked.connect(lambda _c=False, a=item.action: self.ask(a))
            self.action_buttons.append((b, item.action))
            top.addWidget(b, 0, Qt.AlignmentFlag.AlignTop)
        if top.count():
            lay.addLayout(top)
        grid = QGridLayout()
        grid.setHorizontalSpacing(24)
        grid.setVerticalSpacing(8)
        grid.setColumnStretch(1, 1)
        for i, row in enumerate(item.rows):
            field = _label(row.field, "sgField")
            field.setMinimumWidth(300)
            field.setMaximumWidth(380)
            grid.addWidget(field, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(_label(row.value, "sgValue"), i, 1)
        lay.addLayout(grid)
        return card

    def _table(self, section: rp.ReportSection) -> QFrame:
        card = QFrame()
        card.setObjectName("sgCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(26, 16, 26, 16)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(6)
        for c, row in enumerate(section.items[0].rows):
            grid.addWidget(_label(row.field, "sgTableHead"), 0, c)
        for r, item in enumerate(section.items, start=1):
            for c, row in enumerate(item.rows):
                grid.addWidget(_label(row.value, "sgValue"), r, c)
        grid.setColumnStretch(len(section.items[0].rows) - 1, 1)
        return card

    # -- the guest's choices -----------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.language = code
        self.refresh()

    def refresh(self) -> None:
        try:
            self.report = rp.guest_report(self.store, self.actor, self.guest_id,
                                          language=self.language)
        except FrontdeskError as exc:
            self.show_message(self.t("problem", message=str(exc)), error=True)
            return
        self.language = self.report.language
        self._render()

    def show_message(self, value: str, *, error: bool = False) -> None:
        self.message.setObjectName("sgError" if error else "sgMessage")
        self.message.setStyleSheet("")  # re-polish for the new object name
        self.message.setText(value)

    def ask(self, action: rp.ItemAction) -> None:
        """Show the confirmation page for forgetting a label or withdrawing a consent."""
        if action.kind == "forget_label":
            question = self.t("confirm.forget", label=action.subject)
            yes = self.t("button.yes_forget")

            def do() -> str:
                labels.remove_label(self.store, self.actor, action.target_id,
                                    RemovalReason.GUEST_REQUEST)
                return self.t("done.forget")
        else:
            question = self.t("confirm.withdraw", purpose=action.subject)
            yes = self.t("button.yes_withdraw")

            def do() -> str:
                consents.withdraw_consent(self.store, self.actor, action.target_id,
                                          by_guest=True)
                return self.t("done.withdraw")
        self._confirm(question, yes, do)

    def _confirm(self, question: str, yes: str, do: Callable[[], str]) -> None:
        self._pending = do
        self.confirm_text.setText(question)
        self.confirm_yes.setText(yes)
        self.confirm_no.setText(self.t("button.cancel"))
        self.pages.setCurrentWidget(self.confirm_page)
        self.confirm_yes.setFocus()

    def _confirmed(self) -> None:
        do, self._pending = self._pending, None
        if do is None:
            return
        try:
            done = do()
        except FrontdeskError as exc:
            self.back_to_report()
            self.show_message(self.t("problem", message=str(exc)), error=True)
            return
        self.changed.emit()
        self.refresh()
        self.back_to_report()
        self.show_message(done)

    def back_to_report(self) -> None:
        self.pages.setCurrentWidget(self.report_page)
        self.done_button.setFocus()

    def open_correct(self) -> None:
        self.correct_page.load(self.report.guest, self.language)
        self.pages.setCurrentWidget(self.correct_page)
        self.correct_page.focus_first()

    def _ask_correct(self, fields: guests.GuestFields) -> None:
        def do() -> str:
            guests.update_guest(self.store, self.actor, self.guest_id, fields, by_guest=True)
            self.language = fields.language
            return text(fields.language, "done.correct")
        try:
            fields.cleaned()
        except FrontdeskError as exc:
            self.correct_page.show_error(self.t("problem", message=str(exc)))
            return
        self._confirm(self.t("correct.title") + "?", self.t("button.save"), do)

    def save_copy(self, fmt: export.Format) -> None:
        suffix = "PDF (*.pdf)" if fmt == "pdf" else "JSON (*.json)"
        suggested = str(Path.home() / f"frontdesk-{self.report.guest.ref[:8]}.{fmt}")
        chosen = self.ask_save_path(self.t(f"button.{fmt}"), suggested, suffix)
        if not chosen:
            return
        path = Path(chosen)
        try:
            report = export.export_report(self.store, self.actor, self.guest_id, fmt,
                                          language=self.language)
            if fmt == "json":
                export.write_json(report, path)
            else:
                from ui.report_pdf import write_pdf

                write_pdf(report, path)
        except (FrontdeskError, OSError) as exc:
            self.show_message(self.t("problem", message=str(exc)), error=True)
            return
        self.refresh()
        self.show_message(f"{self.t('done.saved')} {path.name}")

    def _ask_save_path(self, title: str, suggested: str, filters: str) -> str:
        chosen, _ = QFileDialog.getSaveFileName(self, title, suggested, filters)
        return chosen

    # -- leaving -----------------------------------------------------------------------
    def request_leave(self) -> None:
        """'I am done': a hand-over page; staff type their PIN there to return to the desk."""
        self.staff_page.load(self.language)
        self.pages.setCurrentWidget(self.staff_page)
        self.staff_page.pin.setFocus()

    def _leave(self) -> None:
        self.force_close()
        self.left.emit()

    def _erased(self) -> None:
        self.force_close()
        self.erased.emit()

    def force_close(self) -> None:
        """Close without a PIN: only for the desk lock, a correct PIN or an erasure."""
        self._may_close = True
        self.close()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """The desk window closing (quit, test teardown) takes Show guest with it."""
        if watched is self.parentWidget() and event.type() == QEvent.Type.Close:
            self.force_close()
        return False

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.pages.currentWidget() is not self.report_page:
                self.back_to_report()  # Esc steps back inside the view, never out of it
            event.accept()
            return
        super().keyPressEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            event.accept()
        else:
            event.ignore()
            self.request_leave()


def open_show_guest(store: Store, actor: Actor, guest_id: int, parent: QWidget | None = None,
                    *, full_screen: bool = True) -> ShowGuestWindow | None:
    """Build the report (audited "guest.shown") and turn the screen to the guest."""
    try:
        report = rp.show_guest(store, actor, guest_id)
    except FrontdeskError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("ShowGuest", "Show guest"), str(exc))
        return None
    window = ShowGuestWindow(store, actor, report, parent)
    if parent is not None:
        parent.installEventFilter(window)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    window.done_button.setFocus()
    return window


def show_guest(main: MainWindow, guest_id: int) -> ShowGuestWindow | None:
    """The hook MainWindow.show_guest (F9, the card's button) calls."""
    if main.store is None or main.actor is None:
        return None
    window = open_show_guest(main.store, main.actor, guest_id, main)
    if window is None:
        return None
    main.locked.connect(window.force_close)
    state = {"changed": False}
    window.changed.connect(lambda: state.update(changed=True))

    def back() -> None:
        current: Any = main.desk
        if current is not None and state["changed"] and hasattr(current, "reload_card"):
            current.reload_card()

    def erased() -> None:
        current: Any = main.desk
        if current is not None and hasattr(current, "go_back"):
            current.go_back()
        main.statusBar().showMessage(main.tr("The guest was erased."), 8000)

    window.left.connect(back)
    window.erased.connect(erased)
    return window
