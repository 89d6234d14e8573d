"""The floor for cold_start_s: a bare PySide6 program that shows an empty QMainWindow.

Prints ``READY <time.time()>`` once the window is exposed, then quits. The
parent compares that with the time it started the process.
"""

from __future__ import annotations

import sys
import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow


def main() -> int:
    app = QApplication(sys.argv)
    window = QMainWindow()
    window.resize(1366, 768)
    window.show()

    def ready() -> None:
        print(f"READY {time.time():.6f}", flush=True)
        app.quit()

    QTimer.singleShot(0, ready)  # after show(): the first event-loop turn paints the window
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
