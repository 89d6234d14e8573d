"""Record a hotel stay or a restaurant booking for a guest.

Nothing typed is changed behind the person's back: a party of 0 or 10,000 is refused with
the reason under the field (the field takes any number, so nothing is clamped), and a date
before today is said to be one — the visit is then recorded as having happened, after a
second Save.
"""

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
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock, desk_rules, visits
from app.domain import Service, VisitKind
from app.errors import FrontdeskError, ValidationError
from app.opening import Store
from app.views import Actor, VisitInfo
from ui import texts
from ui.i18n import say

PLACE_PATTERN = QRegularExpression(r"^[A-Za-z]{0,2} ?(\d{1,4}[A-Za-z]?)?$")


def _field_error() -> QLabel:
    label = QLabel()
    label.setObjectName("fieldError")
    label.setWordWrap(True)
    label.setVisible(False)
    return label


class VisitDialog(QDialog):
    """Kind, date and time, nights or service, party size, room or table."""

    def __init__(self, store: Store, actor: Actor, guest_id: int, guest_name: str,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest_id = store, actor, guest_id
        self.saved: VisitInfo | None = None
        self._past_ok_for: dt.date | None = None  # a past date the person confirmed
        self.setWindowTitle(self.tr("New booking or stay"))
        self.setMinimumWidth(520)
        who = QLabel(self.tr("For {name}").format(name=texts.isolate(guest_name)))
        who.setObjectName("pageTitle")
        self.kind = QComboBox()
        self.kind.setObjectName("kind")
        self.kind.addItem(texts.visit_kind(VisitKind.BOOKING), VisitKind.BOOKING)
        self.kind.addItem(texts.visit_kind(VisitKind.STAY), VisitKind.STAY)
        self.day = QDateEdit(QDate(clock.today()))
        self.day.setObjectName("visitDay")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("ddd d MMM yyyy")
        self.time = QTimeEdit(QTime(19, 0))
        self.time.setObjectName("visitTime")
        self.time.setDisplayFormat("HH:mm")
        self.nights = QSpinBox()
        self.nights.setObjectName("nights")
        self.nights.setRange(1, visits.MAX_NIGHTS)
        self.service = QComboBox()
        self.service.setObjectName("visitService")
        self.service.addItem(texts.service(Service.DINNER), Service.DINNER)
        self.service.addItem(texts.service(Service.LUNCH), Service.LUNCH)
        # Any number may be typed: app/ says what is allowed, so nothing is clamped silently.
        self.party = QLineEdit("2")
        self.party.setObjectName("party")
        self.party.setMaxLength(9)
        self.party.setValidator(QRegularExpressionValidator(
            QRegularExpression(r"^-?\d{0,8}$"), self.party))
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.setMaxLength(20)
        self.place.setPlaceholderText(self.tr("e.g. 204 or T7 (optional)"))
        # A number, not a note: up to two letters, then digits (204, T7, A12, 12B).
        self.place.setValidator(QRegularExpressionValidator(PLACE_PATTERN, self.place))
        self.day_error = _field_error()
        self.party_error = _field_error()
        self.place_error = _field_error()
        self.form = QFormLayout()
        self.form.addRow(self.tr("&Kind:"), self.kind)
        self.form.addRow(self.tr("&Date:"), self.day)
        self.form.addRow("", self.day_error)
        self.form.addRow(self.tr("&Time:"), self.time)
        self.form.addRow(self.tr("&Nights:"), self.nights)
        self.form.addRow(self.tr("&Service:"), self.service)
        self.form.addRow(self.tr("&Party size:"), self.party)
        self.form.addRow("", self.party_error)
        self.form.addRow(self.tr("&Room or table:"), self.place)
        self.form.addRow("", self.place_error)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        assert isinstance(save, QPushButton)
        self.save_button = save
        self.save_button.setObjectName("saveVisit")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addWidget(who)
        lay.addLayout(self.form)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.time.timeChanged.connect(self._time_changed)
        self.day.dateChanged.connect(self._day_changed)
        self.party.textEdited.connect(lambda _t: self._show(self.party_error, ""))
        self._kind_changed()

    def _kind_changed(self) -> None:
        stay = self.kind.currentData() == VisitKind.STAY
        self.form.setRowVisible(self.nights, stay)
        self.form.setRowVisible(self.service, not stay)
        self.time.setTime(QTime(15, 0) if stay else QTime(19, 0))

    def _time_changed(self, t: QTime) -> None:
        service = desk_rules.service_at(dt.time(t.hour(), t.minute()))
        self.service.setCurrentIndex(self.service.findData(service))

    def _day(self) -> dt.date:
        day: dt.date = self.day.date().toPython()  # type: ignore[assignment]
        return day

    def _day_changed(self) -> None:
        self._past_ok_for = None
        self.save_button.setText(self.tr("&Save"))
        if visits.is_past(dt.datetime.combine(self._day(), dt.time())):
            self._show(self.day_error, self.tr(
                "This date is before today: the visit will be recorded as one that happened "
                "(arrived), not as expected."))
        else:
            self._show(self.day_error, "")

    def _show(self, label: QLabel, text: str) -> None:
        label.setText(text)
        label.setVisible(bool(text))

    def _error_at(self, exc: ValidationError) -> None:
        """Put the message under the field it is about (else under the form) and focus it."""
        fields = {str(visits.FIELD_PARTY): (self.party, self.party_error),
                  str(visits.FIELD_DATE): (self.day, self.day_error),
                  str(visits.FIELD_DEPARTURE): (self.nights, self.day_error),
                  str(visits.FIELD_PLACE): (self.place, self.place_error)}
        widget, label = fields.get(str(exc.field), (None, self.error))
        self._show(label, say(exc))
        if widget is not None:
            widget.setFocus()

    def save(self) -> None:
        for label in (self.party_error, self.place_error, self.error):
            self._show(label, "")
        kind = VisitKind(self.kind.currentData())
        day = self._day()
        at = dt.datetime.combine(day, dt.time(self.time.time().hour(),
                                              self.time.time().minute()))
        text = self.party.text().strip()
        if not text.lstrip("-").isdigit():
            self._show(self.party_error, self.tr("Type the number of guests (1 or more)."))
            self.party.setFocus()
            return
        if visits.is_past(at) and self._past_ok_for != day:
            # Said under the date already; the second Save records it as having happened.
            self._past_ok_for = day
            self.save_button.setText(self.tr("&Save as a past visit"))
            self.day.setFocus()
            return
        try:
            self.saved = visits.record_visit(
                self.store, self.actor, self.guest_id, kind=kind, starts_at=at,
                ends_on=day + dt.timedelta(days=self.nights.value())
                if kind == VisitKind.STAY else None,
                service=Service(self.service.currentData())
                if kind == VisitKind.BOOKING else None,
                party_size=int(text), place=self.place.text())
        except ValidationError as exc:
            self._error_at(exc)
            return
        except FrontdeskError as exc:
            self._show(self.error, say(exc))
            return
        self.accept()
