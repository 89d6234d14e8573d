"""Approved labels for the picker, filtered in the model (there are only dozens)."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt

from app.domain import Category, Sensitivity
from app.views import LabelInfo
from ui import texts
from ui.models.base import RowsModel
from ui.wording_widgets import label_name


def fold(text: str) -> str:
    """Case- and accent-insensitive form, so 'cafe' finds 'café'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


class LabelsModel(RowsModel[LabelInfo]):
    """Columns: staff wording, category. Call ``set_labels`` then ``set_filter``."""

    WORDING, CATEGORY = range(2)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._all: list[LabelInfo] = []
        self._text = ""
        self._category: Category | None = None

    def headers(self) -> Sequence[str]:
        return (self.tr("Label"), self.tr("Category"))

    def set_labels(self, labels: Sequence[LabelInfo]) -> None:
        order = {c: i for i, c in enumerate(Category)}
        self._all = sorted(labels, key=lambda lb: (order[lb.category],
                                                    fold(label_name(lb))))
        self._apply()

    def set_filter(self, text: str, category: Category | None) -> None:
        self._text, self._category = text, category
        self._apply()

    def _apply(self) -> None:
        words = fold(self._text).split()

        def matches(lb: LabelInfo) -> bool:
            if self._category is not None and lb.category != self._category:
                return False
            hay = fold(" ".join([*(n.staff_wording for n in lb.names), lb.staff_wording,
                                 *(w.guest_wording for w in lb.wordings)]))
            return all(w in hay for w in words)

        self.set_rows([lb for lb in self._all if matches(lb)])

    def cell(self, row: LabelInfo, column: int, role: int) -> Any:
        special = row.sensitivity == Sensitivity.SPECIAL
        if role == Qt.ItemDataRole.DisplayRole:
            if column == self.WORDING:
                return ("⚕ " if special else "") + label_name(row)
            if column == self.CATEGORY:
                return texts.category(row.category)
        if role == Qt.ItemDataRole.ToolTipRole and column == self.WORDING and special:
            return self.tr("Health information: needs the guest's explicit consent")
        return None
