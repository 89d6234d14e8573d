"""Open every window of the desk, one after the other, and hand each to a check.

Shared by the tests that look at every window (the fit test: each window inside a
1366×768 screen; a translation test can use it to look for untranslated text). It finds
windows generically, so a dialog another part adds is covered without a list to keep:

* every action of every menu of the main window is triggered (except the ones that end
  the session or change a setting: Quit, Lock, Sign out, the language choice);
* in each dialog that opens, every enabled button whose text ends with "…" (the usual
  sign of "opens a dialog") is clicked, down to ``depth`` levels, and so are those of
  the page the main window shows (the guest card);
* each window that appears — modal or not — is handed to ``visit(widget, path)``, then
  closed without acting: dialogs are rejected (Cancel/Esc), other windows closed.

Modal dialogs block in ``exec()``, so a timer polls for them while they run.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QFileDialog,
    QMenu,
    QMessageBox,
    QWidget,
)

Visit = Callable[[QWidget, str], None]
SKIP_ACTIONS = ("&Quit", "&Lock", "Sign &out")  # MainWindow's, in the interface language


def _ends_session(act: QAction) -> bool:
    """Quit, Lock or Sign out, in whatever language the interface speaks."""
    return _plain(act.text()) in {_plain(QCoreApplication.translate("MainWindow", s))
                                  for s in SKIP_ACTIONS}


def _plain(text: str) -> str:
    return text.replace("&", "").strip()


def menu_actions(window: QWidget) -> list[tuple[str, QAction]]:
    """(path, action) for every triggerable action in the window's menus, depth first."""
    out: list[tuple[str, QAction]] = []

    def walk(menu: QMenu, path: str) -> None:
        for act in menu.actions():
            if act.isSeparator() or not act.isVisible():
                continue
            sub = act.menu()
            name = f"{path} > {_plain(act.text())}"
            if isinstance(sub, QMenu):
                walk(sub, name)
            elif act.isEnabled() and not act.isCheckable() \
                    and not _ends_session(act):
                out.append((name, act))

    bar = window.menuBar() if hasattr(window, "menuBar") else None
    if bar is not None:
        for top in bar.actions():
            sub = top.menu()
            if isinstance(sub, QMenu) and top.isVisible():
                walk(sub, _plain(top.text()))
    return out


def dialog_buttons(widget: QWidget) -> list[QAbstractButton]:
    """Enabled, visible buttons that open a further dialog ("…"), in tab order."""
    if isinstance(widget, QFileDialog | QMessageBox):
        return []
    return [b for b in widget.findChildren(QAbstractButton)
            if b.isVisible() and b.isEnabled() and _plain(b.text()).endswith("…")]


def close_window(w: QWidget) -> None:
    """Close without acting: reject a dialog; a window that guards its closing (Show guest
    asks for a PIN) offers ``force_close``."""
    closer = getattr(w, "force_close", None)
    if callable(closer):
        closer()
    elif isinstance(w, QDialog):
        w.reject()
    else:
        w.close()


@dataclass
class _Open:
    path: str
    depth: int
    buttons: list[QAbstractButton] = field(default_factory=list)


class Walker(QObject):
    """Drives the windows; ``seen`` lists the paths of every window visited."""

    def __init__(self, visit: Visit, depth: int = 2) -> None:
        super().__init__()
        self.visit = visit
        self.depth = depth
        self.seen: list[str] = []
        self._open: dict[int, _Open] = {}
        self._pending_path = ""
        self.timer = QTimer(self)
        self.timer.setInterval(15)
        self.timer.timeout.connect(self._poll)

    # -- modal dialogs ----------------------------------------------------------------
    def _poll(self) -> None:
        modal = QApplication.activeModalWidget()
        if modal is None or not modal.isVisible():
            return
        state = self._open.get(id(modal))
        if state is None:
            parent = self._parent_state(modal)
            depth = parent.depth + 1 if parent else 1
            title = modal.windowTitle() or type(modal).__name__
            path = f"{parent.path if parent else self._pending_path} > {title}"
            state = _Open(path, depth)
            self._open[id(modal)] = state
            QApplication.processEvents()  # let the layout settle before measuring
            self.seen.append(path)
            self.visit(modal, path)
            if depth <= self.depth and isinstance(modal, QDialog):
                state.buttons = dialog_buttons(modal)
            return
        if state.buttons:
            button = state.buttons.pop(0)
            if button.isVisible() and button.isEnabled():
                self._pending_path = f"{state.path} > {_plain(button.text())}"
                QTimer.singleShot(0, button.click)
            return
        del self._open[id(modal)]
        close_window(modal)

    def _parent_state(self, modal: QWidget) -> _Open | None:
        parent = modal.parentWidget()
        while parent is not None:
            found = self._open.get(id(parent.window()))
            if found is not None:
                return found
            parent = parent.parentWidget()
        return None

    # -- driving ----------------------------------------------------------------------
    def run(self, path: str, start: Callable[[], object]) -> None:
        """Run ``start`` (a trigger or a click) and deal with every window it opens."""
        before = {id(w) for w in QApplication.topLevelWidgets() if w.isVisible()}
        self._pending_path = path
        self.timer.start()
        try:
            start()
            for _ in range(20):  # a dialog opened late (singleShot) still gets its turn
                QApplication.processEvents()
                if QApplication.activeModalWidget() is None and not self._open:
                    break
                time.sleep(0.005)
        finally:
            self.timer.stop()
        for w in QApplication.topLevelWidgets():
            if w.isVisible() and id(w) not in before and not isinstance(w, QMenu) \
                    and w.windowType().name not in ("ToolTip", "Popup"):
                QApplication.processEvents()
                name = f"{path} > {w.windowTitle() or type(w).__name__}"
                self.seen.append(name)
                self.visit(w, name)
                close_window(w)

    def walk_main_window(self, window: QWidget, page: QWidget | None = None,
                         before_each: Callable[[], object] | None = None) -> list[str]:
        """Every menu action, then every "…" button of ``page`` (e.g. the guest card).

        ``before_each`` puts the window back as it was (an action such as "Today" leaves
        the card, and the Guest menu needs one open)."""
        self.seen.append("main window")
        self.visit(window, "main window")
        for path, act in menu_actions(window):
            if before_each is not None:
                before_each()
            if act.isEnabled():
                self.run(path, act.trigger)
        if page is not None:
            if before_each is not None:
                before_each()
            for button in dialog_buttons(page):
                self.run(f"page > {_plain(button.text())}", button.click)
                if before_each is not None:
                    before_each()
        return self.seen
