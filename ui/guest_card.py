"""The guest card: the greeting to read aloud, labels by category, visits and consents.

Everything here comes from one ``GuestCard`` snapshot (``guests.open_card``,
audited). The card holds no editable text about the guest: labels come from
the picker, facts from the guest form.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
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

from app.domain import ConsentPurpose, Sensitivity
from app.views import AssignmentInfo, ConsentInfo, GuestCard
from ui import texts
from ui.models.visits_model import VisitsModel
from ui.tables import DeskTable, EmptyOr

ASSIGNMENT_ROLE = Qt.ItemDataRole.UserRole + 2
SPECIAL_BG = QColor("#fdecea")
SPECIAL_FG = QColor("#8a1c12")


class LabelTree(QTreeWidget):
    """Labels under four category headings; Delete asks to remove, Insert adds."""

    remove_requested = Signal()
    add_requested = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Delete:
            self.remove_requested.emit()
            return
        if event.key() == Qt.Key.Key_Insert:
            self.add_requested.emit()
            return
        super().keyPressEvent(event)


def consent_text(consent: ConsentInfo | None) -> str:
    if consent is None:
        return texts.tr("health — no consent on record")
    return texts.tr("health — consent given {date}").format(date=texts.short_date(
        consent.given_at))


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

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.card: GuestCard | None = None
        self.greeting = QLabel()
        self.greeting.setObjectName("greeting")
        self.greeting.setWordWrap(True)
        self.greeting.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.facts = QLabel()
        self.facts.setObjectName("subtitle")
        self.facts.setWordWrap(True)
        self.show_button = QPushButton(self.tr("Show &guest (F9)"))
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
        buttons = QHBoxLayout()
        for b in (self.back_button, self.edit_button, self.visit_button):
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
        self.tree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.header().setStretchLastSection(False)
        self.detail = QLabel()
        self.detail.setObjectName("hint")
        self.detail.setWordWrap(True)
        self.detail.setMinimumHeight(64)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.add_button = QPushButton(self.tr("&Add label… (Ins)"))
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
        self.visit_table = DeskTable(self.visits)
        self.visit_table.setObjectName("visits")
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
        self.tree.add_requested.connect(self.add_label)
        self.remove_button.clicked.connect(self._remove)
        self.tree.remove_requested.connect(self._remove)
        self.tree.currentItemChanged.connect(self._describe)
        self.consent_button.clicked.connect(self.record_consent)
        self.withdraw_button.clicked.connect(self._withdraw)

    # -- filling -----------------------------------------------------------------------
    def load(self, card: GuestCard) -> None:
        self.card = card
        g = card.guest
        self.greeting.setText(texts.greeting(card.greeting))
        facts = [g.full_name, self.tr("speaks {language}").format(
            language=texts.language(g.language))]
        facts += [x for x in (g.email, g.phone) if x]
        self.facts.setText("  ·  ".join(facts))
        self._fill_tree(card)
        self.visits.set_rows(card.visits)
        if card.visits:
            self.visit_body.show_table()
        else:
            self.visit_body.show_message(self.tr("No stays or bookings yet."))
        self._fill_consents(card)

    def clear(self) -> None:
        """Forget the guest entirely (used when the desk locks or signs out)."""
        self.card = None
        for w in (self.greeting, self.facts, self.detail, self.consent_lines):
            w.clear()
        self.tree.clear()
        self.visits.clear()

    def health_consent(self) -> ConsentInfo | None:
        if self.card is None:
            return None
        return next((c for c in self.card.consents
                     if c.purpose == ConsentPurpose.HEALTH and c.active), None)

    def _fill_tree(self, card: GuestCard) -> None:
        self.tree.clear()
        heading_font = QFont(self.font())
        heading_font.setBold(True)
        heading_font.setPointSize(heading_font.pointSize() + 1)
        consent = self.health_consent()
        first_label: QTreeWidgetItem | None = None
        for category, items in card.by_category().items():
            head = QTreeWidgetItem([f"{texts.category(category)} — "
                                    f"{texts.category_hint(category)}"])
            head.setFont(0, heading_font)
            head.setFlags(Qt.ItemFlag.ItemIsEnabled)
            head.setForeground(0, QBrush(QColor("#1f3b4d")))
            self.tree.addTopLevelItem(head)
            head.setFirstColumnSpanned(True)
            if not items:
                none = QTreeWidgetItem([self.tr("    nothing recorded")])
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
        basis = consent_text(consent) if special else texts.source(a.source)
        item = QTreeWidgetItem([("⚕ " if special else "") + a.label.staff_wording,
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
