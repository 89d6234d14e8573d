"""Today's hotel arrivals or restaurant bookings, one row per visit."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from app.desk_rules import distinct_names
from app.domain import VisitKind, VisitStatus
from app.views import ArrivalRow
from ui import texts
from ui.models.base import RowsModel

RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)
HEALTH_ROLE = Qt.ItemDataRole.UserRole + 3  # the health labels (tuple of str) for the chip
ARRIVED = QColor("#2e6b3a")


class ArrivalsModel(RowsModel[ArrivalRow]):
    """Columns: time, room/table, party, guest, health, greeting cue, status.

    Two guests showing the same name get their surname's initial ("Hannah V."); guests
    with health labels get a chip in the Health column (drawn by ui.today.HealthChips).
    """

    TIME, PLACE, PARTY, GUEST, HEALTH, CUE, STATUS = range(7)

    def __init__(self, kind: VisitKind = VisitKind.STAY, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self._names: list[str] = []
        self._bold = QFont()
        self._bold.setBold(True)

    def headers(self) -> Sequence[str]:
        place = self.tr("Room") if self.kind == VisitKind.STAY else self.tr("Table")
        return (self.tr("Time"), place, self.tr("Party"), self.tr("Guest"), self.tr("Health"),
                self.tr("Greeting cue"), self.tr("Status"))

    def set_rows(self, rows: Sequence[ArrivalRow]) -> None:
        self._names = distinct_names([(r.guest.display_name, r.guest.full_name) for r in rows])
        super().set_rows(rows)

    def name_at(self, row: int) -> str:
        return self._names[row] if 0 <= row < len(self._names) else ""

    @staticmethod
    def health_names(row: ArrivalRow) -> list[str]:
        """The health labels' names in the interface language ("Notenallergie"), as
        ui.wording_widgets.label_name says them (not imported: its wording checks load with
        the first guest card, after the desk is ready)."""
        from ui.i18n import current_language

        language = current_language()
        return [lb.staff_name(language) for lb in row.health]

    def row_of_visit(self, visit_id: int) -> int:
        """The row showing ``visit_id``, or -1 (to find the guest again after a refresh)."""
        return next((i for i, r in enumerate(self.rows()) if r.visit.id == visit_id), -1)

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and index.column() == self.GUEST:
            return self.name_at(index.row())
        return super().data(index, role)

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
                case self.HEALTH:
                    return ", ".join(self.health_names(row))
                case self.CUE:
                    return texts.greeting(row.greeting)
                case self.STATUS:
                    return ("✓ " if v.status == VisitStatus.ARRIVED else "") + \
                        texts.visit_status(v.status)
        if role == HEALTH_ROLE and column == self.HEALTH:
            return self.health_names(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if column == self.TIME:
                return RIGHT
            if column in (self.PLACE, self.PARTY):
                return CENTER
        if role == Qt.ItemDataRole.FontRole and column == self.GUEST:
            return self._bold
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.GUEST:
                return row.guest.full_name
            if column == self.HEALTH and row.health:
                return self.tr("Health information (with the guest's consent): {labels}"
                               ).format(labels=", ".join(self.health_names(row)))
        if role == Qt.ItemDataRole.ForegroundRole and v.status == VisitStatus.ARRIVED:
            return ARRIVED if column == self.STATUS else None
        return None
