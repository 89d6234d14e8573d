"""The search field's results page: a table that fills as each key is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app.views import GuestInfo
from ui.models.search_model import SearchResultsModel
from ui.search_service import SearchService
from ui.tables import DeskTable, EmptyOr


class SearchResults(QWidget):
    """Driven by a QLineEdit owned elsewhere (the desk's header): arrows, Enter, Esc."""

    open_guest = Signal(int)
    cleared = Signal()

    def __init__(self, field: QLineEdit, service: SearchService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = field
        self.service = service
        self.model = SearchResultsModel(self)
        m = SearchResultsModel
        self.table = DeskTable(self.model, stretch=m.EMAIL,
                               widths={m.NAME: 22, m.FULL: 30, m.WHY: 34, m.PHONE: 16,
                                       m.LANG: 10})
        self.table.setObjectName("searchResults")
        self.table.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.body = EmptyOr(self.table)
        self.count = QLabel()
        self.count.setObjectName("hint")
        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(self.count)
        lay.addWidget(self.body, 1)
        self.field.textEdited.connect(self._typed)
        self.field.installEventFilter(self)
        self.service.results.connect(self._show)
        self.service.failed.connect(self._failed)
        self.table.activated_row.connect(self._open_row)
        self._searching_for = ""

    def _typed(self, text: str) -> None:
        self._searching_for = text
        if text.strip():
            self.count.setText(self.tr("Searching…"))
        self.service.search(text)

    def _show(self, typed: str, found: list[GuestInfo]) -> None:
        if typed != self.field.text():
            return  # an answer for text that is no longer in the field
        self.model.set_rows(found)
        if not typed.strip():
            self.count.clear()
            self.body.show_message(self.tr("Type part of a name, an email address or a phone "
                                           "number."))
        elif found:
            shown = len(found)
            self.count.setText(self.tr("{n} guests shown · ↑↓ choose · Enter opens · Esc clears")
                               .format(n=shown) if shown != 1 else
                               self.tr("1 guest · Enter opens · Esc clears"))
            self.body.show_table()
        else:
            self.count.clear()
            self.body.show_message(self.tr("No guest matches what you typed.\n"
                                           "Check the spelling, or press Ctrl+N to add a new "
                                           "guest."))

    def _failed(self, message: str) -> None:
        self.count.setText(message)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.field and isinstance(event, QKeyEvent) \
                and event.type() == QEvent.Type.KeyPress:
            key = event.key()
            if key in (Qt.Key.Key_Up, Qt.Key.Key_Down, Qt.Key.Key_PageUp,
                       Qt.Key.Key_PageDown):
                self._move(key)
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self._open_row(self.table.current_row())
                return True
            if key == Qt.Key.Key_Escape:
                self.clear()
                return True
        return super().eventFilter(watched, event)

    def _move(self, key: int) -> None:
        rows = self.model.rowCount()
        if not rows:
            return
        step = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1, Qt.Key.Key_PageUp: -10,
                Qt.Key.Key_PageDown: 10}[Qt.Key(key)]
        row = max(0, min(rows - 1, self.table.current_row() + step))
        self.table.selectRow(row)

    def _open_row(self, row: int) -> None:
        guest = self.model.row_at(row)
        if guest is not None:
            self.open_guest.emit(guest.id)

    def clear(self) -> None:
        """Esc: empty the field and the results (nothing of the search stays on screen)."""
        self.field.clear()
        self.service.cancel()
        self.model.clear()
        self.count.clear()
        self.cleared.emit()
