"""Every window and dialog, in every staff language and a 40 %-longer pseudo-language.

For each language the registry offers staff (plus the pseudo-language, made at test
time from the English sources), the desk is opened on a demo store and walked the
way a person would: sign-in page, today's lists, search results, a guest card, every
menu, every action in every menu (whatever dialog or window it opens, modal or not),
every "…" button in those dialogs and on the card, and Show guest in each guest
language. See tests/ui/language_walk.py for what is checked on each window. The walk
discovers windows through the menus, so windows added later are covered too.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from babel.messages.pofile import read_po
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QWidget
from pytestqt.qtbot import QtBot

from app import i18n, languages, vocabulary_admin
from app.demo import build_demo
from app.health import CONSENT_QUESTION
from app.i18n import translate
from app.opening import Store
from app.views import Actor
from storage import queries
from storage.models import LabelStatus
from tests.ui import language_walk as lw
from tests.ui.desk_helpers import key, make_window, sign_in
from ui import i18n as ui_i18n

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "QFileDialog", "QPainter")

STAFF = [lang.code for lang in languages.staff_languages() if lang.code != languages.source()]


@pytest.fixture(params=[*STAFF, lw.PSEUDO])
def interface(request: pytest.FixtureRequest, qapp: QApplication,
              tmp_path: Path) -> Iterator[str]:
    code = str(request.param)
    if code == lw.PSEUDO:
        translator = QTranslator(qapp)
        assert translator.load(str(lw.pseudo_qm(tmp_path)))
        ui_i18n.install_translator(qapp, languages.source())
        qapp.installTranslator(translator)
        i18n._catalogues[lw.PSEUDO] = lw.PseudoCatalogue()
        ui_i18n._current[0] = lw.PSEUDO
    else:
        assert ui_i18n.install_translator(qapp, code) == code
    yield code
    if code == lw.PSEUDO:
        qapp.removeTranslator(translator)
        i18n._catalogues.pop(lw.PSEUDO, None)
    ui_i18n.install_translator(qapp, languages.source())


class Walker:
    def __init__(self, qtbot: QtBot, store: Store, code: str) -> None:
        self.qtbot, self.code = qtbot, code
        self.sources = lw.sources_for(code)
        self.guest_sources: dict[str, lw.Sources] = {}
        self.problems: list[str] = []
        self.windows: list[str] = []
        with store.read() as s:
            data = [st.name for st in queries.all_staff(s)]
            for lb in queries.labels_with_status(s, *LabelStatus):
                data.append(lb.staff_wording)
                data += [w.guest_wording for w in lb.wordings] + [w.purpose for w in lb.wordings]
            data += [g.full_name for g in queries.list_guests(s, 100_000)]
        # The consent question is asked in the guest's language on purpose (an English
        # guest at a Dutch desk): guest-language text, not chrome.
        data += [translate(CONSENT_QUESTION, code) for code in languages.codes()]
        # So is the proposal form's example in each language's fields (English in the
        # English field): each field shows it in the language it asks for.
        data += [vocabulary_admin.example_wording(code, part) for code in languages.codes()
                 for part in vocabulary_admin.EXAMPLE_WORDING]
        self.data = [d for d in data if len(d) > 3]

    # -- checks ------------------------------------------------------------------------
    def is_data(self, text: str) -> bool:
        return any(d in text for d in self.data)

    def english(self, where: str, items: Iterator[tuple[str, str]],
                sources: lw.Sources | None = None) -> None:
        src = sources or self.sources
        for place, raw in items:
            for line in dict.fromkeys([raw, *raw.splitlines()]):
                text = lw.norm(line)
                if not text or text in lw.ALLOWED or self.is_data(text):
                    continue
                hit = src.hit(text)
                if hit is not None:
                    self.problems.append(f"[{self.code}] {where} / {place}: English {hit!r}"
                                         + (f" in {text!r}" if hit != text else ""))

    def window(self, w: QWidget, where: str, *, sources: lw.Sources | None = None) -> None:
        self.windows.append(where)
        self.english(where, lw.texts_of(w), sources)
        for dup in lw.duplicates(lw.window_mnemonics(w)):
            self.problems.append(f"[{self.code}] {where}: {dup}")
        if self.code == lw.PSEUDO:
            self.problems += [f"[pseudo] {where}: clipped: {c}" for c in lw.clipped(w)]

    def menu(self, menu: QMenu, where: str) -> None:
        self.english(where, lw.menu_texts(menu, where))
        for title, items in lw.menu_mnemonics(menu):
            self.problems += [f"[{self.code}] menu {title}: {d}" for d in lw.duplicates(items)]

    # -- following windows -------------------------------------------------------------
    def dialog(self, w: QWidget, depth: int = 0) -> None:
        where = f"{type(w).__name__} “{w.windowTitle()}”"
        if lw.is_qt_own(w):
            return
        if hasattr(w, "set_language") and hasattr(w, "language"):
            self.show_guest(w, where)
            return
        self.window(w, where)
        if depth >= 1:
            return
        for button in lw.dialog_buttons(w):
            if button.isVisible() and button.isEnabled():
                lw.capture(self.qtbot, button.click, lambda d: self.dialog(d, depth + 1))

    def show_guest(self, view: QWidget, where: str) -> None:
        """Guest-facing: in the guest's language, each one the registry completes."""
        # The pseudo-language is no guest language: in the pseudo walk, Show guest is
        # checked for fit in each real guest language (in the staff's pseudo chrome).
        if view.isFullScreen():
            # Full screen on the 800×800 offscreen screen: switching the guest language
            # changes the minimum width, Qt widens the window past that screen and drops
            # full screen, so the first language would be measured at 800 px high. Give
            # it the 1366×768 screen first, as lw.clipped does for the first window.
            view.setWindowState(Qt.WindowState.WindowNoState)
            view.setGeometry(0, 0, *lw.SCREEN)
            self.qtbot.wait(20)
        for lang in languages.guest_languages():
            code = lang.code
            if code == languages.source() and self.code != lw.PSEUDO:
                continue
            view.set_language(code)  # type: ignore[attr-defined]
            self.qtbot.wait(50)
            if code not in self.guest_sources:
                self.guest_sources[code] = lw.sources_for(code)
            self.window(view, f"{where} in {code}", sources=self.guest_sources[code])
            # The pages the guest reaches from there: each confirmation (one per kind),
            # the correction form and the hand-over page. Nothing is confirmed.
            pages: dict[str, Any] = {}
            for _button, action in getattr(view, "action_buttons", []):
                pages.setdefault(f"confirm {action.kind}",
                                 lambda a=action: view.ask(a))  # type: ignore[attr-defined]
            pages["correction form"] = view.open_correct  # type: ignore[attr-defined]
            pages["hand-over page"] = view.request_leave  # type: ignore[attr-defined]
            for name, open_page in pages.items():
                open_page()
                self.qtbot.wait(30)
                self.window(view, f"{where} in {code}, {name}",
                            sources=self.guest_sources[code])
                view.back_to_report()  # type: ignore[attr-defined]

    def trigger(self, act: QAction, where: str) -> None:
        lw.capture(self.qtbot, act.trigger, self.dialog)


