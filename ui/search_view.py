"""The search field's results page: a table that fills as each key is typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QLabel, QLineEdit, QVBoxLayout, QWidget

from app import guests
from app.views import GuestInfo
from ui.models.search_model import SearchResultsModel
from ui.search_service import SearchService
from ui.tables import DeskTable, EmptyOr


class SearchResults(QWidget):
    """Driven by a QLineEdit owned elsewhere (the desk's header): arrows, Enter, Esc.

    A key press lists a screenful (``guests.SEARCH_LIMIT``). When that list is full, going
    past its last row (Down, Page Down, or scrolling to its end) asks for the same text
    with ``guests.SEARCH_MORE`` more: the rows already shown stay where they are (and the
    one chosen stays chosen), the others are added below them.
    """

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
        self.table.verticalScrollBar().valueChanged.connect(self._scrolled)
        self._shown_for = ""        # the text whose answer the table shows
        self._limit = guests.SEARCH_LIMIT
        self._full = False          # the answer filled its limit: there may be more
        self._asking_more = False
        self._step_on = False       # the more was asked by a key: choose the first new row

    def _typed(self, text: str) -> None:
        self._asking_more = False
        if text.strip():
            self.count.setText(self.tr("Searching…"))
        self.service.search(text)

    def _show(self, typed: str, found: list[GuestInfo], limit: int) -> None:
        if typed != self.field.text():
            return  # an answer for text that is no longer in the field
        more = self._asking_more and typed == self._shown_for and limit > self._limit
        self._asking_more = False
        if more:
            shown = {g.id for g in self.model.rows()}
            first_new = self.model.rowCount()
            self.model.append_rows([g for g in found if g.id not in shown])
            if self._step_on and self.model.rowCount() > first_new:
                self.table.selectRow(first_new)
        else:
            self.model.set_rows(found)
        self._shown_for, self._limit = typed, limit
        self._full = bool(typed.strip()) and len(found) >= limit
        if not typed.strip():
            self.count.clear()
            self.body.show_message(self.tr("Type part of a name, an email address or a phone "
                                           "number."))
        elif found:
            shown_n = self.model.rowCount()
            if self._full:
                self.count.setText(self.tr("First {n} guests shown · ↑↓ choose, ↓ at the end "
                                           "shows more · Enter opens · Esc clears")
                                   .format(n=shown_n))
            elif shown_n != 1:
                self.count.setText(self.tr("{n} guests shown · ↑↓ choose · Enter opens · "
                                           "Esc clears").format(n=shown_n))
            else:
                self.count.setText(self.tr("1 guest · Enter opens · Esc clears"))
            self.body.show_table()
        else:
            self.count.clear()
            self.body.show_message(self.tr("No guest matches what you typed.\n"
                                           "Check the spelling, or press Ctrl+N to add a new "
                                           "guest."))

    def _more(self, *, step_on: bool = False) -> None:
        """Ask for a longer list of the text shown (once at a time)."""
        if not self._full or self._asking_more or self._shown_for != self.field.text():
            return
        self._asking_more, self._step_on = True, step_on
        self.count.setText(self.tr("Finding more guests…"))
        self.service.more(self._shown_for, self._limit + guests.SEARCH_MORE)

    def _scrolled(self, value: int) -> None:
        bar = self.table.verticalScrollBar()
        if bar.maximum() > 0 and value == bar.maximum():
            self._more()

    def _failed(self, message: str) -> None:
        self._asking_more = False
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
        if step > 0 and self.table.current_row() == rows - 1:
            self._more(step_on=True)   # past the last row of a full list: more below
            return
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
        self._asking_more = self._full = False
        self.model.clear()
        self.count.clear()
        self.cleared.emit()
