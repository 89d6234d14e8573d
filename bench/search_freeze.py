"""How long does the GUI thread freeze while someone types a guest's name?

Drives the real MainWindow offscreen on a demo store: signs in, presses
Ctrl+F and types names one key at a time (as key events, from the event
loop, at a typist's pace). A 5 ms QTimer heartbeat runs throughout; every
gap between two beats beyond 5 ms is time the GUI thread could not react.
Prints the longest gap and the p95, and how long after the last key the
final results appeared.

    python bench/search_freeze.py --guests 100000            # builds or reuses the store
    python bench/search_freeze.py --data-dir DIR --passphrase-file FILE
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.common import BENCH_STAFF, bench_dir, passphrase_file, percentile, store_dir  # noqa: E402

HEARTBEAT_MS = 5
NAMES = ("anna thomassen", "jose muller", "sophie de vries", "mohammed okafor", "zz no match")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--guests", type=int, default=100_000)
    p.add_argument("--data-dir", help="store folder (default: the bench folder's g<N>)")
    p.add_argument("--passphrase-file", help="default: the bench folder's passphrase")
    p.add_argument("--bench-dir", help="where bench stores live (default: ../bench-data)")
    p.add_argument("--key-ms", type=int, default=90, help="time between two key presses")
    p.add_argument("--rounds", type=int, default=2, help="how often to type every name")
    args = p.parse_args(argv)

    folder = bench_dir(args.bench_dir)
    pass_file = Path(args.passphrase_file) if args.passphrase_file else passphrase_file(folder)
    data = Path(args.data_dir) if args.data_dir else store_dir(folder, args.guests)
    if not (data / "frontdesk.db").exists():
        from bench.build import ensure_store

        ensure_store(data, args.guests, pass_file)

    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from app.opening import key_source_for, open_store
    from ui import theme
    from ui.desk import DeskPage
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    theme.apply(app)
    store = open_store(data, key_source_for(pass_file), create=False)
    window = MainWindow(store, idle_ms=3_600_000, store_label=str(data))
    window.resize(1366, 768)
    window.show()
    QTest.qWaitForWindowExposed(window)
    page = window.sign_in_page
    for row in range(page.names.count()):
        item = page.names.item(row)
        if item is not None and item.text().startswith(BENCH_STAFF[0]):
            page.names.setCurrentRow(row)
    QTest.keyClicks(page.pin, BENCH_STAFF[1])
    QTest.keyClick(page.pin, Qt.Key.Key_Return)
    desk = window.desk
    assert isinstance(desk, DeskPage), "sign-in failed"
    field = desk.search_field

    gaps: list[float] = []
    clock = QElapsedTimer()
    last = [0.0]

    def beat() -> None:
        now = clock.nsecsElapsed() / 1e6
        if last[0]:
            gaps.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setTimerType(Qt.TimerType.PreciseTimer)
    heartbeat.setInterval(HEARTBEAT_MS)
    heartbeat.timeout.connect(beat)

    keys = []
    for _ in range(args.rounds):
        for name in NAMES:
            keys.append(("clear", ""))
            keys.extend(("char", ch) for ch in name)
            keys.append(("settle", name))
    latencies: list[float] = []
    final = {"typed_at": 0.0, "text": ""}

    def results(typed: str, _found: list[object]) -> None:
        if typed == final["text"] and final["typed_at"]:
            latencies.append(time.perf_counter() - final["typed_at"])
            final["typed_at"] = 0.0

    desk.results.service.results.connect(results)
    loop = QEventLoop()
    step = QTimer()
    step.setInterval(args.key_ms)

    def next_key() -> None:
        if not keys:
            step.stop()
            QTimer.singleShot(300, loop.quit)
            return
        kind, value = keys.pop(0)
        if kind == "clear":
            QTest.keyClick(field, Qt.Key.Key_Escape)
            QTest.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
        elif kind == "char":
            QTest.keyClick(field, value)
            final["text"] = field.text()
            final["typed_at"] = time.perf_counter()
        else:
            step.setInterval(400)  # let the last answer arrive, then go on typing
            QTimer.singleShot(400, lambda: step.setInterval(args.key_ms))

    step.timeout.connect(next_key)
    clock.start()
    heartbeat.start()
    step.start()
    loop.exec()
    heartbeat.stop()
    window.close()
    store.close()

    blocked = [max(0.0, g - HEARTBEAT_MS) for g in gaps]
    typed = sum(len(n) for n in NAMES) * args.rounds
    print(f"store: {data} ({args.guests:,} guests requested)")
    print(f"typed {typed} keys at {args.key_ms} ms per key; {len(gaps)} heartbeats of "
          f"{HEARTBEAT_MS} ms")
    print(f"GUI thread blocked: max {max(blocked):.1f} ms, p95 {percentile(blocked, 95):.1f} ms, "
          f"p99 {percentile(blocked, 99):.1f} ms")
    if latencies:
        print(f"results after the last key: median {percentile(latencies, 50) * 1000:.0f} ms, "
              f"max {max(latencies) * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
