"""Walking every window and dialog in one interface language, and what to check on each.

Used by tests/ui/test_language_walk.py. The walk is generic so that windows other
helpers add are covered without editing it: it triggers every action of every menu
(recursively), follows every enabled button whose text ends in "…" (the convention
for "opens a dialog") one level down, and catches whatever window appears, modal
(``exec()``) or not. Each window is checked for:

* English left over: a visible text equal to an English source string (Qt .ts or
  app/ .po) whose translation differs, or a filled-in template of one;
* mnemonics: the same Alt-letter twice among one window's visible widgets (with its
  menu bar) or within one menu;
* clipping (pseudo-language only): a label or button whose size hint is wider than
  the space it got, a wrapped label cut off at the bottom, a window larger than
  1366×768.
"""

from __future__ import annotations

import gettext
import re
import subprocess
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from babel.messages.pofile import read_po
from PySide6.QtCore import QModelIndex, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QPushButton,
    QRadioButton,
    QTabBar,
    QWidget,
)
from pytestqt.qtbot import QtBot

from app import languages

SCREEN = (1366, 768)
PSEUDO = "pseudo"
# The same in every language, or not words at all.
ALLOWED = {"Frontdesk", "OK", "PIN", "#", "Ctrl+F", "F9", "Esc", "…", "—", "·", "✓", "⚕"}


# --- the pseudo-language -----------------------------------------------------------------

_KEEP = re.compile(r"(\{[^{}]*\}|<[^<>]*>|&[a-z]+;|%\w|\\n|\s+)")


def lengthen(text: str, scale: float = 0.4) -> str:
    """Every word 40 % longer (letters doubled along the way); placeholders, tags, entities,
    spaces and the & of a mnemonic stay as they are — the way Vorta's TRANS_SCALE works."""
    out = []
    for part in _KEEP.split(text):
        if not part or _KEEP.fullmatch(part):
            out.append(part)
            continue
        acc, word = 0.0, []
        for ch in part:
            word.append(ch)
            if ch.isalpha():
                acc += scale
                if acc >= 1:
                    acc -= 1
                    word.append(ch.lower())
        if acc > 0 and any(c.isalpha() for c in part):
            word.append("ə")
        out.append("".join(word))
    return "".join(out)


