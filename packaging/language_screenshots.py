"""Screenshots of the desk and Show guest in one language, for the README.

    .venv/bin/python packaging/language_screenshots.py de docs/screenshots

Runs on Qt's offscreen platform with one 1366×768 screen (a laptop), in the
interface language given, on a small demo store: signs in as the demo manager and
grabs today's arrivals, a guest card and Show guest for a guest who speaks that
language (docs/screenshots/desk-<lang>.png, desk-<lang>-card.png, show-guest-<lang>.png
and show-guest-<lang>-notes.png). The demo guest with the most notes is given that
language first (a correction any desk may make), so the card, its label wording and
Show guest all show a guest who reads the language.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
W, H = 1366, 768


def main(lang: str, folder: Path) -> int:
    tmp = Path(tempfile.mkdtemp(prefix="frontdesk-shots-"))
    config = tmp / "screen.json"
    config.write_text(json.dumps({"screens": [{"name": "laptop", "x": 0, "y": 0, "width": W,
                                               "height": H, "logicalDpi": 96}]}))
    os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME",
                "FRONTDESK_DATA_DIR", "FRONTDESK_LOG_DIR"):
        os.environ[var] = str(tmp / var.lower())
    from PySide6.QtWidgets import QApplication, QLabel

    from app import guests
    from app.demo import DEMO_STAFF, build_demo
    from app.opening import MemoryKey, open_store
    from ui import i18n, theme
    from ui.main_window import MainWindow
    from ui.show_guest import open_show_guest

    app = QApplication([sys.argv[0]])
    if i18n.install_translator(app, lang) != lang:
        print(f"{lang}: no staff translation", file=sys.stderr)
        return 2
    theme.apply(app)
    store = open_store(tmp / "store", MemoryKey())
    build_demo(store, guests=60, seed=11)
    window = MainWindow(store, idle_ms=3_600_000, store_label="demo")
    window.resize(W, H)
    window.show()
    app.processEvents()
    page = window.sign_in_page
    manager, _role, pin = next(s for s in DEMO_STAFF if s[1].value == "manager")
    for row in range(page.names.count()):
        item = page.names.item(row)
        if item is not None and item.text().startswith(manager):
            page.names.setCurrentRow(row)
    page.pin.setText(pin)
    page.try_sign_in()
    for _ in range(20):
        app.processEvents()
    folder.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(folder / f"desk-{lang}.png"))

    actor = window.actor
    assert actor is not None
    candidates = guests.find_guests(store, actor, "a", limit=60)
    busiest = max(candidates, key=lambda g: len(
        guests.refresh_card(store, actor, g.id).assignments))
    guests.update_guest(store, actor, busiest.id, guests.GuestFields(
        full_name=busiest.full_name, preferred_name=busiest.preferred_name,
        pronunciation=busiest.pronunciation, language=lang, email=busiest.email,
        phone=busiest.phone))
    window.desk.open_guest(busiest.id)  # type: ignore[union-attr]
    for _ in range(20):
        app.processEvents()
    window.grab().save(str(folder / f"desk-{lang}-card.png"))

    view = open_show_guest(store, actor, busiest.id, full_screen=False)
    if view is not None:
        view.set_language(lang)
        view.setGeometry(0, 0, W, H)
        for _ in range(20):
            app.processEvents()
        view.grab().save(str(folder / f"show-guest-{lang}.png"))
        body = view.scroll_area.widget()  # the notes we keep, with their choices
        assert body is not None
        title = view.report.section("labels").title
        heading = next(lab for lab in body.findChildren(QLabel) if lab.text() == title)
        view.scroll_area.verticalScrollBar().setValue(
            heading.mapTo(body, heading.rect().topLeft()).y() - 20)
        for _ in range(10):
            app.processEvents()
        view.grab().save(str(folder / f"show-guest-{lang}-notes.png"))
        view.force_close()
    window.close()
    store.close()
    print(f"wrote desk-{lang}.png, desk-{lang}-card.png, show-guest-{lang}.png, "
          f"show-guest-{lang}-notes.png in {folder}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], Path(sys.argv[2]) if len(sys.argv) > 2
                          else ROOT / "docs" / "screenshots"))
