"""Render Show guest's documentation screenshots from a demo store (offscreen).

    QT_QPA_PLATFORM=offscreen python -m ui.show_guest_screenshots [OUT_DIR]

For every language a guest can read their pages in (the registry's
``guest_complete``), a demo guest with a quiet-room note, a health note (with
consent) and a note staff removed: Show guest at 1366×768 before, the
confirmation of withdrawing consent (naming the note that goes), after
"Please forget this" and the withdrawal, and the hand-over page after a wrong
PIN; then every page of their PDF copy (``pdftoppm``). Also Manager ▸ Venue
settings. The buttons are pressed as a guest presses them (Enter on the focused
button).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

DEFAULT_OUT = Path(__file__).resolve().parent.parent / "docs" / "screenshots"
SIZE = (1366, 768)


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QLabel, QWidget

    from app import consents, guests, labels, staff
    from app.demo import build_demo
    from app.domain import RemovalReason, Source
    from app.guests import GuestFields
    from app.opening import MemoryKey, open_store
    from ui import theme
    from ui.report_pdf import write_pdf
    from ui.show_guest import ShowGuestWindow, guest_languages, open_show_guest
    from ui.venue_settings_dialog import VenueSettingsDialog

    out = Path(argv[0]) if argv else DEFAULT_OUT
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-sg-shots-"))
    store = open_store(folder, MemoryKey())
    try:
        build_demo(store, 40)
        people = {st.name.split()[0]: st.id for st in staff.list_staff(store)}
        actor = staff.sign_in(store, people["Sam"], "3917")
        manager = staff.sign_in(store, people["Eva"], "4826")
        keys = {lb.key: lb.id for lb in labels.approved_labels(store, actor)}

        def label_id(key: str) -> int:
            return keys[key]

        for code, _name in guest_languages():
            g = guests.create_guest(store, actor, GuestFields(
                "Ingrid van der Berg", "Ingrid", "ING-grit", code, "ingrid@example.org",
                "+31 6 4820 1937"))
            # Everything happens today: the guest is created now, so earlier dates would
            # have their notes added before we first wrote their details down.
            start = dt.datetime.now().replace(microsecond=0)
            consents.record_consent(store, actor, g.id, now=start)
            for key in ("quiet-room", "nut-allergy", "addressed-by-first-name", "early-breakfast"):
                labels.assign_label(store, actor, g.id, label_id(key), Source.GUEST_TOLD,
                                    now=start)
            old = labels.assign_label(store, actor, g.id, label_id("high-floor"),
                                      Source.STAFF_OBSERVED, now=start)
            labels.remove_label(store, actor, old.id, RemovalReason.NO_LONGER_TRUE, now=start)
            guests.open_card(store, actor, g.id)
            sg = open_show_guest(store, actor, g.id, full_screen=False)
            assert sg is not None
            sg.resize(*SIZE)
            QTest.qWait(100)

            def save(name: str, widget: QWidget = sg, lang: str = code) -> None:
                QTest.qWait(120)
                widget.grab().save(str(out / f"show-guest-{lang}-{name}.png"))

            def press(button: QWidget) -> None:
                button.setFocus()
                QTest.keyClick(button, Qt.Key.Key_Return)

            def scroll_to(text: str, sg: ShowGuestWindow = sg) -> None:
                body = sg.scroll_area.widget()
                assert body is not None
                found = next(lab for lab in body.findChildren(QLabel) if lab.text() == text)
                top = found.mapTo(body, found.rect().topLeft()).y()
                sg.scroll_area.verticalScrollBar().setValue(top)  # nothing of the text above

            save("start")
            scroll_to(sg.report.section("labels").title)
            quiet = next(a.id for a in guests.open_card(store, actor, g.id).assignments
                         if a.label.key == "quiet-room")
            forget = next(b for b, a in sg.action_buttons if a.target_id == quiet
                          and a.kind == "forget_label")
            press(forget)
            save("forget-confirm")
            press(sg.confirm_yes)
            save("after-forget")
            withdraw = next(b for b, a in sg.action_buttons if a.kind == "withdraw_consent")
            press(withdraw)
            save("withdraw-confirm")
            press(sg.confirm_yes)
            scroll_to(sg.report.section("labels").title)
            save("after-withdraw")
            scroll_to(sg.report.section("consents").title)
            save("after-withdraw-consent")
            press(sg.done_button)
            QTest.keyClicks(sg.staff_page.pin, "0000")  # a wrong PIN: said in their language
            QTest.keyClick(sg.staff_page.pin, Qt.Key.Key_Return)
            save("handover")
            pdf = folder / f"copy-{code}.pdf"
            pages = write_pdf(sg.report, pdf)
            for old_png in out.glob(f"report-pdf-{code}-*.png"):
                old_png.unlink()
            subprocess.run(["pdftoppm", "-r", "60", "-png", str(pdf),
                            str(out / f"report-pdf-{code}")], check=True)
            print(f"{code}: {pages} PDF pages")
            sg.force_close()
        dialog = VenueSettingsDialog(store, manager)
        dialog.show()
        QTest.qWait(150)
        dialog.grab().save(str(out / "venue-settings.png"))
        dialog.close()
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)  # the demo store and the PDFs made from it
    print(f"Screenshots written to {out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
