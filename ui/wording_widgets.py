"""Widgets shared by the proposal form, the review queue and the vocabulary screen.

* :class:`CheckedLine` — a one-line text box that can highlight the words a
  wording check found (offsets from ``app.wording``), with the reasons right
  under it.
* :class:`GuestPreview` — a label framed the way the guest sees it in the
  Show-guest view: the category title, the wording in large type, the
  purpose. It renders through ``app.guest_wording.render_label``, the same
  function the guest view uses, so what a manager approves is what the guest
  reads.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QTextCharFormat,
    QTextCursor,
)
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from app.domain import SpecialAnswer
from app.guest_wording import render_label
from app.views import LabelInfo
from app.wording import Finding, Kind, Severity, WordingResult
from app.wording_categories import title as category_title
from ui import texts

BLOCK_COLOR = QColor("#f6d3cf")
HEALTH_COLOR = QColor("#e4dcf5")
WARN_COLOR = QColor("#fbe9b7")


class ElidedLabel(QLabel):
    """One line that ends in "…" when it does not fit (the full text is in the tooltip)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setPen(self.palette().color(self.foregroundRole()))
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight,
                                             self.contentsRect().width())
        painter.setFont(self.font())
        painter.drawText(self.contentsRect(), int(Qt.AlignmentFlag.AlignLeft
                                                  | Qt.AlignmentFlag.AlignVCenter), text)


def finding_color(f: Finding, special_category: bool) -> QColor:
    if f.severity is Severity.WARN:
        return WARN_COLOR
    if f.severity is Severity.HEALTH:
        return HEALTH_COLOR if special_category else BLOCK_COLOR
    return BLOCK_COLOR


