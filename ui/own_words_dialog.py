"""Manager ▸ Own words…: the venue's own blocked (or "look twice") words, in a dialog.

The list is kept by app.own_words (a rules file Frontdesk writes; the wording checks read
it with the built-in lexicons). Type a phrase, choose Block or Warn, Enter adds it; Del
removes the selected one; Save writes the list, or says which phrase is refused.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import own_words
from app.errors import FrontdeskError
from app.opening import Store
from app.own_words import BLOCK, WARN, OwnWord
from app.views import Actor
from ui.i18n import say


class OwnWordsDialog(QDialog):
    """The phrases, each with Block or Warn; add, remove, save."""

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.setWindowTitle(self.tr("Own words"))
        self.setMinimumSize(640, 480)
        intro = QLabel(self.tr(
            "Words and phrases your venue never wants on a label (Block), or wants a reviewer "
            "to look at twice (Warn). They are checked with the built-in lists: case and "
            "accents do not matter, only whole words match, and a * at the end matches any "
            "ending (\"allergi*\")."))
        intro.setWordWrap(True)
        self.table = QTableWidget(0, 2)
        self.table.setObjectName("ownWords")
        self.table.setHorizontalHeaderLabels([self.tr("Word or phrase"), self.tr("Check")])
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.horizontalHeader().setSectionResizeMode(
            1, QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setVisible(False)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.phrase = QLineEdit()
        self.phrase.setObjectName("ownPhrase")
        self.phrase.setPlaceholderText(self.tr("e.g. platinum guest"))
        self.severity = QComboBox()
        self.severity.setObjectName("ownSeverity")
        self.severity.addItem(self.tr("Block"), BLOCK)
        self.severity.addItem(self.tr("Warn"), WARN)
        add = QPushButton(self.tr("&Add (Enter)"))
        add.setObjectName("addOwnWord")
        self.remove_button = QPushButton(self.tr("&Remove (Del)"))
        self.remove_button.setObjectName("removeOwnWord")
        entry = QHBoxLayout()
        entry.addWidget(self.phrase, 1)
        entry.addWidget(self.severity)
        entry.addWidget(add)
        entry.addWidget(self.remove_button)
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)
        self.where = QLabel(self.tr("Kept in {path}").format(path=str(
            own_words.own_words_file())))
        self.where.setObjectName("hint")
        self.where.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        # Enter adds the phrase typed (the default button); saving is a deliberate Save.
        for b in buttons.buttons():
            if isinstance(b, QPushButton):
                b.setAutoDefault(False)
        add.setDefault(True)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(entry)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.where)
        lay.addWidget(self.error)
        lay.addWidget(buttons)
        add.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        delete = QShortcut(QKeySequence(Qt.Key.Key_Delete), self.table)
        delete.setContext(Qt.ShortcutContext.WidgetShortcut)
        delete.activated.connect(self.remove)
        for word in own_words.own_words():
            self._append(word)
        self.phrase.setFocus()

    def _label(self, severity: str) -> str:
        return self.tr("Block") if severity == BLOCK else self.tr("Warn")

    def _append(self, word: OwnWord) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        item = QTableWidgetItem(word.phrase)
        item.setData(Qt.ItemDataRole.UserRole, word)
        self.table.setItem(row, 0, item)
        self.table.setItem(row, 1, QTableWidgetItem(self._label(word.severity)))

    def words(self) -> list[OwnWord]:
        out = []
        for row in range(self.table.rowCount()):
            item = self.table.item(row, 0)
            word: Any = item.data(Qt.ItemDataRole.UserRole) if item else None
            if isinstance(word, OwnWord):
                out.append(word)
        return out

    def add(self) -> None:
        """Check the phrase now (the message says what is wrong), then list it."""
        self.error.clear()
        if not self.phrase.text().strip():
            return
        try:
            phrase = own_words.check_phrase(self.phrase.text())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        if any(w.phrase.casefold() == phrase.casefold() for w in self.words()):
            self.error.setText(self.tr("“{phrase}” is on the list already.").format(
                phrase=phrase))
            return
        self._append(OwnWord(phrase, str(self.severity.currentData())))
        self.table.scrollToBottom()
        self.phrase.clear()

    def remove(self) -> None:
        row = self.table.currentRow()
        if row >= 0:
            self.table.removeRow(row)

    def save(self) -> None:
        try:
            own_words.save_own_words(self.store, self.actor, self.words())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.accept()
