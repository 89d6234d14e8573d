"""Import arrivals…: the wizard reads, maps, previews and imports, keyboard first; cancel undoes."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from pytestqt.qtbot import QtBot

from app import guests, importing
from app.importing import Field
from app.opening import Store
from app.views import Actor
from tests.conftest import RECEPTIONIST_PIN
from tests.import_helpers import after_preview, counts
from tests.test_import_large import write_export
from tests.ui.desk_helpers import Modals, key, make_window, modals, sign_in
from ui.import_wizard import ImportWizard

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")
DATA = Path(__file__).resolve().parent.parent / "data"
__all__ = ["modals"]


def open_wizard(qtbot: QtBot, store: Store, actor: Actor, path: Path) -> ImportWizard:
    wizard = ImportWizard(store, actor)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    qtbot.keyClicks(wizard.file_page.path, str(path))
    return wizard


def next_page(qtbot: QtBot, wizard: ImportWizard) -> None:
    button = wizard.button(QWizard.WizardButton.CommitButton
                           if wizard.currentPage().isCommitPage()
                           else QWizard.WizardButton.NextButton)
    qtbot.waitUntil(button.isEnabled, timeout=20_000)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_restaurant_export_through_the_wizard(qtbot: QtBot, store: Store, receptionist: Actor
                                              ) -> None:
    wizard = open_wizard(qtbot, store, receptionist, DATA / "restaurant_cp1252_tabs_dutch.csv")
    next_page(qtbot, wizard)
    page = wizard.mapping_page
    qtbot.waitUntil(page.isComplete, timeout=10_000)
    headers = [page.table.item(r, 0).text() for r in range(page.table.rowCount())]
    assert headers[0] == "Naam" and headers[-1] == "Opmerkingen"
    assert page.mapping()[0] == Field.FULL_NAME
    # The remarks column has no chooser at all, only the reason it is skipped.
    assert len(headers) - 1 not in page.combos
    assert "free text is never imported" in page.table.item(len(headers) - 1, 2).text()
    # Choosing "Name" twice is refused until corrected.
    page.combos[1].setCurrentIndex(page.combos[1].findData(Field.FULL_NAME.value))
    assert not page.isComplete() and "chosen for 2 columns" in page.problems.text()
    page.combos[1].setCurrentIndex(page.combos[1].findData(Field.EMAIL.value))
    assert page.isComplete()
    next_page(qtbot, wizard)
    preview = wizard.preview_page
    qtbot.waitUntil(preview.isComplete, timeout=10_000)
    assert "New guests: 5" in preview.summary.text()
    assert "Column “Opmerkingen” skipped: free text is never imported" in preview.notes.text()
    assert guests.guest_count(store) == 0  # the preview wrote nothing
    next_page(qtbot, wizard)  # the commit button: "Import"
    qtbot.waitUntil(wizard.apply_page.isComplete, timeout=20_000)
    assert "Imported 5 new guests and 5 visits" in wizard.apply_page.status.text()
    assert guests.guest_count(store) == 5
    # The corrected mapping was remembered for this layout (the Remember box was ticked).
    mapping, remembered = importing.mapping_for(store, headers)
    assert remembered and mapping[1] == Field.EMAIL


def test_bad_rows_are_listed_by_line_and_column(qtbot: QtBot, store: Store, manager: Actor
                                                ) -> None:
    wizard = open_wizard(qtbot, store, manager, DATA / "bad_rows.csv")
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.mapping_page.isComplete, timeout=10_000)
    next_page(qtbot, wizard)
    page = wizard.preview_page
    qtbot.waitUntil(lambda: page._ready, timeout=10_000)
    errors = [page.errors.item(i).text() for i in range(page.errors.count())]
    assert "line 14, column “Arrival”: “31-02-2026” is not a date" in errors
    assert len(errors) == 7
    # One bad row means nothing is imported, unless the person says otherwise.
    assert not page.isComplete() and page.only_good.isVisible()
    qtbot.keyClick(page.only_good, Qt.Key.Key_Space)
    assert page.only_good.isChecked() and page.isComplete()
    before = counts(store)
    next_page(qtbot, wizard)
    qtbot.waitUntil(lambda: wizard.import_result is not None, timeout=10_000)
    assert counts(store)[0] == before[0] + 7


def test_cancel_during_a_long_import_leaves_nothing(qtbot: QtBot, store: Store, manager: Actor,
                                                    tmp_path: Path) -> None:
    export = tmp_path / "big.csv"
    write_export(export, 20_000)
    before = counts(store)
    wizard = open_wizard(qtbot, store, manager, export)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.mapping_page.isComplete, timeout=20_000)
    wizard.mapping_page.remember.setChecked(False)
    next_page(qtbot, wizard)
    qtbot.waitUntil(wizard.preview_page.isComplete, timeout=30_000)
    before = after_preview(store, before)  # the preview leaves only its audit event
    next_page(qtbot, wizard)
    assert wizard.apply_page.running
    with qtbot.waitSignal(wizard.finished, timeout=30_000):
        key(qtbot, wizard, Qt.Key.Key_Escape)  # Esc = Cancel: roll back, then close
    assert wizard.apply_page.status.text() == "Cancelled: nothing was imported."
    assert wizard.import_result is None
    assert counts(store) == before


def test_desk_menu_opens_the_wizard(qtbot: QtBot, store: Store, receptionist: Actor,
                                    modals: Modals) -> None:
    window = make_window(qtbot, store)
    sign_in(qtbot, window, "Sam", RECEPTIONIST_PIN)
    seen: list[str] = []

    def close(dialog: object) -> None:
        assert isinstance(dialog, ImportWizard)
        seen.append(dialog.windowTitle())
        dialog.reject()

    modals.then(close)
    window.import_action.trigger()
    assert seen == ["Import arrivals"]