def skipped(act: QAction, window: QMainWindow) -> bool:
    """Actions that end the session or change the desk's setting, not open a window."""
    if act.isSeparator() or not act.isVisible() or not act.isEnabled() or act.isCheckable():
        return True
    ends = {QCoreApplication.translate("MainWindow", s) for s in ("&Quit", "Sign &out", "&Lock")}
    return act.text() in ends or act is getattr(window, "lock_action", None)


def all_actions(menu: QMenu) -> Iterator[QAction]:
    for act in menu.actions():
        sub = act.menu()
        if isinstance(sub, QMenu):
            yield from all_actions(sub)
        else:
            yield act


@pytest.fixture
def demo_store(store_from_template: Callable[[str, Callable[[Store], object]], Store]
               ) -> Store:
    """``build_demo(store, 60)`` on a new store: a copy of one built once per run."""
    return store_from_template("demo:60", lambda s: build_demo(s, 60))


def test_every_window_speaks_the_language_fits_and_has_unique_mnemonics(
        qtbot: QtBot, demo_store: Store, interface: str) -> None:
    walker = Walker(qtbot, demo_store, interface)
    window = make_window(qtbot, demo_store)
    window.resize(*lw.SCREEN)
    qtbot.wait(50)
    walker.window(window, "sign-in page")
    sign_in(qtbot, window, "Eva", "4826")
    qtbot.wait(150)
    walker.window(window, "today")
    desk = window.desk
    assert desk is not None
    today = getattr(desk, "today", None)
    tabs = getattr(today, "tabs", None)
    if tabs is not None:
        for i in range(tabs.count()):
            tabs.setCurrentIndex(i)
            qtbot.wait(100)
            walker.window(window, f"today tab {i}")
        tabs.setCurrentIndex(0)
    window.focus_search()
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClicks(focus, "an")
    qtbot.wait(400)
    walker.window(window, "search results")
    key(qtbot, focus, Qt.Key.Key_Escape)

    def open_card() -> None:
        window._show_today()
        qtbot.wait(200)  # the list fills in a worker
        window.activateWindow()  # a closed dialog leaves no active window behind
        qtbot.waitUntil(window.isActiveWindow)
        today_view: Any = getattr(window.desk, "today", None)
        today_view.focus_list()
        key(qtbot, QApplication.focusWidget() or window, Qt.Key.Key_Return)  # the first card
        qtbot.waitUntil(lambda: window.current_guest_id() is not None)

    open_card()
    walker.window(window, "guest card")
    for button in lw.dialog_buttons(window):
        lw.capture(qtbot, button.click, walker.dialog)
    for act in window.menuBar().actions():
        menu = act.menu()
        if isinstance(menu, QMenu) and act.isVisible():
            open_card()  # the Guest menu acts on the open card; the Desk menu may close it
            menu.aboutToShow.emit()  # menus that fill themselves when opened
            walker.menu(menu, lw.norm(menu.title()))
            for item in all_actions(menu):
                if not skipped(item, window):
                    walker.trigger(item, f"{lw.norm(menu.title())} > {lw.norm(item.text())}")
    assert len(walker.windows) >= 15, walker.windows  # the walk really went everywhere
    assert any(w.endswith("hand-over page") for w in walker.windows), walker.windows
    assert not walker.problems, "\n".join(dict.fromkeys(walker.problems))


