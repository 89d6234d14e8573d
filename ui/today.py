"""Today: hotel arrivals for a date, restaurant bookings for a service, arrival in one key.

The list keeps its place: going to a guest card and back (Esc) finds the same guest
selected at the same scroll position, so ↓ Enter reaches the next guest. Where it opens
follows the person and the time (app.desk_rules): a host lands on the restaurant
bookings of the service under way, a receptionist on the hotel arrivals.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import QDate, QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock, desk_rules, visits
from app.domain import Service, VisitKind, VisitStatus
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, ArrivalRow
from ui import texts
from ui.i18n import say
from ui.models.arrivals_model import HEALTH_ROLE, ArrivalsModel
from ui.tables import DeskTable, EmptyOr

CHIP_BG = QColor("#fdecea")
CHIP_FG = QColor("#8a1c12")
CHIP_BORDER = QColor("#c9574a")


class HealthChips(QStyledItemDelegate):
    """Draws a guest's health labels as one red-bordered chip ("⚕ Nut allergy"), bold, so a
    host finds the coeliac guest without opening cards. Never cut short: labels that do not
    fit the column's width wrap onto more lines and the row grows to hold them (the tooltip
    repeats them, with where they come from)."""

    PAD = 8       # left and right inside the chip
    V_PAD = 4     # above and below the text inside the chip
    MARGIN = 4    # around the chip inside the cell
    MAX_WIDTH = 340  # the widest the column asks to be; longer text wraps

    def _font(self, option: QStyleOptionViewItem) -> QFont:
        f = QFont(option.font)
        f.setBold(True)
        return f

    @staticmethod
    def chip_text(labels: list[str]) -> str:
        return "⚕ " + ", ".join(labels)

    def chip_rect(self, font: QFont, text: str, cell: QRect) -> QRect:
        """Where the chip goes in ``cell``: as wide as its text (at most the cell), as tall
        as the text wrapped to that width, and never shorter than a one-line cell."""
        area = cell.adjusted(self.MARGIN, self.MARGIN, -self.MARGIN, -self.MARGIN)
        box = QFontMetrics(font).boundingRect(
            QRect(0, 0, max(1, area.width() - 2 * self.PAD), 100_000),
            int(Qt.TextFlag.TextWordWrap), text)
        return QRect(area.left(), area.top(), min(area.width(), box.width() + 2 * self.PAD),
                     max(area.height(), box.height() + 2 * self.V_PAD))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        labels = index.data(HEALTH_ROLE)
        if not labels:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style is not None:  # background and selection as for any cell
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        font = self._font(option)
        text = self.chip_text(labels)
        chip = self.chip_rect(font, text, option.rect)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(CHIP_BORDER, 1.5))
        painter.setBrush(CHIP_BG)
        painter.drawRoundedRect(chip, 8, 8)
        painter.setFont(font)
        painter.setPen(CHIP_FG)
        painter.drawText(chip.adjusted(self.PAD, self.V_PAD, -self.PAD, -self.V_PAD),
                         int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
                             | Qt.TextFlag.TextWordWrap), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem,
                 index: QModelIndex | QPersistentModelIndex) -> QSize:
        labels = index.data(HEALTH_ROLE)
        base = super().sizeHint(option, index)
        if not labels:
            return base
        font = self._font(option)
        text = self.chip_text(labels)
        one_line = QFontMetrics(font).horizontalAdvance(text) + 2 * (self.PAD + self.MARGIN)
        width = min(one_line + 16, self.MAX_WIDTH)
        cell = QRect(0, 0, max(width, option.rect.width()), base.height())
        return QSize(width, self.chip_rect(font, text, cell).height() + 2 * self.MARGIN)


class ArrivalsTable(DeskTable):
    """Space or A marks the selected guest as arrived."""

    mark_arrived = Signal(int)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if (event.key() in (Qt.Key.Key_Space, Qt.Key.Key_A)
                and event.modifiers() in (Qt.KeyboardModifier.NoModifier,
                                          Qt.KeyboardModifier.KeypadModifier)
                and self.current_row() >= 0):
            self.mark_arrived.emit(self.current_row())
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class Place:
    """Where a list was when a card opened: the visit selected and the scroll position."""

    visit_id: int
    scroll: int


class VisitList(QWidget):
    """One tab: a table of ArrivalRow plus its empty state."""

    open_guest = Signal(int)

    def __init__(self, kind: VisitKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.place: Place | None = None
        self.model = ArrivalsModel(kind, self)
        self.table = ArrivalsTable(self.model, stretch=ArrivalsModel.CUE)
        self.table.setObjectName("stays" if kind == VisitKind.STAY else "bookings")
        self.table.setItemDelegateForColumn(ArrivalsModel.HEALTH, HealthChips(self.table))
        rows = self.table.verticalHeader()
        rows.setMinimumSectionSize(38)
        rows.setDefaultSectionSize(38)
        # Columns as wide as their contents, and taller rows for guests whose health labels
        # wrap (HealthChips), measured once per refill (fit_to_contents). ResizeToContents
        # headers measured them again at every layout pass while the desk first showed:
        # ~19,000 calls into the model for a 20-row list, 0.1-0.3 s of the desk's start.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        columns = self.table.horizontalHeader()
        for column in range(self.model.columnCount()):
            if column != ArrivalsModel.CUE:  # the stretching column (DeskTable)
                columns.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        self.model.modelReset.connect(self.fit_to_contents)
        self.model.dataChanged.connect(self.fit_to_contents)
        self.body = EmptyOr(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(self.body)
        self.table.activated_row.connect(self._open)

    def fit_to_contents(self) -> None:
        """Each column as wide as its widest cell or title; a row with health labels as tall
        as its chips (the others keep the default height)."""
        self.table.resizeColumnsToContents()
        rows = self.table.verticalHeader()
        for row, item in enumerate(self.model.rows()):
            if item.health:
                rows.resizeSection(row, max(rows.defaultSectionSize(),
                                            self.table.sizeHintForRow(row)))

    def _open(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.remember()
            self.open_guest.emit(item.guest.id)

    def remember(self) -> None:
        """Note the selected visit and the scroll position, to come back to them."""
        item = self.model.row_at(self.table.current_row())
        self.place = (Place(item.visit.id, self.table.verticalScrollBar().value())
                      if item is not None else None)

    def show_rows(self, rows: list[ArrivalRow], empty_text: str) -> None:
        self.model.set_rows(rows)  # selects the first row (DeskTable)
        if rows:
            self.body.show_table()
            self._restore()
        else:
            self.body.show_message(empty_text)

    def _restore(self) -> None:
        place, self.place = self.place, None
        if place is None:
            return
        row = self.model.row_of_visit(place.visit_id)
        if row < 0:
            return
        self.table.selectRow(row)
        self.table.verticalScrollBar().setValue(place.scroll)
        self.table.scrollTo(self.model.index(row, 0))  # in view even if the list grew


class TodayView(QWidget):
    """Arrivals (hotel) and bookings (restaurant) for a chosen day."""

    open_guest = Signal(int)
    status_message = Signal(str)

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        start = desk_rules.start_view(actor.role, clock.now())
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("day")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDate(QDate(clock.today()))
        date_label = QLabel(self.tr("Da&te:"))
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton(self.tr("T&oday"))
        self.service = QComboBox()
        self.service.setObjectName("service")
        self.service.addItem(texts.service(Service.LUNCH), Service.LUNCH)
        self.service.addItem(texts.service(Service.DINNER), Service.DINNER)
        self.service.setCurrentIndex(self.service.findData(start.service))
        self.service_label = QLabel(self.tr("Se&rvice:"))
        self.service_label.setBuddy(self.service)
        self.hint = QLabel(self.tr("Enter opens the guest card · Space or A marks arrived"))
        self.hint.setObjectName("hint")

        bar = QHBoxLayout()
        bar.addWidget(date_label)
        bar.addWidget(self.date_edit)
        bar.addWidget(self.today_button)
        bar.addSpacing(24)
        bar.addWidget(self.service_label)
        bar.addWidget(self.service)
        bar.addStretch(1)
        bar.addWidget(self.hint)

        self.stays = VisitList(VisitKind.STAY)
        self.bookings = VisitList(VisitKind.BOOKING)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("todayTabs")
        self.tabs.addTab(self.stays, self.tr("Hotel &arrivals"))
        self.tabs.addTab(self.bookings, self.tr("Restaurant &bookings"))
        self.tabs.setCurrentIndex(1 if start.kind == VisitKind.BOOKING else 0)

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addLayout(bar)
        lay.addWidget(self.tabs, 1)

        self.date_edit.dateChanged.connect(self.refresh)
        self.today_button.clicked.connect(lambda: self.date_edit.setDate(QDate(clock.today())))
        self.service.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        for lst in (self.stays, self.bookings):
            lst.open_guest.connect(self.open_guest)
            lst.table.mark_arrived.connect(lambda row, lst=lst: self.toggle_arrived(lst, row))
        self._show_service()  # the list itself is filled by refresh() (the desk calls it)

    def day(self) -> dt.date:
        d: dt.date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return d

    def current_list(self) -> VisitList:
        return self.stays if self.tabs.currentIndex() == 0 else self.bookings

    def _show_service(self) -> None:
        bookings = self.tabs.currentIndex() == 1
        self.service.setVisible(bookings)
        self.service_label.setVisible(bookings)

    def _tab_changed(self) -> None:
        self._show_service()
        self.refresh()

    def refresh(self) -> None:
        """Reload the visible tab (indexed by date in the store, so cheap on any size),
        keeping the selected guest and the scroll position when a card was opened from it."""
        lst = self.current_list()
        day = self.day()
        service = self.service.currentData() if lst.kind == VisitKind.BOOKING else None
        try:
            rows = visits.today_list(self.store, self.actor, day, lst.kind, service)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot show the list"), say(exc))
            return
        if lst.kind == VisitKind.STAY:
            empty = self.tr("No arrivals for {day}").format(day=texts.long_date(day))
        else:
            empty = self.tr("No {service} bookings for {day}").format(
                service=texts.service(service).lower(), day=texts.long_date(day))
        lst.show_rows(rows, empty)

    def focus_list(self) -> None:
        self.current_list().table.setFocus()

    def toggle_arrived(self, lst: VisitList, row: int) -> None:
        """Mark arrived (audited in app/); pressing again on an arrived guest undoes it."""
        item = lst.model.row_at(row)
        if item is None:
            return
        new = (VisitStatus.EXPECTED if item.visit.status == VisitStatus.ARRIVED
               else VisitStatus.ARRIVED)
        try:
            visit = visits.set_status(self.store, self.actor, item.visit.id, new)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Not marked"), say(exc))
            return
        lst.model.replace_row(row, ArrivalRow(visit, item.guest, item.greeting, item.health))
        name = texts.isolate(lst.model.name_at(row))
        if new == VisitStatus.ARRIVED:
            self.status_message.emit(self.tr("{name} marked as arrived — press Space again to "
                                             "undo").format(name=name))
        else:
            self.status_message.emit(self.tr("{name} is expected again").format(name=name))
