"""Render the Dutch desk screenshots (docs/screenshots/desk-nl*.png) from a demo store.

    QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshot_nl.py [OUT_DIR]

The same steps as ``ui.screenshots`` (sign in as a receptionist, today's arrivals,
a guest card), with the Dutch translation installed the way the app installs it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.demo import build_demo
    from app.opening import MemoryKey, open_store
    from ui import i18n, theme
    from ui.desk import DeskPage
    from ui.main_window import MainWindow

    out = Path(argv[0]) if argv else ROOT / "docs" / "screenshots"
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    assert i18n.install_translator(app, "nl") == "nl"
    theme.apply(app)
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-shots-nl-"))
    store = open_store(folder, MemoryKey())
    try:
        build_demo(store, 400)
        window = MainWindow(store, store_label="demo (wordt weggegooid)")
        i18n.add_language_menu(window)
        window.resize(1366, 768)
        window.show()
        QTest.qWait(50)
        page = window.sign_in_page
        page.names.setCurrentRow(next(i for i in range(page.names.count())
                                      if page.names.item(i).text().startswith("Sam")))
        QTest.keyClicks(page.pin, "3917")
        QTest.keyClick(page.pin, Qt.Key.Key_Return)
        desk = window.desk
        assert isinstance(desk, DeskPage)
        QTest.qWait(150)
        window.grab().save(str(out / "desk-nl.png"))
        rows = desk.today.stays.model.rows()
        if rows:
            desk.open_guest(rows[0].guest.id)
            QTest.qWait(150)
            window.grab().save(str(out / "desk-nl-card.png"))
        window.close()
    finally:
        store.close()
    print(f"Dutch screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