def test_start_up_lock_and_quit_windows(qtbot: QtBot, store: Store, manager: Actor,
                                        tmp_path: Path, interface: str) -> None:
    """Windows no menu leads to: first run, the keyring's trouble, the locked desk, quitting."""
    from app import errors
    from app.i18n import _
    from app.opening import MemoryKey, open_store
    from ui.keyring_trouble import KeyringTroubleDialog, show_recovery_passphrase
    from ui.signin import QuitDialog

    walker = Walker(qtbot, store, interface)
    window = make_window(qtbot, store)
    window.resize(*lw.SCREEN)
    qtbot.waitUntil(lambda: window.sign_in_page.names.count() > 0)
    sign_in(qtbot, window, "Eva", "4826")
    window.lock()
    qtbot.wait(100)
    walker.window(window, "locked desk")
    quitting = QuitDialog(store, manager, window)
    qtbot.addWidget(quitting)
    quitting.show()
    walker.window(quitting, "quit a locked desk")
    quitting.reject()
    empty = open_store(tmp_path / "empty", MemoryKey())
    try:
        first = make_window(qtbot, empty)
        first.resize(*lw.SCREEN)
        first.first_run.show_at_login(True)  # as for a desk's own store (not the demo)
        qtbot.wait(50)
        walker.window(first, "first run")
    finally:
        first.close()
        empty.close()
    for error in (errors.KeyringLockedError(_("The system keyring is locked or refused "
                                              "access. Unlock it (sign in to your desktop "
                                              "session) and try again, or use the store's "
                                              "--passphrase-file.")),
                  errors.KeyMissingError(_("Wrong PIN.")),
                  errors.KeyringUnavailableError(_("Wrong PIN."))):
        dialog = KeyringTroubleDialog(error)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.wait(50)
        walker.window(dialog, f"keyring trouble ({type(error).__name__})")
        for button in lw.dialog_buttons(dialog):  # "Use recovery passphrase…": its page
            button.click()
            qtbot.wait(50)
            walker.window(dialog, f"keyring trouble ({type(error).__name__}), recovery page")
        dialog.reject()
    lw.capture(qtbot, lambda: show_recovery_passphrase("ABCD-EFGH-IJKL-MNOP-QRST-UVWX"),
               lambda w: walker.window(w, "recovery passphrase"))
    assert not walker.problems, "\n".join(dict.fromkeys(walker.problems))


def copied(source: str, translation: str) -> bool:
    """A sentence left in English: the "translation" is its source, three words or more.

    Single words and names may be the same ("Status", "Restaurant", "&Manager", "PIN",
    "{who}: {action}"); "You prefer a quiet table." may not. The walk cannot see such a
    copy (a text that is the same in both languages is no leak), so this check does.
    """
    words = re.findall(r"[^\W\d_]+", re.sub(r"\{[^}]*\}|<[^>]*>|&(?=\w)", "", source))
    return translation == source and len(words) >= 3


@pytest.mark.parametrize("lang", [lang for lang in languages.staff_languages()
                                  if lang.code != languages.source()], ids=lambda lang: lang.code)
def test_no_unfinished_translation(lang: languages.Language) -> None:
    unfinished = []
    for msg in ET.parse(lang.qt_catalogue).getroot().iter("message"):
        tr = msg.find("translation")
        source = msg.findtext("source") or ""
        if tr is None or tr.get("type") == "unfinished" or not (tr.text or "").strip() \
                or copied(source, tr.text or ""):
            unfinished.append(source)
    with lang.app_catalogue.open("rb") as fh:
        unfinished += [str(m.id) for m in read_po(fh) if m.id and (
            m.fuzzy or not m.string or (isinstance(m.string, tuple) and not all(m.string))
            or (isinstance(m.id, str) and copied(m.id, str(m.string))))]
    assert not unfinished, f"{lang.code}: {len(unfinished)} unfinished: {unfinished[:20]}"


