"""Retention for managers: guests not seen for a long time, to erase or keep (with a reason).

Also the desk's clock for expiring labels: :func:`install_retention` adds the
"Retention…" manager action and runs ``app.retention.purge_expired`` at the
first sign-in of the day and every 24 hours while the window is open.
:class:`EraseGuestDialog` is the staff-only erasure confirmation (the
manager's own PIN), usable from the guest card too.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QObject, Qt, QThreadPool, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import erasure, retention, staff
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, GuestInfo
from ui.i18n import say

if TYPE_CHECKING:
    from ui.main_window import MainWindow

log = logging.getLogger("frontdesk.retention")
DAY_MS = 24 * 60 * 60 * 1000


def tr(text: str) -> str:
    return QCoreApplication.translate("Retention", text)


def keep_reason_words() -> dict[str, str]:
    return {
        "future_booking": tr("The guest has a booking or stay coming up"),
        "guest_asked": tr("The guest asked us to keep their details"),
        "legal_hold": tr("We must keep the record for a legal reason (invoice, claim)"),
        "regular_elsewhere": tr("The guest visits our other venue or was seen recently"),
    }


class _EraseSignals(QObject):
    """Carries the worker's outcome back to the GUI thread (a queued signal)."""

    finished = Signal(object)   # an ErasureResult, or the FrontdeskError / exception raised


class EraseGuestDialog(QDialog):
    """Confirm an erasure with the signed-in manager's PIN; erases on success.

    The PIN check and the erasure run on a worker thread (``QThreadPool``): on a
    large store the erasure can take a moment (the first one after opening reads
    cold pages; another desk may hold the write lock), and the desk must keep
    painting meanwhile. While it runs the dialog shows a busy bar and cannot be
    closed: the erasure is one transaction, all or nothing, so there is nothing
    half-done to cancel.
    """

    def __init__(self, store: Store, actor: Actor, guest: GuestInfo,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.guest = store, actor, guest
        self.result_info: erasure.ErasureResult | None = None
        self._signals: _EraseSignals | None = None
        self.setWindowTitle(tr("Erase a guest"))
        lay = QVBoxLayout(self)
        text = QLabel(tr(
            "Erase {name} completely? Their details, labels, visits and consents are deleted "
            "at once and cannot be restored. The audit log keeps only an anonymous token.\n\n"
            "Type your PIN to confirm.").format(name=guest.full_name))
        text.setWordWrap(True)
        lay.addWidget(text)
        self.pin = QLineEdit()
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(12)
        self.pin.returnPressed.connect(self.confirm)
        lay.addWidget(self.pin)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        lay.addWidget(self.error)
        self.working = QLabel(tr("Erasing {name}…").format(name=guest.full_name))
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)   # no steps to count: a moving bar says "working"
        self.progress.setTextVisible(False)
        for w in (self.working, self.progress):
            w.hide()
            lay.addWidget(w)
        row = QHBoxLayout()
        row.addStretch(1)
        self.cancel = QPushButton(tr("Cancel"))
        self.cancel.clicked.connect(self.reject)
        self.erase = QPushButton(tr("Erase everything"))
        self.erase.clicked.connect(self.confirm)
        row.addWidget(self.cancel)
        row.addWidget(self.erase)
        lay.addLayout(row)
        self.resize(560, 260)

    def busy(self) -> bool:
        """The PIN check and erasure are running on the worker thread."""
        return self._signals is not None

    def confirm(self) -> None:
        if self.busy():
            return
        pin = self.pin.text()
        self.pin.clear()
        self.error.clear()
        self._set_busy(True)
        signals = _EraseSignals(self)
        signals.finished.connect(self._finished)
        self._signals = signals
        store, actor_id, guest_id = self.store, self.actor.id, self.guest.id

        def run() -> None:
            outcome: object
            try:
                manager = staff.sign_in(store, actor_id, pin)
                outcome = erasure.erase_guest(store, manager, guest_id)
            except Exception as exc:  # shown on the dialog; never raised on a pool thread
                outcome = exc
            signals.finished.emit(outcome)

        QThreadPool.globalInstance().start(run)

    def _finished(self, outcome: object) -> None:
        self._signals = None
        self._set_busy(False)
        if isinstance(outcome, erasure.ErasureResult):
            self.result_info = outcome
            self.accept()
            return
        if isinstance(outcome, FrontdeskError):
            self.error.setText(say(outcome))
        else:
            log.warning("erasure failed: %s", type(outcome).__name__)
            self.error.setText(tr("The guest could not be erased; nothing was changed. "
                                  "Try again, or ask your technical contact."))
        self.pin.setFocus()

    def _set_busy(self, busy: bool) -> None:
        for w in (self.pin, self.erase, self.cancel):
            w.setEnabled(not busy)
        self.working.setVisible(busy)
        self.progress.setVisible(busy)
        if busy:
            self.setCursor(Qt.CursorShape.BusyCursor)
        else:
            self.unsetCursor()

    def reject(self) -> None:
        if not self.busy():   # Esc or Cancel while erasing: wait for the one transaction
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.busy():
            event.ignore()
            return
        super().closeEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if self.busy() and event.key() == Qt.Key.Key_Escape:
            event.accept()
            return
        super().keyPressEvent(event)


