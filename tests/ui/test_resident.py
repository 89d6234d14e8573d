"""A desk waiting in the background (`frontdesk --background`) is shown by `frontdesk` at once,
puts itself away when closed, and answers nobody about another store."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import resident
from app.opening import Store
from app.views import Actor
from tests.conftest import MANAGER_PIN
from tests.resident_helpers import runtime_dir
from tests.ui.desk_helpers import sign_in
from ui import theme
from ui.main import wait_in_background
from ui.main_window import MainWindow
from ui.resident import AlreadyWaiting, ResidentListener

__all__ = ["runtime_dir"]  # a fixture
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints", "does not support raise")


def new_window(qtbot: QtBot, store: Store | None, label: str = "test store") -> MainWindow:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app)
    window = MainWindow(store, store_label=label)
    qtbot.addWidget(window)
    return window


def waiting_window(qtbot: QtBot, store: Store, identity: str) -> tuple[MainWindow, object]:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    window = new_window(qtbot, store)
    listener = wait_in_background(app, window, identity)
    assert listener is not None
    return window, listener


def ask_in_thread(identity: str) -> list[bool]:
    """`frontdesk`'s question, from another thread (the window's event loop must answer)."""
    answers: list[bool] = []
    threading.Thread(target=lambda: answers.append(resident.ask_to_show(identity)),
                     daemon=True).start()
    return answers


def shown_and_signed_in(qtbot: QtBot, window: MainWindow, identity: str) -> None:
    """`frontdesk` asks the waiting desk to show itself, then Eva signs in by keys."""
    answers = ask_in_thread(identity)
    qtbot.waitUntil(lambda: answers == [True], timeout=5000)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    sign_in(qtbot, window, "Eva", MANAGER_PIN)


def test_frontdesk_shows_the_desk_waiting_on_its_store_at_the_pin(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path, runtime_dir: Path) -> None:
    identity = resident.local_identity(data_dir)
    window, listener = waiting_window(qtbot, store, identity)
    try:
        assert window.isHidden() and window.background
        answers = ask_in_thread(identity)
        qtbot.waitUntil(lambda: answers != [], timeout=5000)
        assert answers == [True]
        assert window.isVisible()
        assert window.pages.currentWidget() is window.sign_in_page
        assert window.sign_in_page.names.count() >= 1  # the names were listed while hidden
        qtbot.waitUntil(lambda: QApplication.focusWidget() is window.sign_in_page.pin)
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
        listener.close()  # type: ignore[attr-defined]


def test_a_desk_waiting_on_another_store_stays_hidden_and_says_so(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path, tmp_path: Path,
        runtime_dir: Path) -> None:
    identity = resident.local_identity(data_dir)
    window, listener = waiting_window(qtbot, store, identity)
    try:
        other = resident.local_identity(tmp_path / "another-store")
        assert resident.socket_path(other) != resident.socket_path(identity)
        assert resident.ask_to_show(other) is False  # no socket for that store at all
        # Asked on its own socket about a store it does not have (a hash collision, or a
        # request made by hand): it answers "other" and does not show itself.
        path = resident.socket_path(identity)
        assert path is not None
        answers: list[str] = []

        def ask_wrong() -> None:
            import socket
            with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as conn:
                conn.settimeout(5)
                conn.connect(str(path))
                conn.sendall(f"show {other}\n".encode())
                answers.append(conn.recv(64).decode())
        threading.Thread(target=ask_wrong, daemon=True).start()
        qtbot.waitUntil(lambda: answers != [], timeout=5000)
        assert answers == ["other\n"]
        assert window.isHidden()
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
        listener.close()  # type: ignore[attr-defined]


def test_closing_a_background_desk_signs_out_and_hides_it_with_the_store_open(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path, runtime_dir: Path) -> None:
    identity = resident.local_identity(data_dir)
    window, listener = waiting_window(qtbot, store, identity)
    try:
        shown_and_signed_in(qtbot, window, identity)
        assert window.desk is not None
        window.put_away()
        assert window.isHidden()
        assert window.actor is None and window.desk is None  # nothing of a guest in a widget
        assert window.pages.currentWidget() is window.sign_in_page
        # The store stays open: the next `frontdesk` shows the sign-in page at once.
        answers2 = ask_in_thread(identity)
        qtbot.waitUntil(lambda: answers2 == [True], timeout=5000)
        assert window.isVisible() and window.store is store
        # (The offscreen platform keeps a hidden window as its focus window, so showing it
        # again sends it no activation, which key clicks wait for: typed in directly here.)
        page = window.sign_in_page
        page.names.setCurrentRow(0)
        page.pin.setText(MANAGER_PIN)
        with qtbot.waitSignal(window.signed_in, timeout=5000):
            page.try_sign_in()
        assert window.desk is not None
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
        listener.close()  # type: ignore[attr-defined]


def test_one_desk_waits_per_store_and_a_dead_desks_socket_is_replaced(
        qtbot: QtBot, data_dir: Path, runtime_dir: Path) -> None:
    identity = resident.local_identity(data_dir)
    first = ResidentListener(identity, lambda: None)
    assert first.listen()
    try:
        assert resident.desk_waits(identity)
        path = resident.socket_path(identity)
        assert path is not None and path.stat().st_mode & 0o077 == 0  # this user's only
        with pytest.raises(AlreadyWaiting):
            ResidentListener(identity, lambda: None).listen()
    finally:
        first.close()
    # A socket file left by a desk that was killed: nobody answers, so it is replaced.
    path = resident.socket_path(identity)
    assert path is not None
    import socket
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(path))
    stale.close()
    assert path.exists() and not resident.desk_waits(identity)
    again = ResidentListener(identity, lambda: None)
    try:
        assert again.listen()
        assert resident.desk_waits(identity)
    finally:
        again.close()


def test_desk_menu_open_at_login_writes_and_removes_the_login_entry(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path) -> None:
    from app import autostart

    window = new_window(qtbot, store)
    desk_menu = window.menuBar().actions()[0].menu()
    assert desk_menu is not None and window.login_action in desk_menu.actions()
    desk_menu.aboutToShow.emit()  # what opening the menu does
    assert not window.login_action.isEnabled()  # no command line: a demo, or this test
    window.login_command = autostart.command_line(data_dir=data_dir)
    desk_menu.aboutToShow.emit()
    assert window.login_action.isEnabled() and not window.login_action.isChecked()
    window.login_action.trigger()
    text = autostart.entry_path().read_text(encoding="utf-8")
    assert f"--background --data-dir {data_dir.resolve()}" in text
    assert "opens this store" in window.statusBar().currentMessage()
    desk_menu.aboutToShow.emit()
    assert window.login_action.isChecked()
    window.login_action.trigger()
    assert not autostart.entry_path().exists()
    assert "no longer opens at login" in window.statusBar().currentMessage()


def test_the_listener_needs_no_qtnetwork_which_the_frozen_build_leaves_out() -> None:
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", "import sys, ui.main, ui.resident; "
                               "print('PySide6.QtNetwork' in sys.modules)"],
        capture_output=True, text=True, check=True, timeout=60)
    assert done.stdout.strip() == "False"


def test_a_window_that_refuses_to_close_keeps_the_desk_where_it_is(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path, runtime_dir: Path) -> None:
    """Show guest asks for a PIN before it closes: closing the desk then neither hides it nor
    signs anyone out, so the guest's screen is not left alone on a hidden desk."""
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QWidget

    class AsksFirst(QWidget):
        def closeEvent(self, event: QCloseEvent) -> None:
            event.ignore()

    identity = resident.local_identity(data_dir)
    window, listener = waiting_window(qtbot, store, identity)
    try:
        shown_and_signed_in(qtbot, window, identity)
        other = AsksFirst()
        qtbot.addWidget(other)
        other.show()
        window.put_away()
        assert other.isVisible() and window.isVisible() and window.desk is not None
        other.closeEvent = lambda event: event.accept()  # type: ignore[method-assign]
        window.put_away()
        assert window.isHidden() and window.actor is None
    finally:
        QApplication.setQuitOnLastWindowClosed(True)
        listener.close()  # type: ignore[attr-defined]


