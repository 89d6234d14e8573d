"""The manager's audit screen: who did what, filtered, and whether the chain holds.

The chain is recomputed off the GUI thread (a large log takes a while); the
banner says "Audit log verified: N events" or "Broken at event K: …". The
log holds guest *tokens* only; "Pick guest…" finds a guest by name to filter
on their token without the token ever being typed.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import audit_log, audit_sentences, guests, staff
from app.audit_log import AuditFilter, ChainStatus
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, AuditInfo, GuestInfo
from ui import texts
from ui.i18n import current_language, say
from ui.models.base import RowsModel
from ui.tables import DeskTable, EmptyOr

VERIFYING = "Verifying the audit log…"


class AuditModel(RowsModel[AuditInfo]):
    """Columns: event number, time, who, what happened (a sentence), guest token.

    The sentence comes from app.audit_sentences in the interface language; the raw action
    code and its details stay one hover away (tooltip), for the venue's IT.
    """

    ID, AT, STAFF, WHAT, GUEST = range(5)
    ACTION = WHAT  # older name of the column that told what happened

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._sentences: list[str] = []

    def headers(self) -> Sequence[str]:
        return (self.tr("#"), self.tr("When"), self.tr("Who"), self.tr("What happened"),
                self.tr("Guest"))

    def set_events(self, rows: Sequence[AuditInfo], sentences: Sequence[str]) -> None:
        self._sentences = list(sentences)
        self.set_rows(rows)

    def sentence_at(self, row: int) -> str:
        return self._sentences[row] if 0 <= row < len(self._sentences) else ""

    def data(self, index: Any, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and index.isValid() \
                and index.column() == self.WHAT:
            return self.sentence_at(index.row())
        if role == Qt.ItemDataRole.ToolTipRole and index.isValid() \
                and index.column() == self.WHAT:
            # The whole sentence (a long one is cut at the column's edge), then the code.
            code = super().data(index, role)
            return f"{self.sentence_at(index.row())}\n{code}" if code else None
        return super().data(index, role)

    def cell(self, row: AuditInfo, column: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            match column:
                case self.ID:
                    return str(row.id)
                case self.AT:
                    return row.at.strftime("%Y-%m-%d %H:%M:%S")
                case self.STAFF:
                    return row.staff_name if row.staff_id is not None else self.tr(
                        "Frontdesk")
                case self.GUEST:
                    return row.guest_ref[:8] if row.guest_ref else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == self.GUEST and row.guest_ref:
                return row.guest_ref
            if column == self.WHAT:
                detail = _detail(row.detail)
                return f"{row.action}" + (f"  ({detail})" if detail else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and column == self.ID:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (self.ID, self.GUEST):
            return QColor("#4a5a63")
        return None


def _detail(raw: str) -> str:
    try:
        data = json.loads(raw)
    except ValueError:
        return raw
    if not isinstance(data, dict):
        return raw
    return ", ".join(f"{k}={v}" for k, v in sorted(data.items()))


class _Bridge(QObject):
    """Carries the verifier thread's result back to the GUI thread (queued signal)."""

    finished = Signal(object)  # ChainStatus | str (error)


