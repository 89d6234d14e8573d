"""Record a hotel stay or a restaurant booking for a guest."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QRegularExpression, QTime
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import visits
from app.clock import today as _today
from app.domain import Service, VisitKind
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, VisitInfo
from ui import texts
from ui.i18n import say

PLACE_PATTERN = QRegularExpression(r"^[A-Za-z]{0,2} ?(\d{1,4}[A-Za-z]?)?$")


class VisitDialog(QDialog):
    """Kind, date and time, nights or service, party size, room or table."""

    def __init__(self, store: Store, actor: Actor, guest_id: int, guest_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest_id = store, actor, guest_id
        self.saved: VisitInfo | None = None
        self.setWindowTitle(self.tr("New booking or stay"))
        self.setMinimumWidth(480)
        who = QLabel(self.tr("For {name}").format(name=guest_name))
        who.setObjectName("pageTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(texts.visit_kind(VisitKind.BOOKING), VisitKind.BOOKING)
        self.kind.addItem(texts.visit_kind(VisitKind.STAY), VisitKind.STAY)
        self.day = QDateEdit(QDate(_today()))
        self.day.setObjectName("visitDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.time = QTimeEdit(QTime(19, 0))
        self.time.setObjectName("visitTime")
        self.time.setDisplayFormat("HH:mm")
        self.nights = QSpinBox()
        self.nights.setObjectName("nights")
        self.nights.setRange(1, 365)
        self.service = QComboBox()
        self.service.setObjectName("visitService")
        self.service.addItem(texts.service(Service.DINNER), Service.DINNER)
        self.service.addItem(texts.service(Service.LUNCH), Service.LUNCH)
        self.party = QSpinBox()
        self.party.setObjectName("party")
        self.party.setRange(1, 500)
        self.party.setValue(2)
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setMaxLength(20)
        self.place.setPlaceholderText(self.tr("e.g. 204 or T7 (optional)"))
        # A number, not a note: up to two letters, then digits (204, T7, A12, 12B).
        self.place.setValidator(QRegularExpressionValidator(PLACE_PATTERN, self.place))
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Date:"), self.day)
        self.form.addRow(self.tr("&Time:"), self.time)
        self.form.addRow(self.tr("&Nights:"), self.nights)
        self.form.addRow(self.tr("&Service:"), self.service)
        self.form.addRow(self.tr("&Party size:"), self.party)
        self.form.addRow(self.tr("&Room or table:"), self.place)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(who)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.time.timeChanged.connect(self._time_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        stay = self.kind.currentData() == VisitKind.STAY
        self.form.setRowVisible(self.nights, stay)
        self.form.setRowVisible(self.service, not stay)
        self.time.setTime(QTime(15, 0) if stay else QTime(19, 0))

    def _time_changed(self, t: QTime) -> None:
        self.service.setCurrentIndex(1 if t.hour() < 16 else 0)

    def save(self) -> None:
        kind = VisitKind(self.kind.currentData())
        day: dt.date = self.day.date().toPython()  # type: ignore[assignment]
        at = dt.datetime.combine(day, dt.time(self.time.time().hour(),
                                              self.time.time().minute()))
        try:
            self.saved = visits.record_visit(
                self.store, self.actor, self.guest_id, kind=kind, starts_at=at,
                ends_on=day + dt.timedelta(days=self.nights.value())
                if kind == VisitKind.STAY else None,
                service=Service(self.service.currentData())
                if kind == VisitKind.BOOKING else None,
                party_size=self.party.value(), place=self.place.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()
