"""Type-ahead search driven by the keyboard: Ctrl+F, typing, arrows, Enter, Esc."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.opening import Store
from app.views import Actor
from tests.conftest import RECEPTIONIST_PIN
from tests.ui.desk_helpers import add_guest, audit_actions, key, make_window, sign_in, type_text
from ui.desk import DeskPage
from ui.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def desk_window(qtbot: QtBot, store: Store, receptionist: Actor) -> MainWindow:
    add_guest(store, receptionist, "José Müller", "José", email="jm@example.org",
              phone="+31 6 1234 5678")
    add_guest(store, receptionist, "Jos van Dijk", "Jos")
    add_guest(store, receptionist, "Anna Thomassen", "Anna", email="anna.t@example.com",
              pronunciation="TOH-mah-sen")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    return window


def desk(window: MainWindow) -> DeskPage:
    assert isinstance(window.desk, DeskPage)
    return window.desk


def names(window: MainWindow) -> list[str]:
    return [g.full_name for g in desk(window).results.model.rows()]


def wait_for(qtbot: QtBot, window: MainWindow, expected: list[str]) -> None:
    qtbot.waitUntil(lambda: names(window) == expected, timeout=5000)


def test_ctrl_f_then_typing_updates_results_with_each_key(
        qtbot: QtBot, desk_window: MainWindow) -> None:
    d = desk(desk_window)
    d.today.date_edit.setFocus()
    assert QApplication.focusWidget() is not d.search_field
    key(qtbot, desk_window, Qt.Key.Key_F, CTRL)
    assert QApplication.focusWidget() is d.search_field
    qtbot.keyClick(d.search_field, "j")
    wait_for(qtbot, desk_window, ["Jos van Dijk", "José Müller"])
    assert d.stack.currentWidget() is d.results
    qtbot.keyClicks(d.search_field, "ose")
    # Accent-insensitive prefix first; "Jos" is one letter away, so it follows, saying so.
    wait_for(qtbot, desk_window, ["José Müller", "Jos van Dijk"])
    assert d.results.model.data(d.results.model.index(1, d.results.model.WHY)) == \
        "1 letter different"
    assert d.results.model.data(d.results.model.index(0, d.results.model.WHY)) == ""
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    assert d.search_field.text() == ""
    assert names(desk_window) == []
    assert d.stack.currentWidget() is d.today


def test_search_is_case_and_accent_insensitive_across_fields(
        qtbot: QtBot, desk_window: MainWindow) -> None:
    d = desk(desk_window)
    key(qtbot, desk_window, Qt.Key.Key_F, CTRL)
    type_text(d.search_field, "MÜL")  # non-ASCII typed as real key events
    wait_for(qtbot, desk_window, ["José Müller"])
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    qtbot.keyClicks(d.search_field, "anna.t")  # email words
    wait_for(qtbot, desk_window, ["Anna Thomassen"])
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    qtbot.keyClicks(d.search_field, "1234")  # phone
    wait_for(qtbot, desk_window, ["José Müller"])
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    qtbot.keyClicks(d.search_field, "thomas ann")  # any word order, prefixes
    wait_for(qtbot, desk_window, ["Anna Thomassen"])
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    qtbot.keyClicks(d.search_field, "zzqx")
    qtbot.waitUntil(lambda: "No guest matches" in d.results.body.message.text())
    assert d.results.body.currentWidget() is d.results.body.message


def test_arrows_and_enter_open_the_card_and_esc_goes_back(
        qtbot: QtBot, desk_window: MainWindow, store: Store) -> None:
    d = desk(desk_window)
    key(qtbot, desk_window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(d.search_field, "jo")
    wait_for(qtbot, desk_window, ["Jos van Dijk", "José Müller"])
    assert d.results.table.current_row() == 0
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    assert d.results.table.current_row() == 1
    qtbot.keyClick(d.search_field, Qt.Key.Key_Up)
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    assert not audit_actions(store, "guest.opened")
    qtbot.keyClick(d.search_field, Qt.Key.Key_Return)
    assert d.stack.currentWidget() is d.card
    assert d.card.greeting.text() == "José — first visit"
    assert audit_actions(store, "guest.opened") == ["guest.opened"]
    focus = QApplication.focusWidget()
    assert focus is not None
    qtbot.keyClick(focus, Qt.Key.Key_Escape)
    assert d.stack.currentWidget() is d.results
    assert d.card.card is None
    assert QApplication.focusWidget() is d.search_field


def test_stale_answers_never_replace_newer_ones(qtbot: QtBot, desk_window: MainWindow) -> None:
    d = desk(desk_window)
    key(qtbot, desk_window, Qt.Key.Key_F, CTRL)
    for text in ("a", "an", "ann", "anna", "annazzqx"):
        d.search_field.clear()
        qtbot.keyClicks(d.search_field, text)
    qtbot.waitUntil(lambda: "No guest matches" in d.results.body.message.text())
    qtbot.wait(100)  # any late answer for "anna" would arrive now
    assert names(desk_window) == []


def test_once_signed_in_the_search_thread_reads_what_the_first_key_press_would(
        qtbot: QtBot, store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """After sign-in the desk reads today's and the week's arrivals on its search thread
    (``guests.warm_up_search``), as the signed-in person, not on the GUI thread: the first
    key press then runs only its own search (docs/performance.md)."""
    import threading

    from app import guests

    calls: list[tuple[object, object, bool]] = []
    real = guests.warm_up_search

    def warm(store_: Store, actor: Actor, **kw: object) -> None:
        calls.append((store_, actor.id, threading.current_thread() is threading.main_thread()))
        real(store_, actor, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(guests, "warm_up_search", warm)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    qtbot.waitUntil(lambda: bool(calls), timeout=5000)
    assert calls == [(store, receptionist.id, False)]


def test_a_full_list_grows_below_when_staff_go_past_its_last_row(
        qtbot: QtBot, store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A key press lists a screenful (``guests.SEARCH_LIMIT``); Down past the last row of a
    full list asks for ``SEARCH_MORE`` more, keeps the rows shown where they are and
    chooses the first new one; a list that is not full asks for nothing more."""
    from app import guests

    monkeypatch.setattr(guests, "SEARCH_LIMIT", 3)
    monkeypatch.setattr(guests, "SEARCH_MORE", 4)
    asked: list[int] = []
    real = guests.find_guests

    def find(store_: Store, actor: Actor, typed: str, limit: int = 3, **kw: object
             ) -> list[object]:
        asked.append(limit)
        return real(store_, actor, typed, limit, **kw)  # type: ignore[arg-type, return-value]

    monkeypatch.setattr(guests, "find_guests", find)
    for first in ("Anna", "Bram", "Carla", "Dirk", "Eva", "Femke", "Gert", "Hanna"):
        add_guest(store, receptionist, f"{first} Verhoeven", first)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk(window)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(d.search_field, "verhoeven")
    qtbot.waitUntil(lambda: len(names(window)) == 3)
    first_three = names(window)
    assert asked == [3]
    assert d.results.count.text().startswith("First 3 guests shown")
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    assert d.results.table.current_row() == 2 and asked == [3]   # no more asked yet
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)              # past the last row
    qtbot.waitUntil(lambda: len(names(window)) == 7)
    assert asked == [3, 7]
    assert names(window)[:3] == first_three                      # shown rows stay put
    assert d.results.table.current_row() == 3                    # the first new one chosen
    assert len(set(names(window))) == 7
    for _ in range(3):
        qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    assert d.results.table.current_row() == 6
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    qtbot.waitUntil(lambda: len(names(window)) == 8)
    assert asked == [3, 7, 11]
    assert d.results.count.text().startswith("8 guests shown")    # the whole list now
    qtbot.keyClick(d.search_field, Qt.Key.Key_Down)
    qtbot.wait(100)
    assert asked == [3, 7, 11] and len(names(window)) == 8      # nothing more to ask for
    qtbot.keyClick(d.search_field, Qt.Key.Key_Escape)
    qtbot.keyClicks(d.search_field, "verhoeven")                 # a new search: a screenful
    qtbot.waitUntil(lambda: len(names(window)) == 3)
    assert asked[-1] == 3


def test_the_search_thread_shows_the_list_before_it_writes_the_searchs_count(
        qtbot: QtBot, desk_window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first search of a sitting writes the counted-search event (app.audit): the list
    reaches the window first (``guests.find_guests``' ``hand_over``), then the count is
    written on the search thread — while it is written, the list is already shown."""
    import threading

    from app import guests

    shown = threading.Event()
    shown_when_counted: list[bool] = []
    real = guests.note_search

    def counted(store: Store, actor: Actor, results: int) -> bool:
        shown_when_counted.append(shown.wait(5))
        return real(store, actor, results)

    monkeypatch.setattr(guests, "note_search", counted)
    desk_window.search.results.connect(lambda *_: shown.set())
    d = desk(desk_window)
    d.search_field.setFocus()
    qtbot.keyClicks(d.search_field, "anna")
    wait_for(qtbot, desk_window, ["Anna Thomassen"])
    qtbot.waitUntil(lambda: bool(shown_when_counted), timeout=5000)
    assert shown_when_counted[0] is True
    store = desk_window.store
    assert store is not None
    qtbot.waitUntil(lambda: bool(audit_actions(store, "guests.searched")), timeout=5000)
