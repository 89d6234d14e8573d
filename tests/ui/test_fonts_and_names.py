"""Names as guests write them: emoji show as emoji (the set-up script installs a colour emoji
font, and Qt renders it offscreen), and a right-to-left name does not reorder the line."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QFontDatabase
from PySide6.QtWidgets import QApplication, QLabel
from pytestqt.qtbot import QtBot

from app.greeting import FSI, PDI, Greeting, isolate
from ui import texts

pytestmark = pytest.mark.qt_log_ignore("propagateSizeHints")


def coloured_pixels(label: QLabel) -> int:
    image = label.grab().toImage()
    return sum(1 for y in range(image.height()) for x in range(image.width())
               if (c := QColor(image.pixel(x, y))).saturation() > 80 and c.value() > 60)


def test_an_emoji_in_a_name_is_drawn_in_colour(qtbot: QtBot, qapp: QApplication) -> None:
    assert "Noto Color Emoji" in QFontDatabase.families(), \
        "run scripts/install-system-deps.sh (fonts-noto-color-emoji)"
    plain, emoji = QLabel("Zoë Jansen"), QLabel("Zoë 🎂 Jansen")
    for label in (plain, emoji):
        qtbot.addWidget(label)
        font = label.font()
        font.setPointSize(24)
        label.setFont(font)
        label.resize(400, 60)
    assert coloured_pixels(plain) == 0
    assert coloured_pixels(emoji) > 100  # a glyph, not an empty box


def test_a_right_to_left_name_is_isolated_in_the_greeting(qapp: QApplication) -> None:
    arabic = "سارة"
    cue = Greeting(arabic, "", 3, "stay", 3, None)
    assert texts.greeting(cue).startswith(f"{FSI}{arabic}{PDI} — ")
    assert cue.text.startswith(f"{FSI}{arabic}{PDI} — ")
    assert isolate("Anna") == "Anna"  # a left-to-right name needs nothing
    assert isolate("Dana\u202e") == f"{FSI}Dana\u202e{PDI}"  # a stray override is fenced in
