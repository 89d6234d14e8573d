"""Today's hotel arrivals or restaurant bookings, one row per visit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.domain import VisitKind, VisitStatus
from app.views import ArrivalRow
from ui import texts
from ui.models.base import RowsModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


class ArrivalsModel(RowsModel[ArrivalRow]):
    """Columns: time, room/table, party, guest, greeting cue, status."""

    TIME, PLACE, PARTY, GUEST, CUE, STATUS = range(6)

    def __init__(self, kind: VisitKind = VisitKind.STAY, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind

    def headers(self) -> Sequence[str]:
        place = self.tr("Room") if self.kind == VisitKind.STAY else self.tr("Table")
        return (self.tr("Time"), place, self.tr("Party"), self.tr("Guest"),
                self.tr("Greeting cue"), self.tr("Status"))

    def cell(self, row: ArrivalRow, column: int, role: int) -> Any:
        v = row.visit
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.TIME:
                    return f"{v.starts_at:%H:%M}"
                case self.PLACE:
                    return v.place or "—"
                case self.PARTY:
                    return str(v.party_size)
                case self.GUEST:
                    return row.guest.display_name
                case self.CUE:
                    return texts.greeting(row.greeting)
                case self.STATUS:
                    return ("✓ " if v.status == VisitStatus.ARRIVED else "") + \
                        texts.visit_status(v.status)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TIME:
                return RIGHT
            if column in (self.PLACE, self.PARTY):
                return CENTER
        if role == Qt.ItemDataRole.FontRole and column == self.GUEST:
            f = QFont()
            f.setBold(True)
            return f
        if role == Qt.ItemDataRole.ToolTipRole and column == self.GUEST:
            return row.guest.full_name
        if role == Qt.ItemDataRole.ForegroundRole and v.status == VisitStatus.ARRIVED:
            from PySide6.QtGui import QColor

            return QColor("#2e6b3a") if column == self.STATUS else None
        return None
