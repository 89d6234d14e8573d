"""Render the desk's documentation screenshots from a demo store (offscreen).

    QT_QPA_PLATFORM=offscreen python -m ui.screenshots [OUT_DIR]

Writes docs/screenshots/desk-{signin,today,search,card,picker}-WxH.png at
1366×768 and 1920×1080. The windows are driven the way staff drive them
(keys into the real widgets), so the pictures show what a desk shows.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

SIZES = ((1366, 768), (1920, 1080))
DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app import guests
    from app.demo import build_demo
    from app.domain import Category, Sensitivity
    from app.opening import MemoryKey, open_store
    from ui import theme
    from ui.desk import DeskPage
    from ui.label_picker import LabelPicker
    from ui.main_window import MainWindow

    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-shots-"))
    store = open_store(folder, MemoryKey())
    try:
        build_demo(store, 400)
        for width, height in SIZES:
            window = MainWindow(store, store_label="demo (throw-away)")
            window.resize(width, height)
            window.show()
            QTest.qWait(50)

            def save(name: str, widget: object = window, w: int = width, h: int = height) -> None:
                QTest.qWait(80)
                widget.grab().save(str(out / f"desk-{name}-{w}x{h}.png"))  # type: ignore[attr-defined]

            page = window.sign_in_page
            page.names.setCurrentRow(next(i for i in range(page.names.count())
                                          if page.names.item(i).text().startswith("Sam")))
            save("signin")
            QTest.keyClicks(page.pin, "3917")
            QTest.keyClick(page.pin, Qt.Key.Key_Return)
            desk = window.desk
            assert isinstance(desk, DeskPage) and window.actor is not None
            save("today")
            desk.today.tabs.setCurrentIndex(1)
            counts = []
            for i in range(desk.today.service.count()):
                desk.today.service.setCurrentIndex(i)
                counts.append(desk.today.bookings.model.rowCount())
            desk.today.service.setCurrentIndex(counts.index(max(counts)))
            save("bookings")
            desk.today.tabs.setCurrentIndex(0)
            QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
            QTest.keyClicks(desk.search_field, "an")
            QTest.qWait(300)
            save("search")
            # The card of today's arrival with the most labels (a health label if possible).
            rows = desk.today.stays.model.rows()
            best = max(rows, key=lambda r: _interest(store, window.actor, r.guest.id,
                                                      Sensitivity.SPECIAL, guests))
            desk.search_field.clear()
            desk.open_guest(best.guest.id)
            save("card")
            card = desk.card.card
            assert card is not None
            picker = LabelPicker(store, window.actor, card.guest.language,
                                 {a.label.id for a in card.assignments}, window)
            picker.resize(min(1000, width - 200), min(640, height - 120))
            picker.show()
            picker.category.setCurrentIndex(picker.category.findData(Category.PREFERENCE))
            for row, lb in enumerate(picker.model.rows()):
                if lb.sensitivity == Sensitivity.SPECIAL:
                    picker.table.selectRow(row)
                    break
            save("picker", picker)
            picker.close()
            window.close()
    finally:
        store.close()
    print(f"Screenshots written to {out}")
    return 0


def _interest(store: object, actor: object, guest_id: int, special: object,
              guests: object) -> tuple[int, int]:
    card = guests.open_card(store, actor, guest_id)  # type: ignore[attr-defined]
    has_special = any(a.label.sensitivity == special for a in card.assignments)
    return (int(has_special), len(card.assignments) + len(card.visits))


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
