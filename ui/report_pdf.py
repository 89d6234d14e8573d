"""The guest's copy on paper: the same report as Show guest, as an A4 PDF with embedded fonts.

Qt lays the report out (QTextDocument, simple HTML) and QPdfWriter paginates
it and embeds the font subsets, so the file reads the same on any computer
and `pdftotext` gets the words back (the tests rely on that). The file is
written next to the chosen path and moved into place, never half-written.
"""

from __future__ import annotations

import html
import os
from pathlib import Path

from PySide6.QtCore import QMarginsF
from PySide6.QtGui import QFont, QPageLayout, QPageSize, QPdfWriter, QTextDocument

from app.export import temp_path_beside
from app.report import GuestReport, ReportItem, ReportSection

FONT_FAMILY = "DejaVu Sans"
BODY_PT = 11
INK = "#1d2a31"
MUTED = "#55656d"
ACCENT = "#1f4e66"
RULE = "#d5dbd8"


def _e(value: str) -> str:
    return html.escape(value, quote=False)


def _fields_item(item: ReportItem) -> str:
    rows = "".join(
        f'<tr><td width="40%" style="color:{MUTED}; padding:3px 12px 3px 0;">{_e(r.field)}</td>'
        f'<td style="padding:3px 0;">{_e(r.value)}</td></tr>'
        for r in item.rows
    )
    heading = (f'<p style="font-size:{BODY_PT + 2}pt; font-weight:600; margin:14px 0 4px 0;">'
               f'{_e(item.heading)}</p>') if item.heading else ""
    return f'{heading}<table width="100%" cellspacing="0">{rows}</table>'


def _table_section(section: ReportSection) -> str:
    if not section.items:
        return ""
    names = [r.field for r in section.items[0].rows]
    head = "".join(f'<th align="left" style="color:{MUTED}; font-weight:600; '
                   f'padding:4px 12px 4px 0; border-bottom:1px solid {RULE};">{_e(n)}</th>'
                   for n in names)
    body = "".join(
        "<tr>" + "".join(f'<td style="padding:3px 12px 3px 0;">{_e(r.value)}</td>'
                         for r in it.rows) + "</tr>"
        for it in section.items
    )
    return f'<table width="100%" cellspacing="0"><tr>{head}</tr>{body}</table>'


def report_html(report: GuestReport) -> str:
    """The report as simple HTML that QTextDocument paginates well."""
    parts = [
        f'<h1 style="font-size:22pt; color:{ACCENT}; font-weight:600; margin-bottom:6px;">'
        f"{_e(report.title)}</h1>",
        f'<p style="font-size:{BODY_PT + 3}pt; margin:0 0 4px 0;">'
        f"{_e(report.guest.display_name)}</p>",
        f'<p style="margin:8px 0;">{_e(report.intro)}</p>',
        *(f'<p style="color:{MUTED}; margin:2px 0;">{_e(n)}</p>' for n in report.notes),
    ]
    for section in report.sections:
        parts.append(f'<h2 style="font-size:16pt; color:{ACCENT}; font-weight:600; '
                     f'margin-top:22px; margin-bottom:2px;">{_e(section.title)}</h2>')
        parts.append(f'<p style="color:{MUTED}; margin:0 0 6px 0;">{_e(section.intro)}</p>')
        if not section.items:
            parts.append(f"<p><i>{_e(section.empty)}</i></p>")
        elif section.layout == "table":
            parts.append(_table_section(section))
        else:
            parts += [_fields_item(it) for it in section.items]
    if report.rights:
        from app.report_text import text

        parts.append(f'<h2 style="font-size:16pt; color:{ACCENT}; font-weight:600; '
                     f'margin-top:22px;">{_e(text(report.language, "section.rights"))}</h2>')
        parts.append("<ul>" + "".join(f'<li style="margin:3px 0;">{_e(r)}</li>'
                                      for r in report.rights) + "</ul>")
    return (f'<html><body style="color:{INK}; font-size:{BODY_PT}pt;">'
            + "".join(parts) + "</body></html>")


def write_pdf(report: GuestReport, path: Path) -> None:
    """Write the report to ``path`` as an A4 PDF (atomically: temp file beside it, then move)."""
    path = Path(path)
    tmp = temp_path_beside(path)
    try:
        writer = QPdfWriter(str(tmp))
        writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
        # No device margins: QTextDocument.print_ adds its own 2 cm margin and page numbers.
        writer.setPageMargins(QMarginsF(0, 0, 0, 0), QPageLayout.Unit.Millimeter)
        writer.setResolution(300)
        writer.setTitle(report.title)
        writer.setCreator("Frontdesk")
        doc = QTextDocument()
        font = QFont(FONT_FAMILY)
        font.setPointSize(BODY_PT)
        # No "fi"/"fl" ligatures: copied or extracted text (and screen readers) get plain letters.
        font.setFeature(QFont.Tag("liga"), 0)
        doc.setDefaultFont(font)
        doc.setHtml(report_html(report))
        doc.print_(writer)
        del writer  # QPdfWriter finishes the file when it goes away
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
