"""Show guest: the screen turns to the guest and shows everything we keep about them.

One full-screen, application-modal window in the guest's language: large
type, one guest only, no staff controls. The guest can forget any label (it
is deleted), withdraw a consent (the labels relying on it are named first,
then deleted), correct their details, print a copy on the desk's printer and
have a file made with their data — each with a confirmation in their
language, shown in a banner that stays until their next choice, and the page
stays where they were reading.

Safe to turn around:

* nothing here shows the computer's files: no file dialog, no print dialog —
  the printer and the folder for files are a manager's settings
  (``app.venue_settings``); ``tests/ui/test_show_guest_safety.py`` walks every
  window this view can open;
* leaving needs the PIN of the staff member who opened it or of any manager
  (``app.guest_view``: wrong PINs slow down, never lock an account); Esc and
  the close button do nothing; the desk lock (Ctrl+L, idle) works at any time;
* erasure is not on these pages: it is a manager's action at the desk.

Everything shown comes from :class:`app.report.GuestReport`, the same data the
PDF and the JSON are made from. Every word comes from ``app.report_text``
(gettext catalogues) in the guest's language; errors from ``app/`` are said in
it too (``app.i18n.translate``).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent, QKeySequence, QShortcut
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import consents, duplicates, export, guests, labels, languages
from app import report as rp
from app.duplicates import LikelyDuplicate
from app.errors import FrontdeskError
from app.guest_view import GuestViewSession
from app.i18n import translate
from app.opening import Store
from app.report_text import Say, say, say_n
from app.views import Actor
from ui.guest_form import other_profiles_message
from ui.show_guest_pages import CorrectPage, StaffPage, button, label

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
QLabel#sgGone { font-size: 16pt; color: #1d5b3a; font-weight: 600; }
QLabel#sgSection { font-size: 22pt; font-weight: 600; color: #1f4e66; padding: 18px 0 0 0; }
QLabel#sgSectionIntro { font-size: 15pt; color: #5b6b73; }
QLabel#sgHeading { font-size: 18pt; font-weight: 600; }
QLabel#sgField { font-size: 15pt; color: #5b6b73; }
QLabel#sgValue { font-size: 17pt; }
QLabel#sgEmpty { font-size: 16pt; color: #5b6b73; font-style: italic; }
QLabel#sgTableHead { font-size: 14pt; color: #5b6b73; font-weight: 600; }
QLabel#sgError { font-size: 16pt; color: #a32020; font-weight: 600; }
QLabel#sgBig { font-size: 22pt; color: #1d2a31; }
QLabel#sgList { font-size: 19pt; color: #1d2a31; font-weight: 600; }
QLabel#sgStaff { font-size: 13pt; color: #33434b; }
QLabel#sgBanner { font-size: 19pt; font-weight: 600; color: #ffffff; background: #2e7d4f;
                  padding: 14px 40px; }
QLabel#sgBannerError { font-size: 19pt; font-weight: 600; color: #ffffff;
                       background: #a32020; padding: 14px 40px; }
QFrame#sgCard { background: #ffffff; border: 1px solid #dcded8; border-radius: 10px; }
QFrame#sgBar { background: #ffffff; border-bottom: 1px solid #dcded8; }
QFrame#sgFooter { background: #ffffff; border-top: 1px solid #dcded8; }
QPushButton { font-size: 16pt; padding: 10px 22px; border-radius: 8px;
              background: #e8eeeb; border: 1px solid #c9d1cd; color: #1d2a31; }
QPushButton, QPushButton:default { font-weight: 400; }
QPushButton:focus { border: 3px solid #2f6f8f; }
QPushButton:disabled { color: #8a969b; }
QPushButton#sgPrimary, QPushButton#sgPrimary:default {
    background: #1f4e66; color: #ffffff; border: 1px solid #1f4e66; font-weight: 600; }
QPushButton#sgPrimary:focus { border: 3px solid #e0a526; }
QPushButton#sgLang { font-size: 14pt; padding: 6px 14px; }
QPushButton#sgLang:checked { background: #1f4e66; color: #ffffff; }
QPushButton#sgStaffButton { font-size: 12pt; padding: 6px 12px; }
QLineEdit, QComboBox { font-size: 17pt; padding: 6px 8px; min-height: 32px; }
"""


log = logging.getLogger(__name__)


class _CopySignals(QObject):
    """Carries a finished copy from the worker thread back to the GUI thread."""

    finished = Signal(object)  # the exception, or None


