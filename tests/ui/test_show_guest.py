"""Show guest by keys: F9 from the card, every field shown, the guest's choices, PIN to leave."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app import consents, guests, labels, visits
from app.domain import RemovalReason, Service, Source, VisitKind
from app.opening import Store
from app.views import Actor, GuestInfo
from storage import queries
from tests.conftest import MANAGER_PIN, RECEPTIONIST_PIN
from tests.ui.desk_helpers import add_guest, key, make_window, sign_in, type_text
from ui.main_window import MainWindow
from ui.show_guest import ShowGuestWindow

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


@pytest.fixture(autouse=True)
def _no_view_outlives_its_test() -> Iterator[None]:
    yield
    for w in QApplication.topLevelWidgets():
        if isinstance(w, ShowGuestWindow):
            w.force_close()


def _label_id(store: Store, key_: str) -> int:
    with store.read() as s:
        lb = queries.label_by_key(s, key_)
        assert lb is not None
        return lb.id


@pytest.fixture
def guest(store: Store, manager: Actor, receptionist: Actor, host: Actor) -> GuestInfo:
    g = add_guest(store, receptionist, "Jean-Pierre Thomassen", "Jean-Pierre",
                  pronunciation="zhahn-pee-AIR", language="en",
                  email="jp@example.com", phone="+31 6 12345678")
    visits.record_visit(store, receptionist, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 3, 2, 15), ends_on=dt.date(2026, 3, 4),
                        place="204")
    visits.record_visit(store, host, g.id, kind=VisitKind.BOOKING,
                        starts_at=dt.datetime(2026, 3, 3, 19, 30), service=Service.DINNER,
                        party_size=2, place="T12")
    consents.record_consent(store, receptionist, g.id)
    labels.assign_label(store, receptionist, g.id, _label_id(store, "quiet-room"),
                        Source.GUEST_TOLD)
    labels.assign_label(store, host, g.id, _label_id(store, "nut-allergy"), Source.GUEST_TOLD)
    old = labels.assign_label(store, receptionist, g.id, _label_id(store, "high-floor"),
                              Source.STAFF_OBSERVED)
    labels.remove_label(store, receptionist, old.id, RemovalReason.NO_LONGER_TRUE)
    guests.open_card(store, host, g.id)
    return g


def _open_by_f9(qtbot: QtBot, store: Store, guest: GuestInfo, name: str = "Sam Bakker",
                pin: str = RECEPTIONIST_PIN) -> tuple[MainWindow, ShowGuestWindow]:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, name, pin)
    desk = window.desk
    assert desk is not None
    desk.open_guest(guest.id)  # type: ignore[attr-defined]
    assert window.current_guest_id() == guest.id
    focus = QApplication.focusWidget() or window
    key(qtbot, focus, Qt.Key.Key_F9)

    def found() -> ShowGuestWindow | None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, ShowGuestWindow) and w.isVisible():
                return w
        return None

    qtbot.waitUntil(lambda: found() is not None)
    sg = found()
    assert sg is not None
    return window, sg


def _texts(sg: ShowGuestWindow) -> set[str]:
    return {lab.text() for lab in sg.findChildren(QLabel) if lab.isVisibleTo(sg)}


def _press(qtbot: QtBot, button: QPushButton) -> None:
    button.setFocus()
    key(qtbot, button, Qt.Key.Key_Return)


def test_f9_shows_every_field_then_the_guest_forgets_withdraws_and_cannot_leave(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor, manager: Actor,
    tmp_path: Path,
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    report = sg.report
    assert report.language == "en"
    shown = _texts(sg)
    # Every section, every item, every (field, value) of the report is on screen.
    for section in report.sections:
        assert section.title in shown
        for item in section.items:
            if item.heading:
                assert item.heading in shown
            for row in item.rows:
                assert row.field in shown and row.value in shown, (section.key, row)
    for value in ("Jean-Pierre Thomassen", "zhahn-pee-AIR", "jp@example.com", "+31 6 12345678",
                  "204", "T12", "Luca, restaurant host", "you told us", "we noticed",
                  "it was no longer true", "Who opened your profile"):
        assert any(value in t for t in shown), value
    # No staff-only words or controls on the guest's page.
    assert not any("staff_wording" in t or "Add label" in t for t in shown)

    # The guest forgets "quiet room": Enter on its button, Enter on the confirmation.
    quiet = next((b, a) for b, a in sg.action_buttons
                 if a.kind == "forget_label" and "quiet" in a.subject)
    _press(qtbot, quiet[0])
    assert sg.pages.currentWidget() is sg.confirm_page
    assert quiet[1].subject in sg.confirm_text.text()
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert sg.pages.currentWidget() is sg.report_page
    card = guests.open_card(store, manager, guest.id)
    gone = next(a for a in card.removed if a.label.key == "quiet-room")
    assert gone.removal_reason == RemovalReason.GUEST_REQUEST
    assert gone.removed_by == receptionist.first_name  # the staff member who opened the view
    assert quiet[1].subject not in {r.value for it in sg.report.section("labels").items
                                    for r in it.rows} | {
        it.heading for it in sg.report.section("labels").items}

    # The guest withdraws their health consent: the nut-allergy label goes at once.
    withdraw = next(b for b, a in sg.action_buttons if a.kind == "withdraw_consent")
    _press(qtbot, withdraw)
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    card = guests.open_card(store, manager, guest.id)
    assert not card.assignments
    nut = next(a for a in card.removed if a.label.key == "nut-allergy")
    assert nut.removal_reason == RemovalReason.CONSENT_WITHDRAWN
    with store.read() as s:
        (ev,) = queries.audit_events(s, action="consent.withdrawn")
        assert json.loads(ev.detail)["by_guest"] is True

    # Leaving: Esc and close do nothing; a wrong PIN keeps the view; the right PIN leaves.
    key(qtbot, sg, Qt.Key.Key_Escape)
    assert sg.isVisible()
    sg.close()
    assert sg.isVisible() and sg.pages.currentWidget() is sg.staff_page
    qtbot.keyClicks(sg.staff_page.pin, "9999")
    key(qtbot, sg.staff_page.pin, Qt.Key.Key_Return)
    assert sg.isVisible() and sg.staff_page.error.text()
    key(qtbot, sg, Qt.Key.Key_Escape)  # Esc on an inner page steps back to the report
    assert sg.isVisible() and sg.pages.currentWidget() is sg.report_page
    _press(qtbot, sg.done_button)
    qtbot.keyClicks(sg.staff_page.pin, RECEPTIONIST_PIN)
    key(qtbot, sg.staff_page.pin, Qt.Key.Key_Return)
    assert not sg.isVisible()
    assert window.current_guest_id() == guest.id  # back on the (reloaded) card


def test_copies_to_take_home_pdf_and_json(
    qtbot: QtBot, store: Store, guest: GuestInfo, tmp_path: Path
) -> None:
    _window, sg = _open_by_f9(qtbot, store, guest)
    pdf, data = tmp_path / "copy.pdf", tmp_path / "copy.json"
    sg.ask_save_path = lambda _title, _suggested, _filter: str(pdf)
    _press(qtbot, sg.pdf_button)
    sg.ask_save_path = lambda _title, _suggested, _filter: str(data)
    _press(qtbot, sg.json_button)
    assert pdf.read_bytes().startswith(b"%PDF")
    words = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], check=True,
                                    capture_output=True, text=True).stdout.split())
    wordings = [it.heading for key_ in ("labels", "removed")
                for it in sg.report.section(key_).items]
    assert len(wordings) == 3
    for wording in wordings:
        assert " ".join(wording.split()) in words, wording
    assert "Jean-Pierre Thomassen" in words and "Who opened your profile" in words
    exported = json.loads(data.read_text(encoding="utf-8"))
    assert exported["schema_version"] == 1
    assert exported["data"]["guest"][0]["email"] == "jp@example.com"
    assert exported["data"]["visit"][0]["starts_at"].startswith("2026-03-0")
    assert {s["key"] for s in exported["report"]["sections"]} >= {"details", "labels", "access"}
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".part")]  # atomic writes
    with store.read() as s:
        formats = sorted(json.loads(e.detail)["format"]
                         for e in queries.audit_events(s, action="guest.exported"))
    assert formats == ["json", "pdf"]


def test_dutch_guest_sees_dutch_and_corrects_their_name(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor
) -> None:
    guests.update_guest(store, receptionist, guest.id, guests.GuestFields(
        guest.full_name, guest.preferred_name, guest.pronunciation, "nl", guest.email,
        guest.phone))
    _window, sg = _open_by_f9(qtbot, store, guest)
    assert sg.report.language == "nl"
    assert "Alles wat we over u bewaren" in _texts(sg)
    assert sg.done_button.text() == "Ik ben klaar"
    assert any("november" in t or "maart" in t for t in _texts(sg))
    _press(qtbot, sg.correct_button)
    assert sg.pages.currentWidget() is sg.correct_page
    field = sg.correct_page.preferred
    field.selectAll()
    key(qtbot, field, Qt.Key.Key_Backspace)
    type_text(field, "Jean-Pièrre")
    _press(qtbot, sg.correct_page.save)
    assert sg.pages.currentWidget() is sg.confirm_page
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert guests.get_guest(store, receptionist, guest.id).preferred_name == "Jean-Pièrre"
    assert "Jean-Pièrre" in _texts(sg)
    # The language buttons switch the whole view.
    _press(qtbot, sg.lang_buttons["en"])
    assert "Everything we keep about you" in _texts(sg)


def test_manager_erases_from_the_staff_side(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    _press(qtbot, sg.done_button)
    _press(qtbot, sg.staff_page.erase_button)
    assert sg.staff_page.manager.currentText() == "Eva Visser"
    qtbot.keyClicks(sg.staff_page.manager_pin, RECEPTIONIST_PIN)  # not the manager's PIN
    key(qtbot, sg.staff_page.manager_pin, Qt.Key.Key_Return)
    assert sg.isVisible() and guests.find_guests(store, receptionist, "Thomassen")
    qtbot.keyClicks(sg.staff_page.manager_pin, MANAGER_PIN)
    key(qtbot, sg.staff_page.manager_pin, Qt.Key.Key_Return)
    assert not sg.isVisible()
    assert guests.find_guests(store, receptionist, "Thomassen") == []
    assert window.current_guest_id() is None


def test_closing_the_desk_window_closes_show_guest(
    qtbot: QtBot, store: Store, guest: GuestInfo
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    window.close()
    assert not sg.isVisible()


def test_the_desk_lock_closes_show_guest(
    qtbot: QtBot, store: Store, guest: GuestInfo
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    window.lock()
    assert not sg.isVisible() and window.is_locked()
