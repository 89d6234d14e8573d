"""Start the desk GUI: show the window first, then open the store (with Retry on failure).

Imports stay lazy and nothing counts or loads guests at start, so the
window appears quickly even on a store with a million guests. The window and
its sign-in page need only Qt: the storage layer (SQLAlchemy, the models) and
the app's use cases are imported by the thread that opens the store, while the
window paints (``preload_after_open``), and the cyclic garbage collector waits
until the sign-in page is ready (the imports create hundreds of thousands of
objects, none of them garbage; bench/startup.py measures it all).
"""

from __future__ import annotations

import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # loaded by the time it is needed (see preload_storage)
    from collections.abc import Callable

    from app.opening import Store

IDLE_ENV = "FRONTDESK_LOCK_MINUTES"
# bench/startup.py only: sign in with a PIN from the environment, print READY, quit.
BENCH_READY_ENV = "FRONTDESK_BENCH_EXIT_WHEN_READY"
BENCH_STAFF_ENV = "FRONTDESK_BENCH_STAFF"
BENCH_PIN_ENV = "FRONTDESK_BENCH_PIN"


def idle_ms_from_env() -> int:
    """Idle lock time: $FRONTDESK_LOCK_MINUTES (default 5 minutes)."""
    try:
        minutes = float(os.environ.get(IDLE_ENV, "5"))
    except ValueError:
        minutes = 5.0
    return max(1000, int(minutes * 60_000))


def run_gui(store: Store | None, *, demo: bool = False, data_dir: Path | None = None,
            key_source: Any = None, shared: str | None = None,
            prepare: Callable[[Store], None] | None = None,
            background: str | None = None, login_command: list[str] | None = None,
            identity: str | None = None) -> int:
    """The desk window on ``store``, or on the store opened from ``data_dir`` + ``key_source``,
    or on the venue's shared store at address ``shared``. ``prepare`` runs on the opening
    worker after the open (``--demo`` fills its throw-away store there, behind the window).
    ``background`` (the store's ``app.resident`` identity): open the store without showing
    the window and wait for ``frontdesk`` to ask for it (``frontdesk --background``).
    ``login_command`` starts this desk in the background (Desk ▸ Open at login);
    ``identity`` (the store's ``app.resident`` identity) lets a desk started by hand on the
    store that opens at login keep itself ready when its window is closed (ReadyKeeper)."""
    gc.disable()  # until the sign-in page is ready (see startup_done)
    from PySide6.QtCore import QTimer

    quicker_pyside_source_check()  # before the ~500 modules imported after Qt
    from PySide6.QtWidgets import QApplication

    from ui import theme
    from ui.main_window import MainWindow

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    app.setApplicationName("Frontdesk")
    from ui import i18n

    i18n.install_translator(app)  # before any window: $FRONTDESK_LANG, setting, or locale
    _preload_language[:] = [i18n.current_language()]
    theme.apply(app)
    from PySide6.QtCore import QCoreApplication

    label = (QCoreApplication.translate("StoreOpen", "demo (throw-away)") if demo
             else shared.split("?", 1)[0] if shared else (str(data_dir) if data_dir else ""))
    window = MainWindow(store, idle_ms=idle_ms_from_env(), store_label=label, demo=demo)
    i18n.add_language_menu(window)  # Help → Language (applies at the next start)
    window.login_command = login_command
    listener = None
    keeper: ReadyKeeper | None = None
    if background is not None:
        listener = wait_in_background(app, window, background)
        if listener is None:
            return 1
    else:
        show_fitted(window)
        if identity is not None and login_command is not None:
            keeper = ReadyKeeper(app, window, identity)
            window.keep_ready = keeper.set
            QTimer.singleShot(0, keeper.follow_login_entry)  # after the window shows
    if os.environ.get(BENCH_READY_ENV) == "1" and background is None:  # painted at the
        QTimer.singleShot(0, lambda: print(f"WINDOW {time.time():.6f}", flush=True))  # next turn
    from app.crash import install as install_crash_hook

    # Unhandled errors: a scrubbed report (no guest data) and a plain sentence in a dialog.
    install_crash_hook(lambda text: _show_crash(window, text))
    opened: list[Store] = []
    runners: list[Any] = []

    def daily_backup(store: Store) -> None:
        """The daily backup, if switched on and due (off the GUI thread), a moment after the
        desk is up (its module is not needed to get to the first search), then hourly."""
        from ui.backup_dialog import DailyBackups

        daily = DailyBackups(store, parent=window)
        daily.report.connect(lambda text: window.statusBar().showMessage(text, 15000))
        runners.append(daily)
        daily.start(first_in_ms=0)
    if store is None:
        if shared is None and (data_dir is None or key_source is None):
            raise ValueError("run_gui needs a store, a data_dir and a key_source, or shared")

        def open_later() -> None:
            open_in_background(window, data_dir or Path(), key_source, shared=shared,
                               done=opened_now, prepare=prepare)

        def opened_now(got: Store | None) -> None:
            startup_done()
            if got is None:
                window.close()
                return
            opened.append(got)
            if shared is None and data_dir is not None and not demo:  # restorable
                window.store_location = StoreLocation(data_dir, key_source)
            window.set_store(got, label)
            # While the person picks a name and types a PIN, the GUI thread (idle) loads the
            # desk's own modules, so the desk follows the PIN at once (a no-op once loaded).
            QTimer.singleShot(0, preload_desk_ui)
            QTimer.singleShot(1500, lambda: daily_backup(got))
            if os.environ.get(BENCH_READY_ENV) == "1":
                if background is None:
                    bench_sign_in_and_exit(window)
                else:  # bench/startup.py: waiting, hidden, on the sign-in page
                    print(f"WAITING {time.time():.6f}", flush=True)

        QTimer.singleShot(0, open_later)
        QTimer.singleShot(STARTUP_GC_MS, startup_done)  # e.g. a failed open waiting for Retry
    else:
        startup_done()
    try:
        return app.exec()
    finally:
        if listener is not None:
            listener.close()
        if keeper is not None:
            keeper.close()
        startup_done()
        for daily in runners:
            daily.stop()  # never close the store under a running backup
        for s in opened:
            s.close()
        if window.store is not None and window.store not in opened:
            window.store.close()  # the store a restore put in place


