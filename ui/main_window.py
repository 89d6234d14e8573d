"""The Frontdesk main window: sign-in, the desk, locking, menus and the status bar.

Other windows plug in here: managers' tools with :meth:`MainWindow.add_manager_action`,
the guest-facing view through :meth:`MainWindow.show_guest`. Locking destroys
the desk page (and with it every widget that showed guest text) and leaves only
the sign-in page, so a locked window holds nothing about any guest.

The window is shown before the store opens (ui.main), so this module loads no
storage layer: what needs SQLAlchemy and the app's use cases (the search
service, the change watch, the manager tools) is imported once the store is
open, by when the thread that opened it has loaded those layers.
"""

from __future__ import annotations

import gc
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QWidget,
)

from ui.idle import DEFAULT_IDLE_MS, IdleWatcher
from ui.signin import FirstRunPage, SignInPage

if TYPE_CHECKING:
    from app.opening import Store
    from app.views import Actor
    from ui.change_watch import ChangeWatch
    from ui.search_service import SearchService


class MainWindow(QMainWindow):
    """One window per desk. ``idle_ms`` is injectable so tests can lock in milliseconds."""

    locked = Signal()
    signed_in = Signal(object)  # Actor
    signed_out = Signal()

    def __init__(self, store: Store | None = None, *, idle_ms: int = DEFAULT_IDLE_MS,
                 store_label: str = "", demo: bool = False,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.demo = demo  # a throw-away store: quitting deletes it, so say so first
        self.store_location: object | None = None  # ui.restore_dialog.StoreLocation
        self._quit_confirmed = False
        # Started with `frontdesk --background`: closing the window signs out and hides it,
        # the store stays open and `frontdesk` shows the window again (ui.resident).
        self.background = False
        # `frontdesk --background` on this window's store, for Desk ▸ Open at login (None: a
        # demo store, or a window made without a command line, as in tests)
        self.login_command: list[str] | None = None
        # A desk started by hand: keep it ready when its window closes, or not (follows
        # Desk ▸ Open at login; ui.main.ReadyKeeper). None: started at login, or in tests.
        self.keep_ready: Callable[[bool], None] | None = None
        self.store: Store | None = None
        self.actor: Actor | None = None
        self.desk: object | None = None  # DeskPage while signed in and unlocked
        self._locked_by: Actor | None = None
        self._resume_guest: int | None = None
        self.change_watch: ChangeWatch | None = None  # set with the store (ui.change_watch)
        self.store_label = store_label
        self.setWindowTitle(self.tr("Frontdesk"))
        self.resize(1366, 768)

        self.search: SearchService | None = None  # made with the store (see _store_tools)
        self.retention_timer: QTimer | None = None
        self.idle = IdleWatcher(idle_ms, self)
        self.idle.idle.connect(self.lock)

        self.pages = QStackedWidget()
        self.opening = QLabel(self.tr("Making the demo store: guests, a year of visits, "
                                      "today's arrivals…") if demo
                              else self.tr("Opening the store…"))
        self.opening.setObjectName("emptyState")
        self.opening.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.first_run = FirstRunPage()
        self.sign_in_page = SignInPage()
        for page in (self.opening, self.first_run, self.sign_in_page):
            self.pages.addWidget(page)
        self.setCentralWidget(self.pages)
        self.first_run.created.connect(self._signed_in)
        self.first_run.created.connect(self._after_first_run)
        self.sign_in_page.signed_in.connect(self._signed_in)

        self.store_status = QLabel()
        self.person_status = QLabel()
        self.person_status.setObjectName("person")
        self.statusBar().addPermanentWidget(self.store_status)
        self.statusBar().addPermanentWidget(self.person_status)
        self._build_menus()
        # Who is signed in, always in sight at the top right, with the way to lock beside it.
        corner = QWidget()
        corner_lay = QHBoxLayout(corner)
        corner_lay.setContentsMargins(8, 2, 8, 2)
        self.signed_in_label = QLabel()
        self.signed_in_label.setObjectName("signedIn")
        self.lock_button = QPushButton(self.tr("Lock (Ctrl+L)"))
        self.lock_button.setObjectName("lockButton")
        self.lock_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.lock_button.clicked.connect(self.lock)
        corner_lay.addWidget(self.signed_in_label)
        corner_lay.addWidget(self.lock_button)
        self.menuBar().setCornerWidget(corner, Qt.Corner.TopRightCorner)
        self.person_corner = corner
        self._update_chrome()
        if store is not None:
            self.set_store(store, store_label)

    # -- menus -------------------------------------------------------------------------
    def _action(self, menu: QMenu, text: str, shortcut: str | QKeySequence.StandardKey | None,
                slot: Callable[[], object], *, desk: bool = True) -> QAction:
        act = QAction(text, self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
            act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(lambda _checked=False: slot())
        menu.addAction(act)
        if desk:
            self._desk_actions.append(act)
        return act

    def _build_menus(self) -> None:
        self._desk_actions: list[QAction] = []
        bar = self.menuBar()
        desk = bar.addMenu(self.tr("&Desk"))
        self.search_action = self._action(desk, self.tr("&Search guests"), "Ctrl+F",
                                          self.focus_search)
        self._action(desk, self.tr("&New guest…"), "Ctrl+N", self._new_guest)
        self._action(desk, self.tr("&Today"), "Ctrl+T", self._show_today)
        self._action(desk, self.tr("My &proposals…"), None, self._my_proposals)
        self.import_action = self._action(desk, self.tr("&Import arrivals…"), "Ctrl+I",
                                          self._import_arrivals)
        desk.addSeparator()
        self.lock_action = self._action(desk, self.tr("&Lock"), "Ctrl+L", self.lock)
        self._action(desk, self.tr("Sign &out"), None, self.sign_out)
        desk.addSeparator()
        self.login_action = QAction(self.tr("Open at lo&gin"), self)
        self.login_action.setCheckable(True)
        self.login_action.toggled.connect(self._open_at_login)
        desk.addAction(self.login_action)
        desk.aboutToShow.connect(self._show_login_state)
        self._action(desk, self.tr("&Quit"), "Ctrl+Q", self.request_quit, desk=False)
        guest = bar.addMenu(self.tr("&Guest"))
        self.show_guest_action = self._action(guest, self.tr("S&how guest"), "F9",
                                              self._show_current_guest)
        self._action(guest, self.tr("&Add label…"), "Ctrl+Shift+A",
                     lambda: self._on_card("add_label"))
        self._action(guest, self.tr("&Edit details…"), "Ctrl+E",
                     lambda: self._on_card("edit_guest"))
        self._action(guest, self.tr("New &booking or stay…"), "Ctrl+B",
                     lambda: self._on_card("new_visit"))
        self.manager_menu = bar.addMenu(self.tr("&Manager"))
        self.add_manager_action(self.tr("&Staff…"), None, self._staff)
        self.review_action = self.add_manager_action(
            self.tr("&Review proposals…"), None, self._review_queue)
        self.add_manager_action(self.tr("&Vocabulary…"), None, self._vocabulary)
        self.add_manager_action(self.tr("&Own words…"), None, self._own_words)
        self.add_manager_action(self.tr("&Audit log…"), None, self._audit_log)
        self.add_manager_action(self.tr("&Backup…"), None, self._backup)
        self.add_manager_action(self.tr("Res&tore from a backup…"), None, self._restore)
        self.add_manager_action(self.tr("V&enue settings…"), None, self._venue_settings)
        self.manager_menu.aboutToShow.connect(self.update_waiting_count)
        help_menu = bar.addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&Keyboard shortcuts"), "F1", self._shortcuts,
                     desk=False)

    def add_manager_action(self, text: str, shortcut: str | None,
                           callback: Callable[[], object]) -> QAction:
        """For other windows: a Manager-menu item, shown only while a manager is signed in.

        The callback runs with ``self.store`` and ``self.actor`` set; app/ still
        checks the permission on every use case it calls.
        """
        return self._action(self.manager_menu, text, shortcut, callback)

    def _store_tools(self) -> SearchService:
        """What needs the storage layer, made once, when the first store is set: the search
        service and the manager tools other helpers plug in (Retention…, Merge…)."""
        if self.search is not None:
            return self.search
        from ui.merge_dialog import install_merge  # Merge guest profiles… (search helper)
        from ui.retention_view import install_retention  # Retention… + daily label expiry
        from ui.search_service import SearchService

        self.search = SearchService(self)
        self.retention_timer = install_retention(self)
        install_merge(self)
        return self.search

    def _vocabulary(self) -> None:
        from ui import vocabulary_menu

        vocabulary_menu.open_vocabulary(self)

    def _my_proposals(self) -> None:
        from ui import vocabulary_menu

        vocabulary_menu.open_my_proposals(self)

    def update_waiting_count(self) -> int:
        """The Manager menu says how many proposals wait for review ("Manager (3)")."""
        from app.domain import Role
        from app.errors import FrontdeskError
        from app.waiting import waiting_proposals  # light: not the wording checks

        n = 0
        if self.store is not None and self.actor is not None and self.actor.role == Role.MANAGER:
            try:
                n = waiting_proposals(self.store, self.actor)
            except FrontdeskError:
                n = 0
        self.manager_menu.setTitle(self.tr("&Manager ({n})").format(n=n) if n
                                   else self.tr("&Manager"))
        self.review_action.setText(self.tr("&Review proposals… ({n} waiting)").format(n=n)
                                   if n else self.tr("&Review proposals…"))
        return n

    def _review_queue(self) -> None:
        from ui import vocabulary_menu

        vocabulary_menu.open_review_queue(self)
        self.update_waiting_count()

    def _update_chrome(self) -> None:
        active = self.actor is not None and self.desk is not None
        for act in self._desk_actions:
            act.setEnabled(active)
        manager = False
        if active and self.actor is not None:
            from app.domain import Role

            manager = self.actor.role == Role.MANAGER
        self.manager_menu.menuAction().setVisible(manager)
        self.manager_menu.setEnabled(manager)
        self.store_status.setText(self.tr("Store: {label}").format(label=self.store_label)
                                  if self.store_label else "")
        if active and self.actor is not None:
            from ui import texts

            self.signed_in_label.setText(self.tr("{name} · {role}").format(
                name=texts.isolate(self.actor.name), role=texts.role(self.actor.role)))
        self.person_corner.setVisible(active)
        self.person_corner.adjustSize()
        # The menu bar lays out its corner only when it is set: set it again at its new size.
        self.menuBar().setCornerWidget(self.person_corner, Qt.Corner.TopRightCorner)
        if self.actor is None:
            self.person_status.setText(self.tr("Not signed in"))
        elif self.desk is None:
            self.person_status.setText(self.tr("Locked"))
        else:
            from ui import texts

            self.person_status.setText(self.tr("Signed in: {name} ({role})").format(
                name=self.actor.name, role=texts.role(self.actor.role)))
        title = self.tr("Frontdesk")
        if self.store_label:
            title += f" — {self.store_label}"
        if self.actor is not None and self.desk is None:
            title += self.tr(" — locked")
        self.setWindowTitle(title)

    # -- store, sign-in, lock ----------------------------------------------------------
    def set_store(self, store: Store, label: str = "") -> None:
        """Called once the store is open (it may open after the window is shown)."""
        from app import staff
        from ui.change_watch import ChangeWatch

        self.store = store
        self.store_label = label or self.store_label
        self._store_tools()
        if self.change_watch is not None:
            self.change_watch.stop()
        self.change_watch = ChangeWatch(self, store)  # other desks' changes show here
        if staff.needs_first_manager(store):
            self.first_run.show_at_login(self.login_command is not None)
            self.first_run.load(store)
            self.pages.setCurrentWidget(self.first_run)
        else:
            self.sign_in_page.load(store)
            self.pages.setCurrentWidget(self.sign_in_page)
        self._update_chrome()

    def _signed_in(self, actor: Actor) -> None:
        from ui.desk import DeskPage

        assert self.store is not None
        resume = self._resume_guest if (self._locked_by and self._locked_by.id == actor.id) \
            else None
        self._locked_by = None
        self._resume_guest = None
        self.actor = actor
        search = self._store_tools()
        search.bind(self.store, actor)
        desk = DeskPage(self.store, actor, search)
        desk.status_message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        desk.show_guest_requested.connect(self.show_guest)
        self.desk = desk
        self.pages.addWidget(desk)
        self.pages.setCurrentWidget(desk)
        self._update_chrome()
        # Once the desk is on screen (not before: start-up is measured to the search box):
        # the count of waiting proposals and the card's modules, then the wording checks'
        # dictionaries (seconds of reading, off the GUI thread) so the first proposal screen
        # opens at once.
        QTimer.singleShot(250, self._after_sign_in)
        QTimer.singleShot(3000, self._warm_up)
        if resume is not None:
            desk.open_guest(resume)
        else:
            desk.today.focus_list()
        # Everything loaded so far (Qt wrappers, SQLAlchemy mappers) lives as long as the
        # window: move it out of the cyclic collector's reach, so a full collection later
        # scans only new objects instead of pausing the GUI thread for 50-100 ms.
        gc.freeze()
        self.idle.start()
        self.signed_in.emit(actor)

    def _after_sign_in(self) -> None:
        if self.actor is not None:
            if self.search is not None:   # on its thread: what the first key press reads
                self.search.warm_up()
            self.update_waiting_count()
            # The guest card's modules (and the wording checks they show), left out of the
            # desk's start so the search box is ready sooner: loaded now, before the first
            # guest is opened.
            import ui.guest_card  # noqa: F401

    def _warm_up(self) -> None:
        if self.actor is not None:
            from ui import vocabulary_menu

            vocabulary_menu.warm_up_checks()

    def _drop_desk(self) -> None:
        """Destroy every widget that showed guest data (now, not at the next event loop)."""
        if self.search is not None:
            self.search.bind(None, None)
        self.idle.stop()
        self.statusBar().clearMessage()
        desk = self.desk
        self.desk = None
        if isinstance(desk, QWidget):
            self.pages.removeWidget(desk)
            desk.setParent(None)
            desk.deleteLater()

    def lock(self) -> None:
        """Ctrl+L or idle: hide everything about guests until a PIN is typed."""
        if self.actor is None or self.desk is None or self.store is None:
            return
        self._locked_by = self.actor
        self._resume_guest = self.current_guest_id()
        self._close_other_windows()
        self._drop_desk()
        self.sign_in_page.load(self.store, locked_by=self._locked_by)
        self.pages.setCurrentWidget(self.sign_in_page)
        self._update_chrome()
        self.locked.emit()

    def _close_other_windows(self) -> bool:
        """Close the open dialogs and other windows (Show guest, audit log: they may show guest
        text too); False when one refused (Show guest asks for a PIN first)."""
        windows = {id(w): w for w in self.findChildren(QWidget) if w.isWindow()}
        windows.update({id(w): w for w in QApplication.topLevelWidgets()})
        others = [w for w in windows.values() if w is not self and w.isVisible()]
        for w in others:
            w.close()
        return not any(w.isVisible() for w in others)

    def is_locked(self) -> bool:
        return self.actor is not None and self.desk is None

    def sign_out(self) -> None:
        if self.actor is None:
            return
        self._drop_desk()
        self.actor = None
        self._locked_by = None
        self._resume_guest = None
        if self.store is not None:
            self.sign_in_page.load(self.store)
        self.pages.setCurrentWidget(self.sign_in_page)
        self._update_chrome()
        self.signed_out.emit()

    # -- hooks for other windows -------------------------------------------------------
    def current_guest_id(self) -> int | None:
        """The guest whose card is open, or None (also when locked)."""
        from ui.desk import DeskPage

        return self.desk.current_guest_id() if isinstance(self.desk, DeskPage) else None

    def show_guest(self, guest_id: int) -> None:
        """F9: turn the screen to the guest (imported lazily: not needed until then)."""
        from ui.show_guest import show_guest

        show_guest(self, guest_id)

    # -- desk actions ------------------------------------------------------------------
    def focus_search(self) -> None:
        from ui.desk import DeskPage

        if isinstance(self.desk, DeskPage):
            self.desk.focus_search()

    def _new_guest(self) -> None:
        from ui.desk import DeskPage

        if isinstance(self.desk, DeskPage):
            self.desk.new_guest()

    def _show_today(self) -> None:
        from ui.desk import DeskPage

        if isinstance(self.desk, DeskPage):
            self.desk.search_field.clear()
            self.desk.show_today()

    def _on_card(self, name: str) -> None:
        from ui.desk import DeskPage

        if isinstance(self.desk, DeskPage) and self.desk.current_guest_id() is not None:
            getattr(self.desk, name)()
        else:
            self.statusBar().showMessage(self.tr("Open a guest card first (Ctrl+F)."), 5000)

    def _show_current_guest(self) -> None:
        gid = self.current_guest_id()
        if gid is None:
            self.statusBar().showMessage(self.tr("Open a guest card first (Ctrl+F)."), 5000)
            return
        self.show_guest(gid)

    def _staff(self) -> None:
        from ui.staff_dialog import StaffDialog

        if self.store is not None and self.actor is not None:
            StaffDialog(self.store, self.actor, self).exec()

    def _audit_log(self) -> None:
        from ui.audit_view import open_audit_log

        open_audit_log(self)

    def _backup(self) -> None:
        from ui.backup_dialog import open_backup

        open_backup(self)

    def _own_words(self) -> None:
        from ui.own_words_dialog import OwnWordsDialog  # the venue's own blocked words

        if self.store is None or self.actor is None:
            return
        if OwnWordsDialog(self.store, self.actor, self).exec() == QDialog.DialogCode.Accepted:
            self.statusBar().showMessage(self.tr("Own words saved: new proposals are checked "
                                                 "against them."), 8000)

    def _restore(self) -> None:
        from ui.restore_dialog import restore_from_gui  # the CLI's checks, from the GUI

        restore_from_gui(self)

    def _venue_settings(self) -> None:
        from ui.venue_settings_dialog import open_venue_settings  # show-guest's dialog

        if self.store is not None and self.actor is not None:
            open_venue_settings(self, self.store, self.actor)

    def _import_arrivals(self) -> None:
        from ui.import_wizard import open_import  # CSV exports → preview → one transaction

        open_import(self)

    def _shortcuts(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Keyboard shortcuts"), self.tr(
            "Ctrl+F  search guests (↑↓ choose, Enter opens, Esc clears)\n"
            "Enter  open the highlighted guest\n"
            "Space or A  mark arrived (on Today's list and on the card); again to undo\n"
            "Esc  back from the guest card, to the same place in the list\n"
            "Ins / Del  add / remove a label on the card\n"
            "F9  show the guest everything we keep about them\n"
            "Ctrl+N  new guest · Ctrl+E  edit details · Ctrl+B  new booking or stay\n"
            "Ctrl+I  import arrivals from a CSV export\n"
            "Ctrl+L  lock the desk · Ctrl+Q  quit (a locked desk asks for a PIN)"),
            QMessageBox.StandardButton.Ok, self)
        box.setObjectName("shortcutsHelp")
        box.setStyleSheet("QLabel#qt_msgbox_label { min-width: 720px; }")  # one line a key
        box.exec()

    # -- starting at login ---------------------------------------------------------------
    def _show_login_state(self) -> None:
        """Desk ▸ Open at login, as the login entry is now (another window may have changed it)."""
        from app import autostart

        self.login_action.blockSignals(True)
        self.login_action.setChecked(autostart.is_on())
        self.login_action.blockSignals(False)
        self.login_action.setEnabled(self.login_command is not None)
        self.login_action.setStatusTip(
            self.tr("Open this store when you log in to the computer and wait in the "
                    "background: starting Frontdesk then shows the desk at once.")
            if self.login_command is not None
            else self.tr("Only a desk started on its own store can open at login (not the demo)."))

    def _open_at_login(self, on: bool) -> None:
        from app import autostart

        try:
            if on and self.login_command is not None:
                autostart.switch_on(self.login_command)
                text = self.tr("At the next login Frontdesk opens this store and waits in the "
                               "background; starting Frontdesk then shows the desk at once.")
            else:
                autostart.switch_off()
                text = self.tr("Frontdesk no longer opens at login.")
        except OSError as exc:
            text = self.tr("The login entry could not be changed: {why}").format(
                why=exc.strerror or str(exc))
        else:
            if self.keep_ready is not None:  # closing this window now keeps the desk ready
                self.keep_ready(on and self.login_command is not None)
        self.statusBar().showMessage(text, 15000)
        self._show_login_state()

    def _after_first_run(self, _actor: Actor) -> None:
        """The first manager chose on the welcome page whether the desk opens at login."""
        box = self.first_run.at_login
        wanted = box.isVisibleTo(self.first_run) and box.isChecked()
        if wanted and not self.login_action.isChecked():
            self.login_action.setChecked(True)  # writes the entry, as Desk ▸ Open at login

    # -- quitting ------------------------------------------------------------------------
    def request_quit(self) -> None:
        """Ctrl+Q: a locked desk needs a PIN to quit; the demo says its store goes."""
        if self.may_quit():
            self._quit_confirmed = True
            self.close()

    def may_quit(self) -> bool:
        """Ask what quitting needs: the PIN of whoever locked the desk (or a manager's), and
        for a demo store the word that everything in it will be deleted."""
        if self.is_locked() and self.store is not None and self._locked_by is not None:
            from ui.signin import QuitDialog

            if QuitDialog(self.store, self._locked_by, self).exec() != QDialog.DialogCode.Accepted:
                return False
        if self.demo:
            answer = QMessageBox.question(
                self, self.tr("Quit the demo"),
                self.tr("This is a throw-away demo store: quitting deletes it, with everything "
                        "recorded in it. Quit?"),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                return False
        return True

    def put_away(self) -> None:
        """A desk kept running in the background: sign out (nothing about a guest stays in
        a widget) and hide the window; the store stays open for the next `frontdesk`."""
        if not self._close_other_windows():
            return  # one refused (Show guest asks for a PIN first): stay as we are
        self.sign_out()
        self.hide()
        # Let go of the native window too: showing the desk again makes a new one, which the
        # window manager activates as it does a newly started program (an old window coming
        # back may be refused the focus; the offscreen platform never gives it back).
        self.destroy()

    def closeEvent(self, event: QCloseEvent) -> None:
        # A desk kept in the background puts itself away instead of quitting (Ctrl+Q quits).
        if self.background and not self._quit_confirmed and event.spontaneous():
            event.ignore()
            self.put_away()
            return
        # The window manager's close button asks like Ctrl+Q; a close from code (tests,
        # a store that failed to open) does not.
        if event.spontaneous() and not self._quit_confirmed and not self.may_quit():
            event.ignore()
            return
        if self.change_watch is not None:
            self.change_watch.stop()
        self._drop_desk()
        self.idle.detach()
        if self.search is not None:
            self.search.shutdown()
        super().closeEvent(event)
        if self.background:  # nothing quits a background desk by itself (see run_gui)
            QApplication.quit()
