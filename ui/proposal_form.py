"""Propose a new label — and the same form for a manager's edit or rewording.

Anyone may propose; a manager approves before the label can be used. The
wording checks (``app.wording`` with the venue's rules) run while typing:
the flagged words are highlighted and the reason is shown under the field.
Blocked wording cannot be sent (it could never be approved, so sending it
would only earn a refusal); health words can be fixed by ticking "health
information", which makes the label special category (explicit consent).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app import languages, venue_settings, vocabulary, vocabulary_admin
from app.domain import Category, Sensitivity, SpecialAnswer
from app.errors import FrontdeskError
from app.opening import Store
from app.views import Actor, LabelInfo, Wording
from app.wording import WordingResult, check_wording
from app.wording_rules import label_texts, rules_in_use, text_languages
from ui import texts
from ui.i18n import current_language as ui_language
from ui.i18n import say
from ui.wording_widgets import (
    CheckedLine,
    ElidedLabel,
    SpecialQuestion,
    language_name,
    reasons_text,
    short_reasons,
)

PROPOSE, APPROVE_EDIT, REWORD = "propose", "approve_edit", "reword"


class ProposalDialog(QDialog):
    """Category, staff wording, guest wording and purpose per language, health flag, retention.

    ``mode``: ``"propose"`` (anyone), ``"approve_edit"`` (a manager edits a
    proposal and approves it) or ``"reword"`` (a manager rewords an approved
    label; sensitivity and retention stay as they are). After ``Accepted``,
    ``result`` holds the saved label.
    """

    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None, *,
                 label: LabelInfo | None = None, mode: str = PROPOSE) -> None:
        super().__init__(parent)
        self.store, self.actor, self.mode, self.label = store, actor, mode, label
        self.proposal: LabelInfo | None = None  # kept for the label picker
        self.result_label: LabelInfo | None = None
        self.default_language = venue_settings.default_language(store)
        self.rules = rules_in_use(store)
        self.check: WordingResult | None = None
        self.setWindowTitle({PROPOSE: self.tr("Propose a new label"),
                             APPROVE_EDIT: self.tr("Edit and approve a proposal"),
                             REWORD: self.tr("Reword a label")}[mode])
        self.setMinimumWidth(980)
        self.resize(1220, 700)

        intro = QLabel({
            PROPOSE: self.tr("Write it as you would say it to the guest: what they told us or "
                             "asked for, never a judgement. A manager reviews it before anyone "
                             "can use it, and the guest can always read it."),
            APPROVE_EDIT: self.tr("Your edit replaces the proposal. The wording checks run "
                                  "again before it is approved."),
            REWORD: self.tr("Guests who carry this label will see the new wording at once."),
        }[mode])
        intro.setWordWrap(True)
        intro.setObjectName("hint")

        self.category = QComboBox()
        self.category.setObjectName("proposalCategory")
        for c in Category:
            self.category.addItem(f"{texts.category(c)} — {texts.category_hint(c)}", c)
        self.fields: dict[tuple[str, str], CheckedLine] = {}
        self.notes: dict[tuple[str, str], ElidedLabel] = {}
        groups = []
        self.langs = languages.codes()  # read now: the registry is the one list
        for lang in self.langs:
            required = lang == self.default_language
            box = QGroupBox(self.tr("{language} — required").format(
                language=language_name(lang)) if required else self.tr(
                "{language} — optional").format(language=language_name(lang)))
            box.setObjectName(f"languageBox_{lang}")
            col = QVBoxLayout(box)
            col.setSpacing(3)
            suffix = lang.capitalize()
            for part, caption, length in (("staff", self.tr("Staff wording:"), 200),
                                          ("guest", self.tr("The guest reads:"), 300),
                                          ("purpose", self.tr("Why we keep it:"), 300)):
                name = {"staff": "proposalStaff", "guest": "proposalGuest",
                        "purpose": "proposalPurpose"}[part] + ("" if part == "staff" and required
                                                               else suffix)
                line = self._line(name, length)
                line.setPlaceholderText(vocabulary_admin.example_wording(lang, part))
                self.fields[(part, lang)] = line
                self.notes[(part, lang)] = self._note()
                caption_label = QLabel(caption)
                caption_label.setBuddy(line)
                col.addWidget(caption_label)
                col.addWidget(line)
                col.addWidget(self.notes[(part, lang)])
            col.addStretch(1)
            groups.append(box)
        # The default language's staff wording, and the old attribute names (tests, picker).
        self.staff_wording = self.fields[("staff", self.default_language)]
        self.staff_note = self.notes[("staff", self.default_language)]
        self.guest_en = self.fields.get(("guest", "en"))
        self.purpose_en = self.fields.get(("purpose", "en"))

        self.special = QCheckBox(self.tr("&Health information (special category)"))
        self.special.setObjectName("proposalSpecial")
        self.special_hint = QLabel(self.tr("allergies, medical diets, mobility, hearing, sight "
                                           "— used only with the guest's explicit consent"))
        self.special_hint.setWordWrap(True)
        self.special_hint.setObjectName("hint")
        self.retention = QSpinBox()
        self.retention.setObjectName("proposalRetention")
        self.retention.setRange(1, 3650)
        self.retention.setValue(365)
        self.retention.setSuffix(self.tr(" days"))

        lang_row = QHBoxLayout()
        for g in groups:
            lang_row.addWidget(g, 1)
        keep_label = QLabel(self.tr("&Keep for:"))
        keep_label.setBuddy(self.retention)
        keep_row = QHBoxLayout()
        category_label = QLabel(self.tr("&Category:"))
        category_label.setBuddy(self.category)
        keep_row.addWidget(category_label)
        keep_row.addWidget(self.category, 1)
        keep_row.addSpacing(16)
        keep_row.addWidget(keep_label)
        keep_row.addWidget(self.retention)
        keep_row.addWidget(QLabel(self.tr("after it is added to a guest")))

        self.rules_problem = QLabel("\n".join(self.rules.problems))
        self.rules_problem.setObjectName("error")
        self.rules_problem.setWordWrap(True)
        self.rules_problem.setVisible(bool(self.rules.problems))
        self.status = QLabel()
        self.status.setObjectName("checkStatus")
        self.status.setWordWrap(True)
        self.details = QTextBrowser()
        self.details.setObjectName("checkDetails")
        self.details.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.details.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.acknowledge = QCheckBox(self.tr("I have &read the warnings and the wording is "
                                             "right for the guest"))
        self.acknowledge.setObjectName("acknowledgeWarnings")
        self.acknowledge.hide()
        self.error = QLabel()
        self.error.setObjectName("error")
        self.error.setWordWrap(True)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.send_button: QPushButton = buttons.addButton(
            {PROPOSE: self.tr("Send &proposal"), APPROVE_EDIT: self.tr("&Approve edited label"),
             REWORD: self.tr("Save &wording")}[mode], QDialogButtonBox.ButtonRole.AcceptRole)
        self.send_button.setObjectName("sendProposal")
        self.send_button.setDefault(True)
        buttons.accepted.connect(self.send)
        buttons.rejected.connect(self.reject)

        self.send_button.setMinimumWidth(self.send_button.sizeHint().width() + 40)
        lay = QVBoxLayout(self)
        lay.setSpacing(8)
        lay.addWidget(intro)
        lay.addWidget(self.rules_problem)
        lay.addLayout(keep_row)
        lay.addLayout(lang_row)
        special_row = QHBoxLayout()
        special_row.addWidget(self.special)
        special_row.addWidget(self.special_hint, 1)
        lay.addLayout(special_row)
        # A manager approving, editing or rewording answers the question instead of the box.
        self.question = SpecialQuestion()
        self.question.setVisible(mode != PROPOSE)
        lay.addWidget(self.question)
        if mode != PROPOSE:
            self.special.hide()
            self.special_hint.hide()

        lay.addWidget(self.status)
        lay.addWidget(self.details)
        lay.addWidget(self.acknowledge)
        lay.addWidget(self.error)
        lay.addWidget(buttons)

        if label is not None:
            self._fill(label)
        if mode == REWORD:
            self.special.setEnabled(False)
            self.retention.setEnabled(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(150)
        self._timer.timeout.connect(self.run_checks)
        for line in self.fields.values():
            line.edited.connect(self._timer.start)
        self.special.toggled.connect(self.run_checks)
        self.question.answered.connect(self.run_checks)
        self.acknowledge.toggled.connect(self._update_button)
        self.run_checks()
        self.staff_wording.setFocus()

    # -- building -----------------------------------------------------------------
    def _line(self, name: str, max_length: int) -> CheckedLine:
        line = CheckedLine(max_length)
        line.setObjectName(name)
        return line

    def _note(self) -> ElidedLabel:
        # One line under the field; the full reasons are in the panel below and the tooltip.
        note = ElidedLabel()
        note.setObjectName("fieldNote")
        note.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        note.setFixedHeight(note.fontMetrics().lineSpacing() + 4)
        return note

    def _fill(self, lb: LabelInfo) -> None:
        self.category.setCurrentIndex(self.category.findData(lb.category))
        for lang, name in lb.staff_names().items():
            if ("staff", lang) in self.fields:
                self.fields[("staff", lang)].setText(name)
        for w in lb.wordings:
            if ("guest", w.language) in self.fields:
                self.fields[("guest", w.language)].setText(w.guest_wording)
                self.fields[("purpose", w.language)].setText(w.purpose)
        self.special.setChecked(lb.sensitivity == Sensitivity.SPECIAL)
        self.retention.setValue(lb.retention_days)

    # -- the draft and its checks -------------------------------------------------
    def wordings(self) -> tuple[Wording, ...]:
        out = []
        for lang in self.langs:
            guest = self.fields[("guest", lang)].text()
            purpose = self.fields[("purpose", lang)].text()
            if lang == self.default_language or guest.strip() or purpose.strip():
                out.append(Wording(lang, guest, purpose))
        return tuple(out)

    def is_special(self) -> bool:
        """Health: the proposer's box, or (approving, rewording) the manager's answer."""
        if self.mode == PROPOSE:
            return self.special.isChecked()
        if self.mode == REWORD and self.label is not None and self.question.answer() is None:
            return self.label.sensitivity == Sensitivity.SPECIAL
        return self.question.answer() == SpecialAnswer.HEALTH

    def names(self) -> dict[str, str]:
        """The staff wording per language that has one (the default language always)."""
        return {lang: self.fields[("staff", lang)].text() for lang in self.langs
                if lang == self.default_language or self.fields[("staff", lang)].text().strip()}

    def draft(self) -> vocabulary.LabelDraft:
        return vocabulary.LabelDraft(
            Category(self.category.currentData()), self.names(),
            Sensitivity.SPECIAL if self.is_special() else Sensitivity.NORMAL,
            self.retention.value(), self.wordings())

    def run_checks(self) -> None:
        """Check every text as the review will, and mark the words where they are."""
        wordings = self.wordings()
        special = self.is_special()
        names = self.names()
        result = check_wording(label_texts(names, wordings),
                               special_category=special, rules=self.rules.rules,
                               languages=text_languages(wordings, names))
        self.check = result
        lines = [self.fields[("staff", lang)] for lang in sorted(names)]
        notes = [self.notes[("staff", lang)] for lang in sorted(names)]
        for w in wordings:
            lines += [self.fields[("guest", w.language)], self.fields[("purpose", w.language)]]
            notes += [self.notes[("guest", w.language)], self.notes[("purpose", w.language)]]
        for line in self.fields.values():
            line.highlight([], special)
        for note in self.notes.values():
            note.clear()
        for i, (line, note) in enumerate(zip(lines, notes, strict=True)):
            found = [f for f in result.findings if f.text_index == i]
            line.highlight(found, special)
            shown = [f for f in found if f in result.blocking or f in result.warnings]
            if shown:
                blocking = any(f in result.blocking for f in shown)
                note.setText(("✖ " if blocking else "⚠ ") + short_reasons(shown))
                note.setToolTip(reasons_text(shown, result))
                note.setStyleSheet("color: #a32020; font-weight: 600;" if blocking
                                   else "color: #8a5a00;")
        shown_all = [*result.blocking, *result.warnings]
        self.details.setPlainText(reasons_text(shown_all, result) if shown_all else "")
        self.details.setVisible(bool(shown_all))
        self._update_button()

    def _update_button(self) -> None:
        result = self.check
        if result is None:
            return
        health_only = result.blocked and all(f.severity.value == "health"
                                             for f in result.blocking)
        if health_only:
            words = ", ".join(dict.fromkeys(f"“{f.matched}”" for f in result.blocking))
            self.status.setText((self.tr("{words}: this is health information. Tick “Health "
                                         "information” above to send it as a special-category "
                                         "label, or reword it.") if self.mode == PROPOSE else
                                 self.tr("{words}: this is health information. Answer “Health” "
                                         "below, or reword it.")).format(words=words))
        elif result.blocked:
            self.status.setText(self.tr("This wording cannot be sent: it judges a person. "
                                        "Change the marked words; the reason is under each "
                                        "field."))
        elif result.warnings:
            self.status.setText(self.tr("Allowed, with a warning: a manager will look at the "
                                        "marked words again."))
        else:
            self.status.setText(self.tr("✓ The wording checks found nothing."))
        self.status.setStyleSheet("color: #a32020; font-weight: 600;" if result.blocked
                                  else "color: #8a5a00;" if result.warnings
                                  else "color: #2e6b3a;")
        needs_ack = self.mode != PROPOSE and bool(result.warnings)
        self.acknowledge.setVisible(needs_ack)
        self.question.show_check(result, ui_language())
        problem = self._answer_problem()
        if problem:
            self.status.setText(problem)
            self.status.setStyleSheet("color: #a32020; font-weight: 600;")
        self.send_button.setEnabled(not result.blocked and not problem
                                    and (not needs_ack or self.acknowledge.isChecked()))

    def _answer_problem(self) -> str:
        """Why the manager's answer stops saving ("" when it does not, or when proposing)."""
        if self.mode == PROPOSE:
            return ""
        answer = self.question.answer()
        if answer is None:
            return self.tr("Answer the question above: does this label reveal health, or "
                           "another special category?")
        if answer == SpecialAnswer.OTHER:
            return self.tr("A label that reveals another special category cannot be approved "
                           "or kept: change the words, or cancel.")
        if self.mode == REWORD and self.label is not None:
            special = self.label.sensitivity == Sensitivity.SPECIAL
            if answer == SpecialAnswer.HEALTH and not special:
                return self.tr("This label is in use as ordinary data, without consent: it "
                               "cannot become health information. Retire it and propose a "
                               "new health label.")
            if answer == SpecialAnswer.NONE and special:
                return self.tr("This is a health label, used with consent: retire it and "
                               "propose new words instead.")
        return ""

    # -- saving -------------------------------------------------------------------
    def send(self) -> None:
        self._timer.stop()
        self.run_checks()
        if not self.send_button.isEnabled():
            return
        try:
            if self.mode == PROPOSE:
                saved = vocabulary.propose_label(self.store, self.actor, self.draft(),
                                                 refuse_blocked=True)
                self.proposal = saved
            elif self.mode == APPROVE_EDIT:
                assert self.label is not None
                saved = vocabulary.edit_and_approve(
                    self.store, self.actor, self.label.id, self.draft(),
                    answer=self.question.answer(),
                    acknowledge_warnings=self.acknowledge.isChecked())
            else:
                assert self.label is not None
                saved = vocabulary_admin.reword_label(
                    self.store, self.actor, self.label.id, self.names(),
                    self.wordings(), category=Category(self.category.currentData()),
                    answer=self.question.answer(),
                    acknowledge_warnings=self.acknowledge.isChecked())
        except FrontdeskError as exc:
            self.error.setText(say(exc))
            return
        self.result_label = saved
        self.accept()
