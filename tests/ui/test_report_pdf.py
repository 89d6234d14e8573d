"""The guest's PDF page by page: who keeps the data first, headings with their text.

A guest with enough labels, visits and history to fill several A4 pages; then
each page is read back on its own (``pdftotext -f N -l N``) and drawn
(``pdftoppm``): no page ends with a heading, every heading is followed by
text on its page, every page has ink and a footer naming the venue, the
guest's short reference and the page number.
"""

from __future__ import annotations

import datetime as dt
import re
import subprocess
from pathlib import Path

from PySide6.QtWidgets import QApplication

from app import consents, guests, labels, languages, report, venue_settings, visits
from app.domain import Service, Source, VisitKind
from app.guests import GuestFields
from app.opening import Store
from app.report_text import Say, say
from app.views import Actor
from ui.report_pdf import write_pdf

T0 = dt.datetime(2026, 1, 5, 10)


def _busy_guest(store: Store, actor: Actor, language: str) -> int:
    g = guests.create_guest(store, actor, GuestFields(
        "Margriet Pagebreak", "Margriet", "mar-GREET", language, "m@example.org"))
    consents.record_consent(store, actor, g.id, now=T0)
    for lb in labels.approved_labels(store, actor)[:14]:
        labels.assign_label(store, actor, g.id, lb.id, Source.GUEST_TOLD, now=T0)
    for i in range(12):
        visits.record_visit(store, actor, g.id, kind=VisitKind.BOOKING,
                            starts_at=T0 + dt.timedelta(days=7 * i, hours=9),
                            service=Service.DINNER, party_size=2, place=f"T{i + 1}")
    for _ in range(25):
        guests.open_card(store, actor, g.id)
    return g.id


def _page_texts(pdf: Path) -> list[str]:
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True,
                          check=True).stdout
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))  # type: ignore[union-attr]
    return [subprocess.run(["pdftotext", "-layout", "-f", str(p), "-l", str(p), str(pdf), "-"],
                           capture_output=True, text=True, check=True).stdout
            for p in range(1, pages + 1)]


def _ink(pdf: Path, page: int, tmp: Path) -> int:
    """Dark pixels above the footer of one page, drawn by pdftoppm as a greyscale PGM."""
    out = tmp / f"page-{page}"
    subprocess.run(["pdftoppm", "-gray", "-r", "30", "-f", str(page), "-l", str(page),
                    "-singlefile", str(pdf), str(out)], check=True)
    magic, size, _depth, pixels = (tmp / f"page-{page}.pgm").read_bytes().split(b"\n", 3)
    assert magic == b"P5"
    width, height = (int(v) for v in size.split())
    return sum(1 for b in pixels[: width * int(height * 0.85)] if b < 128)


def test_headings_stay_with_their_text_on_every_page(
    store: Store, manager: Actor, receptionist: Actor, tmp_path: Path, qapp: QApplication
) -> None:
    venue_settings.set_values(store, manager, {"venue.name": "Hotel De Linde",
                                               "venue.contact": "Lindenlaan 12, Utrecht"})
    for lang in [lang.code for lang in languages.all_languages() if lang.guest_complete]:
        gid = _busy_guest(store, receptionist, lang)
        rep = report.guest_report(store, receptionist, gid)
        pdf = tmp_path / f"copy-{lang}.pdf"
        assert write_pdf(rep, pdf) >= 3
        pages = _page_texts(pdf)
        assert len(pages) >= 3
        headings = {" ".join(h.split()) for s in rep.sections
                    for h in [s.title, *(it.heading for it in s.items)] if h}
        headings.add(rep.rights_title)
        first = [line.strip() for line in pages[0].splitlines() if line.strip()]
        assert first[:2] == ["Hotel De Linde", "Lindenlaan 12, Utrecht"]  # who keeps it
        for n, text in enumerate(pages, start=1):
            lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
            footer = lines[-1]
            assert footer.startswith("Hotel De Linde") and rep.reference in footer
            assert footer.endswith(say(lang, Say.PAGE, page=n, pages=len(pages)))
            body = lines[:-1]
            assert body and body[-1] not in headings, (lang, n, body[-1])
            for i, line in enumerate(body):
                if line in headings:
                    assert i + 1 < len(body), (lang, n, line)
            assert _ink(pdf, n, tmp_path) > 50, f"page {n} is (nearly) blank"
        assert rep.guest.ref not in " ".join(pages)  # the short reference only
