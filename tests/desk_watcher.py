"""A desk in its own process for tests/test_two_desks.py: the real window, watching Today.

Usage: python tests/desk_watcher.py ADDRESS VISIT_ID YYYY-MM-DD, with three lines on
standard input: the desk role's password, the staff name, the PIN. Opens the shared
store like a desk (password in a keyring backend object, verify-full TLS), signs in,
shows the hotel arrivals of that day and prints ``READY`` once its change feed listens;
then prints ``SEEN <monotonic seconds>`` as soon as its open Today list shows the visit
as arrived (``TIMEOUT`` after 30 s).
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def main() -> int:
    import keyring
    from PySide6.QtCore import QDate, QTimer
    from PySide6.QtWidgets import QApplication

    from app import shared_store, staff
    from storage.models import VisitStatus
    from tests.keyrings import MemoryKeyring

    address, visit_id, day = sys.argv[1], int(sys.argv[2]), dt.date.fromisoformat(sys.argv[3])
    password, name, pin = (sys.stdin.readline().rstrip("\n") for _ in range(3))
    keyring.set_keyring(MemoryKeyring())
    shared_store.save_password(address, password)
    store = shared_store.open_shared_store(address)
    app = QApplication(sys.argv[:1])
    from ui.desk import DeskPage
    from ui.main_window import MainWindow

    window = MainWindow(store)
    member = next(m for m in staff.list_staff(store) if m.name == name)
    window._signed_in(staff.sign_in(store, member.id, pin))
    desk = window.desk
    assert isinstance(desk, DeskPage)
    desk.today.date_edit.setDate(QDate(day))
    assert window.change_watch is not None
    window.change_watch.feed.ready.wait(20)
    print("READY", flush=True)
    deadline = time.monotonic() + 30

    def check() -> None:
        model = desk.today.stays.model
        for row in range(model.rowCount()):
            item = model.row_at(row)
            if item is not None and item.visit.id == visit_id \
                    and item.visit.status == VisitStatus.ARRIVED:
                print(f"SEEN {time.monotonic():.6f}", flush=True)
                app.quit()
                return
        if time.monotonic() > deadline:
            print("TIMEOUT", flush=True)
            app.quit()

    timer = QTimer()
    timer.timeout.connect(check)
    timer.start(5)
    app.exec()
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
