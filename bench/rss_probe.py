"""Peak memory of a desk process: Qt window, the store, 100 searches, 100 card opens.

Run by bench/run.py as ``python -m bench.rss_probe DIR PASSPHRASE_FILE`` with
``{"queries": [...], "guest_ids": [...]}`` on stdin; prints
``{"maxrss_mb": …}``. Like the desk, the process holds a QApplication and a
shown main window whose table shows each search's results (the desk's own
result model), so Qt's share (~58 MB, /work/shared/QT-NOTES.md) is counted.
"""

from __future__ import annotations

import json
import os
import resource
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

from app import guests
from bench.measure import open_bench_store, sign_in
from ui.models.search_model import SearchResultsModel


def main() -> int:
    folder, passphrase = Path(sys.argv[1]), Path(sys.argv[2])
    job = json.load(sys.stdin)
    app = QApplication(sys.argv[:1])
    window = QMainWindow()
    model = SearchResultsModel(window)
    table = QTableView()
    table.setModel(model)
    window.setCentralWidget(table)
    window.resize(1366, 768)
    window.show()
    store = open_bench_store(folder, passphrase)
    try:
        actor = sign_in(store)
        for typed in job["queries"]:
            model.set_rows(guests.find_guests(store, actor, typed))
            app.processEvents()
        for gid in job["guest_ids"]:
            guests.open_card(store, actor, gid)
    finally:
        store.close()
    kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    print(json.dumps({"maxrss_mb": kb / 1024}))
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
