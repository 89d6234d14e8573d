"""Safe to turn around: nothing reachable from Show guest shows the computer's files.

Presses every kind of button on the report page and then every button of the
page it leads to (confirmations, correction, hand-over), right-clicks every
widget and presses the keys that open dialogs in Qt widgets, while an
application-wide event filter records every window that appears. Any window
other than Show guest itself — a file dialog, a print dialog, a message box, a
context menu — fails the test, as does any widget that could complete file
names, or a button the walk does not know. The walk prints on the desk's
printer (a PDF "printer", read back with pdftotext) and writes the data copy
into the manager's folder, so those paths run under the spy too.
"""

from __future__ import annotations

import ast
import datetime as dt
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QCompleter,
    QFileDialog,
    QFileSystemModel,
    QLineEdit,
    QScrollBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import consents, guests, labels, languages, venue_settings, visits
from app.domain import RemovalReason, Source, VisitKind
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor
from storage import queries
from ui.show_guest import ShowGuestWindow, open_show_guest

ROOT = Path(__file__).resolve().parent.parent.parent
SHOW_GUEST_MODULES = ("ui/show_guest.py", "ui/show_guest_pages.py", "ui/report_pdf.py")
FORBIDDEN = {"QFileDialog", "QPrintDialog", "QPrintPreviewDialog", "QPageSetupDialog",
             "QFileSystemModel", "QDesktopServices", "QColorDialog", "QFontDialog"}
KEYS = [(Qt.Key.Key_F1, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_O, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier),
        (Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_F10, Qt.KeyboardModifier.ShiftModifier),
        (Qt.Key.Key_Menu, Qt.KeyboardModifier.NoModifier),
        (Qt.Key.Key_F4, Qt.KeyboardModifier.AltModifier),
        (Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)]

pytestmark = pytest.mark.qt_log_ignore(
    "propagateSizeHints", "does not support raise", "grabbing the keyboard")  # popups offscreen


class WindowSpy(QObject):
    """Records every window (top-level widget, menu, dialog) that is shown."""

    def __init__(self) -> None:
        super().__init__()
        self.shown: list[str] = []
        self.combo_popups: list[QComboBox] = []  # a drop-down list's own popup

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (event.type() == QEvent.Type.Show and isinstance(watched, QWidget)
                and watched.isWindow() and not isinstance(watched, ShowGuestWindow)):
            parent = watched.parentWidget()
            if isinstance(parent, QComboBox) and isinstance(parent.window(), ShowGuestWindow):
                self.combo_popups.append(parent)  # its items are checked by the test
            else:
                self.shown.append(type(watched).__name__ + (
                    f" of {type(parent).__name__}" if parent is not None else ""))
            watched.close()  # never leave it open for the next step
        return False


@pytest.fixture
def spy() -> Iterator[WindowSpy]:
    s = WindowSpy()
    app = QApplication.instance()
    assert app is not None
    app.installEventFilter(s)
    yield s
    app.removeEventFilter(s)


def _guest(store: Store, manager: Actor, receptionist: Actor, folder: Path) -> int:
    venue_settings.set_values(store, manager, {
        "venue.name": "Hotel De Linde", "venue.contact": "Lindenlaan 12, Utrecht",
        "desk.printer": "Reception printer", "venue.export_folder": str(folder)})
    g = guests.create_guest(store, receptionist, GuestFields("Ingrid Dahl", email="i@x.nl"))
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 3, 2, 15), ends_on=dt.date(2026, 3, 4))
    consents.record_consent(store, receptionist, g.id)
    with store.read() as s:
        ids = [queries.label_by_key(s, k) for k in ("quiet-room", "nut-allergy", "high-floor")]
    for lb in ids:
        assert lb is not None
        labels.assign_label(store, receptionist, g.id, lb.id, Source.GUEST_TOLD)
    card = guests.open_card(store, receptionist, g.id)
    high = next(a for a in card.assignments if a.label.key == "high-floor")
    labels.remove_label(store, receptionist, high.id, RemovalReason.NO_LONGER_TRUE)
    return g.id


def _buttons(sg: ShowGuestWindow) -> list[QAbstractButton]:
    page = sg.pages.currentWidget()
    return [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(sg) and b.isEnabled()]


def _check_no_file_widgets(sg: ShowGuestWindow) -> None:
    for w in QApplication.allWidgets():
        assert not isinstance(w, QFileDialog), "a file dialog exists"
    for edit in sg.findChildren(QLineEdit):
        assert edit.contextMenuPolicy() == Qt.ContextMenuPolicy.NoContextMenu, edit
        completer = edit.completer()
        assert completer is None or not isinstance(completer.model(), QFileSystemModel)
    assert not sg.findChildren(QCompleter) or all(
        not isinstance(c.model(), QFileSystemModel) for c in sg.findChildren(QCompleter))