def desk_printer(name: str) -> QPrinter | None:
    """The printer a manager chose, or None when this computer does not have it."""
    info = QPrinterInfo.printerInfo(name)
    if info.isNull():
        return None
    return QPrinter(info, QPrinter.PrinterMode.HighResolution)


def guest_languages() -> list[tuple[str, str]]:
    """(code, native name) of every language a guest can read their pages in."""
    return [(lang.code, lang.native_name) for lang in languages.all_languages()
            if lang.guest_complete]


class ShowGuestWindow(QWidget):
    """The guest-facing view of one guest. ``left`` fires after a staff or manager PIN."""

    left = Signal()
    changed = Signal()
    lock_requested = Signal()

    def __init__(self, store: Store, actor: Actor, report: rp.GuestReport,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.store = store
        self.actor = actor
        self.report = report
        self.guest_id = report.guest.id
        self.language = report.language
        self.session = GuestViewSession(store, actor)
        self.saved_files: list[Path] = []  # data copies made in this session (for staff)
        # Other profiles the guest's corrected details match: told to staff only after the
        # PIN, never on the guest's screen (they would see other guests' names).
        self.other_profiles: list[LikelyDuplicate] = []
        self._may_close = False
        self._pending: Callable[[], str] | None = None
        self._copy_signals: _CopySignals | None = None  # while a copy is being made
        self.action_buttons: list[tuple[QPushButton, rp.ItemAction]] = []
        # The desk's printer, found by the name a manager chose (tests give a PDF printer).
        self.printer_for: Callable[[str], QPrinter | None] = desk_printer
        self.setObjectName("ShowGuestWindow")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setStyleSheet(STYLE)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)

        self.pages = QStackedWidget()
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        for bar in (self.scroll_area.verticalScrollBar(), self.scroll_area.horizontalScrollBar()):
            bar.setContextMenuPolicy(Qt.ContextMenuPolicy.NoContextMenu)  # no menus at all
        self.banner = label("", "sgBanner")
        self.banner.hide()
        self.report_page = QWidget()
        rl = QVBoxLayout(self.report_page)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.setSpacing(0)
        rl.addWidget(self._top_bar())
        rl.addWidget(self.banner)
        rl.addWidget(self.scroll_area, 1)
        rl.addWidget(self._footer())
        self.confirm_page = self._confirm_page()
        self.correct_page = CorrectPage(self)
        self.correct_page.saved.connect(self._ask_correct)
        self.correct_page.cancelled.connect(self.back_to_report)
        self.staff_page = StaffPage(self.session, self)
        self.staff_page.back.connect(self.back_to_report)
        self.staff_page.leave.connect(self._leave)
        for page in (self.report_page, self.confirm_page, self.correct_page, self.staff_page):
            self.pages.addWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.pages)
        # The desk lock works here too (the window is modal: the desk's Ctrl+L cannot fire).
        self.lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        self.lock_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.lock_shortcut.activated.connect(self.lock_requested)
        self._render()

    # -- building ----------------------------------------------------------------------
    def _top_bar(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sgBar")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(40, 18, 40, 18)
        titles = QVBoxLayout()
        self.title = label("", "sgTitle")
        self.name = label("", "sgName")
        titles.addWidget(self.title)
        titles.addWidget(self.name)
        lay.addLayout(titles, 1)
        self.lang_buttons: dict[str, QPushButton] = {}
        for code, name in guest_languages():
            b = button(name, "sgLang")
            b.setCheckable(True)
            b.clicked.connect(lambda _c=False, code=code: self.set_language(code))
            self.lang_buttons[code] = b
            lay.addWidget(b)
        lay.addSpacing(24)
        self.done_button = button("", "sgPrimary")
        self.done_button.clicked.connect(self.request_leave)
        lay.addWidget(self.done_button)
        return bar

    def _footer(self) -> QFrame:
        bar = QFrame()
        bar.setObjectName("sgFooter")
        lay = QHBoxLayout(bar)
        lay.setContentsMargins(40, 12, 40, 12)
        lay.addStretch(1)
        self.correct_button = button("")
        self.correct_button.clicked.connect(self.open_correct)
        self.print_button = button("")
        self.print_button.clicked.connect(self.print_copy)
        self.file_button = button("")
        self.file_button.clicked.connect(self.save_files)
        for b in (self.correct_button, self.print_button, self.file_button):
            lay.addWidget(b)
        return bar

    def _confirm_page(self) -> QWidget:
        page = QWidget()
        lay = QVBoxLayout(page)
        lay.setContentsMargins(120, 60, 120, 60)
        lay.addStretch(1)
        self.confirm_text = label("", "sgBig")
        self.confirm_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.confirm_text)
        self.confirm_list = label("", "sgList")
        self.confirm_list.setAlignment(Qt.AlignmentFlag.AlignCenter)
        lay.addWidget(self.confirm_list)
        lay.addSpacing(40)
        row = QHBoxLayout()
        row.addStretch(1)
        self.confirm_no = button("")
        self.confirm_no.clicked.connect(self.back_to_report)
        self.confirm_yes = button("", "sgPrimary")
        self.confirm_yes.clicked.connect(self._confirmed)
        row.addWidget(self.confirm_no)
        row.addSpacing(24)
        row.addWidget(self.confirm_yes)
        row.addStretch(1)
        lay.addLayout(row)
        lay.addStretch(2)
        return page

    def t(self, msgid: str, **values: object) -> str:
        """A guest-facing word in the guest's (chosen) language."""
        return say(self.language, msgid, **values)

    def _render(self) -> None:
        """(Re)build the report page from ``self.report``; the reader stays where they were."""
        r = self.report
        bar = self.scroll_area.verticalScrollBar()
        position = bar.value()
        self.title.setText(r.title)
        self.name.setText(r.guest.display_name)
        for code, b in self.lang_buttons.items():
            b.setChecked(code == self.language)
        self.done_button.setText(self.t(Say.DONE))
        self.correct_button.setText(self.t(Say.CORRECT))
        self.print_button.setText(self.t(Say.PRINT))
        self.file_button.setText(self.t(Say.DATA_COPY))
        self.action_buttons = []
        body = QWidget()
        outer = QHBoxLayout(body)
        outer.setContentsMargins(40, 24, 40, 40)
        column = QWidget()
        column.setMaximumWidth(CONTENT_WIDTH)
        lay = QVBoxLayout(column)
        lay.setSpacing(12)
        lay.addWidget(label(r.intro, "sgIntro"))
        for note in r.notes:
            lay.addWidget(label(note, "sgNote"))
        for section in r.sections:
            lay.addWidget(label(section.title, "sgSection"))
            lay.addWidget(label(section.intro, "sgSectionIntro"))
            for note in section.notes:
                lay.addWidget(label(note, "sgGone"))
            if not section.items:
                if section.empty:
                    lay.addWidget(label(section.empty, "sgEmpty"))
            elif section.layout == "table":
                lay.addWidget(self._table(section))
            else:
                for item in section.items:
                    lay.addWidget(self._card(item))
        lay.addWidget(label(r.rights_title, "sgSection"))
        for line in r.rights:
            lay.addWidget(label(f"•  {line}", "sgValue"))
        if r.venue_name:
            lay.addWidget(label(r.controller_title, "sgSection"))
            lay.addWidget(label("\n".join((r.venue_name, *r.venue_contact)), "sgValue"))
        lay.addStretch(1)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)
        self.scroll_area.setWidget(body)
        # Lay the new page out now, so the old position exists again before it is painted.
        body.adjustSize()
        body.resize(self.scroll_area.viewport().width(), body.sizeHint().height())
        bar.setRange(0, max(0, body.height() - self.scroll_area.viewport().height()))
        bar.setValue(position)

    def _card(self, item: rp.ReportItem) -> QFrame:
        card = QFrame()
        card.setObjectName("sgCard")
        lay = QVBoxLayout(card)
        lay.setContentsMargins(26, 20, 26, 20)
        lay.setSpacing(10)
        top = QHBoxLayout()
        if item.heading:
            top.addWidget(label(item.heading, "sgHeading"), 1)
        if item.action is not None:
            msgid = Say.FORGET if item.action.kind == "forget_label" else Say.WITHDRAW
            b = button(self.t(msgid))
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
            name = label(row.field, "sgField")
            name.setMinimumWidth(300)
            name.setMaximumWidth(380)
            grid.addWidget(name, i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(row.value, "sgValue"), i, 1)
        lay.addLayout(grid)
        if item.note:
            lay.addWidget(label(item.note, "sgGone"))
        return card

    def _table(self, section: rp.ReportSection) -> QFrame:
        card = QFrame()
        card.setObjectName("sgCard")
        grid = QGridLayout(card)
        grid.setContentsMargins(26, 16, 26, 16)
        grid.setHorizontalSpacing(32)
        grid.setVerticalSpacing(6)
        for c, row in enumerate(section.items[0].rows):
            grid.addWidget(label(row.field, "sgTableHead"), 0, c)
        for r, item in enumerate(section.items, start=1):
            for c, row in enumerate(item.rows):
                grid.addWidget(label(row.value, "sgValue"), r, c)
        grid.setColumnStretch(len(section.items[0].rows) - 1, 1)
        return card

    # -- the guest's choices -----------------------------------------------------------
    def set_language(self, code: str) -> None:
        self.language = code
        self.refresh()
        if self.banner.isVisible():
            self.banner.hide()  # its words were in the other language

    def refresh(self) -> None:
        try:
            self.report = rp.guest_report(self.store, self.actor, self.guest_id,
                                          language=self.language)
        except FrontdeskError as exc:
            self.show_message(self.problem(exc), error=True)
            return
        self.language = self.report.language
        self._render()

    def problem(self, exc: BaseException) -> str:
        """An error from app/, said in the guest's language."""
        return self.t(Say.PROBLEM, message=translate(exc, self.language))

    def show_message(self, value: str, *, error: bool = False) -> None:
        """The confirmation (or the problem), in a banner above the page until the next choice."""
        self.banner.setObjectName("sgBannerError" if error else "sgBanner")
        self.banner.setStyleSheet("")  # re-polish for the new object name
        self.banner.setText(("✓  " if not error else "") + value)
        self.banner.setAccessibleName(value)
        self.banner.show()

    def ask(self, action: rp.ItemAction) -> None:
        """Show the confirmation page for forgetting a label or withdrawing a consent."""
        self.banner.hide()
        listing = ""
        if action.kind == "forget_label":
            question = self.t(Say.CONFIRM_FORGET, label=action.subject)
            yes = self.t(Say.YES_FORGET)

            def do() -> str:
                labels.forget_label(self.store, self.actor, action.target_id)
                return self.t(Say.DONE_FORGET)
        else:
            question = self.t(Say.CONFIRM_WITHDRAW, purpose=action.subject)
            n = len(action.consequences)
            if n:
                question += "\n\n" + say_n(self.language, Say.CONFIRM_WITHDRAW_LABELS, n)
                listing = "\n".join(self.t(Say.QUOTED, text=w) for w in action.consequences)
            else:
                question += "\n\n" + self.t(Say.CONFIRM_WITHDRAW_NONE)
            yes = self.t(Say.YES_WITHDRAW)

            def do() -> str:
                gone = consents.withdraw_consent(self.store, self.actor, action.target_id,
                                                 by_guest=True, expected=action.expected)
                if gone:
                    return say_n(self.language, Say.DONE_WITHDRAW_LABELS, gone)
                return self.t(Say.DONE_WITHDRAW)
        self._confirm(question, yes, do, listing)

    def _confirm(self, question: str, yes: str, do: Callable[[], str], listing: str = ""
                 ) -> None:
        self._pending = do
        self.confirm_text.setText(question)
        self.confirm_list.setText(listing)
        self.confirm_list.setVisible(bool(listing))
        self.confirm_yes.setText(yes)
        self.confirm_no.setText(self.t(Say.CANCEL))
        self.pages.setCurrentWidget(self.confirm_page)
        self.confirm_yes.setFocus()

    def _confirmed(self) -> None:
        do, self._pending = self._pending, None
        if do is None:
            return
        try:
            done = do()
        except FrontdeskError as exc:
            self.refresh()
            self.back_to_report()
            self.show_message(self.problem(exc), error=True)
            return
        self.changed.emit()
        self.refresh()
        self.back_to_report()
        self.show_message(done)

    def back_to_report(self) -> None:
        self.pages.setCurrentWidget(self.report_page)
        self.done_button.setFocus()

    def open_correct(self) -> None:
        self.banner.hide()
        self.correct_page.load(self.report.guest, self.language)
        self.pages.setCurrentWidget(self.correct_page)
        self.correct_page.focus_first()

    def _ask_correct(self, fields: guests.GuestFields) -> None:
        def do() -> str:
            guests.update_guest(self.store, self.actor, self.guest_id, fields, by_guest=True)
            self.language = languages.guest_language(fields.language)
            self.other_profiles = self._other_profiles(fields)
            return self.t(Say.DONE_CORRECT)
        try:
            fields.cleaned()
        except FrontdeskError as exc:
            self.correct_page.show_error(self.problem(exc))
            return
        self._confirm(self.t(Say.CORRECT_QUESTION), self.t(Say.SAVE), do)

    def _other_profiles(self, fields: guests.GuestFields) -> list[LikelyDuplicate]:
        """Profiles the corrected details match (same email/phone, similar name), for staff.

        The correction is saved first: the guest is in front of the screen, so the check
        cannot ask them about other people's profiles the way the staff's guest form does.
        """
        try:
            return duplicates.likely_existing(self.store, self.actor, fields,
                                              exclude_id=self.guest_id)
        except FrontdeskError:
            log.exception("duplicate check after a Show guest correction failed")
            return []

    def print_copy(self) -> None:
        """Print the report on the desk's printer (a manager's setting); no dialog."""
        self.banner.hide()
        from ui.report_pdf import render

        try:
            copy = export.prepare_copy(self.store, self.actor, self.guest_id, "print",
                                       language=self.language)
        except FrontdeskError as exc:
            self.show_message(self.problem(exc), error=True)
            return
        printer = self.printer_for(copy.printer)
        if printer is None:
            self.show_message(self.t(Say.PROBLEM, message=self.t(Say.PRINTER_MISSING)),
                              error=True)
            return
        printer.setDocName(copy.report.title)
        self._in_background(copy, lambda: render(copy.report, printer), Say.DONE_PRINTED)

    def save_files(self) -> None:
        """The guest's data as PDF and JSON in the venue's folder for guest files; no dialog."""
        self.banner.hide()
        from ui.report_pdf import write_pdf

        try:
            copy = export.prepare_copy(self.store, self.actor, self.guest_id, "files",
                                       language=self.language)
        except FrontdeskError as exc:
            self.show_message(self.problem(exc), error=True)
            return
        pdf, data = copy.pdf, copy.json
        assert pdf is not None and data is not None

        def work() -> None:
            write_pdf(copy.report, pdf)
            export.write_json(copy.report, data)

        self._in_background(copy, work, Say.DONE_FILE)

    def busy(self) -> bool:
        """A copy is being made (printing or writing files, off the GUI thread)."""
        return self._copy_signals is not None

    def _in_background(self, copy: export.Copy, work: Callable[[], object], done: str) -> None:
        """Lay out and print or write the copy on a worker thread; the page stays usable.

        Only the laying out and writing run there (Qt text layout and QPdfWriter/QPrinter
        work off the GUI thread); the audit record and the page refresh run back here.
        """
        for b in (self.print_button, self.file_button, self.correct_button):
            b.setEnabled(False)
        self.show_message(self.t(Say.MAKING_COPY))
        signals = _CopySignals(self)
        signals.finished.connect(lambda error: self._copy_finished(copy, error, done))
        self._copy_signals = signals

        def run() -> None:
            error: BaseException | None = None
            try:
                work()
            except Exception as exc:  # said to the guest; the details go to the log
                log.warning("guest copy failed: %s", type(exc).__name__)
                error = exc
            signals.finished.emit(error)

        QThreadPool.globalInstance().start(run)

    def _copy_finished(self, copy: export.Copy, error: BaseException | None, done: str) -> None:
        self._copy_signals = None
        for b in (self.print_button, self.file_button, self.correct_button):
            b.setEnabled(True)
        if error is not None:
            self.show_message(self.t(Say.PROBLEM, message=self.t(Say.COPY_FAILED)), error=True)
            return
        try:
            export.record_copy(self.store, self.actor, copy)
        except FrontdeskError as exc:
            self.show_message(self.problem(exc), error=True)
            return
        if copy.kind == "files" and copy.pdf is not None and copy.json is not None:
            self.saved_files += [copy.pdf, copy.json]
        self.refresh()
        self.show_message(self.t(done))

    # -- leaving -----------------------------------------------------------------------
    def request_leave(self) -> None:
        """'I am done': a hand-over page; a staff PIN there returns to the desk."""
        self.banner.hide()
        self.staff_page.load(self.language, self.saved_files)
        self.pages.setCurrentWidget(self.staff_page)
        self.staff_page.pin.setFocus()

    def _leave(self) -> None:
        self.force_close()
        self.left.emit()

    def force_close(self) -> None:
        """Close without a PIN: only for the desk lock or a correct PIN."""
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
    from ui.i18n import say as say_staff

    try:
        report = rp.show_guest(store, actor, guest_id)
    except FrontdeskError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("ShowGuest", "Show guest"),
                            say_staff(exc))
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
    window.lock_requested.connect(main.lock)
    state = {"changed": False}
    window.changed.connect(lambda: state.update(changed=True))

    def back() -> None:
        current: Any = main.desk
        if current is not None and state["changed"] and hasattr(current, "reload_card"):
            current.reload_card()
        if window.other_profiles:
            other_profiles_message(main, window.other_profiles)
        if window.saved_files:
            names = ", ".join(p.name for p in window.saved_files)
            main.statusBar().showMessage(main.tr("Guest files saved in {folder}: {names}").format(
                folder=str(window.saved_files[0].parent), names=names), 30000)

    window.left.connect(back)
    QTimer.singleShot(0, window.done_button.setFocus)
    return window