def wait_in_background(app: Any, window: Any, identity: str) -> Any:
    """Keep the desk running hidden and listen for ``frontdesk`` (ui.resident); None when it
    cannot: another desk already waits on this store, or there is no private folder for
    the socket (``app.cli`` says so before the GUI starts; here only a race is left)."""
    from PySide6.QtCore import QTimer

    from ui.resident import AlreadyWaiting, ResidentListener

    def bring_back() -> None:
        if window.isHidden() or window.isMinimized():
            show_fitted(window)
            if os.environ.get(BENCH_READY_ENV) == "1":  # painted at the next turn
                QTimer.singleShot(0, lambda: print(f"WINDOW {time.time():.6f}", flush=True))
        window.raise_()
        window.activateWindow()
        if window.desk is None:  # the sign-in page (names listed once the store is open)
            window.sign_in_page.pin.setFocus()
        if os.environ.get(BENCH_READY_ENV) == "1" and window.store is not None:
            QTimer.singleShot(0, lambda: bench_sign_in_and_exit(window, finish=window.put_away))

    import logging

    listener = ResidentListener(identity, bring_back, window)
    try:  # the launcher checked both before (app.cli, with a message): only a race is left
        listening = listener.listen()
    except AlreadyWaiting:
        listening = False
    if not listening:
        logging.getLogger("frontdesk.resident").warning("not waiting in the background: "
                                                        "the socket is taken or missing")
        return None
    window.background = True
    app.setQuitOnLastWindowClosed(False)  # hidden is not closed: only Ctrl+Q quits
    return listener


