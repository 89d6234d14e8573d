"""Staff accounts for the manager's Staff dialog."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from app.views import StaffInfo
from ui import texts
from ui.models.base import RowsModel


class StaffModel(RowsModel[StaffInfo]):
    """Columns: name, role, status."""

    NAME, ROLE, STATUS = range(3)

    def headers(self) -> Sequence[str]:
        return (self.tr("Name"), self.tr("Role"), self.tr("Status"))

    def cell(self, row: StaffInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.NAME:
                    return row.name
                case self.ROLE:
                    return texts.role(row.role)
                case self.STATUS:
                    if not row.active:
                        return self.tr("deactivated")
                    return self.tr("locked (wrong PINs)") if row.locked_until else self.tr(
                        "active")
        if role == Qt.ItemDataRole.ForegroundRole and not row.active:
            return QColor("#8a969c")
        return None
