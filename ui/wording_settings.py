"""Wording settings (managers): the venue's default language and an extra rules file.

Proposals must be worded at least in the default language; the extra file
extends the built-in word lists (same format as resources/wording_rules.toml).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import venue_settings
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor
from app.wording_rules import rules_in_use, user_rules_file
from ui import texts
from ui.i18n import say


class WordingSettingsDialog(QDialog):
    """The venue's default language and the manager's extra wording rules file."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Wording settings"))
        self.setMinimumWidth(720)
        self.language = QComboBox()
        self.language.setObjectName("defaultLanguage")
        for code, name in texts.languages_offered():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(
            venue_settings.default_language(store)))
        self.path = QLineEdit()
        self.path.setObjectName("rulesPath")
        stored = venue_settings.wording_rules_path(store)
        self.path.setText(str(stored) if stored else "")
        self.path.setPlaceholderText(self.tr("Optional: a .toml file in the same format as the "
                                             "built-in rules"))
        browse = QPushButton(self.tr("&Browse…"))
        browse.setAutoDefault(False)
        browse.clicked.connect(self._browse)
        in_use = rules_in_use(store)
        loaded = "\n".join(str(p) for p in in_use.files) or self.tr("none")
        info = QLabel(self.tr("Proposals are checked with the built-in word lists plus your "
                              "own. A file named wording_rules.toml in {folder} is always "
                              "used; the file chosen here is added for this venue.\n"
                              "Extra files in use: {loaded}").format(
            folder=user_rules_file().parent, loaded=loaded))
        info.setWordWrap(True)
        info.setObjectName("hint")
        problems = QLabel("\n".join(in_use.problems))
        problems.setObjectName("error")
        problems.setWordWrap(True)
        problems.setVisible(bool(in_use.problems))
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        path_row = QHBoxLayout()
        path_row.addWidget(self.path, 1)
        path_row.addWidget(browse)
        form = QFormLayout()
        form.addRow(self.tr("Proposals must at least be worded in:"), self.language)
        form.addRow(self.tr("Extra wording rules file:"), path_row)
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        ok = box.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        ok.setObjectName("saveWordingSettings")
        ok.setDefault(True)
        box.accepted.connect(self.save)
        box.rejected.connect(self.reject)
        lay = QVBoxLayout(self)
        lay.addLayout(form)
        lay.addWidget(info)
        lay.addWidget(problems)
        lay.addWidget(self.error)
        lay.addWidget(box)

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Wording rules file"), "",
                                              self.tr("Wording rules (*.toml)"))
        if name:
            self.path.setText(name)

    def save(self) -> None:
        text = self.path.text().strip()
        try:
            venue_settings.set_default_language(self.store, self.actor,
                                                str(self.language.currentData()))
            venue_settings.set_wording_rules_path(self.store, self.actor,
                                                  Path(text) if text else None)
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        problems = rules_in_use(self.store).problems
        if problems:
            self.error.setText("\n".join(problems))
            return
        self.accept()
