"""The signed-in desk: search bar on top; Today, search results or a guest card below.

A DeskPage exists only while someone is signed in and the desk is not
locked: locking destroys it, so no guest text can linger in a hidden widget.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import consents, guests, labels, visits
from app.domain import ConsentPurpose, Sensitivity, VisitStatus
from app.errors import ConsentRequired, FrontdeskError
from app.opening import Store
from app.views import Actor, AssignmentInfo, ConsentInfo, VisitInfo
from ui import texts
from ui.i18n import say
from ui.search_service import SearchService
from ui.search_view import SearchResults
from ui.today import TodayView

if TYPE_CHECKING:  # imported when a guest is first opened (ui.main_window warms it up)
    from ui.guest_card import GuestCardView


class DeskPage(QWidget):
    """Search, Today and the guest card for one signed-in person."""

    status_message = Signal(str)
    show_guest_requested = Signal(int)

    def __init__(self, store: Store, actor: Actor, service: SearchService,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store, self.actor = store, actor
        self.search_field = QLineEdit()
        self.search_field.setObjectName("search")
        self.search_field.setPlaceholderText(
            self.tr("Search guests by name, email or phone   (Ctrl+F)"))
        self.search_field.setClearButtonEnabled(True)
        self.today_button = QPushButton(self.tr("Today's lists (Ctrl+T)"))
        self.today_button.setObjectName("todayButton")
        self.new_button = QPushButton(self.tr("New guest (Ctrl+N)"))
        self.new_button.setObjectName("newGuest")
        header = QFrame()
        header.setObjectName("header")
        hl = QHBoxLayout(header)
        hl.setContentsMargins(16, 10, 16, 10)
        hl.addWidget(self.search_field, 1)
        hl.addWidget(self.today_button)
        hl.addWidget(self.new_button)

        self.today = TodayView(store, actor)
        self.results = SearchResults(self.search_field, service)
        self._card: GuestCardView | None = None  # built when first needed (start-up time)
        self.stack = QStackedWidget()
        for page in (self.today, self.results):
            self.stack.addWidget(page)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(header)
        lay.addWidget(self.stack, 1)

        self.search_field.textEdited.connect(self._search_text)
        self.results.cleared.connect(lambda: self.show_today(refresh=False))
        self.results.open_guest.connect(self.open_guest)
        self.today.open_guest.connect(self.open_guest)
        self.today.status_message.connect(self.status_message)
        self.today_button.clicked.connect(lambda: self.show_today())
        self.new_button.clicked.connect(self.new_guest)
        self.show_today()

    @property
    def card(self) -> GuestCardView:
        """The guest card page, made on first use (the desk is ready to search sooner)."""
        if self._card is None:
            from ui.guest_card import GuestCardView

            card = self._card = GuestCardView()
            self.stack.addWidget(card)
            card.back.connect(self.go_back)
            card.show_guest.connect(self.show_guest_requested)
            card.edit_guest.connect(self.edit_guest)
            card.new_visit.connect(self.new_visit)
            card.add_label.connect(self.add_label)
            card.remove_label.connect(self.remove_label)
            card.record_consent.connect(self.record_consent)
            card.withdraw_consent.connect(self.withdraw_consent)
            card.mark_arrived.connect(self.mark_arrived)
        return self._card

    # -- navigation --------------------------------------------------------------------
    def current_guest_id(self) -> int | None:
        card = self._card
        if card is not None and self.stack.currentWidget() is card and card.card is not None:
            return card.card.guest.id
        return None

    def focus_search(self) -> None:
        self.search_field.setFocus()
        self.search_field.selectAll()
        if self.search_field.text().strip():
            self.stack.setCurrentWidget(self.results)

    def _search_text(self, text: str) -> None:
        if text.strip():
            self.stack.setCurrentWidget(self.results)

    def show_today(self, *, refresh: bool = True) -> None:
        """Back to Today; Esc from the search skips the reload so clearing stays instant."""
        self.stack.setCurrentWidget(self.today)
        if refresh:
            self.today.refresh()
            self.today.focus_list()
        else:
            self.search_field.setFocus()

    def go_back(self) -> None:
        """Esc on the card: back to the results if a search is open, else to Today."""
        if self._card is not None:
            self._card.clear()
        if self.search_field.text().strip():
            self.stack.setCurrentWidget(self.results)
            self.search_field.setFocus()
        else:
            self.show_today()

    def open_guest(self, guest_id: int) -> None:
        """Open the card (audited by app as guest.opened)."""
        try:
            card = guests.open_card(self.store, self.actor, guest_id)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot open the card"), say(exc))
            return
        self.card.load(card)
        self.stack.setCurrentWidget(self.card)
        self.card.focus_labels()

    def reload_card(self, select_label: int | None = None) -> None:
        """Show the card again after this person changed it (not logged as a new look)."""
        gid = self.current_guest_id()
        if gid is None:
            return
        try:
            card = guests.refresh_card(self.store, self.actor, gid)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Cannot show the card"), say(exc))
            return
        self.card.load(card)
        self.card.focus_labels()
        if select_label is not None:
            self.card.select_label(select_label)

    # -- guests and visits -------------------------------------------------------------
    def mark_arrived(self, visit: VisitInfo) -> None:
        """Space or A on the card: today's visit arrived (again: expected), audited in app/."""
        card = self.card.card
        if card is None:
            return
        new = (VisitStatus.EXPECTED if visit.status == VisitStatus.ARRIVED
               else VisitStatus.ARRIVED)
        try:
            visits.set_status(self.store, self.actor, visit.id, new)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Not marked"), say(exc))
            return
        name = texts.isolate(card.guest.display_name)
        self.status_message.emit(
            self.tr("{name} marked as arrived — press Space again to undo").format(name=name)
            if new == VisitStatus.ARRIVED else
            self.tr("{name} is expected again").format(name=name))
        self.reload_card()

    def new_guest(self) -> None:
        from ui.guest_form import GuestDialog

        typed = self.search_field.text().strip() if self.stack.currentWidget() \
            is self.results else ""
        dialog = GuestDialog(self.store, self.actor, None, self, initial_name=typed)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.saved is not None:
            self.status_message.emit(self.tr("Opened the guest's existing profile.")
                                     if dialog.used_existing else self.tr("Guest created."))
            self.open_guest(dialog.saved.id)

    def edit_guest(self) -> None:
        from ui.guest_form import GuestDialog

        if self.card.card is None:
            return
        dialog = GuestDialog(self.store, self.actor, self.card.card.guest, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status_message.emit(self.tr("Guest details saved."))
            self.reload_card()

    def new_visit(self) -> None:
        from ui.visit_form import VisitDialog

        if self.card.card is None:
            return
        g = self.card.card.guest
        dialog = VisitDialog(self.store, self.actor, g.id, g.display_name, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.status_message.emit(self.tr("Visit recorded."))
            self.reload_card()

    # -- labels and consent ------------------------------------------------------------
    def add_label(self) -> None:
        from ui.label_picker import LabelPicker
        from ui.wording_widgets import label_name

        card = self.card.card
        if card is None:
            return
        picker = LabelPicker(self.store, self.actor, card.guest.language,
                             {a.label.id for a in card.assignments}, self)
        if picker.exec() != QDialog.DialogCode.Accepted or picker.chosen is None:
            return
        label = picker.chosen
        try:
            labels.check_source(label.sensitivity, picker.source)  # health: the guest told us
        except FrontdeskError as exc:
            QMessageBox.information(self, self.tr("Label not added"), say(exc))
            return
        needs_consent = (label.sensitivity == Sensitivity.SPECIAL
                         and not card.has_consent(ConsentPurpose.HEALTH))
        if needs_consent and not self._ask_and_record_consent(
                card.guest.id, card.guest.display_name, label_name(label),
                card.guest.language):
            self.status_message.emit(self.tr("Label left off: no consent."))
            return
        try:
            labels.assign_label(self.store, self.actor, card.guest.id, label.id,
                                picker.source)
        except ConsentRequired as exc:
            QMessageBox.information(self, self.tr("Consent needed"), say(exc))
            return
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Label not added"), say(exc))
            return
        self.status_message.emit(self.tr("Label added: {label}").format(
            label=label_name(label)))
        self.reload_card(select_label=label.id)

    def remove_label(self, assignment: AssignmentInfo) -> None:
        from ui.label_dialogs import RemovalDialog
        from ui.wording_widgets import label_name

        dialog = RemovalDialog(label_name(assignment.label), self)
        if dialog.exec() != QDialog.DialogCode.Accepted or dialog.reason is None:
            return
        try:
            labels.remove_label(self.store, self.actor, assignment.id, dialog.reason)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Label not removed"), say(exc))
            return
        self.status_message.emit(self.tr("Label removed: {label}").format(
            label=label_name(assignment.label)))
        self.reload_card()

    def record_consent(self) -> None:
        card = self.card.card
        if card is None:
            return
        if self._ask_and_record_consent(card.guest.id, card.guest.display_name,
                                        self.tr("Allergies, diets, mobility"),
                                        card.guest.language):
            self.reload_card()

    def _ask_and_record_consent(self, guest_id: int, guest_name: str, about: str,
                                guest_language: str) -> bool:
        """Ask (in the guest's language) whether the guest gives explicit consent for health
        data; record it if so."""
        from ui.label_dialogs import ask_health_consent

        if not ask_health_consent(self, about, guest_name, guest_language):
            return False
        try:
            consents.record_consent(self.store, self.actor, guest_id, ConsentPurpose.HEALTH)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Consent not recorded"), say(exc))
            return False
        return True

    def withdraw_consent(self, consent: ConsentInfo) -> None:
        from ui.label_dialogs import confirm_withdraw

        card = self.card.card
        if card is None:
            return
        relying = sum(1 for a in card.assignments if a.consent_id == consent.id)
        if not confirm_withdraw(self, relying):
            return
        try:
            removed = consents.withdraw_consent(self.store, self.actor, consent.id)
        except FrontdeskError as exc:
            QMessageBox.warning(self, self.tr("Consent not withdrawn"), say(exc))
            return
        self.status_message.emit(self.tr("Consent withdrawn; {n} health label(s) removed.")
                                 .format(n=removed))
        self.reload_card()