class ReadyKeeper:
    """A desk started by hand on the store that opens at login keeps itself ready too.

    The login entry (Desk ▸ Open at login) says "keep this store's desk ready": the
    desk started at login waits in the background, and a desk started by hand on that
    same store — before the next login, or after Ctrl+Q — answers ``frontdesk`` like it
    and, when its window is closed, signs out and waits instead of quitting. So
    only the first start after switching it on, or after quitting, pays the whole
    start-up. On any other store, or with the entry switched off, closing quits.
    """

    def __init__(self, app: Any, window: Any, identity: str) -> None:
        self.app = app
        self.window = window
        self.identity = identity
        self.listener: Any = None

    def follow_login_entry(self) -> None:
        from app import autostart

        if autostart.opens_at_login(self.window.login_command):
            self.set(True)

    def set(self, on: bool) -> None:
        """Keep ready (listen, and put the desk away on close) or not (close quits)."""
        if on and self.listener is None:
            # Another desk already waiting on this store (started at login after this
            # one was started) keeps that job: this one quits on close as before.
            self.listener = wait_in_background(self.app, self.window, self.identity)
        self.window.background = on and self.listener is not None
        self.app.setQuitOnLastWindowClosed(not self.window.background)

    def close(self) -> None:
        if self.listener is not None:
            self.listener.close()
            self.listener = None


STARTUP_GC_MS = 30_000
# What the sign-in page and the desk import from app/ (and with it storage/ and SQLAlchemy),
# loaded on the thread that opened the store rather than on the GUI thread: no Qt in them.
PRELOAD = ("app.staff", "app.guests", "app.changes", "app.merge", "app.retention",
           "app.erasure", "app.visits", "app.labels", "app.waiting", "app.localdates",
           "app.desk_rules", "app.consents", "app.snapshots")


def quicker_pyside_source_check() -> None:
    """Answer PySide's question about each newly imported module without ``inspect``.

    PySide6 asks, for every module imported after it, whether its source mentions
    "PySide6" (its ``__feature__`` switches apply only to such modules), reading the
    source with ``inspect.getsource``, which also keeps every line in ``linecache``. For
    the ~500 modules the desk imports after Qt (SQLAlchemy's, the app's, mostly on the
    thread opening the store) that was 0.10-0.17 s of each start at load 4-6. The same
    question on the file's bytes takes 0.03-0.04 s. Anything but a readable ``.py`` file
    goes to PySide's own check, and nothing is changed if PySide's internals are not what
    this expects (``shibokensupport.feature._mod_uses_pyside``, PySide6 6.5 and later).
    """
    feature = sys.modules.get("shibokensupport.feature")
    upstream = getattr(feature, "_mod_uses_pyside", None)
    if upstream is None or hasattr(upstream, "__wrapped__"):
        return

    def mod_uses_pyside(module: Any) -> bool:
        path = getattr(module, "__file__", None)
        if not isinstance(path, str) or not path.endswith(".py"):
            return bool(upstream(module))
        try:
            with open(path, "rb") as source:
                return b"PySide6" in source.read()
        except OSError:
            return bool(upstream(module))

    mod_uses_pyside.__wrapped__ = upstream  # type: ignore[attr-defined]
    feature._mod_uses_pyside = mod_uses_pyside  # type: ignore[union-attr]


# Young objects are collected once this many more were made than freed (CPython's default
# is 700). A key press leaves a few hundred tracked objects behind (kept rows, remembered
# name comparisons), so at 700 one key press in five paid a young collection (~0.3 ms) and
# one in fifty a middle one; at 10,000 one in seventy pays a larger one, and the collector's
# time over the search bench's 3,110 key presses fell by half (docs/performance.md, search
# helper, 2026-11-28 evening). 25,000 gave no more.
YOUNG_COLLECTION_AFTER = 10_000


def startup_done() -> None:
    """The start-up's imports are done: keep what they made out of the collector's scans
    (gc.freeze), collect young objects less often (:data:`YOUNG_COLLECTION_AFTER`) and let
    the collector run again. Idempotent."""
    if not gc.isenabled():
        gc.freeze()
        gc.set_threshold(YOUNG_COLLECTION_AFTER, *gc.get_threshold()[1:])
        gc.enable()


_preload_language: list[str] = []  # the interface language, for the dates Today shows


def preload_after_open() -> None:
    """Load what the sign-in and the desk need, on the worker that opened the store (pure
    Python, no Qt), while the GUI thread paints and answers the keyboard: the app layers
    and the CLDR data of Today's date line (Babel reads its locale files on first use)."""
    import datetime as dt
    import importlib

    for name in PRELOAD:
        try:
            importlib.import_module(name)
        except ImportError:  # a module renamed by another change: the desk imports it anyway
            continue
    import platformdirs  # noqa: F401  (the audit anchor's folder)

    # No keyring here: a store keyed from the keyring has chosen its backend while opening
    # (storage.keys), a shared store while reading its password, and a passphrase store
    # keeps nothing there (its audit anchor is a file).
    from app import localdates

    for language in _preload_language:
        localdates.long_date(dt.date.today(), language)
        localdates.short_date(dt.date.today(), language)


