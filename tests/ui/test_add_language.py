"""Adding a language is its catalogue files plus one registry entry (docs/languages.md).

The test copies resources/languages.toml and the catalogues to a temporary folder,
adds French there exactly as the guide says (one [[language]] entry, a .ts and a
.po — here the Dutch ones relabelled, standing in for a translator's work), points
the registry at the copy, and checks that every place that lists languages shows
it without a code change: the staff interface's language menu and its translator,
the guest's language field, Show guest's language buttons and correction form, app/
messages, dates, the import's language column, the vocabulary's forms and the command
line. A static check keeps code from naming languages itself.
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QGroupBox,
    QMainWindow,
    QMenu,
    QPushButton,
)
from pytestqt.qtbot import QtBot

from app import guests, languages, localdates
from app.i18n import _, translate
from app.opening import Store
from app.views import Actor
from ui import i18n as ui_i18n

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")

ENTRY = """
[[language]]
code = "fr"
native_name = "Français"
english_name = "French"
locale = "fr"
long_date = "EEEE d MMMM"
aliases = ["fra", "fre"]
staff_complete = true
guest_complete = true
"""


@pytest.fixture
def french(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A copy of resources/ with French added the documented way; the registry reads it."""
    res = tmp_path / "resources"
    (res / "i18n").mkdir(parents=True)
    registry = res / "languages.toml"
    registry.write_text(languages.REGISTRY_FILE.read_text(encoding="utf-8") + ENTRY,
                        encoding="utf-8")
    shutil.copytree(languages.APP_CATALOGUES, res / "locale")
    for ts in languages.QT_CATALOGUES.glob("*.ts"):
        shutil.copy(ts, res / "i18n" / ts.name)
    # The translator's two files (stand-ins: the Dutch ones under the new code).
    (res / "i18n" / "frontdesk_fr.ts").write_text(
        (languages.QT_CATALOGUES / "frontdesk_nl.ts").read_text(encoding="utf-8")
        .replace('language="nl"', 'language="fr"'), encoding="utf-8")
    (res / "locale" / "fr" / "LC_MESSAGES").mkdir(parents=True)
    shutil.copy(languages.APP_CATALOGUES / "nl" / "LC_MESSAGES" / "frontdesk.po",
                res / "locale" / "fr" / "LC_MESSAGES" / "frontdesk.po")
    monkeypatch.setattr(languages, "REGISTRY_FILE", registry)
    monkeypatch.setattr(languages, "QT_CATALOGUES", res / "i18n")
    monkeypatch.setattr(languages, "APP_CATALOGUES", res / "locale")
    languages.reload()
    yield res
    monkeypatch.undo()
    languages.reload()


def test_the_registry_and_app_messages_know_the_new_language(french: Path) -> None:
    assert "fr" in languages.codes()
    assert languages.native_name("fr") == "Français"
    assert languages.lookup("FRA") == languages.lookup("French") == "fr"
    assert languages.guest_language("fr") == "fr"
    assert translate(_("Wrong PIN."), "fr") == "Verkeerde pincode."  # read from fr's .po
    assert localdates.long_date(dt.date(2026, 3, 3), "fr", today=dt.date(2026, 1, 1)) == \
        "mardi 3 mars"
    assert localdates.short_date(dt.date(2026, 3, 3), "fr").startswith("3 mars")


def test_a_guest_can_be_given_the_new_language(french: Path, store: Store,
                                               receptionist: Actor) -> None:
    g = guests.create_guest(store, receptionist,
                            guests.GuestFields(full_name="Amélie Durand", language="fr"))
    assert g.language == "fr"