def test_a_desk_started_by_hand_on_the_store_that_opens_at_login_keeps_itself_ready(
        qtbot: QtBot, store: Store, manager: Actor, data_dir: Path, runtime_dir: Path) -> None:
    """Open at login means "keep this store's desk ready": a desk started by hand on that
    store answers `frontdesk` and puts itself away on close, as the desk started at login
    does; switched off (Desk ▸ Open at login), closing quits again."""
    from app import autostart
    from ui.main import ReadyKeeper

    window = new_window(qtbot, store)
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    identity = resident.local_identity(data_dir)
    window.login_command = autostart.command_line(data_dir=data_dir)
    keeper = ReadyKeeper(app, window, identity)
    window.keep_ready = keeper.set
    try:
        keeper.follow_login_entry()  # no login entry yet: an ordinary desk
        assert not window.background and keeper.listener is None
        assert not resident.desk_waits(identity)
        autostart.switch_on(autostart.command_line(data_dir=data_dir.parent / "elsewhere"))
        keeper.follow_login_entry()  # the entry opens another store: still ordinary
        assert not window.background and not resident.desk_waits(identity)
        autostart.switch_on(window.login_command)
        keeper.follow_login_entry()  # this store opens at login: this desk keeps ready
        assert window.background and resident.desk_waits(identity)
        assert not QApplication.quitOnLastWindowClosed()
        shown_and_signed_in(qtbot, window, identity)
        assert window.desk is not None
        desk_menu = window.menuBar().actions()[0].menu()
        assert desk_menu is not None
        desk_menu.aboutToShow.emit()
        assert window.login_action.isChecked()
        window.login_action.trigger()  # Open at login switched off: closing quits again
        assert not autostart.entry_path().exists()
        assert not window.background and QApplication.quitOnLastWindowClosed()
        window.login_action.trigger()  # and on again: kept ready again
        assert autostart.opens_at_login(window.login_command)
        assert window.background and not QApplication.quitOnLastWindowClosed()
    finally:
        keeper.close()
        QApplication.setQuitOnLastWindowClosed(True)


