"""Keeps an open desk in step with the other desks (and windows) on the same store.

``app.changes.ChangeFeed`` watches the store on a background thread; its callbacks
arrive here as Qt signals, so everything below runs on the GUI thread:

* another desk changed guest data → the Today list (keeping the highlighted row)
  or the open guest card is reloaded; a card whose guest was erased elsewhere
  closes with a note in the status bar;
* the shared store's server went away → a red banner says so, and the desk's
  pages are disabled (what they show stays visible, read-only and marked stale)
  until the connection is back, when the banner goes and everything is reloaded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt, Signal
from PySide6.QtWidgets import QLabel, QMainWindow, QSizePolicy, QToolBar

from app import guests
from app.changes import Change, ChangeFeed
from app.errors import FrontdeskError, NotFound
from app.opening import Store
from ui.i18n import say


class ChangeWatch(QObject):
    """One per open store and window; :meth:`stop` before the store closes."""

    changed = Signal(object)        # app.changes.Change
    connection = Signal(bool, object)  # ok, message (an app.i18n Msg when not ok)

    def __init__(self, window: QMainWindow, store: Store) -> None:
        super().__init__(window)
        self.window = window
        self.store = store
        self.banner = QToolBar(window)
        self.banner.setObjectName("staleBanner")
        self.banner.setMovable(False)
        self.banner.setFloatable(False)
        self.banner_text = QLabel()
        self.banner_text.setObjectName("staleBannerText")
        self.banner_text.setWordWrap(True)
        self.banner_text.setSizePolicy(QSizePolicy.Policy.Expanding,
                                       QSizePolicy.Policy.Preferred)
        self.banner.setStyleSheet("QToolBar#staleBanner { background: #8a1c1c; border: 0; "
                                  "padding: 0; spacing: 0; }")
        self.banner_text.setStyleSheet(
            "QLabel { background: #8a1c1c; color: white; padding: 8px 16px; "
            "font-weight: bold; }")
        self.banner.addWidget(self.banner_text)
        # Word wrap would size the bar for a narrow label: two lines are always enough.
        self.banner_text.setMaximumHeight(self.banner_text.fontMetrics().lineSpacing() * 2 + 20)
        window.addToolBar(Qt.ToolBarArea.TopToolBarArea, self.banner)
        self.banner.hide()
        self.stale = False
        self.changed.connect(self._refresh)
        self.connection.connect(self._connection)
        self.feed = ChangeFeed(store, self.changed.emit, self.connection.emit).start()

    def stop(self) -> None:
        self.feed.stop()

    # -- GUI thread ----------------------------------------------------------------------
    def _desk(self) -> Any:
        from ui.desk import DeskPage

        desk = getattr(self.window, "desk", None)
        return desk if isinstance(desk, DeskPage) else None

    def _refresh(self, change: Change) -> None:
        desk = self._desk()
        if desk is None or self.stale:
            return
        if desk.stack.currentWidget() is desk.today:
            table = desk.today.current_list().table
            row = table.currentIndex().row()
            desk.today.refresh()
            count = table.model().rowCount()
            if row >= 0 and count:
                table.selectRow(min(row, count - 1))
        elif desk.current_guest_id() is not None:
            gid = desk.current_guest_id()
            try:
                card = guests.refresh_card(self.store, desk.actor, gid)
            except NotFound:
                desk.card.clear()
                desk.show_today()
                self.window.statusBar().showMessage(
                    self.tr("That guest was erased at another desk."), 10000)
                return
            except FrontdeskError:
                return  # the next change or reconnect tries again
            desk.card.load(card)

    def _connection(self, ok: bool, message: object) -> None:
        central = self.window.centralWidget()
        self.stale = not ok
        if ok:
            self.banner.hide()
            if central is not None:
                central.setEnabled(True)
            self.window.statusBar().showMessage(
                self.tr("Connected to the shared store again; the desk is up to date."), 8000)
            return
        since = QLocale().toString(QDateTime.currentDateTime().time(),
                                   QLocale.FormatType.ShortFormat)
        self.banner_text.setText(self.tr("Not connected since {time}. {message}").format(
            time=since, message=say(message)))
        self.banner.show()
        if central is not None:
            central.setEnabled(False)