def test_every_window_show_guest_can_open_shows_no_files(
    qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor, tmp_path: Path,
    spy: WindowSpy,
) -> None:
    # Positive control: the spy sees a file dialog when one appears.
    probe = QFileDialog()
    probe.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    probe.show()
    assert spy.shown == ["QFileDialog"], spy.shown
    qtbot.waitUntil(lambda: not any(isinstance(w, QFileDialog) for w in QApplication.allWidgets()))
    spy.shown.clear()
    folder = tmp_path / "guest-files"
    folder.mkdir()
    gid = _guest(store, manager, receptionist, folder)
    sg = open_show_guest(store, receptionist, gid, full_screen=False)
    assert sg is not None
    qtbot.addWidget(sg)
    printed = tmp_path / "printed.pdf"
    asked: list[str] = []

    def pdf_printer(name: str) -> QPrinter:  # the desk's printer, as a PDF "printer"
        asked.append(name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    sg.printer_for = pdf_printer
    pressed: list[str] = []

    def role(b: QAbstractButton) -> str:
        roles = {sg.done_button: "done", sg.print_button: "print", sg.file_button: "file",
                 sg.correct_button: "correct", sg.confirm_yes: "yes", sg.confirm_no: "no",
                 sg.staff_page.leave_button: "leave", sg.staff_page.back_button: "back",
                 sg.correct_page.save: "save", sg.correct_page.cancel: "cancel"}
        roles.update({lb: "language" for lb in sg.lang_buttons.values()})
        roles.update({ab: a.kind for ab, a in sg.action_buttons})
        return roles.get(b, b.text() or type(b).__name__)

    def poke_everything() -> None:
        page = sg.pages.currentWidget()
        interactive = (QAbstractButton, QLineEdit, QComboBox, QScrollBar, QAbstractScrollArea)
        for w in [sg, page, *(w for w in page.findChildren(QWidget)
                              if isinstance(w, interactive))]:
            if w.isVisibleTo(sg):
                QApplication.sendEvent(w, QContextMenuEvent(
                    QContextMenuEvent.Reason.Mouse, QPoint(2, 2), w.mapToGlobal(QPoint(2, 2))))
        for combo in page.findChildren(QComboBox):  # open every drop-down list
            if combo.isVisibleTo(sg):
                combo.setFocus()
                qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
                combo.hidePopup()
        for k, mods in KEYS:
            target = QApplication.focusWidget() or sg
            if target.window() is sg and sg.isVisible():
                qtbot.keyClick(target, k, mods)

    def press(b: QAbstractButton, step: str) -> None:
        pressed.append(step)
        b.click()
        qtbot.waitUntil(lambda: not sg.busy(), timeout=60_000)  # a copy in the making
        poke_everything()
        _check_no_file_widgets(sg)

    def enter(kind: str) -> QAbstractButton | None:
        """Back on the report page, the first button of that kind (ids shift after actions)."""
        sg.back_to_report()
        return next((b for b in _buttons(sg) if role(b) == kind), None)

    poke_everything()
    for kind in dict.fromkeys(role(b) for b in _buttons(sg)):  # every kind of choice, in order
        first = enter(kind)
        if first is None:
            continue
        press(first, kind)
        if not sg.isVisible() or sg.pages.currentWidget() is sg.report_page:
            continue
        for j in range(len(_buttons(sg))):  # each button of the page it led to
            inner = _buttons(sg)
            if j >= len(inner):
                break
            press(inner[j], f"{kind} > {role(inner[j])}")
            again = enter(kind)
            if again is None or not sg.isVisible():
                break
            again.click()

    assert spy.shown == [], f"windows appeared: {spy.shown}"
    # The walk reached every kind of choice (so it proves what it claims), and met no button
    # it does not know: a new one (say, "Erase") fails here until it is walked and reviewed.
    steps = set(pressed)
    expected = {"forget_label", "forget_label > yes", "forget_label > no",
                "withdraw_consent", "withdraw_consent > yes", "correct", "correct > save",
                "correct > cancel", "print", "file", "language", "done", "done > leave",
                "done > back"}
    assert steps >= expected, steps
    assert steps <= expected | {"withdraw_consent > no"}, steps - expected
    # The one drop-down (the guest's language) was opened, and lists languages, nothing else.
    assert spy.combo_popups and set(spy.combo_popups) == {sg.correct_page.language}
    combo = sg.correct_page.language
    assert [combo.itemText(i) for i in range(combo.count())] == [
        lang.native_name for lang in languages.all_languages()]
    # The copies went where a manager said: the printer by its name, the files to the folder.
    assert set(asked) == {"Reception printer"}
    words = " ".join(subprocess.run(["pdftotext", str(printed), "-"], check=True,
                                    capture_output=True, text=True).stdout.split())
    assert words.startswith("Hotel De Linde Lindenlaan 12, Utrecht"), words[:80]
    assert sorted(p.suffix for p in folder.iterdir())[:2] == [".json", ".pdf"]
    # Nothing the guest could press erased anything: the guest is still there.
    assert guests.get_guest(store, manager, gid).full_name == "Ingrid Dahl"
    with store.read() as s:
        assert not queries.audit_events(s, action="guest.erased")
    sg.force_close()


def test_show_guest_modules_import_no_file_or_print_dialog_and_nothing_that_erases() -> None:
    for rel in SHOW_GUEST_MODULES:
        tree = ast.parse((ROOT / rel).read_text(encoding="utf-8"))
        names = {a.name for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                 for a in node.names}
        names |= {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
        names |= {n.id for n in ast.walk(tree) if isinstance(n, ast.Name)}
        modules = {node.module or "" for node in ast.walk(tree)
                   if isinstance(node, ast.ImportFrom)}
        modules |= {a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
                    for a in node.names}
        assert not names & FORBIDDEN, (rel, names & FORBIDDEN)
        # Erasure is a manager's action at the desk, never reachable from the guest's pages.
        assert "erasure" not in names and not any("erasure" in m for m in modules), rel
        assert not [n for n in names if n.startswith("erase")], rel


def test_the_desks_shortcuts_and_menus_do_nothing_from_show_guest(
    qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor, tmp_path: Path,
) -> None:
    """Show guest opened by F9 over the signed-in desk: every shortcut the desk binds (its
    menu actions, the card's keys) and every Alt+letter, typed at Show guest, opens
    nothing and changes nothing — except Ctrl+L, which locks the desk and closes it.

    (Tried on a real X server with openbox too: Show guest is the active window, and
    even with the X focus forced onto the desk, Delete/Insert/Ctrl+F reach nothing.)
    """
    from PySide6.QtGui import QAction, QKeySequence, QShortcut

    from tests.conftest import RECEPTIONIST_PIN
    from tests.ui.desk_helpers import key, make_window, sign_in

    folder = tmp_path / "guest-files"
    folder.mkdir()
    gid = _guest(store, manager, receptionist, folder)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    desk = window.desk
    assert desk is not None
    desk.open_guest(gid)  # type: ignore[attr-defined]
    key(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: any(isinstance(w, ShowGuestWindow) and w.isVisible()
                                for w in QApplication.topLevelWidgets()))
    sg = next(w for w in QApplication.topLevelWidgets()
              if isinstance(w, ShowGuestWindow) and w.isVisible())
    sg.activateWindow()  # what the window manager does with a new full-screen window
    qtbot.waitUntil(sg.isActiveWindow)
    before = guests.open_card(store, manager, gid)
    lock = QKeySequence("Ctrl+L")
    sequences = {seq.toString(): seq for act in window.findChildren(QAction)
                 for seq in act.shortcuts() if not seq.isEmpty()}
    sequences |= {sc.key().toString(): sc.key() for sc in window.findChildren(QShortcut)
                  if not sc.key().isEmpty()}
    sequences |= {f"Alt+{c}": QKeySequence(f"Alt+{c}") for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZ"}
    assert {"Del", "Ins", lock.toString()} <= set(sequences)  # the desk's keys were found
    app = QApplication.instance()
    assert app is not None
    spy = WindowSpy()  # from here on: the desk and Show guest are up
    app.installEventFilter(spy)

    def type_keys(seq: QKeySequence) -> None:
        for i in range(seq.count()):
            combo = seq[i]
            target = QApplication.focusWidget()
            assert target is not None and target.window() is sg, target
            qtbot.keyClick(target, combo.key(), combo.keyboardModifiers())

    try:
        for name, seq in sorted(sequences.items()):
            if seq == lock:
                continue
            type_keys(seq)
            assert sg.isVisible() and not window.is_locked(), name
            if sg.pages.currentWidget() is not sg.report_page:
                sg.back_to_report()  # an access key of Show guest's own (its buttons)
        assert spy.shown == [], spy.shown
        after = guests.open_card(store, manager, gid)
        assert [a.id for a in after.assignments] == [a.id for a in before.assignments]
        type_keys(lock)  # the one that works (so the keys above were really typed)
        qtbot.waitUntil(lambda: not sg.isVisible())
        assert window.is_locked()
    finally:
        app.removeEventFilter(spy)