def test_the_ui_offers_the_new_language_everywhere(french: Path, qtbot: QtBot, qapp: QApplication,
                                                   store: Store, receptionist: Actor) -> None:
    from ui.guest_form import GuestDialog
    from ui.show_guest import open_show_guest
    from ui.show_guest_pages import CorrectPage

    # Help ▸ Language
    window = QMainWindow()
    qtbot.addWidget(window)
    window.menuBar().addMenu("&Help")
    ui_i18n.add_language_menu(window)
    help_menu = window.menuBar().actions()[-1].menu()
    assert isinstance(help_menu, QMenu)
    language_menu = help_menu.actions()[-1].menu()
    assert isinstance(language_menu, QMenu)
    assert "Français" in [a.text() for a in language_menu.actions()]
    # the staff interface really switches (the .qm is built from the new .ts)
    try:
        assert ui_i18n.install_translator(qapp, "fr") == "fr"
        assert (french / "i18n" / "frontdesk_fr.qm").is_file()
        assert ui_i18n.current_language() == "fr"
    finally:
        ui_i18n.install_translator(qapp, "en")

    # the guest's language field
    dialog = GuestDialog(store, receptionist)
    qtbot.addWidget(dialog)
    combos = [c for c in dialog.findChildren(QComboBox)
              if "fr" in [c.itemData(i) for i in range(c.count())]]
    assert combos, "the guest form does not offer Français"

    # Show guest: the language buttons and the correction form
    g = guests.create_guest(store, receptionist,
                            guests.GuestFields(full_name="Amélie Durand", language="fr"))
    view = open_show_guest(store, receptionist, g.id, full_screen=False)
    assert view is not None
    qtbot.addWidget(view)
    try:
        assert "Français" in [b.text() for b in view.findChildren(QPushButton)]
        page = view.findChild(CorrectPage)
        assert page is not None
        assert "fr" in [page.language.itemData(i) for i in range(page.language.count())]
    finally:
        view.force_close()


def test_the_vocabulary_forms_and_command_line_offer_it(french: Path, qtbot: QtBot,
                                                        store: Store,
                                                        receptionist: Actor) -> None:
    from app.cli import build_parser
    from ui.proposal_form import ProposalDialog

    form = ProposalDialog(store, receptionist)
    qtbot.addWidget(form)
    assert form.findChild(QGroupBox, "languageBox_fr") is not None
    # its example is in French, from fr's .po (here the Dutch stand-in), not English
    assert form.fields[("guest", "fr")].placeholderText() == "U zit liever aan een rustige tafel."
    args = build_parser().parse_args(["--lang", "fr"])
    assert args.lang == "fr"


# Modules that may name a language: data about many languages or the demo's made-up
# guests, not lists of the languages Frontdesk speaks.
NAMING_ALLOWED = {
    "app/morphology.py",       # the ~30 languages Snowball has a stemmer for
    "app/demo.py",             # the demo's guests and proposals (sample data)
    "app/demo_names.py",       # where the demo's made-up guests come from
    "app/commands/selftest.py",  # a throw-away test guest
    "ui/desk_walk.py",         # screenshot tool: key presses written for its languages
}


def language_names() -> set[str]:
    """Every way code could spell a language other than the source: its code ("nl"; not the
    country "NL"), its English and its own name ("Dutch", "dutch", "Nederlands")."""
    names: set[str] = set()
    for lang in languages.all_languages():
        if lang.code != languages.source():
            for name in (lang.english_name, lang.native_name):
                names |= {name, name.lower()}
            names.add(lang.code)
    return names


def naming_languages(rel: str, source: str, names: set[str]) -> list[str]:
    """The string constants in one module's source that spell a language."""
    return [f"{rel}:{node.lineno}: {node.value!r}" for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)
            and node.value.strip() in names]


def test_no_code_keeps_its_own_list_of_languages() -> None:
    """A language spelled in code ("nl", "Deutsch") is a list the registry does not feed."""
    root = Path(__file__).resolve().parents[2]
    names, found = language_names(), []
    for folder in ("app", "ui"):
        for path in sorted((root / folder).rglob("*.py")):
            rel = path.relative_to(root).as_posix()
            if rel not in NAMING_ALLOWED:
                found += naming_languages(rel, path.read_text(encoding="utf-8"), names)
    assert found == [], "ask app.languages instead"


def test_the_naming_check_sees_a_language_in_code() -> None:
    source = 'HINTS = {"en": "Quiet", "nl": "Rustig"}\nif lang == "Deutsch ":\n    pass\n'
    assert naming_languages("x.py", source, language_names()) == [
        "x.py:1: 'nl'", "x.py:2: 'Deutsch '"]
    assert naming_languages("x.py", 'word, region = "de Vries", "NL"', language_names()) == []
