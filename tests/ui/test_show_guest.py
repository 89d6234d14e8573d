"""Show guest by keys: F9 from the card, every field shown, the guest's choices, PIN to leave."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QLabel, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from app import audit_log, audit_sentences, consents, guests, labels, staff, venue_settings, visits
from app.domain import RemovalReason, Service, Source, VisitKind
from app.opening import Store
from app.views import Actor, GuestInfo
from storage import queries
from tests.conftest import HOST_PIN, MANAGER_PIN, RECEPTIONIST_PIN
from tests.ui.desk_helpers import add_guest, key, make_window, sign_in, type_text
from ui.main_window import MainWindow
from ui.show_guest import ShowGuestWindow, desk_printer

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


@pytest.fixture
def venue(store: Store, manager: Actor, tmp_path: Path) -> Path:
    """The manager's settings a copy needs: name and contact, printer, folder for files."""
    folder = tmp_path / "guest-files"
    folder.mkdir()
    venue_settings.set_values(store, manager, {
        "venue.name": "Hotel De Linde",
        "venue.contact": "Lindenlaan 12, 3512 AB Utrecht\n+31 30 123 4567",
        "desk.printer": "Reception printer",
        "venue.export_folder": str(folder)})
    return folder


def _speaks_dutch(store: Store, actor: Actor, guest: GuestInfo) -> None:
    guests.update_guest(store, actor, guest.id, guests.GuestFields(
        guest.full_name, guest.preferred_name, guest.pronunciation, "nl", guest.email,
        guest.phone))


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


def _type_pin(qtbot: QtBot, sg: ShowGuestWindow, pin: str) -> None:
    qtbot.keyClicks(sg.staff_page.pin, pin)
    key(qtbot, sg.staff_page.pin, Qt.Key.Key_Return)


def test_f9_shows_every_field_then_the_guest_forgets_and_withdraws(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor, manager: Actor,
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
                  "it was no longer true", "Who opened your profile", report.reference):
        assert any(value in t for t in shown), value
    # No staff-only words or controls on the guest's page, and nothing that erases.
    assert not any("staff_wording" in t or "Add label" in t for t in shown)
    assert not [b for b in sg.findChildren(QPushButton) if "rase" in b.text()]

    # The guest scrolls down, then forgets "quiet room": Enter on its button, Enter again.
    sg.resize(1366, 768)
    bar = sg.scroll_area.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 400)
    bar.setValue(300)
    quiet = next((b, a) for b, a in sg.action_buttons
                 if a.kind == "forget_label" and "quiet" in a.subject)
    _press(qtbot, quiet[0])
    assert sg.pages.currentWidget() is sg.confirm_page
    assert quiet[1].subject in sg.confirm_text.text()
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert sg.pages.currentWidget() is sg.report_page
    assert bar.value() == 300  # the page stays where the guest was reading
    assert sg.banner.isVisible() and "deleted" in sg.banner.text()  # said prominently
    # Gone: not on the card, not even as a removed record; the page says that it is gone.
    card = guests.open_card(store, manager, guest.id)
    assert "quiet-room" not in {a.label.key for a in (*card.assignments, *card.removed)}
    labels_section = sg.report.section("labels")
    assert quiet[1].subject not in {it.heading for it in labels_section.items}
    assert any("you asked us to forget one note; it is gone." in n for n in labels_section.notes)
    assert any("you asked us to forget one note" in t for t in _texts(sg))

    # The guest withdraws their health consent; the confirmation names the nut allergy first.
    withdraw, action = next((b, a) for b, a in sg.action_buttons if a.kind == "withdraw_consent")
    nut_words = next(it.heading for it in sg.report.section("labels").items
                     if "nut" in it.heading.lower())
    _press(qtbot, withdraw)
    assert "This note relies on it and is deleted at once" in sg.confirm_text.text()
    assert nut_words in sg.confirm_list.text()
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    card = guests.open_card(store, manager, guest.id)
    assert not card.assignments
    assert "nut-allergy" not in {a.label.key for a in card.removed}
    assert "one note is deleted" in sg.banner.text()
    with store.read() as s:
        (ev,) = queries.audit_events(s, action="consent.withdrawn")
        assert json.loads(ev.detail) == {"consent": action.target_id, "deleted": 1,
                                         "by_guest": True}
    (consent,) = sg.report.section("consents").items
    assert "the note that relied on it is gone" in consent.note

    # Leaving: Esc and close do nothing; a wrong PIN keeps the view; the right PIN leaves.
    key(qtbot, sg, Qt.Key.Key_Escape)
    assert sg.isVisible()
    sg.close()
    assert sg.isVisible() and sg.pages.currentWidget() is sg.staff_page
    _type_pin(qtbot, sg, "9999")
    assert sg.isVisible() and "does not end Show guest" in sg.staff_page.error.text()
    key(qtbot, sg, Qt.Key.Key_Escape)  # Esc on an inner page steps back to the report
    assert sg.isVisible() and sg.pages.currentWidget() is sg.report_page
    _press(qtbot, sg.done_button)
    _type_pin(qtbot, sg, RECEPTIONIST_PIN)
    assert not sg.isVisible()
    assert window.current_guest_id() == guest.id  # back on the (reloaded) card


