"""Manager ▸ Merge guest profiles…: two profiles of one person side by side, merged or undone.

Left, the profile to keep; right, the one to merge into it (each found by typing,
as at the desk). The table below lays the two side by side: for each detail that
differs the manager ticks whose value the kept profile shows (Space toggles), and
sees how many visits, labels and consents move and how conflicts are resolved
(``app.merge.preview``). Merging asks for confirmation; the list at the bottom shows
recent merges, and Undo puts both profiles back while the undo period lasts.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import guests, merge
from app.errors import FrontdeskError
from app.merge import MergePreview
from app.opening import Store
from app.views import Actor, GuestInfo
from ui import texts
from ui.i18n import say
from ui.texts import tr

FIELD_ROWS = ("full_name", "preferred_name", "pronunciation", "language", "email", "phone")


def field_title(field: str) -> str:
    return {"full_name": tr("Full name"), "preferred_name": tr("Preferred name"),
            "pronunciation": tr("Pronunciation"), "language": tr("Language"),
            "email": tr("Email"), "phone": tr("Phone")}[field]


class _Picker(QWidget):
    """A search field and its results: choose one profile."""

    def __init__(self, title: str, store: Store, actor: Actor, parent: QWidget) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.field = QLineEdit()
        self.field.setPlaceholderText(tr("Type a name, email, phone or room"))
        self.results = QListWidget()
        self.results.setMaximumHeight(96)
        label = QLabel(title)
        label.setBuddy(self.field)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(label)
        lay.addWidget(self.field)
        lay.addWidget(self.results)
        self.field.textEdited.connect(self.search)

    def search(self, typed: str) -> None:
        self.results.clear()
        if not typed.strip():
            return
        try:
            found = guests.find_guests(self.store, self.actor, typed, limit=12)
        except FrontdeskError as exc:
            self.results.addItem(say(exc))
            return
        for g in found:
            contact = " · ".join(x for x in (g.email, g.phone) if x)
            item = QListWidgetItem(g.full_name + (f" · {contact}" if contact else ""))
            item.setData(Qt.ItemDataRole.UserRole, g)
            self.results.addItem(item)
        if found:
            self.results.setCurrentRow(0)

    def chosen(self) -> GuestInfo | None:
        item = self.results.currentItem()
        value = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        return value if isinstance(value, GuestInfo) else None


class MergeDialog(QDialog):
    def __init__(self, store: Store, actor: Actor, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.plan: MergePreview | None = None
        self.setWindowTitle(self.tr("Merge guest profiles"))
        self.resize(1100, 680)
        intro = QLabel(self.tr(
            "Two profiles of one person? Choose the profile to keep and the one to merge into "
            "it. Every visit, label and consent moves to the kept profile; the guest sees the "
            "merge in Show guest. You can undo a merge for {days} days.").format(
                days=merge.UNDO_DAYS))
        intro.setWordWrap(True)
        intro.setObjectName("hint")
        self.keep = _Picker(self.tr("&Keep this profile:"), store, actor, self)
        self.other = _Picker(self.tr("Merge &this profile into it:"), store, actor, self)
        for p in (self.keep, self.other):
            p.results.currentItemChanged.connect(lambda *_a: self.refresh_plan())
        pickers = QGridLayout()
        pickers.addWidget(self.keep, 0, 0)
        pickers.addWidget(self.other, 0, 1)
        self.table = QTableWidget(len(FIELD_ROWS) + 3, 2)
        self.table.setObjectName("sideBySide")
        self.table.setHorizontalHeaderLabels([self.tr("Kept profile"), self.tr("Other profile")])
        self.table.setVerticalHeaderLabels([field_title(f) for f in FIELD_ROWS] + [
            self.tr("Visits"), self.tr("Labels"), self.tr("Consents")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().resizeSection(0, 420)
        self.table.verticalHeader().setDefaultSectionSize(28)
        self.table.setMinimumHeight(28 * (len(FIELD_ROWS) + 3) + 40)
        self.table.itemChanged.connect(self._ticked)
        self.conflicts = QLabel()
        self.conflicts.setWordWrap(True)
        self.conflicts.setObjectName("warning")
        self.merge_button = QPushButton(self.tr("&Merge…"))
        self.merge_button.setObjectName("mergeButton")
        self.merge_button.setEnabled(False)
        self.merge_button.clicked.connect(self.do_merge)
        self.recent = QListWidget()
        self.recent.setObjectName("recentMerges")
        self.recent.setMaximumHeight(84)
        self.undo_button = QPushButton(self.tr("&Undo merge…"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.clicked.connect(self.do_undo)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.recent, 1)
        row.addWidget(self.undo_button, 0, Qt.AlignmentFlag.AlignTop)
        lay = QVBoxLayout(self)
        lay.addWidget(intro)
        lay.addLayout(pickers)
        lay.addWidget(self.table, 1)
        lay.addWidget(self.conflicts)
        lay.addWidget(self.merge_button, 0, Qt.AlignmentFlag.AlignLeft)
        lay.addWidget(QLabel(self.tr("Recent merges:")))
        lay.addLayout(row)
        lay.addWidget(close)
        self.load_recent()

    # -- the side-by-side table ----------------------------------------------------------
    def refresh_plan(self) -> None:
        keep, other = self.keep.chosen(), self.other.chosen()
        self.plan = None
        self.table.blockSignals(True)
        self.table.clearContents()
        self.conflicts.clear()
        if keep is not None and other is not None and keep.id != other.id:
            try:
                self.plan = merge.preview(self.store, self.actor, keep.id, other.id)
            except FrontdeskError as exc:
                self.conflicts.setText(say(exc))
        if self.plan is not None:
            self._fill(self.plan)
        self.table.blockSignals(False)
        self.merge_button.setEnabled(self.plan is not None)

    def _fill(self, plan: MergePreview) -> None:
        for r, f in enumerate(FIELD_ROWS):
            for c, side in enumerate((plan.keep, plan.other)):
                value = getattr(side.guest, f) or ""
                shown = texts.language(value) if f == "language" and value else value
                item = QTableWidgetItem(shown or self.tr("(none)"))
                item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
                if f in plan.differing:
                    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                    item.setCheckState(Qt.CheckState.Checked if c == 0
                                       else Qt.CheckState.Unchecked)
                self.table.setItem(r, c, item)
        for i, attr in enumerate(("visits", "labels", "consents")):
            for c, side in enumerate((plan.keep, plan.other)):
                n = getattr(side, attr)
                text = str(n) if c == 0 else self.tr("{n} (will move)").format(n=n)
                item = QTableWidgetItem(text)
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
                self.table.setItem(len(FIELD_ROWS) + i, c, item)
        lines = [say(c) for c in plan.conflicts]
        self.conflicts.setText("\n".join(lines) if lines else self.tr("No conflicts."))

    def _ticked(self, item: QTableWidgetItem) -> None:
        """Exactly one side of a differing detail is ticked."""
        if not item.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            return
        twin = self.table.item(item.row(), 1 - item.column())
        if twin is None:
            return
        self.table.blockSignals(True)
        twin.setCheckState(Qt.CheckState.Unchecked if item.checkState() == Qt.CheckState.Checked
                           else Qt.CheckState.Checked)
        self.table.blockSignals(False)

    def taken_from_other(self) -> frozenset[str]:
        out = set()
        for r, f in enumerate(FIELD_ROWS):
            item = self.table.item(r, 1)
            if item is not None and item.flags() & Qt.ItemFlag.ItemIsUserCheckable \
                    and item.checkState() == Qt.CheckState.Checked:
                out.add(f)
        return frozenset(out)

    # -- merge and undo ---------------------------------------------------------------------
    def do_merge(self) -> None:
        if self.plan is None:
            return
        keep, other = self.plan.keep.guest, self.plan.other.guest
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Merge “{other}” into “{keep}”? The other profile disappears; its visits, labels "
            "and consents move to the kept one. You can undo this for {days} days.").format(
                other=other.full_name, keep=keep.full_name, days=merge.UNDO_DAYS))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            merge.merge_guests(self.store, self.actor, keep.id, other.id,
                               take_from_other=self.taken_from_other())
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), say(exc))
            return
        self.other.field.clear()
        self.other.results.clear()
        self.keep.search(self.keep.field.text())
        self.load_recent()

    def load_recent(self) -> None:
        self.recent.clear()
        try:
            merges = merge.recent_merges(self.store, self.actor)
        except FrontdeskError as exc:
            self.recent.addItem(say(exc))
            return
        for m in merges[:50]:
            kept = ""
            try:
                kept = guests.get_guest(self.store, self.actor, m.guest_id).full_name
            except FrontdeskError:
                kept = "?"
            when = m.merged_at.strftime("%d-%m-%Y %H:%M")
            text = (self.tr("{kept} ← {other} · {when} · undo until {until}").format(
                kept=kept, other=m.merged_name, when=when,
                until=m.undo_until.strftime("%d-%m-%Y")) if m.can_undo else
                self.tr("{kept} ← (another profile) · {when} · can no longer be undone").format(
                    kept=kept, when=when))
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, m)
            if not m.can_undo:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.recent.addItem(item)
        self.undo_button.setEnabled(any(m.can_undo for m in merges))

    def do_undo(self) -> None:
        item = self.recent.currentItem()
        m = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if not isinstance(m, merge.MergeInfo) or not m.can_undo:
            return
        answer = QMessageBox.question(self, self.windowTitle(), self.tr(
            "Undo this merge? “{other}” becomes a profile of its own again, with the visits, "
            "labels and consents it had.").format(other=m.merged_name))
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            merge.undo_merge(self.store, self.actor, m.id)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.windowTitle(), say(exc))
            return
        self.load_recent()
        self.refresh_plan()


def install_merge(main: object) -> None:
    """Add Manager ▸ Merge guest profiles… to the main window (managers only, like the rest)."""
    def open_dialog() -> None:
        store, actor = getattr(main, "store", None), getattr(main, "actor", None)
        if store is not None and actor is not None:
            MergeDialog(store, actor, main if isinstance(main, QWidget) else None).exec()

    main.add_manager_action(tr("&Merge guest profiles…"), None, open_dialog)  # type: ignore[attr-defined]
