"""The guest card by keyboard: label picker (and consent), proposal, removal, guest and visit."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QWidget
from pytestqt.qtbot import QtBot

from app import guests, labels
from app.domain import LabelStatus, RemovalReason, Source, VisitKind
from app.opening import Store
from app.views import Actor, GuestInfo
from storage import queries
from tests.conftest import RECEPTIONIST_PIN
from tests.ui.desk_helpers import (
    Modals,
    add_guest,
    audit_actions,
    key,
    make_window,
    modals,
    sign_in,
    type_text,
)
from ui.desk import DeskPage
from ui.main_window import MainWindow

__all__ = ["modals"]
pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def guest(store: Store, receptionist: Actor) -> GuestInfo:
    return add_guest(store, receptionist, "Ingrid Thomassen", "Ingrid", language="nl",
                     pronunciation="ING-grid")


@pytest.fixture
def window(qtbot: QtBot, store: Store, guest: GuestInfo) -> MainWindow:
    w = make_window(qtbot, store)
    sign_in(qtbot, w, "Sam Bakker", RECEPTIONIST_PIN)
    return w


def desk(window: MainWindow) -> DeskPage:
    assert isinstance(window.desk, DeskPage)
    return window.desk


def open_card(qtbot: QtBot, window: MainWindow, typed: str) -> DeskPage:
    d = desk(window)
    key(qtbot, window, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(d.search_field, typed)
    qtbot.waitUntil(lambda: d.results.model.rowCount() >= 1, timeout=5000)
    key(qtbot, d.search_field, Qt.Key.Key_Return)
    assert d.stack.currentWidget() is d.card
    return d


def active_labels(store: Store, actor: Actor, guest_id: int) -> list[tuple[str, Source]]:
    card = guests.refresh_card(store, actor, guest_id)  # not audited: keeps the counts clean
    return [(a.label.staff_wording, a.source) for a in card.assignments]


def child(dialog: QWidget, name: str) -> QWidget:
    w = dialog.findChild(QWidget, name)
    assert w is not None, name
    return w


def test_add_a_label_through_the_picker(qtbot: QtBot, window: MainWindow, store: Store,
                                        guest: GuestInfo, receptionist: Actor,
                                        modals: Modals) -> None:
    d = open_card(qtbot, window, "ingrid")
    seen: dict[str, str] = {}

    def pick(dialog: QWidget) -> None:
        field = child(dialog, "labelFilter")
        assert isinstance(field, QLineEdit)
        assert not any(isinstance(w, QLineEdit) and w is not field
                       for w in dialog.findChildren(QLineEdit))  # no free-text field
        qtbot.keyClicks(field, "first name")
        seen["guest"] = dialog.guest_wording.text()  # type: ignore[attr-defined]
        qtbot.keyClick(dialog, Qt.Key.Key_O, ALT)  # "We &observed it"
        observed = child(dialog, "sourceObserved")
        qtbot.waitUntil(observed.isChecked)  # type: ignore[attr-defined]  # animated click
        qtbot.keyClick(field, Qt.Key.Key_Return)

    modals.then(pick)
    key(qtbot, d.card.tree, Qt.Key.Key_Insert)
    assert modals.done()
    assert seen["guest"] == "“U wordt liever bij uw voornaam aangesproken.”"  # guest's language
    assert active_labels(store, receptionist, guest.id) == [
        ("Prefers to be addressed by first name", Source.STAFF_OBSERVED)]
    assert audit_actions(store, "label.assigned") == ["label.assigned"]
    assert audit_actions(store, "guest.opened") == ["guest.opened"]  # one look, not two
    item = d.card.tree.currentItem()
    assert item is not None and item.text(0) == "Prefers to be addressed by first name"
    assert "Guest sees:" in item.toolTip(0) and "Purpose:" in item.toolTip(0)
    assert "Added by Sam (receptionist)" in d.card.detail.text()


def pick_nut_allergy(qtbot: QtBot) -> object:
    def pick(dialog: QWidget) -> None:
        field = child(dialog, "labelFilter")
        qtbot.keyClicks(field, "nut allergy")
        assert dialog.special.isVisible()  # type: ignore[attr-defined]
        qtbot.keyClick(field, Qt.Key.Key_Return)
    return pick


def test_special_label_without_consent_leads_to_recording_consent(
        qtbot: QtBot, window: MainWindow, store: Store, guest: GuestInfo,
        receptionist: Actor, modals: Modals) -> None:
    d = open_card(qtbot, window, "ingrid")
    modals.then(pick_nut_allergy(qtbot)).then(
        lambda box: qtbot.keyClick(box, Qt.Key.Key_G, ALT))  # "&Guest agrees"
    key(qtbot, d.card.tree, Qt.Key.Key_Insert)
    assert modals.done()
    card = guests.open_card(store, receptionist, guest.id)
    assert [a.label.staff_wording for a in card.assignments] == ["Nut allergy"]
    assert card.assignments[0].consent_id == card.consents[0].id
    assert audit_actions(store, "consent.given") == ["consent.given"]
    item = d.card.tree.currentItem()
    assert item is not None and item.text(0) == "⚕ Nut allergy"
    assert item.text(2).startswith("the guest told us · consent given")
    assert not d.card.consent_button.isEnabled() and d.card.withdraw_button.isEnabled()


def test_special_label_stops_when_the_guest_does_not_agree(
        qtbot: QtBot, window: MainWindow, store: Store, guest: GuestInfo,
        receptionist: Actor, modals: Modals) -> None:
    d = open_card(qtbot, window, "ingrid")
    modals.then(pick_nut_allergy(qtbot)).then(
        lambda box: qtbot.keyClick(box, Qt.Key.Key_L, ALT))  # "&Leave it off"
    key(qtbot, d.card.tree, Qt.Key.Key_Insert)
    assert modals.done()
    assert active_labels(store, receptionist, guest.id) == []
    assert not audit_actions(store, "consent")


def test_propose_a_new_label_from_the_picker(
        qtbot: QtBot, window: MainWindow, store: Store, guest: GuestInfo,
        receptionist: Actor, manager: Actor, modals: Modals) -> None:
    d = open_card(qtbot, window, "ingrid")

    def fill(form: QWidget) -> None:
        qtbot.keyClicks(child(form, "proposalStaff"), "Likes a window seat")
        qtbot.keyClicks(child(form, "proposalGuestEn"), "You like a seat by the window.")
        qtbot.keyClicks(child(form, "proposalPurposeEn"), "So we can seat you where you like.")
        qtbot.keyClick(child(form, "proposalPurposeEn"), Qt.Key.Key_Return)

    modals.then(lambda picker: qtbot.keyClick(picker, Qt.Key.Key_P, ALT)) \
        .then(fill).then(lambda box: qtbot.keyClick(box, Qt.Key.Key_Return))
    key(qtbot, d.card.tree, Qt.Key.Key_Insert)
    assert modals.done()
    with store.read() as s:
        proposed = [lb.staff_wording for lb in queries.labels_with_status(
            s, LabelStatus.PROPOSED)]
    assert "Likes a window seat" in proposed
    assert active_labels(store, receptionist, guest.id) == []  # not labelled until approved
    assert audit_actions(store, "label.proposed")


def test_remove_a_label_asks_for_a_reason(
        qtbot: QtBot, window: MainWindow, store: Store, guest: GuestInfo,
        receptionist: Actor, modals: Modals) -> None:
    first = next(lb for lb in labels.approved_labels(store, receptionist)
                 if lb.staff_wording == "Prefers to be addressed by first name")
    labels.assign_label(store, receptionist, guest.id, first.id, Source.GUEST_TOLD)
    d = open_card(qtbot, window, "ingrid")
    assert d.card.current_assignment() is not None

    def cancel(dialog: QWidget) -> None:
        assert not child(dialog, "confirmRemove").isEnabled()  # no reason yet
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)

    modals.then(cancel)
    key(qtbot, d.card.tree, Qt.Key.Key_Delete)
    assert len(active_labels(store, receptionist, guest.id)) == 1

    def reason(dialog: QWidget) -> None:
        qtbot.keyClick(dialog, Qt.Key.Key_2, ALT)  # "&2  It is no longer true"
        qtbot.waitUntil(child(dialog, "confirmRemove").isEnabled)
        qtbot.keyClick(dialog, Qt.Key.Key_Return)

    modals.then(reason)
    key(qtbot, d.card.tree, Qt.Key.Key_Delete)
    assert active_labels(store, receptionist, guest.id) == []
    card = guests.open_card(store, receptionist, guest.id)
    assert card.removed[0].removal_reason == RemovalReason.NO_LONGER_TRUE
    assert audit_actions(store, "label.removed") == ["label.removed"]


def test_create_and_edit_a_guest(qtbot: QtBot, window: MainWindow, store: Store,
                                 receptionist: Actor, modals: Modals) -> None:
    d = desk(window)

    def create(form: QWidget) -> None:
        assert not any(w.objectName() in ("notes", "comment") for w in
                       form.findChildren(QWidget))
        type_text(child(form, "fullName"), "Søren Kierkegård")
        type_text(child(form, "preferredName"), "Søren")
        qtbot.keyClicks(child(form, "pronunciation"), "SUR-en")
        qtbot.keyClicks(child(form, "email"), "soren@example.dk")
        qtbot.keyClick(child(form, "email"), Qt.Key.Key_Return)

    before = len(audit_actions(store, "guest.created"))
    modals.then(create)
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    assert modals.done()
    assert d.stack.currentWidget() is d.card
    assert d.card.greeting.text() == "Søren (say SUR-en) — first visit"
    assert len(audit_actions(store, "guest.created")) == before + 1

    def edit(form: QWidget) -> None:
        field = child(form, "preferredName")
        assert isinstance(field, QLineEdit)
        field.selectAll()
        qtbot.keyClick(field, Qt.Key.Key_Backspace)
        qtbot.keyClicks(field, "Sor")
        qtbot.keyClick(field, Qt.Key.Key_Return)

    modals.then(edit)
    key(qtbot, window, Qt.Key.Key_E, CTRL)
    assert modals.done()
    assert d.card.greeting.text() == "Sor (say SUR-en) — first visit"
    assert audit_actions(store, "guest.updated") == ["guest.updated"]


def test_invalid_guest_details_keep_the_form_open(qtbot: QtBot, window: MainWindow,
                                                  store: Store, modals: Modals) -> None:
    messages: list[str] = []

    def create(form: QWidget) -> None:
        qtbot.keyClicks(child(form, "fullName"), "Nobody")
        qtbot.keyClicks(child(form, "email"), "not-an-email")
        qtbot.keyClick(child(form, "email"), Qt.Key.Key_Return)
        # The message stands under the field it is about (ui/field_errors.py).
        messages.extend(label.text() for label in form.findChildren(QLabel, "fieldError")
                        if label.isVisible())
        assert form.isVisible()
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    before = len(audit_actions(store, "guest.created"))
    modals.then(create)
    key(qtbot, window, Qt.Key.Key_N, CTRL)
    assert messages == ["“not-an-email” does not look like an email address."]
    assert len(audit_actions(store, "guest.created")) == before


def test_create_a_booking_for_the_guest(qtbot: QtBot, window: MainWindow, store: Store,
                                        guest: GuestInfo, receptionist: Actor,
                                        modals: Modals) -> None:
    d = open_card(qtbot, window, "ingrid")

    def book(form: QWidget) -> None:
        qtbot.keyClicks(child(form, "place"), "T9")
        qtbot.keyClick(child(form, "place"), Qt.Key.Key_Return)

    modals.then(book)
    key(qtbot, window, Qt.Key.Key_B, CTRL)
    assert modals.done()
    card = guests.open_card(store, receptionist, guest.id)
    assert [(v.kind, v.place, v.party_size) for v in card.visits] == [
        (VisitKind.BOOKING, "T9", 2)]
    assert d.card.visits.rowCount() == 1
    assert audit_actions(store, "visit.recorded") == ["visit.recorded"]


def test_f9_without_an_open_card_only_gives_a_hint(
        qtbot: QtBot, window: MainWindow) -> None:
    key(qtbot, window, Qt.Key.Key_F9)  # no card open: a hint, nothing else
    assert "Open a guest card first" in window.statusBar().currentMessage()
    assert not [w for w in QApplication.topLevelWidgets()
                if w.isVisible() and type(w).__name__ == "ShowGuestWindow"]


def test_withdrawing_consent_removes_health_labels_after_a_warning(
        qtbot: QtBot, window: MainWindow, store: Store, guest: GuestInfo,
        receptionist: Actor, modals: Modals) -> None:
    from app import consents
    from app.domain import ConsentPurpose

    consents.record_consent(store, receptionist, guest.id, ConsentPurpose.HEALTH)
    nut = next(lb for lb in labels.approved_labels(store, receptionist)
               if lb.staff_wording == "Nut allergy")
    labels.assign_label(store, receptionist, guest.id, nut.id, Source.GUEST_TOLD)
    d = open_card(qtbot, window, "ingrid")
    assert "given" in d.card.consent_lines.text()
    warned: list[str] = []

    def confirm(box: QWidget) -> None:
        warned.append(box.informativeText())  # type: ignore[attr-defined]
        qtbot.keyClick(box, Qt.Key.Key_W, ALT)

    modals.then(confirm)
    key(qtbot, d.card, Qt.Key.Key_W, ALT)  # "&Withdraw consent…"
    qtbot.waitUntil(modals.done)
    qtbot.waitUntil(lambda: active_labels(store, receptionist, guest.id) == [])
    assert warned == ["1 health label(s) will be removed from the card at once."]
    assert audit_actions(store, "consent.withdrawn") == ["consent.withdrawn"]
    qtbot.waitUntil(lambda: "withdrawn" in d.card.consent_lines.text())
    assert d.card.consent_button.isEnabled()


def test_room_or_table_takes_a_number_not_a_note(
        qtbot: QtBot, window: MainWindow, modals: Modals) -> None:
    open_card(qtbot, window, "ingrid")
    typed: list[str] = []

    def try_words(form: QWidget) -> None:
        place = child(form, "place")
        assert isinstance(place, QLineEdit)
        qtbot.keyClicks(place, "rude guest")
        typed.append(place.text())
        place.clear()
        qtbot.keyClicks(place, "T12")
        typed.append(place.text())
        qtbot.keyClick(form, Qt.Key.Key_Escape)

    modals.then(try_words)
    key(qtbot, window, Qt.Key.Key_B, CTRL)
    assert typed[1] == "T12"
    assert typed[0].strip() == "ru"  # the validator stops the note after two letters