def test_ten_wrong_pins_lock_nobody_and_a_managers_pin_ends_it(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor, manager: Actor,
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    clock = [1000.0]
    sg.session.clock = lambda: clock[0]
    _press(qtbot, sg.done_button)
    waits = []
    for i in range(10):
        pin = ("abcd", MANAGER_PIN + "2", HOST_PIN, "0000")[i % 4]  # letters, a colleague's
        _type_pin(qtbot, sg, pin)
        assert sg.isVisible()
        waits.append(sg.session.wait_seconds())
        if waits[-1]:
            assert not sg.staff_page.pin.isEnabled()  # the field waits too
            assert QApplication.focusWidget() is sg.staff_page  # Enter presses nothing
            assert "Please wait" in sg.staff_page.error.text()
            clock[0] += waits[-1]
            sg.staff_page._tick()
        assert sg.staff_page.pin.isEnabled()
    assert waits == [0, 0, 1, 2, 4, 8, 16, 32, 64, 128]  # a growing delay, no lock-out
    # Nobody is locked out: every account still signs in, and the log names no one.
    for st in staff.list_staff(store):
        with store.read() as s:
            row = queries.staff_by_name(s, st.name)
            assert row is not None and row.failed_attempts == 0 and row.locked_until is None
    with store.read() as s:
        wrong = queries.audit_events(s, action="show_guest.wrong_pin")
        assert len(wrong) == 10
        assert all(e.staff_id is None and e.guest_ref is None and "staff" not in e.detail
                   for e in wrong)
        assert not queries.audit_events(s, action="staff.sign_in_failed")
    # The manager reading the log sees "wrong PIN at Show guest", against nobody.
    events = audit_log.list_events(store, manager, audit_log.AuditFilter(
        action="show_guest.wrong_pin"))
    assert {(e.staff_id, e.staff_name) for e in events} == {(None, "system")}
    assert str(audit_sentences.action_name("show_guest.wrong_pin")) == "Wrong PIN at Show guest"
    said = [str(m) for m in audit_sentences.sentences(store, manager, events)]
    assert len(said) == 10 and all(m.startswith("A wrong PIN was typed at Show guest")
                                   for m in said), said
    names = {w for st in staff.list_staff(store) for w in st.name.split()}
    assert not [m for m in said if any(n in m for n in names)], said
    # The manager's PIN ends it (the receptionist walked away); the desk is as it was.
    _type_pin(qtbot, sg, MANAGER_PIN)
    assert not sg.isVisible()
    assert window.actor is not None and window.actor.id == receptionist.id
    with store.read() as s:
        (ended,) = queries.audit_events(s, action="show_guest.ended")
        assert ended.staff_id == receptionist.id
        assert json.loads(ended.detail) == {"by": manager.id, "manager": True}
    staff.sign_in(store, receptionist.id, RECEPTIONIST_PIN)


def test_ctrl_l_locks_the_desk_from_show_guest(
    qtbot: QtBot, store: Store, guest: GuestInfo
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    _press(qtbot, sg.done_button)
    for _ in range(6):
        _type_pin(qtbot, sg, "1234")  # wrong PINs first: the lock still works
        sg.session.clock = lambda: 1e12  # (skip the waits)
    key(qtbot, sg.staff_page.pin, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: not sg.isVisible())
    assert window.is_locked()


def test_print_and_file_copies_without_any_dialog(
    qtbot: QtBot, store: Store, guest: GuestInfo, venue: Path, tmp_path: Path
) -> None:
    _window, sg = _open_by_f9(qtbot, store, guest)
    printed = tmp_path / "printed.pdf"
    asked: list[str] = []

    def pdf_printer(name: str) -> QPrinter:
        asked.append(name)
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return printer

    sg.printer_for = pdf_printer
    _press(qtbot, sg.print_button)
    assert asked == ["Reception printer"]  # the printer a manager chose
    assert sg.busy() and sg.banner.text().endswith("Making your copy…")  # off the GUI thread
    assert not sg.print_button.isEnabled()  # one copy at a time
    qtbot.waitUntil(lambda: not sg.busy(), timeout=60_000)
    assert "printing" in sg.banner.text()
    words = " ".join(subprocess.run(["pdftotext", str(printed), "-"], check=True,
                                    capture_output=True, text=True).stdout.split())
    assert words.startswith("Hotel De Linde Lindenlaan 12, 3512 AB Utrecht +31 30 123 4567")
    assert f"Your reference: {sg.report.reference}" in words
    assert guest.ref not in words  # never the 32-digit token
    for wording in [it.heading for key_ in ("labels", "removed")
                    for it in sg.report.section(key_).items]:
        assert " ".join(wording.split()) in words, wording

    _press(qtbot, sg.file_button)
    qtbot.waitUntil(lambda: not sg.busy(), timeout=60_000)
    assert "Your file is ready" in sg.banner.text()
    files = sorted(p.name for p in venue.iterdir())
    stem = f"guest-{sg.report.reference}-"
    assert len(files) == 2 and all(f.startswith(stem) for f in files)
    assert {Path(f).suffix for f in files} == {".pdf", ".json"}
    exported = json.loads(next(venue.glob("*.json")).read_text(encoding="utf-8"))
    assert exported["schema_version"] == 2 and exported["venue"]["name"] == "Hotel De Linde"
    assert exported["guest_reference"] == sg.report.reference
    assert exported["data"]["guest"][0]["email"] == "jp@example.com"
    # Staff see the file names on the hand-over page (the guest sees no folder or file).
    assert not any(f in t for t in _texts(sg) for f in files)
    _press(qtbot, sg.done_button)
    assert all(f in sg.staff_page.files.text() for f in files)
    with store.read() as s:
        (printed_ev,) = queries.audit_events(s, action="guest.printed")
        (saved_ev,) = queries.audit_events(s, action="guest.exported")
    assert json.loads(printed_ev.detail) == {"printer": "Reception printer"}
    assert sorted(json.loads(saved_ev.detail)["files"]) == files


@pytest.mark.qt_log_ignore("QPainter::begin", "propagateSizeHints")  # the broken printer
def test_copies_refused_in_the_guests_language_until_the_venue_is_set(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor, manager: Actor,
    tmp_path: Path,
) -> None:
    _speaks_dutch(store, receptionist, guest)
    _window, sg = _open_by_f9(qtbot, store, guest)
    _press(qtbot, sg.file_button)
    assert sg.banner.objectName() == "sgBannerError"
    assert "onze manager heeft onze naam en ons adres nog niet ingevuld" in sg.banner.text()
    # Once it is set, a printer that fails is explained in Dutch too (no English OS error).
    venue_settings.set_values(store, manager, {"venue.name": "Hotel De Linde",
                                               "desk.printer": "Reception printer"})
    # This computer has no printer by that name: said in Dutch, and no dialog to pick another.
    assert sg.printer_for is desk_printer and desk_printer("Reception printer") is None
    _press(qtbot, sg.print_button)
    assert not sg.busy() and sg.banner.objectName() == "sgBannerError"
    assert sg.banner.text() == ("Dat lukte niet: de printer is niet beschikbaar. Vraag het "
                                "onze medewerker.")

    def broken_printer(name: str) -> QPrinter:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(tmp_path / "no such folder" / "x.pdf"))
        return printer

    sg.printer_for = broken_printer
    _press(qtbot, sg.print_button)
    qtbot.waitUntil(lambda: not sg.busy(), timeout=60_000)
    assert sg.banner.text() == ("Dat lukte niet: we konden uw kopie nu niet maken. Vraag het "
                                "onze medewerker.")
    with store.read() as s:
        assert not queries.audit_events(s, action="guest.printed")  # nothing printed


def test_dutch_guest_sees_dutch_and_corrects_their_name(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor
) -> None:
    _speaks_dutch(store, receptionist, guest)
    _window, sg = _open_by_f9(qtbot, store, guest)
    assert sg.report.language == "nl"
    assert "Alles wat we over u bewaren" in _texts(sg)
    assert sg.done_button.text() == "Ik ben klaar"
    assert any("november" in t or "maart" in t for t in _texts(sg))
    _press(qtbot, sg.correct_button)
    assert sg.pages.currentWidget() is sg.correct_page
    # A mistake is explained in Dutch, errors from app/ included.
    name = sg.correct_page.full_name
    name.selectAll()
    key(qtbot, name, Qt.Key.Key_Backspace)
    _press(qtbot, sg.correct_page.save)
    assert sg.correct_page.error.text() == "Dat lukte niet: Volledige naam is verplicht."
    type_text(name, "Jean-Pierre Thomassen")
    field = sg.correct_page.preferred
    field.selectAll()
    key(qtbot, field, Qt.Key.Key_Backspace)
    type_text(field, "Jean-Pièrre")
    _press(qtbot, sg.correct_page.save)
    assert sg.pages.currentWidget() is sg.confirm_page
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert guests.get_guest(store, receptionist, guest.id).preferred_name == "Jean-Pièrre"
    assert "Jean-Pièrre" in _texts(sg)
    assert sg.banner.text().endswith("Gedaan: uw gegevens zijn bijgewerkt.")
    # Withdrawing consent names the note that would go, in Dutch, before they agree.
    withdraw = next(b for b, a in sg.action_buttons if a.kind == "withdraw_consent")
    _press(qtbot, withdraw)
    assert sg.confirm_text.text().startswith("Uw toestemming intrekken?")
    assert "notitie steunt erop en wordt meteen gewist" in sg.confirm_text.text()
    assert sg.confirm_list.text() == "„U heeft een notenallergie.”"
    assert sg.confirm_no.text() == "Terug"
    _press(qtbot, sg.confirm_no)  # they keep it: nothing is deleted
    assert any(a.label.key == "nut-allergy"
               for a in guests.open_card(store, receptionist, guest.id).assignments)
    # The hand-over page and its PIN errors speak Dutch too.
    _press(qtbot, sg.done_button)
    _type_pin(qtbot, sg, "0000")
    assert sg.staff_page.error.text() == "Met die pincode sluit u dit scherm niet af."
    key(qtbot, sg, Qt.Key.Key_Escape)
    # The language buttons switch the whole view.
    _press(qtbot, sg.lang_buttons["en"])
    assert "Everything we keep about you" in _texts(sg)


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


def test_a_correction_matching_another_profile_is_told_to_staff_not_the_guest(
    qtbot: QtBot, store: Store, guest: GuestInfo, receptionist: Actor
) -> None:
    other = add_guest(store, receptionist, "Jan Peeters", "Jan", language="en",
                      email="jpt@example.com", phone="+31 6 87654321")
    window, sg = _open_by_f9(qtbot, store, guest)
    _press(qtbot, sg.correct_button)
    email = sg.correct_page.email
    email.selectAll()
    key(qtbot, email, Qt.Key.Key_Backspace)
    type_text(email, "JPT@example.com")
    _press(qtbot, sg.correct_page.save)
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert guests.get_guest(store, receptionist, guest.id).email == "JPT@example.com"
    # The guest's screen never names the other profile, not even on the hand-over page.
    assert not any(other.full_name in t for t in _texts(sg))
    _press(qtbot, sg.done_button)
    assert not any(other.full_name in t for t in _texts(sg))
    assert not [b for b in QApplication.topLevelWidgets()
                if isinstance(b, QMessageBox) and b.isVisible()]
    _type_pin(qtbot, sg, RECEPTIONIST_PIN)
    qtbot.waitUntil(lambda: not sg.isVisible())
    # Back at the desk, staff are told which profile matches and why.
    boxes = [b for b in window.findChildren(QMessageBox, "otherProfiles") if b.isVisible()]
    assert len(boxes) == 1
    assert boxes[0].informativeText() == (
        "Jan Peeters · jpt@example.com · +31 6 87654321\n    same email")
    assert "Merge guest profiles" in boxes[0].text()
    key(qtbot, boxes[0], Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not boxes[0].isVisible())


def test_a_correction_matching_nobody_tells_staff_nothing(
    qtbot: QtBot, store: Store, guest: GuestInfo
) -> None:
    window, sg = _open_by_f9(qtbot, store, guest)
    _press(qtbot, sg.correct_button)
    type_text(sg.correct_page.pronunciation, "!")
    _press(qtbot, sg.correct_page.save)
    key(qtbot, sg.confirm_yes, Qt.Key.Key_Return)
    assert sg.other_profiles == []
    _press(qtbot, sg.done_button)
    _type_pin(qtbot, sg, RECEPTIONIST_PIN)
    qtbot.waitUntil(lambda: not sg.isVisible())
    assert not [b for b in window.findChildren(QMessageBox, "otherProfiles") if b.isVisible()]
