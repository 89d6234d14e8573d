"""Child process of the fit test: the desk on a 1366×768 screen, every window measured.

    python -m tests.ui.fit_probe LANG OUT.json

Runs on Qt's offscreen platform with one screen of exactly 1366×768 (a laptop), in the
interface language LANG, on a small demo store; signs in as the demo manager, opens a
guest card, then opens every window (tests/ui/windows.py) and writes, per window, its
frame and any button or field that falls outside the screen. A process of its own,
because the screen's size is fixed when the QApplication starts.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

SCREEN_W, SCREEN_H = 1366, 768


def main(lang: str, out: Path) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="frontdesk-fit-"))
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0,
                                               "width": SCREEN_W, "height": SCREEN_H,
                                               "logicalDpi": 96}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                "FRONTDESK_DATA_DIR", "FRONTDESK_LOG_DIR"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtWidgets import (
        QAbstractButton,
        QAbstractScrollArea,
        QApplication,
        QLineEdit,
        QWidget,
    )

    from app.demo import DEMO_STAFF, build_demo
    from app.opening import MemoryKey, open_store
    from tests.ui.windows import Walker
    from ui import i18n, theme
    from ui.main import show_fitted
    from ui.main_window import MainWindow

    app = QApplication([sys.argv[0]])
    used = i18n.install_translator(app, lang)
    theme.apply(app)
    store = open_store(tmp / "store", MemoryKey())
    build_demo(store, guests=40, seed=3)
    window = MainWindow(store, idle_ms=3_600_000, store_label="fit")
    from ui.main import StoreLocation

    window.store_location = StoreLocation(tmp / "store", MemoryKey())
    show_fitted(window)
    app.processEvents()
    page = window.sign_in_page
    manager, _role, pin = next(s for s in DEMO_STAFF if s[1].value == "manager")
    for row in range(page.names.count()):
        if page.names.item(row).text().startswith(manager):
            page.names.setCurrentRow(row)
    page.pin.setText(pin)
    page.try_sign_in()
    app.processEvents()
    desk = window.desk
    assert desk is not None, page.error.text()
    from app import guests

    busiest = max(guests.find_guests(store, window.actor, "a", limit=40),
                  key=lambda g: len(guests.refresh_card(store, window.actor, g.id).assignments))

    def on_the_card() -> None:
        if window.current_guest_id() != busiest.id:
            desk.open_guest(busiest.id)  # type: ignore[attr-defined]
            app.processEvents()

    on_the_card()
    screen = app.primaryScreen().availableGeometry()
    results: list[dict[str, object]] = []

    def visit(w: QWidget, path: str) -> None:
        frame = w.frameGeometry()
        problems = []
        if frame.width() > screen.width() or frame.height() > screen.height():
            problems.append(f"{frame.width()}×{frame.height()} is bigger than the screen "
                            f"{screen.width()}×{screen.height()}")
        hint = w.minimumSizeHint()
        if hint.width() > screen.width() or hint.height() > screen.height():
            problems.append(f"needs at least {hint.width()}×{hint.height()}")
        inner = w.rect()
        def scrolled(child: QWidget) -> bool:  # inside a scroll area: reached by scrolling
            parent = child.parentWidget()
            while parent is not None and parent is not w:
                if isinstance(parent, QAbstractScrollArea):
                    return True
                parent = parent.parentWidget()
            return False

        for child in w.findChildren(QAbstractButton) + w.findChildren(QLineEdit):
            if not child.isVisible() or child.window() is not w or scrolled(child):
                continue
            top_left = child.mapTo(w, child.rect().topLeft())
            bottom_right = child.mapTo(w, child.rect().bottomRight())
            if not (inner.contains(top_left) and inner.contains(bottom_right)):
                text = child.text() if hasattr(child, "text") else ""
                problems.append(f"{type(child).__name__} {text!r} is cut off "
                                f"({top_left.x()},{top_left.y()})-({bottom_right.x()},"
                                f"{bottom_right.y()}) in {inner.width()}×{inner.height()}")
        results.append({"path": path, "class": type(w).__name__, "w": frame.width(),
                        "h": frame.height(), "problems": problems})

    walker = Walker(visit, depth=2)
    walker.walk_main_window(window, desk.card, on_the_card)  # type: ignore[attr-defined]
    out.write_text(json.dumps({"language": used, "windows": results}, ensure_ascii=False,
                              indent=1), encoding="utf-8")
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    code = main(sys.argv[1], Path(sys.argv[2]))
    sys.stdout.flush()
    sys.stderr.flush()
    # The measurements are written; skip the interpreter's teardown, where PySide may
    # destroy Qt objects in an order that crashes (nothing is left to save or check).
    os._exit(code)
