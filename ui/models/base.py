"""A small read-only table model over a list of frozen snapshots.

Every desk table shows rows of one snapshot type in fixed columns; the
subclasses only say which columns exist and how a row renders in each.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

T = TypeVar("T")
Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class RowsModel(QAbstractTableModel, Generic[T]):
    """Rows of snapshots; subclasses implement ``headers`` and ``cell``."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []
        self._columns = -1  # len(headers()), counted once: views ask for it on every cell

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def cell(self, row: T, column: int, role: int) -> Any:
        raise NotImplementedError

    def set_rows(self, rows: Sequence[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def clear(self) -> None:
        self.set_rows([])

    def append_rows(self, rows: Sequence[T]) -> None:
        """Add rows below the last; the rows shown, the selection and the scroll stay."""
        if not rows:
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rows(self) -> list[T]:
        return list(self._rows)

    def replace_row(self, row: int, value: T) -> None:
        if 0 <= row < len(self._rows):
            self._rows[row] = value
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._columns < 0:
            self._columns = len(self.headers())
        return self._columns

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self._rows)):
            return None
        if not (0 <= index.column() < (self._columns if self._columns >= 0
                                        else self.columnCount())):
            return None
        row = self._rows[index.row()]
        if role == ROW_ROLE:
            return row
        return self.cell(row, index.column(), role)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            headers = self.headers()  # asked hundreds of times while a table first lays out
            if 0 <= section < len(headers):
                return headers[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
