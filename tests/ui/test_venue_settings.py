"""Manager ▸ Venue settings…: declared settings, edited by keys, checked, audited."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import venue_settings as vs
from app.errors import PermissionDenied, ValidationError
from app.opening import Store
from app.views import Actor
from storage import queries
from tests.ui.desk_helpers import type_text
from ui.venue_settings_dialog import VenueSettingsDialog

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def _settings_events(store: Store) -> list[dict[str, object]]:
    with store.read() as s:
        return [json.loads(e.detail) for e in queries.audit_events(s, action="setting.changed")]


def test_a_manager_sets_the_venue_printer_and_folder(
    qtbot: QtBot, store: Store, manager: Actor, tmp_path: Path
) -> None:
    folder = tmp_path / "copies"
    folder.mkdir()
    dialog = VenueSettingsDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    type_text(dialog.name, "Hotel De Linde")
    type_text(dialog.contact, "Lindenlaan 12")
    qtbot.keyClick(dialog.contact, Qt.Key.Key_Return)
    type_text(dialog.contact, "3512 AB Utrecht")
    dialog.printer.setCurrentText("Reception printer")
    type_text(dialog.folder, str(tmp_path / "missing"))
    qtbot.keyClick(dialog.days, Qt.Key.Key_Down)
    dialog.save()
    # A wrong folder stores nothing at all, and says which field.
    assert "Folder for guest files" in dialog.error.text() and dialog.isVisible()
    assert vs.text_value(store, vs.VENUE_NAME) == ""
    dialog.folder.setText(str(folder))
    dialog.save()
    assert not dialog.isVisible()
    assert vs.all_values(store).items() >= {
        "venue.name": "Hotel De Linde", "venue.contact": "Lindenlaan 12\n3512 AB Utrecht",
        "desk.printer": "Reception printer", "venue.export_folder": str(folder),
        "labels.removed_record_days": 29}.items()
    assert [e["key"] for e in _settings_events(store)] == [
        "labels.removed_record_days", "venue.export_folder", "desk.printer", "venue.contact",
        "venue.name"]
    assert {"key": "labels.removed_record_days", "value": 29} in _settings_events(store)


def test_settings_are_checked_and_only_managers_change_them(
    store: Store, manager: Actor, receptionist: Actor
) -> None:
    assert vs.value(store, vs.REMOVED_RECORD_DAYS) == 30  # the declared default
    with pytest.raises(PermissionDenied):
        vs.set_value(store, receptionist, vs.VENUE_NAME, "Hotel X")
    with pytest.raises(ValidationError, match="between 0 and 90"):
        vs.set_value(store, manager, vs.REMOVED_RECORD_DAYS, 365)
    with pytest.raises(ValidationError, match="at most 4"):
        vs.set_value(store, manager, vs.VENUE_CONTACT, "a\nb\nc\nd\ne")
    with pytest.raises(ValidationError, match="full path"):
        vs.set_value(store, manager, vs.EXPORT_FOLDER, "relative/folder")
    assert _settings_events(store) == []
    assert vs.set_value(store, manager, vs.VENUE_CONTACT, "  Lindenlaan 12 \n\n Utrecht ") == \
        "Lindenlaan 12\nUtrecht"


def test_a_manager_picks_the_phone_country_by_typing_its_name(
    qtbot: QtBot, store: Store, manager: Actor, receptionist: Actor
) -> None:
    from app import guests
    from app.guests import GuestFields

    dialog = VenueSettingsDialog(store, manager)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.region.currentData() == "NL"  # the declared default
    assert dialog.region.currentText() == "Netherlands (+31)"
    dialog.region.setFocus()
    qtbot.keyClicks(dialog.region, "Germ")
    assert dialog.region.currentData() == "DE"
    dialog.save()
    assert not dialog.isVisible()
    assert vs.phone_region(store) == "DE"
    assert _settings_events(store) == [{"key": "venue.phone_region"}]
    # A German number typed the German way is now read as one, and found in any format.
    g = guests.create_guest(store, receptionist, GuestFields(
        "Jonas Weber", "Jonas", "", "de", None, "0151 23456789"))
    for typed in ("+49 151 23456789", "0049151 23456789", "0151-23456789"):
        assert [m.id for m in guests.find_guests(store, receptionist, typed)] == [g.id], typed


def test_the_phone_countries_are_named_in_the_readers_language() -> None:
    from app import phones

    dutch = dict(phones.region_choices("nl"))
    assert dutch["DE"] == "Duitsland (+49)" and dutch["BE"] == "België (+32)"
    german = [name for _code, name in phones.region_choices("de")]
    assert german.index("Österreich (+43)") < german.index("Polen (+48)")  # Ö sorts as O
