"""A guest's visit history (stays and bookings), newest first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from app.domain import VisitKind
from app.views import VisitInfo
from ui import texts
from ui.models.base import RowsModel

CENTER = int(Qt.AlignmentFlag.AlignCenter)


class VisitsModel(RowsModel[VisitInfo]):
    """Columns: date, what, room/table, party, status."""

    DATE, WHAT, PLACE, PARTY, STATUS = range(5)

    def headers(self) -> Sequence[str]:
        return (self.tr("Date"), self.tr("Visit"), self.tr("Room/table"), self.tr("Party"),
                self.tr("Status"))

    def cell(self, row: VisitInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.DATE:
                    text = texts.date_time(row.starts_at)
                    if row.kind == VisitKind.STAY and row.ends_on:
                        text = texts.date_range(row.starts_at.date(), row.ends_on)
                    return text
                case self.WHAT:
                    if row.kind == VisitKind.BOOKING:
                        return texts.service(row.service) or self.tr("Restaurant")
                    return self.tr("Stay")
                case self.PLACE:
                    return row.place or "—"
                case self.PARTY:
                    return str(row.party_size)
                case self.STATUS:
                    return texts.visit_status(row.status)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.PARTY:
            return CENTER
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHAT:
            return texts.visit_kind(row.kind)
        return None