class GuestPickDialog(QDialog):
    """Type a name, pick the guest with ↑↓ and Enter; returns the guest for their token."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.chosen: GuestInfo | None = None
        self.setWindowTitle(self.tr("Pick a guest"))
        self.setMinimumSize(460, 380)
        self.query = QLineEdit()
        self.query.setObjectName("guestQuery")
        self.query.setPlaceholderText(self.tr("Type a name…"))
        self.found = QListWidget()
        self.found.setObjectName("guestFound")
        self.error = QLabel()
        self.error.setObjectName("error")
        self.query.textChanged.connect(self._search)
        self.query.returnPressed.connect(self._accept_current)
        self.found.itemActivated.connect(lambda _item: self._accept_current())
        lay = QVBoxLayout(self)
        lay.addWidget(self.query)
        lay.addWidget(self.found)
        lay.addWidget(self.error)

    def _search(self, text: str) -> None:
        self.found.clear()
        if not text.strip():
            return
        try:
            rows = guests.find_guests(self.store, self.actor, text, limit=30)
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        for g in rows:
            item = QListWidgetItem(f"{g.full_name}  ·  {g.ref[:8]}")
            item.setData(Qt.ItemDataRole.UserRole, g)
            self.found.addItem(item)
        if rows:
            self.found.setCurrentRow(0)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.found.count():
            step = 1 if event.key() == Qt.Key.Key_Down else -1
            row = max(0, min(self.found.count() - 1, self.found.currentRow() + step))
            self.found.setCurrentRow(row)
            return
        super().keyPressEvent(event)

    def _accept_current(self) -> None:
        item = self.found.currentItem()
        if item is None:
            return
        self.chosen = item.data(Qt.ItemDataRole.UserRole)
        self.accept()


class AuditView(QDialog):
    """Filters on top, the events below (newest first), the chain's verdict as a banner."""

    verified = Signal(object)  # ChainStatus

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.status: ChainStatus | None = None
        self._thread: threading.Thread | None = None
        self._bridge = _Bridge(self)
        self._bridge.finished.connect(self._show_status)
        self.setWindowTitle(self.tr("Audit log"))
        self.resize(1200, 680)

        self.banner = QLabel(self.tr(VERIFYING))
        self.banner.setObjectName("auditStatus")
        self.banner.setWordWrap(True)
        self.verify_button = QPushButton(self.tr("&Verify again"))
        self.verify_button.clicked.connect(self.verify)
        top = QHBoxLayout()
        top.addWidget(self.banner, 1)
        top.addWidget(self.verify_button)
        # trust-auth: the chain head's fingerprint, for the manager to note down on paper.
        self.fingerprint = QLabel()
        self.fingerprint.setObjectName("auditFingerprint")
        self.fingerprint.setWordWrap(True)
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.staff_filter = QComboBox()
        self.staff_filter.setObjectName("staffFilter")
        self.staff_filter.addItem(self.tr("Everyone"), None)
        for st in staff.list_staff(store, include_inactive=True):
            self.staff_filter.addItem(f"{st.name} ({texts.role(st.role)})", st.id)
        self.action_filter = QComboBox()
        self.action_filter.setObjectName("actionFilter")
        self.action_filter.addItem(self.tr("Every action"), "")
        named = sorted(((say(audit_sentences.action_name(a)), a)
                        for a in audit_log.actions(store, actor)), key=lambda p: p[0].casefold())
        for name, code in named:
            self.action_filter.addItem(name, code)
        self.guest_filter = QLineEdit()
        self.guest_filter.setObjectName("guestFilter")
        self.guest_filter.setPlaceholderText(self.tr("guest token"))
        self.guest_filter.setClearButtonEnabled(True)
        self.guest_filter.setMinimumWidth(170)
        self.pick_button = QPushButton(self.tr("&Pick guest…"))
        self.pick_button.clicked.connect(self.pick_guest)
        self.dates = QCheckBox(self.tr("&Dates"))
        self.dates.setObjectName("dateFilter")
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-7))
        self.until = QDateEdit(today)
        for d in (self.since, self.until):
            d.setCalendarPopup(True)
            d.setDisplayFormat("yyyy-MM-dd")
            d.setEnabled(False)
            d.dateChanged.connect(self.refresh)
        self.dates.toggled.connect(self._dates_toggled)
        self.staff_filter.currentIndexChanged.connect(self.refresh)
        self.action_filter.currentIndexChanged.connect(self.refresh)
        self.guest_filter.editingFinished.connect(self.refresh)
        self.guest_filter.textChanged.connect(lambda t: self.refresh() if not t else None)

        # Two rows, so the dialog fits a 1366-pixel-wide screen in every language.
        who_what = QHBoxLayout()
        for label, w in ((self.tr("&Staff:"), self.staff_filter),
                         (self.tr("&Action:"), self.action_filter)):
            lab = QLabel(label)
            lab.setBuddy(w)
            who_what.addWidget(lab)
            who_what.addWidget(w, 1)
        guest_dates = QHBoxLayout()
        lab = QLabel(self.tr("&Guest:"))
        lab.setBuddy(self.guest_filter)
        guest_dates.addWidget(lab)
        guest_dates.addWidget(self.guest_filter)
        guest_dates.addWidget(self.pick_button)
        guest_dates.addSpacing(12)
        guest_dates.addWidget(self.dates)
        guest_dates.addWidget(self.since)
        guest_dates.addWidget(QLabel("–"))
        guest_dates.addWidget(self.until)
        guest_dates.addStretch(1)
        filters = QVBoxLayout()
        filters.addLayout(who_what)
        filters.addLayout(guest_dates)

        self.model = AuditModel(self)
        self.table = DeskTable(self.model, stretch=AuditModel.WHAT)
        self.table.setObjectName("auditTable")
        self.body = EmptyOr(self.table)
        self.count = QLabel()
        self.count.setObjectName("hint")
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        # Enter in the guest-token field filters; it must not also press Close (Esc closes)
        # or Verify again: no button here is a default button.
        for button in (buttons.button(QDialogButtonBox.StandardButton.Close),
                       self.verify_button, self.pick_button):
            button.setAutoDefault(False)
            button.setDefault(False)

        lay = QVBoxLayout(self)
        lay.addLayout(top)
        lay.addWidget(self.fingerprint)
        lay.addLayout(filters)
        lay.addWidget(self.body, 1)
        lay.addWidget(self.count)
        lay.addWidget(buttons)
        self.refresh()
        self.verify()
        self.table.setFocus()

    # -- filters -------------------------------------------------------------------------
    def current_filter(self) -> AuditFilter:
        since = until = None
        if self.dates.isChecked():
            since = self.since.date().toPython()
            until = self.until.date().toPython()
        return AuditFilter(staff_id=self.staff_filter.currentData(),
                           guest_ref=self.guest_filter.text().strip() or None,
                           action=self.action_filter.currentData() or None,
                           since=since, until=until)  # type: ignore[arg-type]

    def _dates_toggled(self, on: bool) -> None:
        self.since.setEnabled(on)
        self.until.setEnabled(on)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = audit_log.list_events(self.store, self.actor, self.current_filter())
            sentences = audit_sentences.sentences(self.store, self.actor, rows,
                                                  current_language())
        except FrontdeskError as exc:
            self.body.show_message(say(exc))
            return
        self.model.set_events(rows, [say(m) for m in sentences])
        if rows:
            self.body.show_table()
        else:
            self.body.show_message(self.tr("No events match these filters."))
        more = self.tr(" (the newest; narrow the filters to see older ones)") \
            if len(rows) >= audit_log.DEFAULT_LIMIT else ""
        self.count.setText(self.tr("{n} events shown").format(n=f"{len(rows):,}") + more)

    def pick_guest(self) -> None:
        dialog = GuestPickDialog(self.store, self.actor, self)
        if dialog.exec() and dialog.chosen is not None:
            self.guest_filter.setText(dialog.chosen.ref)
            self.refresh()

    # -- verification ----------------------------------------------------------------------
    def verify(self) -> None:
        if self._thread is not None and self._thread.is_alive():
            return
        self.banner.setText(self.tr(VERIFYING))
        self.banner.setStyleSheet("")
        self.verify_button.setEnabled(False)
        bridge, store, actor = self._bridge, self.store, self.actor

        def work() -> None:
            result: object
            try:
                result = audit_log.verify_chain(store, actor)
            except FrontdeskError as exc:
                result = say(exc)
            bridge.finished.emit(result)

        self._thread = threading.Thread(target=work, name="frontdesk-audit-verify",
                                        daemon=True)
        self._thread.start()

    def _show_status(self, result: object) -> None:
        self.verify_button.setEnabled(True)
        if isinstance(result, ChainStatus):
            self.status = result
            ok = result.ok
            self.banner.setText(say(result.message))
            self.fingerprint.setText(say(result.fingerprint_line))
            self.verified.emit(result)
        else:
            ok = False
            self.banner.setText(str(result))
        color = "#1e6b3a" if ok else "#a32020"
        self.banner.setStyleSheet(f"font-size: 13pt; font-weight: 600; color: {color};")

    def wait_verified(self, timeout: float = 30.0) -> None:
        """Let a verification in progress finish (used on close and by tests)."""
        if self._thread is not None:
            self._thread.join(timeout)

    def done(self, result: int) -> None:
        self.wait_verified()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.wait_verified()
        super().closeEvent(event)


def open_audit_log(window: Any) -> None:
    """Manager ▸ Audit log… (``window`` is the MainWindow: it holds ``store`` and ``actor``)."""
    if window.store is not None and window.actor is not None:
        AuditView(window.store, window.actor, window).exec()