class PseudoCatalogue(gettext.NullTranslations):
    """app/'s messages in the pseudo-language."""

    def gettext(self, message: str) -> str:
        return lengthen(message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        return lengthen(msgid1 if n == 1 else msgid2)


def catalogue_language() -> languages.Language:
    """A language whose catalogues list every source text (the pseudo-language's stand-in)."""
    return next(lang for lang in languages.all_languages() if lang.code != languages.source())


def pseudo_qm(folder: Path) -> Path:
    """A .qm with every staff-interface string lengthened, built from the sources at test time."""
    tree = ET.parse(catalogue_language().qt_catalogue)
    root = tree.getroot()
    root.set("language", "en")
    for msg in root.iter("message"):
        tr = msg.find("translation")
        assert tr is not None
        tr.attrib.pop("type", None)
        tr.text = lengthen(msg.findtext("source") or "")
    ts = folder / "frontdesk_pseudo.ts"
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    from ui.i18n import lrelease_tool

    tool = lrelease_tool()
    assert tool is not None, "lrelease is needed to build the pseudo-language"
    qm = ts.with_suffix(".qm")
    subprocess.run([*tool, "-silent", str(ts), "-qm", str(qm)], check=True, timeout=120)
    return qm


# --- what an English leak looks like in one language ------------------------------------

def norm(text: str) -> str:
    return re.sub(r"&(?!&)", "", text).replace("&&", "&").strip()


@dataclass
class Sources:
    """English texts that must not show in ``code`` (their translation differs)."""

    exact: set[str] = field(default_factory=set)
    templates: list[tuple[re.Pattern[str], str]] = field(default_factory=list)

    def add(self, source: str, translation: str) -> None:
        src = norm(source)
        if not src or src == norm(translation) or src in ALLOWED:
            return
        if "{" in src:
            pattern = re.sub(r"\\\{\w+\\\}", "(.+)", re.escape(src))
            if re.search(r"[A-Za-z]", re.sub(r"\{\w+\}", "", src)):  # words, not just {x}
                self.templates.append((re.compile(f"^{pattern}$", re.S), source))
        else:
            self.exact.add(src)

    def hit(self, text: str) -> str | None:
        if text in self.exact:
            return text
        return next((src for pattern, src in self.templates if pattern.match(text)), None)


def sources_for(code: str) -> Sources:
    found = Sources()
    if code == languages.source():
        return found  # English is allowed to be English
    lang = languages.get(code) or catalogue_language()
    ts = lang.qt_catalogue
    for msg in ET.parse(ts).getroot().iter("message"):
        src = msg.findtext("source") or ""
        found.add(src, lengthen(src) if code == PSEUDO else msg.findtext("translation") or "")
    po = lang.app_catalogue
    with po.open("rb") as fh:
        for m in read_po(fh):
            ids = m.id if isinstance(m.id, tuple) else (m.id,)
            strs = m.string if isinstance(m.string, tuple) else (m.string,)
            for i, s in zip(ids, strs, strict=False):
                if i:
                    found.add(str(i), lengthen(str(i)) if code == PSEUDO else str(s or ""))
    return found


# --- reading a window -------------------------------------------------------------------

def visible(w: QWidget, root: QWidget) -> bool:
    return w is root or w.isVisibleTo(root)


# Labels in the *guest's* language on purpose (the label previews of the review queue and
# the vocabulary show each guest language, English included); Show guest checks them.
GUEST_CONTENT = {"previewTitle", "previewWording", "previewPurpose"}


def texts_of(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) for everything a person can read on ``root``."""
    for w in [root, *root.findChildren(QWidget)]:
        if not visible(w, root) or w.objectName() in GUEST_CONTENT:
            continue
        name = f"{type(w).__name__}({w.objectName()})"
        if w.isWindow():
            yield name + ".windowTitle", w.windowTitle()
        if w.toolTip():
            yield name + ".toolTip", w.toolTip()
        if isinstance(w, QLabel):
            yield name, re.sub(r"<[^>]+>", "\n", w.text())
        elif isinstance(w, QAbstractButton):
            if not qt_standard(w):
                yield name, w.text()
        elif isinstance(w, QGroupBox):
            yield name, w.title()
        elif isinstance(w, QLineEdit):
            yield name + ".placeholder", w.placeholderText()
        elif isinstance(w, QComboBox):
            for i in range(w.count()):
                yield f"{name}[{i}]", w.itemText(i)
        elif isinstance(w, QTabBar):
            for i in range(w.count()):
                yield f"{name}.tab[{i}]", w.tabText(i)
        elif isinstance(w, QAbstractItemView) and w.model() is not None:
            model = w.model()
            top = QModelIndex()
            try:
                columns = model.columnCount(top)
            except TypeError:  # list models hide columnCount: one column
                columns = 1
            for c in range(columns):
                yield f"{name}.header[{c}]", str(model.headerData(
                    c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole) or "")
            for r in range(min(model.rowCount(top), 5)):
                for c in range(columns):
                    value = model.data(model.index(r, c), Qt.ItemDataRole.DisplayRole)
                    if isinstance(value, str):
                        yield f"{name}.cell[{r},{c}]", value


def qt_standard(button: QAbstractButton) -> bool:
    """A standard button of a QDialogButtonBox (Save, Cancel, Close): Qt translates it
    (qtbase_<code>.qm), there is nothing of ours to check."""
    box = button.parent()
    return isinstance(box, QDialogButtonBox) and isinstance(button, QPushButton) and \
        box.standardButton(button) != QDialogButtonBox.StandardButton.NoButton


def menu_texts(menu: QMenu, where: str) -> Iterator[tuple[str, str]]:
    yield f"{where}.title", menu.title()
    for act in menu.actions():
        if act.isSeparator() or not act.isVisible():
            continue
        yield f"{where} > {act.text()}", act.text()
        sub = act.menu()
        if isinstance(sub, QMenu):
            yield from menu_texts(sub, f"{where} > {act.text()}")


def mnemonic(text: str) -> str | None:
    m = re.search(r"&([^&\s])", text.replace("&&", ""))
    return m.group(1).casefold() if m else None


def duplicates(items: list[tuple[str, str]]) -> list[str]:
    """Mnemonic letters used twice among (where, text) items."""
    letters = [(mnemonic(t), where, t) for where, t in items]
    count = Counter(k for k, _w, _t in letters if k)
    return [f"Alt+{k.upper()} twice: " + ", ".join(repr(t) for kk, _w, t in letters if kk == k)
            for k in sorted(count) if count[k] > 1]


def window_mnemonics(root: QWidget) -> list[tuple[str, str]]:
    items: list[tuple[str, str]] = []
    for w in [root, *root.findChildren(QWidget)]:
        if w is root or not visible(w, root) or not w.isEnabled():
            continue
        if isinstance(w, QAbstractButton):
            items.append((type(w).__name__, w.text()))
        elif isinstance(w, QLabel) and w.buddy() is not None and visible(w.buddy(), root):
            items.append(("QLabel", w.text()))
        elif isinstance(w, QGroupBox) and w.isCheckable():
            items.append(("QGroupBox", w.title()))
        elif isinstance(w, QTabBar):
            items += [("tab", w.tabText(i)) for i in range(w.count()) if w.isTabVisible(i)]
    if isinstance(root, QMainWindow):
        items += [("menu", a.text()) for a in root.menuBar().actions() if a.isVisible()]
    return items


def menu_mnemonics(menu: QMenu) -> Iterator[tuple[str, list[tuple[str, str]]]]:
    acts = [a for a in menu.actions() if not a.isSeparator() and a.isVisible()]
    yield norm(menu.title()), [("action", a.text()) for a in acts]
    for a in acts:
        if isinstance(a.menu(), QMenu):
            yield from menu_mnemonics(a.menu())  # type: ignore[arg-type]


def clipped(root: QWidget) -> list[str]:
    """Texts that do not fit the space they got, and a window too big for 1366×768."""
    out = []
    if root.isFullScreen():  # it takes the (800×800 offscreen) screen: give it 1366×768
        root.setWindowState(Qt.WindowState.WindowNoState)
        QApplication.processEvents()
        root.setGeometry(0, 0, *SCREEN)
        QApplication.processEvents()
    size = root.size().expandedTo(root.minimumSizeHint())  # the window manager adds its frame
    if size.width() > SCREEN[0] or size.height() > SCREEN[1]:
        out.append(f"{type(root).__name__} is {size.width()}×{size.height()}, "
                   f"larger than {SCREEN[0]}×{SCREEN[1]}")
    if root.isWindow() and not isinstance(root, QMainWindow):
        # Tests run on an 800×800 offscreen screen, where Qt caps a new window's size;
        # give it what a 1366×768 screen would (its size hint, at most the screen).
        root.resize(root.size().expandedTo(root.sizeHint()).boundedTo(QSize(*SCREEN)))
        QApplication.processEvents()
    for _ in range(3):  # let pending layout requests settle before measuring
        QApplication.processEvents()
    for w in root.findChildren(QWidget):
        if not visible(w, root) or w.width() <= 0:
            continue
        text = ""
        if isinstance(w, QLabel) and w.text():
            text = w.text()
            if w.wordWrap():
                need = w.heightForWidth(w.contentsRect().width()) if w.hasHeightForWidth() \
                    else w.sizeHint().height()
                if need > w.height() + 2:
                    out.append(f"QLabel({w.objectName()}) {norm(text)[:60]!r}: needs "
                               f"{need}px height, has {w.height()}")
                continue
        elif isinstance(w, (QPushButton, QCheckBox, QRadioButton)):
            text = w.text()
        elif isinstance(w, QTabBar):
            out += [f"QTabBar tab {norm(w.tabText(i))!r}: needs {w.tabSizeHint(i).width()}px, "
                    f"has {w.tabRect(i).width()}" for i in range(w.count())
                    if w.tabSizeHint(i).width() > w.tabRect(i).width() + 2]
            continue
        elif isinstance(w, QHeaderView) and w.orientation() == Qt.Orientation.Horizontal:
            # A column's title cut off. The stretching column is left out: it gives way
            # by design when the window is narrow (its cells elide, with a tooltip).
            model = w.model()
            for i in range(w.count()):
                if w.isSectionHidden(i) or model is None \
                        or w.sectionResizeMode(i) == QHeaderView.ResizeMode.Stretch:
                    continue
                need = w.sectionSizeFromContents(i).width()
                if need > w.sectionSize(i) + 2:
                    title = model.headerData(i, Qt.Orientation.Horizontal)
                    out.append(f"column {norm(str(title))!r}: needs {need}px, "
                               f"has {w.sectionSize(i)}")
            continue
        else:
            continue
        if not text or w.sizePolicy().horizontalPolicy().name == "Ignored":
            continue
        hint = w.sizeHint().width()
        if hint > w.width() + 2:
            out.append(f"{type(w).__name__}({w.objectName()}) {norm(text)[:60]!r}: needs "
                       f"{hint}px, has {w.width()}")
    return out


# --- finding windows ---------------------------------------------------------------------

def windows_now(exclude: set[int]) -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets()
            if w.isVisible() and id(w) not in exclude and not isinstance(w, QMenu)]


def capture(qtbot: QtBot, act: Callable[[], object], seen: Callable[[QWidget], None],
            *, wait_ms: int = 250) -> list[QWidget]:
    """Run ``act`` (which may open a modal dialog with exec()) and hand each new window to
    ``seen`` while it is open; modal ones are closed after, so ``act`` returns."""
    before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
    got: list[QWidget] = []

    def poll() -> None:
        for w in windows_now(before | {id(g) for g in got}):
            got.append(w)
            qtbot.wait(wait_ms)  # workers fill in lists
            seen(w)
            if w.isModal() or w is QApplication.activeModalWidget():
                close(w)

    from PySide6.QtCore import QTimer

    timer = QTimer()
    timer.setInterval(50)
    timer.timeout.connect(poll)
    timer.start()
    try:
        act()
        qtbot.wait(wait_ms)
        poll()
    finally:
        timer.stop()
    return got


def close(w: QWidget) -> None:
    force = getattr(w, "force_close", None)
    if callable(force):
        force()
    elif isinstance(w, QDialog):
        w.reject()
    else:
        w.close()


def is_qt_own(w: QWidget) -> bool:
    """Qt's file dialog: translated by Qt's own catalogues, not ours."""
    return isinstance(w, QFileDialog)


def dialog_buttons(root: QWidget) -> list[QPushButton]:
    """Enabled buttons that open a dialog ("Choose…", "Add staff member…")."""
    return [b for b in root.findChildren(QPushButton)
            if visible(b, root) and b.isEnabled() and norm(b.text()).split(" (")[0]
            .endswith("…")]

