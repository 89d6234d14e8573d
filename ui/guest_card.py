"""The guest card: the greeting to read aloud, labels by category, visits and consents.

Everything here comes from one ``GuestCard`` snapshot (``guests.open_card``,
audited). The card holds no editable text about the guest: labels come from
the picker, facts from the guest form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QApplication,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.clock import today as _today
from app.domain import ConsentPurpose, Sensitivity, VisitStatus
from app.views import AssignmentInfo, ConsentInfo, GuestCard, VisitInfo
from ui import texts
from ui.models.visits_model import VisitsModel
from ui.tables import DeskTable, EmptyOr
from ui.wording_widgets import label_name

ASSIGNMENT_ROLE = Qt.ItemDataRole.UserRole + 2
SPECIAL_BG = QColor("#fdecea")
SPECIAL_FG = QColor("#8a1c12")
HEALTH_HEAD_BG = QColor("#f6d3ce")


class LabelTree(QTreeWidget):
    """Health first, then labels under the four category headings. Ins, Del, Space and A
    are the card's shortcuts (they work wherever the focus is on the card)."""


def consent_text(consent: ConsentInfo | None) -> str:
    """Short, for the Basis column (the date is in the Consents box and the details)."""
    if consent is None:
        return texts.tr("no consent on record")
    return texts.tr("consent ✓")


