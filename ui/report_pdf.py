"""The guest's copy on paper: the same report as Show guest, on A4, to a PDF file or a printer.

Qt lays the report out (QTextDocument, simple HTML) on any paged device — a
QPdfWriter for the file a guest takes home, the desk's QPrinter for "Print my
copy" — and this module paginates it itself instead of calling
``QTextDocument.print_``, for three reasons:

* **headings stay with their text**: after laying out, any heading (a section,
  a note, a visit) whose text would start on the next page gets a page break
  before it, and so does a short item that would be cut in two;
* **every page says whose copy it is**: a footer with the venue, the guest's
  short reference and "Page 2 of 3", in the guest's language;
* the first page starts with **who keeps the data** (the venue's name and
  contact, set by a manager), then the guest's name and reference.

Sizes are given in points and converted to the device's pixels, so the
layout is the same at 300 dpi (PDF) and 1200 dpi (a printer). PDFs embed the
font subsets, so the file reads the same anywhere and ``pdftotext`` gets the
words back (the tests rely on that). Files are written next to their final
name and moved into place, never half-written.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextBlock,
    QTextBlockFormat,
    QTextDocument,
)

from app.export import temp_path_beside
from app.report import GuestReport, ReportItem, ReportSection
from app.report_text import Say, say

FONT_FAMILY = "DejaVu Sans"
BODY_PT = 10.5
INK = "#1d2a31"
MUTED = "#55656d"
ACCENT = "#1f4e66"
RULE = "#c9d1cd"
MARGIN_MM = (18.0, 16.0, 18.0, 20.0)  # left, top, right, bottom (the footer sits in it)
# Heading levels mark the blocks that must not end a page (kept with what follows).
SECTION_LEVEL, ITEM_LEVEL = 2, 3
FIRST_LINES = 8  # blocks kept with a heading when its group breaks (intro, head row, a row)


def _e(value: str) -> str:
    return html.escape(value, quote=False)


class _Html:
    """The report as simple HTML, with lengths in points turned into device pixels."""

    def __init__(self, report: GuestReport, dpi: float, breaks: frozenset[int] = frozenset()
                 ) -> None:
        self.r = report
        self.dpi = dpi
        self.breaks = breaks  # ordinals of the headings that start a new page
        self.headings = 0

    def px(self, pt: float) -> int:
        return round(pt * self.dpi / 72)

    def build(self) -> str:
        r, px = self.r, self.px
        parts = []
        if r.venue_name:
            parts.append(f'<p style="font-size:17pt; font-weight:600; color:{ACCENT}; '
                         f'margin:0;">{_e(r.venue_name)}</p>')
        for line in r.venue_contact:
            parts.append(f'<p style="color:{MUTED}; margin:0;">{_e(line)}</p>')
        parts.append(f'<hr style="color:{RULE};" />')
        self.headings += 1
        parts.append(f'<h1 style="font-size:21pt; color:{ACCENT}; font-weight:600; '
                     f'margin-top:{px(10)}px; margin-bottom:{px(2)}px;">{_e(r.title)}</h1>')
        parts.append(f'<p style="font-size:{BODY_PT + 3}pt; margin:0;">'
                     f'{_e(r.guest.full_name)}</p>')
        parts.append(f'<p style="color:{MUTED}; margin-top:{px(2)}px; margin-bottom:{px(6)}px;">'
                     f'{_e(say(r.language, Say.REFERENCE, ref=r.reference))}</p>')
        parts.append(f'<p style="margin-top:{px(4)}px; margin-bottom:{px(4)}px;">'
                     f'{_e(r.intro)}</p>')
        parts += [f'<p style="color:{MUTED}; margin:0;">{_e(n)}</p>' for n in r.notes]
        for section in r.sections:
            parts.append(self.section(section))
        parts.append(self.heading(r.rights_title, SECTION_LEVEL))
        parts.append("".join(f'<p style="margin-top:{px(2)}px; margin-bottom:{px(2)}px; '
                             f'margin-left:{px(10)}px;">•&nbsp;&nbsp;{_e(line)}</p>'
                             for line in r.rights))
        return (f'<html><body style="color:{INK}; font-size:{BODY_PT}pt;">'
                + "".join(parts) + "</body></html>")

    def heading(self, value: str, level: int) -> str:
        px = self.px
        brk = "page-break-before: always; " if self.headings in self.breaks else ""
        self.headings += 1
        if level == SECTION_LEVEL:
            return (f'<h2 style="{brk}font-size:15pt; color:{ACCENT}; font-weight:600; '
                    f'margin-top:{px(18)}px; margin-bottom:{px(1)}px;">{_e(value)}</h2>')
        return (f'<h3 style="{brk}font-size:{BODY_PT + 1.5}pt; font-weight:600; '
                f'margin-top:{px(10)}px; margin-bottom:{px(3)}px;">{_e(value)}</h3>')

    def section(self, section: ReportSection) -> str:
        px = self.px
        out = [self.heading(section.title, SECTION_LEVEL),
               f'<p style="color:{MUTED}; margin-top:0; margin-bottom:{px(4)}px;">'
               f'{_e(section.intro)}</p>']
        out += [f'<p style="margin-top:{px(3)}px; margin-bottom:{px(3)}px; font-weight:600;">'
                f'{_e(n)}</p>' for n in section.notes]
        if not section.items:
            if section.empty:
                out.append(f"<p><i>{_e(section.empty)}</i></p>")
        elif section.layout == "table":
            out.append(self.table(section))
        else:
            out += [self.item(it) for it in section.items]
        return "".join(out)

    def item(self, item: ReportItem) -> str:
        px = self.px
        rows = "".join(
            f'<tr><td width="38%" style="color:{MUTED}; padding:{px(0.5)}px {px(8)}px '
            f'{px(0.5)}px 0;">{_e(r.field)}</td>'
            f'<td style="padding:{px(0.5)}px 0;">{_e(r.value)}</td></tr>'
            for r in item.rows)
        heading = self.heading(item.heading, ITEM_LEVEL) if item.heading else ""
        note = (f'<p style="margin-top:{px(3)}px; font-weight:600;">{_e(item.note)}</p>'
                if item.note else "")
        return f'{heading}<table width="100%" cellspacing="0">{rows}</table>{note}'

    def table(self, section: ReportSection) -> str:
        px = self.px
        names = [r.field for r in section.items[0].rows]
        last = len(names) - 1
        # Dates and names stay on one line; the last column (what happened) takes the rest.
        wrap = ['white-space: nowrap; ' if c < last else "" for c in range(len(names))]
        head = "".join(f'<th align="left" style="{wrap[c]}color:{MUTED}; font-weight:600; '
                       f'padding:{px(2)}px {px(10)}px {px(2)}px 0;">{_e(n)}</th>'
                       for c, n in enumerate(names))
        body = "".join(
            "<tr>" + "".join(f'<td style="{wrap[c]}padding:{px(1.5)}px {px(10)}px {px(1.5)}px '
                             f'0;">{_e(r.value)}</td>' for c, r in enumerate(it.rows)) + "</tr>"
            for it in section.items)
        # <thead>: Qt repeats the head row at the top of each page the table continues on.
        return (f'<table width="100%" cellspacing="0"><thead><tr>{head}</tr></thead>'
                f'{body}</table>')


def report_html(report: GuestReport, dpi: float = 72,
                breaks: frozenset[int] = frozenset()) -> str:
    """The report as the HTML the pages are laid out from (``dpi``: the device's).

    ``breaks``: the ordinals (0 = the title) of headings that start a new page.
    """
    return _Html(report, dpi, breaks).build()


# --- pagination ------------------------------------------------------------------------

def _block_top(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    return layout.blockBoundingRect(block).top()


def _block_bottom(layout: QAbstractTextDocumentLayout, block: QTextBlock) -> float:
    return layout.blockBoundingRect(block).bottom()


def heading_to_move(doc: QTextDocument, page_height: float
                    ) -> tuple[int, frozenset[int]] | None:
    """The first heading that must start a new page, or None if none must.

    Returns its ordinal and the ordinals of the headings inside its group (a break
    added before one of those earlier is no longer needed once the group starts a
    page, and would leave the heading alone on it). A heading's group is its text up
    to the next heading; a section heading whose text is only an introduction takes
    the first item with it. A group that starts on one page and continues on the
    next, and fits on one page, moves whole; a longer one (over a third of a page)
    keeps its first lines with the heading and breaks after them.
    """
    layout = doc.documentLayout()
    blocks = _all_blocks(doc)
    ordinal = -1
    for i, block in enumerate(blocks):
        level = block.blockFormat().headingLevel()
        if level == 0:
            continue
        ordinal += 1
        top = layout.blockBoundingRect(block).top()
        page = int(top // page_height)
        if _breaks_before(block) or top <= page * page_height + 1:
            continue  # already first on its page
        end = _next_heading(blocks, i + 1)
        if (level == SECTION_LEVEL and end < len(blocks)
                and blocks[end].blockFormat().headingLevel() == ITEM_LEVEL):
            end = _next_heading(blocks, end + 1)  # the section's first item comes along
        bottom = max(layout.blockBoundingRect(b).bottom() for b in blocks[i:end])
        if bottom - top > page_height / 3:  # a long group may break: its first lines only
            bottom = max(layout.blockBoundingRect(b).bottom()
                         for b in blocks[i:min(end, i + FIRST_LINES)])
        if int((bottom - 1) // page_height) > page:
            inside = sum(1 for b in blocks[i + 1:end] if b.blockFormat().headingLevel())
            return ordinal, frozenset(range(ordinal + 1, ordinal + 1 + inside))
    return None


def _breaks_before(block: QTextBlock) -> bool:
    flags = block.blockFormat().pageBreakPolicy()
    return bool(flags & QTextBlockFormat.PageBreakFlag.PageBreak_AlwaysBefore)


def _next_heading(blocks: list[QTextBlock], start: int) -> int:
    for j in range(start, len(blocks)):
        if blocks[j].blockFormat().headingLevel():
            return j
    return len(blocks)


def _all_blocks(doc: QTextDocument) -> list[QTextBlock]:
    out = []
    block = doc.begin()
    while block.isValid():
        out.append(block)
        block = block.next()
    return out


# --- drawing ---------------------------------------------------------------------------

def render(report: GuestReport, device: QPagedPaintDevice) -> int:
    """Lay the report out on ``device`` (A4, margins set here) and draw every page.

    Returns the number of pages. ``device`` is a QPdfWriter or a QPrinter; the
    caller finishes it (deleting a QPdfWriter writes the file).
    """
    device.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    left, top, right, bottom = MARGIN_MM
    device.setPageMargins(QMarginsF(left, top, right, bottom), QPageLayout.Unit.Millimeter)
    painter = QPainter()
    if not painter.begin(device):
        raise OSError("the printer or PDF file could not be opened for writing")
    try:
        dpi = float(device.logicalDpiY())
        body = device.pageLayout().paintRectPixels(device.logicalDpiX())
        width, height = float(body.width()), float(body.height())
        doc = _document(report, device, dpi, width, height)
        pages = doc.pageCount()
        footer_font = QFont(FONT_FAMILY)
        footer_font.setPointSizeF(8.5)
        footer_gap = dpi * 6 / 25.4  # 6 mm under the text area
        for page in range(pages):
            if page:
                device.newPage()
            painter.save()
            painter.setClipRect(QRectF(0, 0, width, height))
            painter.translate(0, -page * height)
            ctx = QAbstractTextDocumentLayout.PaintContext()
            ctx.clip = QRectF(0, page * height, width, height)
            doc.documentLayout().draw(painter, ctx)
            painter.restore()
            _footer(painter, report, footer_font, QRectF(0, height + footer_gap / 2, width,
                                                         footer_gap), page + 1, pages)
        return pages
    finally:
        painter.end()


def _document(report: GuestReport, device: QPagedPaintDevice, dpi: float, width: float,
              height: float) -> QTextDocument:
    """The laid-out document, its headings kept with their text.

    Each page break is added by laying the HTML out again from scratch: changing
    a block's format in place re-lays the document out only partly (Qt 6), which
    loses the text after the change.
    """
    breaks: frozenset[int] = frozenset()
    for _ in range(500):  # one break per pass; a report has far fewer headings
        doc = QTextDocument()
        doc.documentLayout().setPaintDevice(device)
        font = QFont(FONT_FAMILY)
        font.setPointSizeF(BODY_PT)
        # No "fi"/"fl" ligatures: copied or extracted text (and screen readers) get plain
        # letters.
        font.setFeature(QFont.Tag("liga"), 0)
        doc.setDefaultFont(font)
        doc.setDocumentMargin(0)
        doc.setHtml(report_html(report, dpi, breaks))
        doc.setPageSize(QSizeF(width, height))
        move = heading_to_move(doc, height)
        if move is None:
            return doc
        ordinal, inside = move
        breaks = (breaks - inside) | {ordinal}
    return doc


def _footer(painter: QPainter, report: GuestReport, font: QFont, rect: QRectF, page: int,
            pages: int) -> None:
    painter.save()
    painter.setFont(font)
    painter.setPen(QColor(MUTED))
    left = "  ·  ".join(x for x in (report.venue_name,
                                    say(report.language, Say.REFERENCE,
                                        ref=report.reference)) if x)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                     left)
    painter.drawText(rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                     say(report.language, Say.PAGE, page=page, pages=pages))
    painter.restore()


def pdf_writer(path: Path, report: GuestReport) -> QPdfWriter:
    writer = QPdfWriter(str(path))
    writer.setResolution(300)
    writer.setTitle(report.title)
    writer.setCreator("Frontdesk")
    return writer


def write_pdf(report: GuestReport, path: Path) -> int:
    """Write the report to ``path`` as an A4 PDF (temp file beside it, then moved into place).

    Returns the number of pages.
    """
    path = Path(path)
    tmp = temp_path_beside(path)
    try:
        writer = pdf_writer(tmp, report)
        pages = render(report, writer)
        del writer  # QPdfWriter finishes the file when it goes away
        os.replace(tmp, path)
        return pages
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise

