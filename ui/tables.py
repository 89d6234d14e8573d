"""One way every desk table looks and behaves, and an empty-state wrapper."""

from __future__ import annotations

from PySide6.QtCore import QAbstractItemModel, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QStackedWidget,
    QTableView,
    QWidget,
)


class DeskTable(QTableView):
    """Row-selecting table; Enter emits ``activated_row`` (double-click too)."""

    activated_row = Signal(int)

    def __init__(self, model: QAbstractItemModel, stretch: int | None = None,
                 parent: QWidget | None = None, *, widths: dict[int, int] | None = None
                 ) -> None:
        super().__init__(parent)
        self.setModel(model)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.setTabKeyNavigation(False)
        self.verticalHeader().setVisible(False)
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setHighlightSections(False)
        if widths is None:
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        else:
            # Fixed widths (in average characters) for tables that refill on every key:
            # ResizeToContents would measure every cell of every row on each refill.
            chars = self.fontMetrics().averageCharWidth()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
            for column, n in widths.items():  # never narrower than its (translated) title
                header.resizeSection(column, max(n * chars + 16,
                                                 header.sectionSizeFromContents(column).width()))
        header.setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if stretch is not None:
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        else:
            header.setStretchLastSection(True)
        self.doubleClicked.connect(lambda idx: self.activated_row.emit(idx.row()))
        model.modelReset.connect(self._select_first)

    def _select_first(self) -> None:
        if self.model().rowCount() > 0:
            self.selectRow(0)

    def current_row(self) -> int:
        idx = self.currentIndex()
        return idx.row() if idx.isValid() else -1

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.current_row() >= 0:
            self.activated_row.emit(self.current_row())
            return
        super().keyPressEvent(event)


class EmptyOr(QStackedWidget):
    """Shows the table, or a sentence saying why it is empty."""

    def __init__(self, table: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.table = table
        self.message = QLabel()
        self.message.setObjectName("emptyState")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.addWidget(table)
        self.addWidget(self.message)

    def show_table(self) -> None:
        self.setCurrentWidget(self.table)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.setCurrentWidget(self.message)
