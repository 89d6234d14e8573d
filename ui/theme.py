"""The desk look: Fusion style, a restrained palette, a 12 pt base font and desk.qss."""

from __future__ import annotations

import contextlib
from pathlib import Path

from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory, QWidget

STYLE_SHEET = Path(__file__).resolve().parent.parent / "resources" / "style" / "desk.qss"
BASE_POINT_SIZE = 12


def apply(app: QApplication) -> None:
    """Readable at arm's length: Fusion everywhere so it looks the same on every desk."""
    app.setStyle(QStyleFactory.create("Fusion"))
    font = QFont(app.font())
    font.setPointSize(BASE_POINT_SIZE)
    app.setFont(font)
    pal = QPalette()
    colors = {
        QPalette.ColorRole.Window: "#f5f6f4",
        QPalette.ColorRole.WindowText: "#1d2a31",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#f2f5f4",
        QPalette.ColorRole.Text: "#1d2a31",
        QPalette.ColorRole.Button: "#e9eeeb",
        QPalette.ColorRole.ButtonText: "#1d2a31",
        QPalette.ColorRole.Highlight: "#2f6f8f",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#fffef5",
        QPalette.ColorRole.ToolTipText: "#1d2a31",
        QPalette.ColorRole.PlaceholderText: "#7a8a92",
        QPalette.ColorRole.Link: "#2f6f8f",
    }
    for role, color in colors.items():
        pal.setColor(role, QColor(color))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor("#8a969c"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor("#8a969c"))
    app.setPalette(pal)
    # A missing sheet leaves the palette look, which is still usable.
    with contextlib.suppress(OSError):
        app.setStyleSheet(STYLE_SHEET.read_text(encoding="utf-8"))


# Room left around a window for the window manager's title bar and borders (the frame is
# unknown until the window is shown; 48 × 16 px covers the common desktops).
FRAME_ALLOWANCE = (16, 48)


def fit(window: QWidget, width: int, height: int) -> None:
    """Resize a top-level window to ``width``×``height``, or less so that it fits, frame
    and all, in the available area of its screen (a 1366×768 laptop minus its panel)."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    avail = screen.availableGeometry()
    window.resize(min(width, avail.width() - FRAME_ALLOWANCE[0]),
                  min(height, avail.height() - FRAME_ALLOWANCE[1]))