class GuestCardView(QWidget):
    """Shows one card. Signals ask the desk to act; ``card`` is the current snapshot."""

    back = Signal()
    show_guest = Signal(int)
    edit_guest = Signal()
    new_visit = Signal()
    add_label = Signal()
    remove_label = Signal(object)  # AssignmentInfo
    record_consent = Signal()
    withdraw_consent = Signal(object)  # ConsentInfo
    mark_arrived = Signal(object)  # VisitInfo: today's visit, arrived or expected again

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: GuestCard | None = None
        self._split_moved = False
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setWordWrap(True)
        self.greeting.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.facts = QLabel()
        self.facts.setObjectName("subtitle")
        self.facts.setWordWrap(True)
        self.health_chip = QLabel()  # the guest's health labels, readable at arm's length
        self.health_chip.setObjectName("healthChip")
        self.health_chip.setWordWrap(True)
        self.health_chip.setVisible(False)
        self.arrived_button = QPushButton(self.tr("Mark &arrived (Space)"))
        self.arrived_button.setObjectName("markArrived")
        self.show_button = QPushButton(self.tr("Sh&ow guest (F9)"))
        self.show_button.setObjectName("showGuest")
        self.edit_button = QPushButton(self.tr("&Edit details…"))
        self.visit_button = QPushButton(self.tr("New booking or &stay…"))
        self.back_button = QPushButton(self.tr("← Bac&k (Esc)"))
        header = QFrame()
        header.setObjectName("card")
        hl = QVBoxLayout(header)
        hl.setContentsMargins(18, 14, 18, 14)
        hl.addWidget(self.greeting)
        hl.addWidget(self.facts)
        chip_row = QHBoxLayout()
        chip_row.addWidget(self.health_chip)
        chip_row.addStretch(1)
        hl.addLayout(chip_row)
        buttons = QHBoxLayout()
        for b in (self.back_button, self.arrived_button, self.edit_button, self.visit_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.show_button)
        hl.addLayout(buttons)

        self.tree = LabelTree()
        self.tree.setObjectName("labels")
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Label"), self.tr("Added"), self.tr("Basis")])
        self.tree.setRootIsDecorated(False)
        self.tree.setItemsExpandable(False)
        self.tree.setUniformRowHeights(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setAlternatingRowColors(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        # The label's words come first: Basis keeps a fixed width (elided; the whole basis
        # is in the tooltip and the details below), so "⚕ Nut allergy" is never cut.
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(2, self.fontMetrics().averageCharWidth() * 26)
        self.tree.header().setStretchLastSection(False)
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(64)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.add_button = QPushButton(self.tr("Add &label… (Ins)"))
        self.add_button.setObjectName("addLabel")
        self.remove_button = QPushButton(self.tr("&Remove label… (Del)"))
        self.remove_button.setObjectName("removeLabel")
        labels_box = QGroupBox(self.tr("Labels"))
        ll = QVBoxLayout(labels_box)
        ll.addWidget(self.tree, 1)
        ll.addWidget(self.detail)
        lb = QHBoxLayout()
        lb.addWidget(self.add_button)
        lb.addWidget(self.remove_button)
        lb.addStretch(1)
        ll.addLayout(lb)

        self.visits = VisitsModel(self)
        # The date column gives way (elided) so Status always shows, without a scrollbar.
        self.visit_table = DeskTable(self.visits, stretch=VisitsModel.DATE)
        self.visit_table.setObjectName("visits")
        self.visit_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.visit_table.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.visit_body = EmptyOr(self.visit_table)
        visits_box = QGroupBox(self.tr("Visit history"))
        QVBoxLayout(visits_box).addWidget(self.visit_body)

        self.consent_lines = QLabel()
        self.consent_lines.setWordWrap(True)
        self.consent_button = QPushButton(self.tr("Record &consent…"))
        self.withdraw_button = QPushButton(self.tr("&Withdraw consent…"))
        consent_box = QGroupBox(self.tr("Consents"))
        cl = QVBoxLayout(consent_box)
        cl.addWidget(self.consent_lines)
        cb = QHBoxLayout()
        cb.addWidget(self.consent_button)
        cb.addWidget(self.withdraw_button)
        cb.addStretch(1)
        cl.addLayout(cb)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(visits_box, 1)
        rl.addWidget(consent_box)
        split = QSplitter(Qt.Orientation.Horizontal)
        split.addWidget(labels_box)
        split.addWidget(right)
        split.setStretchFactor(0, 11)
        split.setStretchFactor(1, 9)
        split.setChildrenCollapsible(False)
        split.splitterMoved.connect(lambda *_: setattr(self, "_split_moved", True))
        self.split = split

        lay = QVBoxLayout(self)
        lay.setContentsMargins(16, 12, 16, 12)
        lay.addWidget(header)
        lay.addWidget(split, 1)

        self.back_button.clicked.connect(self.back)
        self.show_button.clicked.connect(lambda: self.card and self.show_guest.emit(
            self.card.guest.id))
        self.edit_button.clicked.connect(self.edit_guest)
        self.visit_button.clicked.connect(self.new_visit)
        self.add_button.clicked.connect(self.add_label)
        self.remove_button.clicked.connect(self._remove)
        self.tree.currentItemChanged.connect(self._describe)
        self.consent_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self._withdraw)
        self.arrived_button.clicked.connect(self._mark_arrived)
        # The keys written on the buttons work wherever the focus is on the card.
        for keys, slot in (((Qt.Key.Key_Insert,), self.add_label.emit),
                           ((Qt.Key.Key_Delete,), self._remove),
                           ((Qt.Key.Key_Escape,), self.back.emit),
                           ((Qt.Key.Key_Space, Qt.Key.Key_A), self._space)):
            for k in keys:
                sc = QShortcut(QKeySequence(k), self)
                sc.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                sc.activated.connect(slot)

    # -- filling -----------------------------------------------------------------------
    def load(self, card: GuestCard) -> None:
        self.card = card
        g = card.guest
        self.greeting.setText(texts.greeting(card.greeting))
        facts = [g.full_name, self.tr("speaks {language}").format(
            language=texts.language_in_ui(g.language))]
        facts += [x for x in (g.email, g.phone) if x]
        self.facts.setText("  ·  ".join(texts.isolate(f) for f in facts))
        health = [label_name(a.label) for a in card.assignments
                  if a.label.sensitivity == Sensitivity.SPECIAL]
        chip = "⚕  " + "  ·  ".join(health)
        self.health_chip.setText(chip)
        self.health_chip.setVisible(bool(health))
        # A word-wrapped label asks for a narrow, tall shape ("Coeliac – no / gluten") even
        # with room beside it: it keeps one line as long as the card is wide enough.
        self.health_chip.setWordWrap(False)   # its one-line width, in its own style's font
        one_line = self.health_chip.sizeHint().width()
        self.health_chip.setWordWrap(True)
        self.health_chip.setMinimumWidth(min(one_line, max(200, self.width() - 80)))
        self._fill_tree(card)
        self.visits.set_rows(card.visits)
        self._split_evenly()
        if card.visits:
            self.visit_body.show_table()
        else:
            self.visit_body.show_message(self.tr("No stays or bookings yet."))
        self._fill_consents(card)
        self._update_arrived()

    def todays_visit(self) -> VisitInfo | None:
        """The visit the guest arrives for today (expected or already marked arrived)."""
        from app.visits import arrival_today

        return arrival_today(self.card.visits, _today()) if self.card is not None else None

    def _update_arrived(self) -> None:
        visit = self.todays_visit()
        self.arrived_button.setEnabled(visit is not None)
        if visit is not None and visit.status == VisitStatus.ARRIVED:
            self.arrived_button.setText(self.tr("Arrived ✓ — undo (Space)"))
        else:
            self.arrived_button.setText(self.tr("Mark &arrived (Space)"))
        if visit is None:
            self.arrived_button.setToolTip(self.tr("No stay or booking for today"))
        else:
            self.arrived_button.setToolTip("")

    def _mark_arrived(self) -> None:
        visit = self.todays_visit()
        if visit is not None:
            self.mark_arrived.emit(visit)

    def _space(self) -> None:
        """Space or A: mark arrived — except on a focused button, which Space presses."""
        focus = QApplication.focusWidget()
        if isinstance(focus, QAbstractButton) and focus is not self.arrived_button \
                and self.isAncestorOf(focus):
            focus.animateClick()
            return
        self._mark_arrived()

    def resizeEvent(self, event: QResizeEvent) -> None:
        """Keep the labels/visits split at 11:9 of the width (until someone drags it), so
        the card looks the same after a lock and unlock as before it."""
        super().resizeEvent(event)
        self._split_evenly()

    def _split_evenly(self) -> None:
        """11:9, but the visit history gets the width its dates need (up to half), so
        "30 mei – 3 jun 2026" is not cut in a language with longer headers. Depends only
        on the width and the card's content: the same after a lock and unlock."""
        if self._split_moved:
            return
        width = max(0, self.split.width() - self.split.handleWidth())
        table = self.visit_table
        header = table.horizontalHeader()
        columns = sum(max(table.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.visits.columnCount()))
        chrome = 2 * table.frameWidth() + table.verticalScrollBar().sizeHint().width() + 40
        right = min(width // 2, max(width - width * 11 // 20, columns + chrome))
        self.split.setSizes([width - right, right])

    def clear(self) -> None:
        """Forget the guest entirely (used when the desk locks or signs out)."""
        self.card = None
        for w in (self.greeting, self.facts, self.detail, self.consent_lines, self.health_chip):
            w.clear()
        self.health_chip.setVisible(False)
        self.tree.clear()
        self.visits.clear()

    def health_consent(self) -> ConsentInfo | None:
        if self.card is None:
            return None
        return next((c for c in self.card.consents
                     if c.purpose == ConsentPurpose.HEALTH and c.active), None)

    def _fill_tree(self, card: GuestCard) -> None:
        """Health and safety first, pinned and coloured, whatever the label's category (for a
        host it is safety information); then the four categories without health labels."""
        self.tree.clear()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSize(heading_font.pointSize() + 1)
        consent = self.health_consent()
        first_label: QTreeWidgetItem | None = None
        health = [a for a in card.assignments if a.label.sensitivity == Sensitivity.SPECIAL]
        groups: list[tuple[str, list[AssignmentInfo], bool]] = [(
            self.tr("⚕ Health and safety — allergies, diets, mobility"), health, True)]
        for category, items in card.by_category().items():
            groups.append((f"{texts.category(category)} — {texts.category_hint(category)}",
                           [a for a in items if a.label.sensitivity != Sensitivity.SPECIAL],
                           False))
        for title, items, is_health in groups:
            head = QTreeWidgetItem([title])
            head.setFont(0, heading_font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setForeground(0, QBrush(SPECIAL_FG if is_health else QColor("#1f3b4d")))
            if is_health:
                for col in range(3):
                    head.setBackground(col, QBrush(HEALTH_HEAD_BG))
                head.setData(0, Qt.ItemDataRole.AccessibleTextRole, "health")
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            if not items:
                none = QTreeWidgetItem([self.tr("    none recorded") if is_health
                                        else self.tr("    nothing recorded")])
                none.setFlags(Qt.ItemFlag.NoItemFlags)
                head.addChild(none)
                none.setFirstColumnSpanned(True)
            for a in items:
                item = self._label_item(a, consent)
                head.addChild(item)
                first_label = first_label or item
            head.setExpanded(True)
        if first_label is not None:
            self.tree.setCurrentItem(first_label)
        else:
            self.detail.setText(self.tr("No labels yet. Press Ins to add one from the "
                                        "approved list."))
        self.remove_button.setEnabled(first_label is not None)

    def _label_item(self, a: AssignmentInfo, consent: ConsentInfo | None) -> QTreeWidgetItem:
        special = a.label.sensitivity == Sensitivity.SPECIAL
        basis = (f"{texts.source(a.source)} · {consent_text(consent)}" if special
                 else texts.source(a.source))
        item = QTreeWidgetItem([("⚕ " if special else "") + label_name(a.label),
                                f"{a.added_by.split()[0]}, {texts.short_date(a.added_at)}",
                                basis])
        item.setData(0, ASSIGNMENT_ROLE, a)
        item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
        tip = self._wording_text(a)
        for col in range(3):
            item.setToolTip(col, tip)
        if special:
            for col in range(3):
                item.setBackground(col, QBrush(SPECIAL_BG))
                item.setForeground(col, QBrush(SPECIAL_FG))
        return item

    def _wording_text(self, a: AssignmentInfo) -> str:
        lang = self.card.guest.language if self.card else "en"
        w = a.label.wording(lang)
        lines = []
        if w is not None:
            lines.append(self.tr("Guest sees: “{text}”").format(text=w.guest_wording))
            lines.append(self.tr("Purpose: {text}").format(text=w.purpose))
        lines.append(self.tr("Added by {who} ({role}) on {date} · {source} · kept until {until}")
                     .format(who=a.added_by, role=texts.role(a.added_by_role),
                             date=texts.short_date(a.added_at), source=texts.source(a.source),
                             until=texts.short_date(a.expires_at)))
        return "\n".join(lines)

    def _describe(self, item: QTreeWidgetItem | None, _prev: object = None) -> None:
        a = item.data(0, ASSIGNMENT_ROLE) if item is not None else None
        if isinstance(a, AssignmentInfo):
            self.detail.setText(self._wording_text(a))
            self.remove_button.setEnabled(True)
        else:
            self.detail.clear()
            self.remove_button.setEnabled(False)

    def _fill_consents(self, card: GuestCard) -> None:
        lines = []
        for c in card.consents:
            state = (self.tr("given {date} by {who}").format(
                date=texts.short_date(c.given_at), who=c.recorded_by)
                if c.active else self.tr("withdrawn {date}").format(
                date=texts.short_date(c.withdrawn_at or c.given_at)))
            lines.append(self.tr("Health information (allergies, diets, mobility): {state}")
                         .format(state=state))
        self.consent_lines.setText("\n".join(lines) or self.tr("No consents recorded."))
        active = self.health_consent() is not None
        self.consent_button.setEnabled(not active)
        self.withdraw_button.setEnabled(active)

    # -- actions -----------------------------------------------------------------------
    def current_assignment(self) -> AssignmentInfo | None:
        item = self.tree.currentItem()
        a = item.data(0, ASSIGNMENT_ROLE) if item is not None else None
        return a if isinstance(a, AssignmentInfo) else None

    def select_label(self, label_id: int) -> None:
        for i in range(self.tree.topLevelItemCount()):
            head = self.tree.topLevelItem(i)
            if head is None:
                continue
            for j in range(head.childCount()):
                child = head.child(j)
                a = child.data(0, ASSIGNMENT_ROLE) if child is not None else None
                if child is not None and isinstance(a, AssignmentInfo) \
                        and a.label.id == label_id:
                    self.tree.setCurrentItem(child)

    def _remove(self) -> None:
        a = self.current_assignment()
        if a is not None:
            self.remove_label.emit(a)

    def _withdraw(self) -> None:
        c = self.health_consent()
        if c is not None:
            self.withdraw_consent.emit(c)

    def focus_labels(self) -> None:
        self.tree.setFocus()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.back.emit()
            return
        super().keyPressEvent(event)
