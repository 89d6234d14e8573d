"""The desk's table models pass Qt's model tester and render aligned, readable cells."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester

from app import guests, labels, staff, visits
from app.domain import Category, Sensitivity, VisitKind
from app.opening import Store
from app.views import Actor
from tests.ui.desk_helpers import add_booking_today, add_guest
from ui.models.arrivals_model import ArrivalsModel
from ui.models.labels_model import LabelsModel, fold
from ui.models.search_model import SearchResultsModel
from ui.models.staff_model import StaffModel
from ui.models.visits_model import VisitsModel


def test_arrivals_model(qtmodeltester: ModelTester, store: Store, receptionist: Actor) -> None:
    g = add_guest(store, receptionist, "Kofi Mensah", "Kofi", pronunciation="KOH-fee")
    add_booking_today(store, receptionist, g.id, hour=9, place="7")
    model = ArrivalsModel(VisitKind.STAY)
    model.set_rows(visits.today_list(store, receptionist, dt.date.today(), VisitKind.STAY))
    qtmodeltester.check(model)
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Room"
    assert model.index(0, model.TIME).data() == "09:00"
    assert model.index(0, model.CUE).data() == "Kofi (say KOH-fee) — first visit"
    assert model.index(0, model.TIME).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    assert model.index(0, model.PARTY).data(Qt.ItemDataRole.TextAlignmentRole) == int(
        Qt.AlignmentFlag.AlignCenter)
    assert ArrivalsModel(VisitKind.BOOKING).headerData(1, Qt.Orientation.Horizontal) == "Table"


def test_search_and_visits_models(qtmodeltester: ModelTester, store: Store,
                                  receptionist: Actor) -> None:
    g = add_guest(store, receptionist, "Łukasz Kowalski", "Łukasz", email="lk@example.pl")
    add_booking_today(store, receptionist, g.id, stay=False, hour=12, place="T2")
    results = SearchResultsModel()
    results.set_rows(guests.find_guests(store, receptionist, "KOWAL"))
    qtmodeltester.check(results)
    assert results.index(0, results.EMAIL).data() == "lk@example.pl"
    history = VisitsModel()
    history.set_rows(guests.open_card(store, receptionist, g.id).visits)
    qtmodeltester.check(history)
    assert history.index(0, history.WHAT).data() == "Lunch"
    assert history.index(0, history.PLACE).data() == "T2"


def test_labels_model_filters_by_words_and_category(
        qtmodeltester: ModelTester, store: Store, receptionist: Actor) -> None:
    model = LabelsModel()
    model.set_labels(labels.approved_labels(store, receptionist))
    qtmodeltester.check(model)
    total = model.rowCount()
    assert total > 20
    model.set_filter("NUT", None)
    assert [r.staff_wording for r in model.rows()] == ["Nut allergy"]
    assert model.index(0, 0).data().startswith("⚕")
    model.set_filter("", Category.GUEST_CONTROL)
    assert model.rowCount() and {r.category for r in model.rows()} == {Category.GUEST_CONTROL}
    model.set_filter("", None)
    assert model.rowCount() == total
    assert any(r.sensitivity == Sensitivity.SPECIAL for r in model.rows())
    assert fold("Café MÜLLER") == "cafe muller"


def test_staff_model(qtmodeltester: ModelTester, store: Store, manager: Actor,
                     receptionist: Actor) -> None:
    staff.set_active(store, manager, receptionist.id, False)
    model = StaffModel()
    model.set_rows(staff.list_staff(store, include_inactive=True))
    qtmodeltester.check(model)
    by_name = {model.index(r, 0).data(): model.index(r, 2).data()
               for r in range(model.rowCount())}
    assert by_name == {"Eva Visser": "active", "Sam Bakker": "deactivated"}