@pytest.mark.parametrize("ticked", [True, False])
def test_the_first_manager_chooses_on_the_welcome_page_whether_the_desk_opens_at_login(
        qtbot: QtBot, store: Store, data_dir: Path, ticked: bool) -> None:
    from PySide6.QtCore import Qt

    from app import autostart
    from app import staff as staff_uc
    from tests.ui.desk_helpers import key

    window = new_window(qtbot, None)
    window.login_command = autostart.command_line(data_dir=data_dir)
    window.show()
    qtbot.waitExposed(window)
    window.set_store(store, "test store")
    page = window.first_run
    assert window.pages.currentWidget() is page
    assert page.at_login.isVisible() and page.at_login.isChecked()  # on unless unticked
    if not ticked:
        qtbot.mouseClick(page.at_login, Qt.MouseButton.LeftButton)
        assert not page.at_login.isChecked()
    qtbot.keyClicks(page.name, "Eva Visser")
    qtbot.keyClicks(page.pin, MANAGER_PIN)
    qtbot.keyClicks(page.pin2, MANAGER_PIN)
    with qtbot.waitSignal(window.signed_in):
        key(qtbot, page.pin2, Qt.Key.Key_Return)
    assert not staff_uc.needs_first_manager(store)
    assert autostart.opens_at_login(window.login_command) is ticked
    if ticked:
        assert "opens this store" in window.statusBar().currentMessage()
    box = getattr(page, "recovery_box", None)
    if box is not None:
        box.close()


def test_a_demo_store_offers_no_start_at_login_on_its_welcome_page(
        qtbot: QtBot, store: Store) -> None:
    from app import autostart

    window = new_window(qtbot, None, "demo")
    window.show()
    qtbot.waitExposed(window)
    window.set_store(store, "demo")  # no login command: the demo, thrown away on close
    assert window.pages.currentWidget() is window.first_run
    assert not window.first_run.at_login.isVisible()
    assert not autostart.entry_path().exists()
