"""Show guest's costs at the desk: opening, forgetting, the PIN check, the guest's PDF.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/show_guest.py [--repeats 15]

On a throw-away demo store (400 guests) with one busy guest (14 labels, 12
visits, 25 card openings: a 10-page PDF) and one ordinary guest (4 labels). Each
figure is a median of ``--repeats`` runs, wall clock, with the baseline
measured in the same run:

* opening Show guest (report built and audited, window laid out) — baseline:
  opening the guest's card (``guests.open_card``);
* "Please forget this" (delete, audit, WAL scrubbed) — baseline: a staff
  removal that keeps a record (no scrub);
* ending Show guest with the opener's PIN (scrypt per candidate; the opener is
  tried first) and with a manager's PIN — baseline: ``staff.sign_in``;
* the guest's PDF (our pagination: headings kept with their text, footer) —
  baseline: ``QTextDocument.print_`` of the same HTML (Qt's own pagination).

Prints the load average before and after (2 shared cores: other work skews
the absolute figures; the ratios hold better).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _median_ms(fn: Callable[[], object], repeats: int, before: Callable[[], object] | None = None
               ) -> float:
    times = []
    for _ in range(repeats):
        if before is not None:
            before()
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str]) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--repeats", type=int, default=15)
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QPageSize, QPdfWriter, QTextDocument
    from PySide6.QtWidgets import QApplication

    from app import consents, guests, labels, report, staff, visits
    from app.demo import build_demo
    from app.domain import RemovalReason, Service, Source, VisitKind
    from app.guest_view import GuestViewSession
    from app.guests import GuestFields
    from app.opening import MemoryKey, open_store
    from ui.report_pdf import report_html, write_pdf
    from ui.show_guest import ShowGuestWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    print(f"load average before: {os.getloadavg()}")
    folder = Path(tempfile.mkdtemp(prefix="frontdesk-bench-sg-"))
    store = open_store(folder, MemoryKey())
    try:
        build_demo(store, 400)
        people = {st.name.split()[0]: st.id for st in staff.list_staff(store)}
        sam = staff.sign_in(store, people["Sam"], "3917")
        approved = labels.approved_labels(store, sam)
        normal = [lb for lb in approved if lb.sensitivity.value == "normal"]
        busy = guests.create_guest(store, sam, GuestFields("Bea Busy", language="en"))
        consents.record_consent(store, sam, busy.id)
        for lb in normal[:14]:
            labels.assign_label(store, sam, busy.id, lb.id, Source.GUEST_TOLD)
        start = time.time()
        for i in range(12):
            visits.record_visit(store, sam, busy.id, kind=VisitKind.BOOKING,
                                starts_at=__import__("datetime").datetime.fromtimestamp(
                                    start - 86400 * 7 * (i + 1)),
                                service=Service.DINNER, party_size=2, place=f"T{i}")
        for _ in range(25):
            guests.open_card(store, sam, busy.id)
        plain = guests.create_guest(store, sam, GuestFields("Otto Ordinary"))
        for lb in normal[:4]:
            labels.assign_label(store, sam, plain.id, lb.id, Source.GUEST_TOLD)

        r = args.repeats
        rows: list[tuple[str, float, str, float]] = []

        def open_view() -> None:
            rep = report.show_guest(store, sam, busy.id)
            w = ShowGuestWindow(store, sam, rep)
            w.resize(1366, 768)
            w.show()
            app.processEvents()
            w.force_close()
            w.deleteLater()

        rows.append(("open Show guest (busy guest)", _median_ms(open_view, r),
                     "open the card", _median_ms(lambda: guests.open_card(store, sam, busy.id),
                                                 r)))
        spare = normal[20:20 + 2 * r]
        ids: list[int] = []

        def add() -> None:
            lb = spare[len(ids) % len(spare)]
            ids.append(labels.assign_label(store, sam, plain.id, lb.id, Source.GUEST_TOLD).id)

        forget = _median_ms(lambda: labels.forget_label(store, sam, ids[-1]), r, add)
        removal = _median_ms(lambda: labels.remove_label(store, sam, ids[-1],
                                                         RemovalReason.NO_LONGER_TRUE), r, add)
        rows.append(("Please forget this (delete + scrub)", forget,
                     "staff removal kept as a record", removal))
        session = GuestViewSession(store, sam)
        opener = _median_ms(lambda: session.end("3917"), r)
        manager = _median_ms(lambda: session.end("4826"), r)
        sign_in = _median_ms(lambda: staff.sign_in(store, people["Sam"], "3917"), r)
        rows.append(("end Show guest, opener's PIN", opener, "staff.sign_in", sign_in))
        rows.append(("end Show guest, a manager's PIN", manager, "staff.sign_in", sign_in))
        for name, gid in (("busy", busy.id), ("ordinary", plain.id)):
            rep = report.guest_report(store, sam, gid)
            pages = write_pdf(rep, folder / "x.pdf")

            def qt_print(rep: report.GuestReport = rep) -> None:
                writer = QPdfWriter(str(folder / "y.pdf"))
                writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
                writer.setResolution(300)
                doc = QTextDocument()
                doc.setHtml(report_html(rep, 300))
                doc.print_(writer)
                del writer

            rows.append((f"guest's PDF, {name} guest ({pages} pages)",
                         _median_ms(lambda rep=rep: write_pdf(rep, folder / "x.pdf"), r),
                         "QTextDocument.print_", _median_ms(qt_print, r)))
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"{'measure':44} {'median ms':>10}   {'baseline':32} {'median ms':>10}  ratio")
    for what, ms, base, base_ms in rows:
        print(f"{what:44} {ms:10.1f}   {base:32} {base_ms:10.1f}  {ms / base_ms:5.1f}×")
    print(f"load average after: {os.getloadavg()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
