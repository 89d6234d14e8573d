"""Today: hotel arrivals for a date, restaurant bookings for a service, arrival in one key."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import visits
from app.clock import today as _today
from app.domain import Service, VisitKind, VisitStatus
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, ArrivalRow
from ui import texts
from ui.i18n import say
from ui.models.arrivals_model import ArrivalsModel
from ui.tables import DeskTable, EmptyOr


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


class VisitList(QWidget):
    """One tab: a table of ArrivalRow plus its empty state."""

    open_guest = Signal(int)

    def __init__(self, kind: VisitKind, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = kind
        self.model = ArrivalsModel(kind, self)
        self.table = ArrivalsTable(self.model, stretch=ArrivalsModel.CUE)
        self.table.setObjectName("stays" if kind == VisitKind.STAY else "bookings")
        self.body = EmptyOr(self.table)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 8, 0, 0)
        lay.addWidget(self.body)
        self.table.activated_row.connect(self._open)

    def _open(self, row: int) -> None:
        item = self.model.row_at(row)
        if item is not None:
            self.open_guest.emit(item.guest.id)

    def show_rows(self, rows: list[ArrivalRow], empty_text: str) -> None:
        self.model.set_rows(rows)
        if rows:
            self.body.show_table()
        else:
            self.body.show_message(empty_text)


class TodayView(QWidget):
    """Arrivals (hotel) and bookings (restaurant) for a chosen day."""

    open_guest = Signal(int)
    status_message = Signal(str)

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.date_edit = QDateEdit()
        self.date_edit.setObjectName("day")
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setDate(QDate(_today()))
        date_label = QLabel(self.tr("&Date:"))
        date_label.setBuddy(self.date_edit)
        self.today_button = QPushButton(self.tr("T&oday"))
        self.service = QComboBox()
        self.service.setObjectName("service")
        self.service.addItem(texts.service(Service.LUNCH), Service.LUNCH)
        self.service.addItem(texts.service(Service.DINNER), Service.DINNER)
        self.service.setCurrentIndex(0 if dt.datetime.now().hour < 15 else 1)
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
        self.tabs.addTab(self.stays, self.tr("&Hotel arrivals"))
        self.tabs.addTab(self.bookings, self.tr("Restaurant &bookings"))

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addLayout(bar)
        lay.addWidget(self.tabs, 1)

        self.date_edit.dateChanged.connect(self.refresh)
        self.today_button.clicked.connect(lambda: self.date_edit.setDate(QDate(_today())))
        self.service.currentIndexChanged.connect(self.refresh)
        self.tabs.currentChanged.connect(self._tab_changed)
        for lst in (self.stays, self.bookings):
            lst.open_guest.connect(self.open_guest)
            lst.table.mark_arrived.connect(lambda row, lst=lst: self.toggle_arrived(lst, row))
        self._tab_changed()

    def day(self) -> dt.date:
        d: dt.date = self.date_edit.date().toPython()  # type: ignore[assignment]
        return d

    def current_list(self) -> VisitList:
        return self.stays if self.tabs.currentIndex() == 0 else self.bookings

    def _tab_changed(self) -> None:
        bookings = self.tabs.currentIndex() == 1
        self.service.setVisible(bookings)
        self.service_label.setVisible(bookings)
        self.refresh()

    def refresh(self) -> None:
        """Reload the visible tab (indexed by date in the store, so cheap on any size)."""
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
        lst.model.replace_row(row, ArrivalRow(visit, item.guest, item.greeting))
        if new == VisitStatus.ARRIVED:
            self.status_message.emit(self.tr("{name} marked as arrived — press Space again to "
                                             "undo").format(name=item.guest.display_name))
        else:
            self.status_message.emit(self.tr("{name} is expected again").format(
                name=item.guest.display_name))
