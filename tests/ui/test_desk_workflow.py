"""The desk's keyboard workflow (issue #17), driven by key presses on a real window.

The list keeps its place across a card; Space marks arrived on the card; a host at 19:00
lands on Dinner; a party of 0 or 10,000 is refused at the field; Ctrl+Q on the lock
screen asks for a PIN; health labels show on Today and first on the card.
"""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app import clock, consents, guests, labels, visits
from app.domain import Service, Source, VisitKind, VisitStatus
from app.opening import Store
from app.views import Actor
from tests.conftest import HOST_PIN, RECEPTIONIST_PIN
from tests.ui.desk_helpers import (
    Modals,
    add_booking_today,
    add_guest,
    audit_actions,
    key,
    make_window,
    modals,
    sign_in,
)
from ui.desk import DeskPage
from ui.main_window import MainWindow
from ui.models.arrivals_model import HEALTH_ROLE
from ui.today import HealthChips

__all__ = ["modals"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


def desk_of(window: MainWindow) -> DeskPage:
    assert isinstance(window.desk, DeskPage)
    return window.desk


def label_id(store: Store, actor: Actor, key_: str) -> int:
    return next(lb.id for lb in labels.approved_labels(store, actor) if lb.key == key_)


def test_esc_from_a_card_keeps_the_place_so_down_enter_reaches_the_next_guest(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    names = ["Anna Jansen", "Bram Smit", "Chloé Dubois", "Daan Mulder"]
    people = [add_guest(store, receptionist, n) for n in names]
    for i, g in enumerate(people):
        add_booking_today(store, receptionist, g.id, hour=14 + i, place=f"10{i}")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    table = d.today.stays.table
    assert table.hasFocus() and table.current_row() == 0
    key(qtbot, table, Qt.Key.Key_Return)  # Enter: the first guest
    assert window.current_guest_id() == people[0].id
    key(qtbot, d.card.tree, Qt.Key.Key_Escape)
    key(qtbot, table, Qt.Key.Key_Down)
    key(qtbot, table, Qt.Key.Key_Return)  # Enter Esc ↓ Enter: the second guest
    assert window.current_guest_id() == people[1].id
    key(qtbot, d.card.tree, Qt.Key.Key_Escape)
    assert table.hasFocus() and table.current_row() == 1  # the place was kept
    key(qtbot, table, Qt.Key.Key_Down)
    key(qtbot, table, Qt.Key.Key_Return)  # ↓ Enter Esc ↓ Enter: the next one, not row 1
    assert window.current_guest_id() == people[2].id


def test_scroll_position_comes_back_with_the_selection(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    people = [add_guest(store, receptionist, f"Guest Number{i:02d}") for i in range(40)]
    for i, g in enumerate(people):
        add_booking_today(store, receptionist, g.id, hour=8 + i // 4, place=f"{100 + i}")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    table = d.today.stays.table
    for _ in range(30):
        key(qtbot, table, Qt.Key.Key_Down)
    scroll = table.verticalScrollBar().value()
    assert scroll > 0
    key(qtbot, table, Qt.Key.Key_Return)
    key(qtbot, d.card.tree, Qt.Key.Key_Escape)
    assert table.current_row() == 30
    assert table.verticalScrollBar().value() == scroll


def test_space_on_the_card_marks_arrived_and_again_undoes(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    g = add_guest(store, receptionist, "Willem de Boer", "Willem")
    add_booking_today(store, receptionist, g.id, hour=14, place="101")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    key(qtbot, d.today.stays.table, Qt.Key.Key_Return)
    assert window.current_guest_id() == g.id
    key(qtbot, d.card.tree, Qt.Key.Key_Space)
    today = visits.today_list(store, receptionist, dt.date.today(), VisitKind.STAY)
    assert [r.visit.status for r in today] == [VisitStatus.ARRIVED]
    assert "marked as arrived" in window.statusBar().currentMessage()
    assert "Arrived" in d.card.arrived_button.text()
    d.card.visit_table.setFocus()  # the shortcut works wherever the focus is on the card
    key(qtbot, d.card.visit_table, Qt.Key.Key_A)
    today = visits.today_list(store, receptionist, dt.date.today(), VisitKind.STAY)
    assert [r.visit.status for r in today] == [VisitStatus.EXPECTED]
    assert audit_actions(store, "visit.arrived") == ["visit.arrived"]
    key(qtbot, d.card.tree, Qt.Key.Key_Escape)
    assert "expected" in d.today.stays.model.index(0, d.today.stays.model.STATUS).data()


def test_ins_on_the_card_works_wherever_the_focus_is(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    g = add_guest(store, receptionist, "Amara Okafor")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    d.open_guest(g.id)
    d.card.visit_table.setFocus()
    seen: list[str] = []
    modals.then(lambda dialog: (seen.append(dialog.objectName() or type(dialog).__name__),
                                dialog.reject()))  # type: ignore[attr-defined]
    key(qtbot, d.card.visit_table, Qt.Key.Key_Insert)
    qtbot.waitUntil(modals.done)
    assert seen == ["LabelPicker"]


def test_a_host_signing_in_at_seven_pm_lands_on_dinner(
        qtbot: QtBot, store: Store, host: Actor, monkeypatch: pytest.MonkeyPatch) -> None:
    evening = dt.datetime.combine(dt.date.today(), dt.time(19, 0))
    monkeypatch.setattr(clock, "now", lambda: evening)
    g = add_guest(store, host, "Hiroshi Tanaka")
    add_booking_today(store, host, g.id, stay=False, hour=19, place="T4")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Luca Rossi", HOST_PIN)
    today = desk_of(window).today
    assert today.tabs.currentWidget() is today.bookings
    assert today.service.currentData() == Service.DINNER
    assert today.bookings.model.rowCount() == 1
    assert today.bookings.table.hasFocus()


def test_a_receptionist_at_noon_starts_on_hotel_arrivals_and_lunch(
        qtbot: QtBot, store: Store, receptionist: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(clock, "now", lambda: dt.datetime.combine(dt.date.today(),
                                                                  dt.time(12, 0)))
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    today = desk_of(window).today
    assert today.tabs.currentWidget() is today.stays
    assert today.service.currentData() == Service.LUNCH


def test_same_first_names_get_a_surname_initial_and_the_person_is_shown(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    for i, (full, pref) in enumerate((("Hannah de Vries", "Hannah"), ("Hannah Meijer", "Hannah"),
                                      ("Tess Wilson", ""))):
        g = add_guest(store, receptionist, full, pref)
        add_booking_today(store, receptionist, g.id, hour=14 + i, place=f"20{i}")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    model = d.today.stays.model
    assert [model.index(r, model.GUEST).data() for r in range(3)] == [
        "Hannah V.", "Hannah M.", "Tess Wilson"]
    assert window.signed_in_label.isVisible()
    assert window.signed_in_label.text() == "Sam Bakker · receptionist"


def test_today_shows_a_health_chip_and_the_card_pins_health_first(
        qtbot: QtBot, store: Store, receptionist: Actor, host: Actor) -> None:
    g = add_guest(store, host, "Sophie Jansen", "Sophie")
    other = add_guest(store, host, "Bram Smit")
    add_booking_today(store, host, g.id, stay=False, hour=19, place="T3")
    add_booking_today(store, host, other.id, stay=False, hour=19, place="T4")
    consents.record_consent(store, host, g.id)
    labels.assign_label(store, host, g.id, label_id(store, host, "nut-allergy"),
                        Source.GUEST_TOLD)
    labels.assign_label(store, host, g.id, label_id(store, host, "quiet-room"),
                        Source.GUEST_TOLD)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Luca Rossi", HOST_PIN)
    d = desk_of(window)
    d.today.service.setCurrentIndex(d.today.service.findData(Service.DINNER))
    model = d.today.bookings.model
    assert model.index(0, model.HEALTH).data() == "Nut allergy"
    assert model.index(1, model.HEALTH).data() == ""
    key(qtbot, d.today.bookings.table, Qt.Key.Key_Return)
    tree = d.card.tree
    head = tree.topLevelItem(0)
    assert head is not None and head.text(0).startswith("⚕ Health and safety")
    assert [head.child(i).text(0) for i in range(head.childCount())] == ["⚕ Nut allergy"]
    assert all("Nut allergy" not in tree.topLevelItem(i).child(j).text(0)  # type: ignore[union-attr]
               for i in range(1, tree.topLevelItemCount())
               for j in range(tree.topLevelItem(i).childCount()))  # type: ignore[union-attr]
    assert d.card.health_chip.isVisible() and "Nut allergy" in d.card.health_chip.text()


def test_one_health_label_keeps_one_line_in_the_chip_when_the_card_has_room(
        qtbot: QtBot, store: Store, host: Actor) -> None:
    g = add_guest(store, host, "Bernard Bernard")
    add_booking_today(store, host, g.id, stay=False, hour=19, place="T3")
    consents.record_consent(store, host, g.id)
    labels.assign_label(store, host, g.id, label_id(store, host, "coeliac-no-gluten"),
                        Source.GUEST_TOLD)
    window = make_window(qtbot, store)
    window.resize(1366, 768)
    sign_in(qtbot, window, "Luca Rossi", HOST_PIN)
    d = desk_of(window)
    d.today.service.setCurrentIndex(d.today.service.findData(Service.DINNER))
    key(qtbot, d.today.bookings.table, Qt.Key.Key_Return)
    chip = d.card.health_chip
    qtbot.waitUntil(chip.isVisible)
    assert "Coeliac" in chip.text()
    # not "Coeliac – no / gluten" in a narrow box beside an empty stretch
    assert chip.height() == chip.heightForWidth(4000)


def test_long_health_labels_wrap_in_the_chip_and_the_row_grows_instead_of_cutting_them(
        qtbot: QtBot, store: Store, host: Actor) -> None:
    g = add_guest(store, host, "Sophie Jansen", "Sophie")
    other = add_guest(store, host, "Bram Smit")
    add_booking_today(store, host, g.id, stay=False, hour=19, place="T3")
    add_booking_today(store, host, other.id, stay=False, hour=19, place="T4")
    consents.record_consent(store, host, g.id)
    for key_ in ("nut-allergy", "coeliac-no-gluten", "wheelchair-step-free-room",
                 "hard-of-hearing"):
        labels.assign_label(store, host, g.id, label_id(store, host, key_), Source.GUEST_TOLD)
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Luca Rossi", HOST_PIN)
    d = desk_of(window)
    d.today.service.setCurrentIndex(d.today.service.findData(Service.DINNER))
    table, model = d.today.bookings.table, d.today.bookings.model
    names = model.index(0, model.HEALTH).data(HEALTH_ROLE)
    assert len(names) == 4
    delegate = table.itemDelegateForColumn(model.HEALTH)
    assert isinstance(delegate, HealthChips)
    text = delegate.chip_text(names)
    font = QFont(table.font())
    font.setBold(True)
    metrics = QFontMetrics(font)
    cell = table.visualRect(model.index(0, model.HEALTH))
    assert metrics.horizontalAdvance(text) > cell.width()  # one line would not fit
    chip = delegate.chip_rect(font, text, cell)
    inside = chip.adjusted(delegate.PAD, delegate.V_PAD, -delegate.PAD, -delegate.V_PAD)
    needed = metrics.boundingRect(inside, int(Qt.TextFlag.TextWordWrap), text)
    assert needed.height() >= 2 * metrics.lineSpacing()  # wrapped onto more lines …
    assert inside.height() >= needed.height()  # … every one of them inside the chip …
    assert cell.contains(chip)  # … and the chip inside its row: nothing is cut off
    assert table.rowHeight(0) > table.rowHeight(1) == 38  # only that guest's row grew
    tip = model.index(0, model.HEALTH).data(Qt.ItemDataRole.ToolTipRole)
    assert all(name in tip for name in names)


@pytest.mark.parametrize("typed", ["0", "10000"])
def test_a_party_of_zero_or_ten_thousand_gets_a_message_and_is_not_saved(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals, typed: str) -> None:
    g = add_guest(store, receptionist, "Kofi Mensah")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    d.open_guest(g.id)
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        party = dialog.findChild(QLineEdit, "party")
        assert party is not None
        party.setFocus()
        party.selectAll()
        qtbot.keyClicks(party, typed)
        assert party.text() == typed  # typed as it is: nothing clamped
        qtbot.keyClick(party, Qt.Key.Key_Return)  # Save
        seen["visible"] = dialog.isVisible()
        error = dialog.findChild(QLabel, "fieldError")
        seen["errors"] = [e.text() for e in dialog.findChildren(QLabel, "fieldError")
                          if e.isVisible()]
        seen["focus"] = party.hasFocus()
        assert error is not None
        dialog.reject()  # type: ignore[attr-defined]

    modals.then(fill)
    key(qtbot, d.card.tree, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(modals.done)
    assert seen["visible"] is True and seen["focus"] is True
    assert seen["errors"] == [f"Party size must be a whole number from 1 to 500; {typed} was "
                              "given."]
    assert guests.open_card(store, receptionist, g.id).visits == ()


def test_a_booking_in_the_past_is_said_and_recorded_as_what_it_was(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    g = add_guest(store, receptionist, "Kofi Mensah")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    d = desk_of(window)
    d.open_guest(g.id)
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        day = dialog.day  # type: ignore[attr-defined]
        day.setDate(day.date().addYears(-2))
        note = [e.text() for e in dialog.findChildren(QLabel, "fieldError") if e.isVisible()]
        seen["note"] = note
        save = dialog.save_button  # type: ignore[attr-defined]
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # first Save: said, not saved
        seen["still_open"] = dialog.isVisible()
        seen["button"] = save.text()
        qtbot.keyClick(dialog, Qt.Key.Key_Return)  # second Save: recorded as a past visit

    modals.then(fill)
    key(qtbot, d.card.tree, Qt.Key.Key_B, CTRL)
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: len(guests.open_card(store, receptionist, g.id).visits) == 1)
    assert seen["still_open"] is True and "past visit" in str(seen["button"])
    assert "before today" in str(seen["note"])
    (v,) = guests.open_card(store, receptionist, g.id).visits
    assert v.status == VisitStatus.ARRIVED


def test_ctrl_q_on_the_lock_screen_asks_for_a_pin(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    assert window.is_locked()
    seen: dict[str, object] = {}

    def wrong_then_right(dialog: QWidget) -> None:
        pin = dialog.findChild(QLineEdit, "quitPin")
        assert pin is not None
        qtbot.keyClicks(pin, "9999")
        qtbot.keyClick(pin, Qt.Key.Key_Return)
        seen["after_wrong"] = dialog.isVisible()
        seen["error"] = dialog.error.text()  # type: ignore[attr-defined]
        qtbot.keyClicks(pin, RECEPTIONIST_PIN)
        qtbot.keyClick(pin, Qt.Key.Key_Return)

    def cancel(dialog: QWidget) -> None:
        seen["asked_again"] = dialog.objectName()
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    modals.then(cancel)
    key(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(modals.done)
    assert seen["asked_again"] == "quitDialog"
    assert window.isVisible()  # cancelled: still running, still locked
    modals.then(wrong_then_right)
    key(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(modals.done)
    assert seen["after_wrong"] is True and seen["error"] == "Wrong PIN."
    qtbot.waitUntil(lambda: not window.isVisible())


def test_quitting_the_demo_asks_before_the_store_is_thrown_away(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    window = make_window(qtbot, store)
    window.demo = True
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    asked: list[str] = []
    modals.then(lambda box: (asked.append(box.windowTitle()),
                             qtbot.keyClick(box, Qt.Key.Key_Escape)))
    key(qtbot, window, Qt.Key.Key_Q, CTRL)
    qtbot.waitUntil(modals.done)
    assert asked == ["Quit the demo"] and window.isVisible()


def test_the_manager_menu_counts_waiting_proposals(
        qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor) -> None:
    from app import vocabulary
    from app.domain import Category, Sensitivity
    from app.views import Wording

    vocabulary.propose_label(store, receptionist, vocabulary.LabelDraft(
        Category.PREFERENCE, "Prefers sparkling water", Sensitivity.NORMAL, 365,
        (Wording("en", "You like sparkling water.", "So your table is set as you like."),)))
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Eva Visser", "4826")
    qtbot.waitUntil(lambda: window.manager_menu.title() == "&Manager (1)")
    assert window.review_action.text() == "&Review proposals… (1 waiting)"


def test_the_card_looks_the_same_after_lock_and_unlock(
        qtbot: QtBot, store: Store, receptionist: Actor) -> None:
    from ui.models.visits_model import VisitsModel

    g = add_guest(store, receptionist, "Jean-Pierre Thomassen", "Jean-Pierre")
    for i in range(6):  # history with the widest dates: stays across months
        visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime(2025, 1 + 2 * i, 28, 15),
                            ends_on=dt.date(2025, 2 + 2 * i, 2), party_size=2, place="204")
    add_booking_today(store, receptionist, g.id, hour=15, place="204")
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    desk_of(window).open_guest(g.id)

    def layout() -> tuple[list[int], list[int], bool, bool]:
        card = desk_of(window).card
        table = card.visit_table
        qtbot.waitUntil(lambda: table.isVisible())
        QApplication.processEvents()
        status_right = table.columnViewportPosition(VisitsModel.STATUS) + \
            table.columnWidth(VisitsModel.STATUS)
        return (card.split.sizes(), [table.columnWidth(c) for c in range(5)],
                table.horizontalScrollBar().isVisible(),
                status_right <= table.viewport().width())

    before = layout()
    assert before[2] is False and before[3] is True  # no scrollbar; Status in sight
    key(qtbot, window, Qt.Key.Key_L, CTRL)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    assert window.current_guest_id() == g.id
    assert layout() == before


def test_a_300_character_name_is_refused_under_the_field_not_cut(
        qtbot: QtBot, store: Store, receptionist: Actor, modals: Modals) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam Bakker", RECEPTIONIST_PIN)
    long_name = "Anna " + "Maria " * 49  # 299 characters
    seen: dict[str, object] = {}

    def fill(dialog: QWidget) -> None:
        name = dialog.findChild(QLineEdit, "fullName")
        assert name is not None
        name.setFocus()
        name.insert(long_name)  # as pasted
        seen["kept"] = len(name.text())
        qtbot.keyClick(name, Qt.Key.Key_Return)
        seen["open"] = dialog.isVisible()
        seen["errors"] = [e.text() for e in dialog.findChildren(QLabel, "fieldError")
                          if e.isVisible()]
        seen["focus"] = name.hasFocus()
        dialog.reject()  # type: ignore[attr-defined]

    modals.then(fill)
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    qtbot.waitUntil(modals.done)
    assert seen["kept"] == len(long_name)  # nothing cut on the way in
    assert seen["open"] is True and seen["focus"] is True
    assert seen["errors"] == [f"Full name is too long ({len(long_name.strip())} characters, at "
                              "most 200)."]
    assert guests.find_guests(store, receptionist, "Anna") == []
