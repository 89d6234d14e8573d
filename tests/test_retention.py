"""Retention: expired labels are deleted (audited per guest); long-absent guests are reviewed."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.qtbot import QtBot

from app import guests, labels, retention, visits
from app.domain import RemovalReason, Source, VisitKind
from app.errors import PermissionDenied, ValidationError
from app.guests import GuestFields
from app.opening import Store
from app.views import Actor
from storage import queries
from tests.conftest import MANAGER_PIN

T0 = dt.datetime(2024, 1, 10, 12, 0)


def _events(store: Store, action: str) -> list[tuple[str | None, dict[str, object]]]:
    with store.read() as s:
        return [(e.guest_ref, json.loads(e.detail))
                for e in queries.audit_events(s, action=action)]


def test_purge_deletes_expired_labels_only_and_audits_per_guest(
    store: Store, manager: Actor
) -> None:
    approved = labels.approved_labels(store, manager)
    short = next(lb for lb in approved if lb.retention_days == 60)
    long = max(approved, key=lambda lb: lb.retention_days)
    a = guests.create_guest(store, manager, GuestFields("Ann Early"))
    b = guests.create_guest(store, manager, GuestFields("Bob Later"))
    labels.assign_label(store, manager, a.id, short.id, Source.GUEST_TOLD, now=T0)
    removed = labels.assign_label(store, manager, a.id, long.id, Source.GUEST_TOLD, now=T0)
    labels.remove_label(store, manager, removed.id, RemovalReason.NO_LONGER_TRUE, now=T0)
    labels.assign_label(store, manager, b.id, long.id, Source.GUEST_TOLD, now=T0)

    # A removed label's record goes after the short record time (30 days by default).
    first = retention.purge_expired(store, T0 + dt.timedelta(days=30))
    assert (first.assignments, first.guests) == (1, 1)
    assert retention.purge_expired(store, T0 + dt.timedelta(days=30)) == \
        retention.PurgeResult(0, 0)  # idempotent
    assert _events(store, "label.expired") == [(a.ref, {"deleted": 1})]
    card_a = guests.open_card(store, manager, a.id)
    assert len(card_a.assignments) == 1 and card_a.removed == ()

    # Labels go when their own retention ends.
    at = T0 + dt.timedelta(days=short.retention_days)
    assert retention.purge_expired(store, at) == retention.PurgeResult(1, 1)
    assert guests.open_card(store, manager, a.id).assignments == ()
    later = T0 + dt.timedelta(days=long.retention_days)
    assert retention.purge_expired(store, later, batch_guests=1) == retention.PurgeResult(1, 1)
    assert guests.open_card(store, manager, b.id).assignments == ()


def test_long_absent_guests_are_listed_and_can_be_kept_with_a_reason(
    store: Store, manager: Actor, receptionist: Actor
) -> None:
    old = guests.create_guest(store, manager, GuestFields("Olga Old"))
    recent = guests.create_guest(store, manager, GuestFields("Rita Recent"))
    visits.record_visit(store, manager, old.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2023, 5, 1, 15))
    visits.record_visit(store, manager, recent.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2026, 5, 1, 15))
    now = dt.datetime(2026, 6, 1, 9)
    due = retention.due_for_review(store, manager, now)
    # Guests created "now" without visits count from creation and are not due.
    assert [c.guest.full_name for c in due] == ["Olga Old"]
    assert due[0].last_seen == dt.datetime(2023, 5, 1, 15)

    with pytest.raises(PermissionDenied):
        retention.due_for_review(store, receptionist, now)
    with pytest.raises(ValidationError):
        retention.keep_guest(store, manager, old.id, "because I like them", now)
    retention.keep_guest(store, manager, old.id, "guest_asked", now)
    assert retention.due_for_review(store, manager, now) == []
    assert _events(store, "guest.kept") == [(old.ref, {"reason": "guest_asked"})]
    # Kept guests come back once another retention period has passed.
    assert [c.guest.id for c in retention.due_for_review(
        store, manager, dt.datetime(2028, 6, 2, 9))] == [old.id, recent.id]

    # A shorter setting lists Rita (absent 12½ months); Olga was kept less than 12 ago.
    retention.set_retention_months(store, manager, 12)
    assert retention.retention_months(store) == 12
    due = retention.due_for_review(store, manager, dt.datetime(2027, 5, 20, 9))
    assert [c.guest.id for c in due] == [recent.id]
    with pytest.raises(ValidationError):
        retention.set_retention_months(store, manager, 0)


def test_retention_dialog_keeps_and_erases(qtbot: QtBot, store: Store, manager: Actor) -> None:
    from ui.retention_view import EraseGuestDialog, RetentionDialog

    for name in ("Olga Old", "Piet Past"):
        g = guests.create_guest(store, manager, GuestFields(name))
        visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                            starts_at=dt.datetime(2022, 5, 1, 15))
    dialog = RetentionDialog(store, manager, now=dt.datetime(2026, 6, 1, 9))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 2
    dialog.table.selectRow(0)
    dialog.reason.setCurrentIndex(dialog.reason.findData("legal_hold"))
    qtbot.mouseClick(dialog.keep_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert _events(store, "guest.kept")[0][1] == {"reason": "legal_hold"}

    piet = dialog.candidates[0].guest
    erase = EraseGuestDialog(store, manager, piet, dialog)
    qtbot.addWidget(erase)
    qtbot.keyClicks(erase.pin, "0000")
    qtbot.keyClick(erase.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not erase.busy(), timeout=10_000)
    assert erase.result_info is None and erase.error.text()
    assert erase.pin.isEnabled() and not erase.progress.isVisible()
    qtbot.keyClicks(erase.pin, MANAGER_PIN)
    qtbot.keyClick(erase.pin, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not erase.busy(), timeout=10_000)
    assert erase.result_info is not None
    assert guests.find_guests(store, manager, "Piet") == []
    dialog.refresh()
    assert dialog.table.rowCount() == 0 and not dialog.keep_button.isEnabled()


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_erasure_runs_on_a_worker_while_the_dialog_stays_responsive(
    qtbot: QtBot, store: Store, manager: Actor, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The erasure runs off the GUI thread; the dialog paints a busy bar meanwhile.

    The real ``erase_guest`` runs, wrapped so that it waits until the test has seen
    the GUI thread handle events while the erasure is under way (on the GUI thread
    it would wait in vain and the test would fail, not hang).
    """
    import threading

    from app import erasure
    from ui.retention_view import EraseGuestDialog, RetentionDialog

    g = guests.create_guest(store, manager, GuestFields("Wim Worker"))
    visits.record_visit(store, manager, g.id, kind=VisitKind.STAY,
                        starts_at=dt.datetime(2022, 5, 1, 15))
    dialog = RetentionDialog(store, manager, now=dt.datetime(2026, 6, 1, 9))
    qtbot.addWidget(dialog)
    assert dialog.table.rowCount() == 1

    started, go_on = threading.Event(), threading.Event()
    ran_on: list[threading.Thread] = []
    real = erasure.erase_guest

    def held(*args: object, **kwargs: object) -> erasure.ErasureResult:
        ran_on.append(threading.current_thread())
        started.set()
        go_on.wait(10)
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(erasure, "erase_guest", held)
    seen: list[tuple[bool, bool, bool]] = []

    def while_erasing() -> None:
        erase = dialog.findChild(EraseGuestDialog)
        if erase is None or not erase.isVisible():
            QTimer.singleShot(10, while_erasing)   # not shown yet
            return
        qtbot.keyClicks(erase.pin, MANAGER_PIN)
        qtbot.keyClick(erase.pin, Qt.Key.Key_Return)
        assert started.wait(10)
        ticks: list[int] = []
        QTimer.singleShot(0, lambda: ticks.append(1))   # the GUI thread handles events
        qtbot.waitUntil(lambda: bool(ticks), timeout=2000)
        seen.append((erase.busy(), erase.progress.isVisible(), erase.erase.isEnabled()))
        erase.reject()   # Esc/Cancel while erasing: ignored, the transaction finishes
        go_on.set()

    QTimer.singleShot(0, while_erasing)
    dialog.table.selectRow(0)
    qtbot.keyClick(dialog.erase_button, Qt.Key.Key_Space)   # exec() until the worker is done
    assert seen == [(True, True, False)]
    assert ran_on and ran_on[0] is not threading.main_thread()
    assert dialog.status.text() == "Erased Wim Worker."
    assert guests.find_guests(store, manager, "Wim") == []
    assert dialog.table.rowCount() == 0


@pytest.mark.qt_log_ignore("propagateSizeHints")
def test_the_desk_purges_expired_labels_at_sign_in_off_the_gui_thread(
    qtbot: QtBot, store: Store, manager: Actor
) -> None:
    from tests.ui.desk_helpers import make_window, sign_in

    lb = labels.approved_labels(store, manager)[0]
    g = guests.create_guest(store, manager, GuestFields("Eve Expired"))
    labels.assign_label(store, manager, g.id, lb.id, Source.GUEST_TOLD,
                        now=dt.datetime(2000, 1, 1))
    window = make_window(qtbot, store)
    assert any(a.text() == "Rete&ntion…" for a in window.manager_menu.actions())
    sign_in(qtbot, window, "Eva Visser", MANAGER_PIN)
    window.retention_timer.last_worker.join(10)
    assert guests.open_card(store, manager, g.id).assignments == ()
    assert _events(store, "label.expired") == [(g.ref, {"deleted": 1})]
    assert window.retention_timer.isActive()
