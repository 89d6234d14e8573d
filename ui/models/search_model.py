"""Type-ahead search results: one row per guest, with why they matched."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont

from app.views import GuestInfo, GuestMatch
from ui import texts
from ui.i18n import say
from ui.models.base import RowsModel


class SearchResultsModel(RowsModel[GuestInfo]):
    """Columns: preferred name, full name, why it matched, email, phone, language.

    "Matched" says what staff should check before greeting when the match is not
    simply the name ("sounds like", "1 letter different", "phone", "room 312") and
    whether the guest arrives or is booked today or this week.
    """

    NAME, FULL, WHY, EMAIL, PHONE, LANG = range(6)

    def headers(self) -> Sequence[str]:
        return (self.tr("Preferred name"), self.tr("Full name"), self.tr("Matched"),
                self.tr("Email"), self.tr("Phone"), self.tr("Language"))

    def why(self, row: GuestInfo) -> str:
        if not isinstance(row, GuestMatch):
            return ""
        parts = [say(row.why)] if row.why else []
        if row.when == "today":
            parts.append(self.tr("today"))
        elif row.when == "week":
            parts.append(self.tr("this week"))
        return " · ".join(parts)

    def cell(self, row: GuestInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.NAME:
                    return row.display_name
                case self.FULL:
                    return row.full_name
                case self.WHY:
                    return self.why(row)
                case self.EMAIL:
                    return row.email or ""
                case self.PHONE:
                    return row.phone or ""
                case self.LANG:
                    return texts.language(row.language)
        if role == Qt.ItemDataRole.FontRole and column == self.NAME:
            return _bold()
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WHY and \
                isinstance(row, GuestMatch) and row.why:
            return self.tr("Not an exact match of what you typed: check with the guest "
                           "before greeting them by this name.")
        return None


_BOLD: list[QFont] = []


def _bold() -> QFont:
    """One bold font for every call (data() runs for every painted cell)."""
    if not _BOLD:
        f = QFont()
        f.setBold(True)
        _BOLD.append(f)
    return _BOLD[0]