class RetentionDialog(QDialog):
    """Guests not seen for the retention period: erase or keep each, with a reason."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None,
                 now: dt.datetime | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor, self.now = store, actor, now
        self.candidates: list[retention.RetentionCandidate] = []
        self.setWindowTitle(tr("Retention review"))
        lay = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Guests not seen for")))
        self.months = QSpinBox()
        self.months.setRange(retention.MIN_MONTHS, retention.MAX_MONTHS)
        self.months.setSuffix(tr(" months"))
        self.months.setValue(retention.retention_months(store))
        top.addWidget(self.months)
        self.save_months = QPushButton(tr("Apply"))
        self.save_months.clicked.connect(self._set_months)
        top.addWidget(self.save_months)
        top.addStretch(1)
        lay.addLayout(top)
        hint = QLabel(tr(
            "These guests have not visited for the retention period. Erase each one, or keep "
            "them with a reason: a kept guest comes back to this list after another period."))
        hint.setObjectName("hint")
        hint.setWordWrap(True)
        lay.addWidget(hint)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([tr("Guest"), tr("Last seen"), tr("Email")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in (1, 2):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().hide()
        lay.addWidget(self.table, 1)
        self.empty = QLabel(tr("Nobody is due for review."))
        self.empty.setObjectName("emptyState")
        lay.addWidget(self.empty)
        keep = QHBoxLayout()
        keep.addWidget(QLabel(tr("Keep, because:")))
        self.reason = QComboBox()
        for code, words in keep_reason_words().items():
            self.reason.addItem(words, code)
        keep.addWidget(self.reason, 1)
        self.keep_button = QPushButton(tr("&Keep"))
        self.keep_button.clicked.connect(self.keep_selected)
        keep.addWidget(self.keep_button)
        self.erase_button = QPushButton(tr("&Erase…"))
        self.erase_button.clicked.connect(self.erase_selected)
        keep.addWidget(self.erase_button)
        lay.addLayout(keep)
        self.status = QLabel()
        lay.addWidget(self.status)
        self.resize(900, 560)
        self.refresh()

    def refresh(self) -> None:
        self.candidates = retention.due_for_review(self.store, self.actor, self.now)
        self.table.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            for col, value in enumerate((c.guest.full_name, c.last_seen.strftime("%Y-%m-%d"),
                                         c.guest.email or "")):
                self.table.setItem(row, col, QTableWidgetItem(value))
        self.empty.setVisible(not self.candidates)
        for b in (self.keep_button, self.erase_button):
            b.setEnabled(bool(self.candidates))
        if self.candidates:
            self.table.selectRow(0)
            self.table.setFocus()

    def selected(self) -> retention.RetentionCandidate | None:
        row = self.table.currentRow()
        return self.candidates[row] if 0 <= row < len(self.candidates) else None

    def keep_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        try:
            retention.keep_guest(self.store, self.actor, c.guest.id, str(self.reason.currentData()),
                                 self.now)
        except FrontdeskError as exc:
            QMessageBox.warning(self, tr("Retention review"), say(exc))
            return
        self.status.setText(tr("Kept {name}.").format(name=c.guest.full_name))
        self.refresh()

    def erase_selected(self) -> None:
        c = self.selected()
        if c is None:
            return
        dialog = EraseGuestDialog(self.store, self.actor, c.guest, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status.setText(tr("Erased {name}.").format(name=c.guest.full_name))
            self.refresh()

    def _set_months(self) -> None:
        try:
            retention.set_retention_months(self.store, self.actor, self.months.value())
        except FrontdeskError as exc:
            QMessageBox.warning(self, tr("Retention review"), say(exc))
            return
        self.refresh()


def purge_now(store: Store | None) -> retention.PurgeResult | None:
    """Delete expired labels; never raises (a busy or closing store simply waits a day)."""
    if store is None:
        return None
    try:
        result = retention.purge_expired(store)
    except Exception as exc:  # a background job must not take the desk down
        log.warning("expired labels not purged: %s", type(exc).__name__)
        return None
    if result.assignments:
        log.info("purged %d expired labels of %d guests", result.assignments, result.guests)
    return result


def purge_in_background(store: Store | None) -> threading.Thread:
    """Run :func:`purge_now` off the GUI thread (a backlog of thousands takes seconds)."""
    worker = threading.Thread(target=purge_now, args=(store,), name="retention-purge",
                              daemon=True)
    worker.start()
    return worker


def install_retention(main: MainWindow) -> QTimer:
    """Wire retention into the main window: manager action, purge at sign-in and daily."""
    def open_dialog() -> None:
        if main.store is not None and main.actor is not None:
            RetentionDialog(main.store, main.actor, main).exec()

    main.add_manager_action(tr("Rete&ntion…"), None, open_dialog)
    timer = QTimer(main)
    timer.setInterval(DAY_MS)
    state: dict[str, dt.date | None] = {"last": None}

    def daily() -> None:
        state["last"] = dt.date.today()
        timer.last_worker = purge_in_background(main.store)  # type: ignore[attr-defined]

    def on_sign_in(_actor: object) -> None:
        if state["last"] != dt.date.today():
            daily()
        if not timer.isActive():
            timer.start()

    timer.timeout.connect(daily)
    main.signed_in.connect(on_sign_in)
    timer.setObjectName("retentionTimer")
    return timer