def test_a_sentence_copied_from_english_is_unfinished() -> None:
    assert copied("You prefer a quiet table.", "You prefer a quiet table.")
    assert copied("&Save the {n} guests now", "&Save the {n} guests now")
    assert not copied("You prefer a quiet table.", "U zit liever aan een rustige tafel.")
    for same in ("Status", "&Manager ({n})", "{who}: {action} ({details})", "PROBLEM: {problem}",
                 "{language} — optional", "Frontdesk: {action}"):
        assert not copied(same, same)


def test_the_pseudo_language_is_longer_and_keeps_what_code_needs() -> None:
    text = "&Save {n} guests <b>now</b> &amp; later\nagain"
    long = lw.lengthen(text)

    def letters(s: str) -> int:
        return sum(ch.isalpha() for ch in s)

    assert letters(long) >= letters(text) * 1.4
    assert "{n}" in long and "<b>" in long and "&amp;" in long and "\n" in long
    assert lw.mnemonic(long) == "s"
    assert lw.duplicates([("a", "&Save"), ("b", "&Search"), ("c", "&Open")]) == [
        "Alt+S twice: '&Save', '&Search'"]


def test_the_checks_see_a_clipped_button_and_an_english_leak(qtbot: QtBot) -> None:
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QDialog, QHeaderView, QPushButton, QTableView, QVBoxLayout

    dialog = QDialog()
    qtbot.addWidget(dialog)
    button = QPushButton("A button with a long caption")
    button.setFixedWidth(40)
    model = QStandardItemModel(1, 2, dialog)
    model.setHorizontalHeaderLabels(["A long column title", "Rest"])
    table = QTableView()
    table.setModel(model)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().resizeSection(0, 30)
    lay = QVBoxLayout(dialog)
    lay.addWidget(button)
    lay.addWidget(table)
    dialog.show()
    found = lw.clipped(dialog)
    assert any("A button with a long caption" in c for c in found)
    assert any("A long column title" in c for c in found)
    src = lw.Sources()
    src.add("Wrong PIN.", "Falsche PIN.")
    src.add("Welcome back, {name}", "Willkommen zurück, {name}")
    src.add("Status", "Status")  # the same in both: not a leak
    assert src.hit("Wrong PIN.") == "Wrong PIN."
    assert src.hit("Welcome back, Anna") == "Welcome back, {name}"
    assert src.hit("Status") is None and src.hit("Falsche PIN.") is None


def english_in_text(text: str, sources: lw.Sources) -> list[str]:
    """English sentences (three words or more) that a printed text still carries: checked
    inside the whole text, whitespace joined, as a PDF wraps them across lines."""
    flat = " ".join(text.split())
    found = []
    for src in sources.exact:
        if len(re.findall(r"[^\W\d_]+", src)) >= 3 and " ".join(src.split()) in flat:
            found.append(src)
    for _pattern, src in sources.templates:
        parts = [" ".join(p.split()) for p in re.split(r"\{\w+\}", lw.norm(src))]
        longest = max(parts, key=len)
        if len(re.findall(r"[^\W\d_]+", longest)) >= 3 and longest in flat:
            found.append(src)
    return found


@pytest.mark.parametrize("code", [lang.code for lang in languages.guest_languages()
                                  if lang.code != languages.source()])
def test_the_guests_printed_copy_has_no_english(code: str, store: Store, manager: Actor,
                                                tmp_path: Path, qapp: QApplication) -> None:
    """The PDF the guest takes home, in each guest language: no English sentence left."""
    import datetime as dt
    import subprocess

    from app import consents, guests, labels, report, visits, vocabulary
    from app.domain import Service, Source, VisitKind
    from ui.report_pdf import write_pdf

    vocabulary.load_starter(store, manager)
    g = guests.create_guest(store, manager, guests.GuestFields(
        "Margriet Druck", "Margriet", "mar-GREET", code, "m@example.org", "+31 6 12345678"))
    consents.record_consent(store, manager, g.id)
    for i, lb in enumerate(labels.approved_labels(store, manager)[:10]):
        labels.assign_label(store, manager, g.id, lb.id,
                            (Source.GUEST_TOLD, Source.STAFF_OBSERVED)[i % 2])
    visits.record_visit(store, manager, g.id, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime(2026, 3, 3, 19), service=Service.DINNER,
                        party_size=2, place="T4")
    rep = report.guest_report(store, manager, g.id, language=code)
    pdf = tmp_path / f"copy-{code}.pdf"
    assert write_pdf(rep, pdf) >= 1
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          check=True).stdout
    assert rep.section("labels").items and "Margriet Druck" in text  # a copy with notes
    sources = lw.sources_for(code)
    assert english_in_text(text, sources) == []
    # and the check sees English when there is some
    assert english_in_text(text + "\nThat guest no longer exists.", sources) == [
        "That guest no longer exists."]
