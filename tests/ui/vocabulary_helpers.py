"""Helpers for the vocabulary screens' tests."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from ui.wording_widgets import SpecialQuestion


def answer(qtbot: QtBot, question: SpecialQuestion, which: str) -> None:
    """Pick the manager's answer to the special-category question with the mouse."""
    radio = {"none": question.none, "health": question.health, "other": question.other}[which]
    qtbot.mouseClick(radio, Qt.MouseButton.LeftButton, pos=QPoint(10, radio.height() // 2))
    assert radio.isChecked()