class CheckedLine(QPlainTextEdit):
    """A single line of text (wraps when long) whose flagged words are highlighted.

    Enter does not add a line break: it goes to the dialog (its default
    button), and Tab moves to the next field, like a line edit.
    """

    edited = Signal()

    def __init__(self, max_length: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.max_length = max_length
        self.setTabChangesFocus(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        lines = 2 if max_length > 200 else 1
        height = self.fontMetrics().lineSpacing() * lines + 18
        self.setFixedHeight(height)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.textChanged.connect(self._changed)

    def text(self) -> str:
        return self.toPlainText()

    def setText(self, text: str) -> None:
        self.setPlainText(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            event.ignore()  # the dialog's default button handles it
            return
        super().keyPressEvent(event)

    def _changed(self) -> None:
        text = self.toPlainText()
        clean = " ".join(text.splitlines()) if "\n" in text or "\u2029" in text else text
        if len(clean) > self.max_length:
            clean = clean[: self.max_length]
        if clean != text:
            cursor = self.textCursor()
            pos = min(cursor.position(), len(clean))
            self.blockSignals(True)
            self.setPlainText(clean)
            cursor = self.textCursor()
            cursor.setPosition(pos)
            self.setTextCursor(cursor)
            self.blockSignals(False)
        self.edited.emit()

    def highlight(self, findings: Sequence[Finding], special_category: bool) -> None:
        """Mark each finding's words (``start``/``end`` are offsets into this text)."""
        selections = []
        length = len(self.toPlainText())
        for f in findings:
            if f.end > length:
                continue
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(f.start)
            cursor.setPosition(f.end, QTextCursor.MoveMode.KeepAnchor)
            fmt = QTextCharFormat()
            fmt.setBackground(finding_color(f, special_category))
            fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.WaveUnderline)
            fmt.setUnderlineColor(QColor("#a32020") if f.severity is not Severity.WARN
                                  else QColor("#9a6a00"))
            sel.cursor = cursor
            sel.format = fmt
            selections.append(sel)
        self.setExtraSelections(selections)
        self.setToolTip("\n".join(dict.fromkeys(
            f"“{f.matched}”: {f.reason_in(_ui_language())}" for f in findings)))


def _ui_language() -> str:
    """The language of the reasons shown to staff: the interface language."""
    from ui.i18n import current_language

    return current_language()


def reasons_text(findings: Sequence[Finding], result: WordingResult, lang: str = "") -> str:
    """'“Big spender” — Says something about a guest's money…' once per rule group."""
    lang = lang or _ui_language()
    by_group: dict[str, list[str]] = {}
    reason: dict[str, str] = {}
    for f in findings:
        by_group.setdefault(f.group, [])
        if f.matched not in by_group[f.group]:
            by_group[f.group].append(f.matched)
        reason[f.group] = f.reason_in(lang)
    lines = []
    for group, words in by_group.items():
        quoted = ", ".join(f"“{w}”" for w in words)
        lines.append(f"{quoted} — {reason[group]}")
    return "\n".join(lines)


def short_reasons(findings: Sequence[Finding], lang: str = "") -> str:
    """'“Big spender”: Says something about a guest's money or spending.' (first sentence)."""
    lang = lang or _ui_language()
    parts: dict[str, str] = {}
    for f in findings:
        first = f.reason_in(lang).split(". ")[0].rstrip(".") + "."
        parts.setdefault(f.group, f"“{f.matched}”: {first}")
    return "  ".join(parts.values())


class GuestPreview(QFrame):
    """One language's guest's-eye view of a label, framed like the Show-guest view."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guestPreview")
        self.setStyleSheet(
            "QFrame#guestPreview { background: #ffffff; border: 1px solid #cfd6d2;"
            " border-radius: 8px; }"
            "QLabel#previewLanguage { color: #5b6b73; font-size: 10pt; }"
            "QLabel#previewTitle { color: #1f3b4d; font-weight: 600; }"
            "QLabel#previewNote { color: #8a5a00; font-size: 10pt; }")
        self.language_label = QLabel()
        self.language_label.setObjectName("previewLanguage")
        self.title = QLabel()
        self.title.setObjectName("previewTitle")
        title_font = QFont(self.title.font())
        title_font.setPointSize(title_font.pointSize() + 2)
        self.title.setFont(title_font)
        self.wording = QLabel()
        self.wording.setObjectName("previewWording")
        self.wording.setWordWrap(True)
        big = QFont(self.wording.font())
        big.setPointSize(big.pointSize() + 6)
        self.wording.setFont(big)
        self.purpose = QLabel()
        self.purpose.setObjectName("previewPurpose")
        self.purpose.setWordWrap(True)
        self.note = QLabel()
        self.note.setObjectName("previewNote")
        self.note.setWordWrap(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(18, 12, 18, 14)
        lay.setSpacing(6)
        lay.addWidget(self.language_label)
        lay.addWidget(self.title)
        lay.addWidget(self.wording)
        lay.addWidget(self.purpose)
        lay.addWidget(self.note)
        lay.addStretch(1)

    def show_label(self, label: LabelInfo, language: str) -> None:
        shown = render_label(label, language)
        self.language_label.setText(self.tr("The guest reads, in {language}:").format(
            language=texts.language(language)))
        self.title.setText(shown.category_title)
        self.wording.setText(shown.wording)
        self.purpose.setText(self.tr("Why we keep it: {purpose}").format(purpose=shown.purpose)
                             if shown.purpose else "")
        self.note.setVisible(shown.fell_back)
        self.note.setText(self.tr("No {language} wording yet: this guest would read the "
                                  "{used} text above.").format(
            language=texts.language(language), used=texts.language(shown.language)))


class SpecialQuestion(QGroupBox):
    """The manager's explicit answer, asked on every approval, edit and rewording.

    Nothing is chosen at first: the manager must pick one. Beside the question
    stands what the automatic check found (:meth:`show_check`), as a help —
    the answer is the manager's. ``answered`` fires with each choice.
    """

    answered = Signal()
    FIT_WIDTH = 1100  # widest row of answers that still fits a dialog on a 1366 px screen

    def __init__(self, parent: QWidget | None = None, *, vertical: bool = False) -> None:
        super().__init__(self.tr("Does this label reveal health, or another special category "
                                 "of personal data?"), parent)
        self.setObjectName("specialQuestion")
        self.none = QRadioButton(self.tr("&No — ordinary service data"))
        self.none.setObjectName("answerNone")
        self.health = QRadioButton(self.tr("&Health — used only with the guest's explicit "
                                           "consent"))
        self.health.setObjectName("answerHealth")
        self.other = QRadioButton(self.tr("Ano&ther special category — cannot be approved"))
        self.other.setObjectName("answerOther")
        self.other.setToolTip(self.tr("Origin or nationality, religion, sexual life or "
                                      "orientation, political opinions, union membership, "
                                      "genetic or biometric data."))
        self.hint = QLabel(self.tr("Other special categories: origin or nationality, religion, "
                                   "sexual life or orientation, political opinions, union "
                                   "membership, genetic or biometric data."))
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.finding = QLabel()
        self.finding.setObjectName("specialFinding")
        self.finding.setWordWrap(True)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        for b in (self.none, self.health, self.other):
            self.group.addButton(b)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(12, 8, 12, 8)
        lay.setSpacing(3)
        buttons = (self.none, self.health, self.other)
        # Side by side when they fit a 1366-pixel screen's dialog; in a longer language the
        # third answer goes to a second line (the desk's window-fit test; desk's hook).
        wide = sum(b.sizeHint().width() for b in buttons) + 2 * 18 > self.FIT_WIDTH
        if vertical:
            row: QVBoxLayout | QHBoxLayout = QVBoxLayout()
            row.setSpacing(3)
            for b in buttons:
                row.addWidget(b)
            lay.addLayout(row)
        else:
            lines = ((self.none, self.health), (self.other,)) if wide else (buttons,)
            for line in lines:
                row = QHBoxLayout()
                row.setSpacing(18)
                for b in line:
                    row.addWidget(b)
                row.addStretch(1)
                lay.addLayout(row)
        lay.addWidget(self.hint)
        lay.addWidget(self.finding)
        self.group.buttonToggled.connect(lambda *_: self.answered.emit())

    def answer(self) -> SpecialAnswer | None:
        if self.none.isChecked():
            return SpecialAnswer.NONE
        if self.health.isChecked():
            return SpecialAnswer.HEALTH
        if self.other.isChecked():
            return SpecialAnswer.OTHER
        return None

    def clear(self) -> None:
        """No answer (a new label, or the words changed)."""
        self.group.setExclusive(False)
        for b in (self.none, self.health, self.other):
            b.setChecked(False)
        self.group.setExclusive(True)
        self.answered.emit()

    def show_check(self, result: WordingResult, lang: str) -> None:
        """The automatic check's finding, beside the question."""
        health = [f for f in result.findings if f.kind is Kind.HEALTH]
        special = [f for f in result.findings if f.kind is Kind.SPECIAL]
        parts = []
        if health:
            parts.append(self.tr("health ({words})").format(words=_quoted(health)))
        for f in _first_per_group(special):
            parts.append(self.tr("{category} ({words})").format(
                category=category_title(f.group, lang),
                words=_quoted([g for g in special if g.group == f.group])))
        self.finding.setText(
            self.tr("The automatic check found: {found}.").format(found="; ".join(parts))
            if parts else self.tr("The automatic check found no health or other special "
                                  "category — it can miss words it does not know."))
        self.finding.setStyleSheet("color: #a32020;" if special else
                                   "color: #5a3d8a;" if health else "color: #5b6b73;")


def _quoted(findings: Sequence[Finding]) -> str:
    return ", ".join(dict.fromkeys(f"“{f.matched}”" for f in findings))


def _first_per_group(findings: Sequence[Finding]) -> list[Finding]:
    seen: dict[str, Finding] = {}
    for f in findings:
        seen.setdefault(f.group, f)
    return list(seen.values())


def label_name(label: LabelInfo) -> str:
    """The label's name in the interface language, or another's with a marker ("… [EN]")."""
    return label.staff_name(_ui_language())


def language_name(code: str) -> str:
    """A language named in the reader's language ("Engels" on a Dutch desk), from CLDR."""
    from babel import Locale, UnknownLocaleError

    try:
        name = Locale.parse(_ui_language()).languages.get(code)
    except (UnknownLocaleError, ValueError):
        name = None
    return (name[:1].upper() + name[1:]) if name else texts.language(code)