def preload_desk_ui() -> None:
    """Import the desk page's modules (Qt widgets: on the GUI thread, which is idle while a
    PIN is typed)."""
    import ui.desk  # noqa: F401


@dataclass(frozen=True)
class StoreLocation:
    """Where the window's local store lives and how it is keyed (ui.restore_dialog puts a
    backup there; a demo or shared store has none and is not restored from the GUI)."""

    data_dir: Path
    key_source: Any


def show_fitted(window: Any) -> None:
    """Show the main window inside the screen's available area: maximised on a laptop-sized
    screen (1366×768 leaves no room for a frame around a 1366×768 window), else 1366×768."""
    screen = window.screen()
    avail = screen.availableGeometry() if screen is not None else None
    if avail is not None and (avail.width() <= 1440 or avail.height() <= 900):
        window.showMaximized()
        return
    window.resize(1366, 768)
    window.show()


def _show_crash(parent: Any, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    from ui.i18n import say

    QMessageBox.critical(parent, "Frontdesk", say(text))


def _open_once(data_dir: Path, key_source: Any, shared: str | None) -> Store:
    from app.opening import open_store

    if shared is not None:
        from app.shared_store import open_shared_store

        store: Store = open_shared_store(shared)
    else:
        store = open_store(data_dir, key_source)
    try:
        preload_after_open()
    except Exception:  # only a head start: the desk imports what it needs anyway
        import logging

        logging.getLogger("frontdesk.start").warning("preloading after the open failed",
                                                     exc_info=True)
    return store


def open_in_background(parent: Any, data_dir: Path, key_source: Any, *,
                       shared: str | None, done: Callable[[Store | None], None],
                       prepare: Callable[[Store], None] | None = None) -> None:
    """Open the store on a worker thread, so the window keeps painting meanwhile (a shared
    store's server may take seconds to answer, or not answer at all until its connect
    timeout; a local store's key derivation takes about a second). A failure is shown
    here, on the GUI thread, with Retry / Quit; ``done`` gets the store, or None for Quit.
    (The desk's only way to open a store: tests use it through desk_helpers.open_as_the_desk.)
    """
    from PySide6.QtCore import QThreadPool, QTimer

    from app.errors import FrontdeskError

    signals = _open_signals()

    def finished(outcome: object) -> None:
        signals.finished.disconnect(finished)
        if not isinstance(outcome, BaseException):
            done(outcome)  # type: ignore[arg-type]
            return
        if not isinstance(outcome, FrontdeskError):
            raise outcome   # the crash hook reports it, as an error here would be
        # The message (a modal loop) is shown once this slot has returned.
        QTimer.singleShot(0, lambda: failed(outcome))

    def failed(exc: Exception) -> None:
        again, got = after_failed_open(parent, exc, data_dir, key_source, shared)
        if again:
            open_in_background(parent, data_dir, key_source, shared=shared, done=done,
                               prepare=prepare)
        else:
            done(got)

    signals.finished.connect(finished)

    def run() -> None:
        outcome: object
        try:
            outcome = _open_once(data_dir, key_source, shared)
            if prepare is not None:
                prepare(outcome)
        except BaseException as exc:   # handed to the GUI thread, never lost on the pool
            outcome = exc
        signals.finished.emit(outcome)

    QThreadPool.globalInstance().start(run)


_signals_class: Any = None


def _open_signals() -> Any:
    """A QObject whose signal carries the worker's outcome to the GUI thread (its class
    made once, on first use: ui.main imports no Qt at module level)."""
    global _signals_class
    from PySide6.QtCore import QObject, Signal

    if _signals_class is None:
        class OpenSignals(QObject):
            finished = Signal(object)

        _signals_class = OpenSignals
    return _signals_class()


def after_failed_open(parent: Any, exc: Exception, data_dir: Path, key_source: Any,
                      shared: str | None) -> tuple[bool, Store | None]:
    """The message for a failed open, with Retry / Quit (or the keyring's own choices).

    Returns (retry, store): (True, None) to try again, (False, store) when the recovery
    passphrase opened it, (False, None) to quit.
    """
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    from app.errors import KeyringLockedError, KeyringUnavailableError
    from app.opening import store_exists
    from ui.i18n import say
    from ui.keyring_trouble import is_keyring_trouble

    def tr(text: str) -> str:
        return QCoreApplication.translate("StoreOpen", text)

    # A store that does not exist yet has no recovery passphrase: for it the plain
    # message (install a keyring, or use --passphrase-file) is the whole answer.
    if (shared is None and is_keyring_trouble(exc)
            and getattr(key_source, "kind", "") == "keyring"
            and store_exists(data_dir)):
        return keyring_trouble(parent, data_dir, exc)
    keyring = isinstance(exc, KeyringLockedError | KeyringUnavailableError)
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning if keyring else QMessageBox.Icon.Critical)
    box.setWindowTitle(tr("The store did not open"))
    box.setText(tr("Frontdesk could not open its store."))
    box.setInformativeText(say(exc))
    box.setStyleSheet("QLabel#qt_msgbox_informativelabel { min-width: 460px; }")
    retry = box.addButton(tr("&Retry"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(tr("&Quit"), QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(retry)
    box.exec()
    return box.clickedButton() is retry, None


def keyring_trouble(parent: Any, data_dir: Path, error: Exception
                    ) -> tuple[bool, Store | None]:
    """Keyring locked or missing: Retry, the recovery passphrase, or Quit (never a fallback).

    Returns (retry, store): (True, None) to try the keyring again, (False, store)
    when the recovery passphrase opened it, (False, None) to quit.
    """
    from app.errors import FrontdeskError
    from app.recovery import open_with_recovery
    from ui.keyring_trouble import ChoiceKind, ask_keyring_trouble

    while True:
        choice = ask_keyring_trouble(error, parent)
        if choice.kind is ChoiceKind.QUIT:
            return False, None
        if choice.kind is ChoiceKind.RETRY:
            return True, None
        try:
            return False, open_with_recovery(data_dir, choice.passphrase).store
        except FrontdeskError as again:
            error = again


def bench_sign_in_and_exit(window: Any, finish: Callable[[], None] | None = None) -> None:
    """Cold-start benchmark hook (bench/startup.py), only with $FRONTDESK_BENCH_EXIT_WHEN_READY=1.

    Signs in through the sign-in page exactly as a person would (name chosen,
    PIN typed, ``app.staff.sign_in`` checks it and audits it); nothing is
    skipped. Once the desk is up and the search box is enabled and has focus,
    prints ``READY <epoch seconds>`` and quits, or calls ``finish`` (a background desk
    puts itself away, ready for the next run).
    """

    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    page = window.sign_in_page
    # The sign-in page is up (store open, names listed, PIN field focused): what a person
    # sees before typing; the scrypt PIN check and the desk come after.
    print(f"SIGNIN {time.time():.6f}", flush=True)
    for row in range(page.names.count()):
        if page.names.item(row).text().startswith(os.environ.get(BENCH_STAFF_ENV, "\0")):
            page.names.setCurrentRow(row)
    page.pin.setText(os.environ.get(BENCH_PIN_ENV, ""))
    page.try_sign_in()
    tries = [0]

    def ready() -> None:
        window.focus_search()
        field = getattr(window.desk, "search_field", None)
        if field is None or not field.isEnabled() or not field.isVisible():
            print(f"NOT READY: {page.error.text() or 'no search box'}", flush=True)
            window.close()
            return
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        if QApplication.focusWidget() is not field and tries[0] < 1000:
            tries[0] += 1
            QTimer.singleShot(1, ready)  # focus arrives once the window is active
            return
        if QApplication.focusWidget() is not field:
            print("NOT READY: the search box never got the focus", flush=True)
            window.close()
            return
        print(f"READY {time.time():.6f}", flush=True)
        if finish is not None:  # a background desk puts itself away for the next run
            finish()
            return
        window.close()  # stops the search thread; the last window closing quits

    QTimer.singleShot(0, ready)
