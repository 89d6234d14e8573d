"""Type-ahead search results: one row per guest."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.views import GuestInfo
from ui import texts
from ui.models.base import RowsModel


class SearchResultsModel(RowsModel[GuestInfo]):
    """Columns: preferred name, full name, email, phone, language."""

    NAME, FULL, EMAIL, PHONE, LANG = range(5)

    def headers(self) -> Sequence[str]:
        return (self.tr("Preferred name"), self.tr("Full name"), self.tr("Email"),
                self.tr("Phone"), self.tr("Language"))

    def cell(self, row: GuestInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.NAME:
                    return row.display_name
                case self.FULL:
                    return row.full_name
                case self.EMAIL:
                    return row.email or ""
                case self.PHONE:
                    return row.phone or ""
                case self.LANG:
                    return texts.language(row.language)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            return _bold()
        return None


_BOLD: list[QFont] = []


def _bold() -> QFont:
    """One bold font for every call (data() runs for every painted cell)."""
    if not _BOLD:
        f = QFont()
        f.setBold(True)
        _BOLD.append(f)
    return _BOLD[0]
