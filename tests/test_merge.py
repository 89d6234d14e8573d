"""One profile per person: the duplicate warning, merging two profiles, and undoing it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import text

from app import consents, duplicates, erasure, guests, labels, merge, report, visits
from app.domain import Source, VisitKind
from app.errors import PermissionDenied, ValidationError
from app.guests import GuestFields
from app.views import Actor
from storage.store import Store

TABLES = ("guest", "visit", "assignment", "consent", "guest_merge", "name_term", "name_pair")


def snapshot(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of the tables a merge touches (not the audit log, which only grows)."""
    with store.read() as s:
        return {t: [tuple(r) for r in s.execute(text(f"SELECT * FROM {t} ORDER BY 1"))]
                for t in TABLES}


def actions(store: Store) -> list[str]:
    with store.read() as s:
        return [r[0] for r in s.execute(text("SELECT action FROM audit_event ORDER BY id"))]


def test_adding_a_guest_warns_of_likely_existing_profiles(store: Store,
                                                          receptionist: Actor) -> None:
    a = guests.create_guest(store, receptionist, GuestFields(
        "Anna Jansen", email="Anna.Jansen@example.org", phone="06 1234 5678"))
    b = guests.create_guest(store, receptionist, GuestFields("Piet Zwart"))
    for _ in range(5):
        guests.create_guest(store, receptionist, GuestFields("Daan de Jong"))

    def warn(**kw: Any) -> list[tuple[str, tuple[str, ...]]]:
        return [(d.guest.full_name, d.reasons) for d in
                duplicates.likely_existing(store, receptionist, GuestFields(**kw))]

    assert warn(full_name="A. Jansen", email="anna.jansen@EXAMPLE.org") == \
        [("Anna Jansen", ("same email", "similar name"))]
    assert warn(full_name="Kim Smit", email="anna.jansen@EXAMPLE.org") == \
        [("Anna Jansen", ("same email",))]
    assert warn(full_name="Annie J", phone="+31612345678") == [("Anna Jansen", ("same phone",))]
    assert warn(full_name="Anna Janssen", phone="0031 6 12345678") == \
        [("Anna Jansen", ("same phone", "similar name"))]
    assert warn(full_name="Piet Zwart") == [("Piet Zwart", ("same name",))]
    assert warn(full_name="Daan de Jong") == []  # five namesakes: a name alone is no sign
    assert warn(full_name="Kim Nieuw", email="kim@example.org") == []
    # Show guest corrections: the guest's own profile is not a duplicate of itself.
    assert duplicates.likely_existing(store, receptionist, GuestFields("Piet Zwart"),
                                      exclude_id=b.id) == []
    assert a.id != b.id


@pytest.fixture
def two_profiles(store: Store, manager: Actor) -> tuple[int, int]:
    """The same person twice, with 3 visits each, a shared label and two health consents."""
    keep = guests.create_guest(store, manager, GuestFields(
        "Jean-Pierre Thomassen", "Jean-Pierre", email="jp@example.org")).id
    other = guests.create_guest(store, manager, GuestFields(
        "J.P. Tomassen", "JP", phone="06 1111 2222", language="nl")).id
    for gid in (keep, other):
        for d in range(3):
            visits.record_visit(store, manager, gid, kind=VisitKind.STAY,
                                starts_at=dt.datetime(2026, 3, 1 + d + gid * 5, 15),
                                ends_on=dt.date(2026, 3, 2 + d + gid * 5), place=f"{gid}0{d}")
    approved = labels.approved_labels(store, manager)
    normal = [lb for lb in approved if lb.sensitivity.value == "normal"]
    health = [lb for lb in approved if lb.sensitivity.value == "special"]
    labels.assign_label(store, manager, keep, normal[0].id, Source.GUEST_TOLD)
    labels.assign_label(store, manager, other, normal[0].id, Source.GUEST_TOLD)  # twice
    labels.assign_label(store, manager, other, normal[1].id, Source.GUEST_TOLD)
    consents.record_consent(store, manager, keep)
    consents.record_consent(store, manager, other)
    labels.assign_label(store, manager, other, health[0].id, Source.GUEST_TOLD)
    guests.open_card(store, manager, other)
    return keep, other


def test_merge_moves_everything_resolves_conflicts_and_undo_restores_every_row(
        store: Store, manager: Actor, two_profiles: tuple[int, int]) -> None:
    keep, other = two_profiles
    before = snapshot(store)
    plan = merge.preview(store, manager, keep, other)
    assert (plan.keep.visits, plan.other.visits, plan.other.labels) == (3, 3, 3)
    assert {"full_name", "preferred_name", "email", "phone", "language"} <= set(plan.differing)
    assert len(plan.conflicts) == 2  # the label on both, the two health consents
    merge_id = merge.merge_guests(store, manager, keep, other,
                                  take_from_other=frozenset({"phone"}))
    card = guests.open_card(store, manager, keep)
    assert len(card.visits) == 6
    assert card.guest.phone == "06 1111 2222" and card.guest.email == "jp@example.org"
    active = [a.label.key for a in card.assignments]
    assert len(active) == len(set(active)) == 3  # the shared label once
    live = [c for c in card.consents if c.withdrawn_at is None]
    assert len(live) == 1
    assert all(a.consent_id in (None, live[0].id) for a in card.assignments)
    with pytest.raises(Exception, match="no longer exists"):
        guests.open_card(store, manager, other)
    assert guests.find_guests(store, manager, "06 1111 2222")[0].id == keep
    # The guest sees the merge, the other profile's details and its history.
    rep = report.show_guest(store, manager, keep)
    merged = rep.section("merges")
    assert "J.P. Tomassen" in rep.plain_text() and merged.items
    assert any("merged two profiles" in r.value for it in rep.section("changes").items
               for r in it.rows)
    opened = len(rep.section("access").items)
    assert opened >= 2  # the card opened on the other profile is in their history too

    merge.undo_merge(store, manager, merge_id)
    after = snapshot(store)
    for table in TABLES:
        assert after[table] == before[table], table
    # The card opened, the search and Show guest above are audited reads between the two.
    assert actions(store)[-5:] == ["guest.merged", "guest.opened", "guests.searched",
                                   "guest.shown", "guest.merge_undone"]


def test_merge_and_undo_are_for_managers_within_the_undo_period(
        store: Store, manager: Actor, receptionist: Actor,
        two_profiles: tuple[int, int]) -> None:
    keep, other = two_profiles
    with pytest.raises(PermissionDenied):
        merge.merge_guests(store, receptionist, keep, other)
    with pytest.raises(ValidationError):
        merge.merge_guests(store, manager, keep, keep)
    at = dt.datetime(2026, 11, 1, 12)
    merge_id = merge.merge_guests(store, manager, keep, other, now=at)
    (info,) = merge.recent_merges(store, manager, now=at)
    assert info.can_undo and info.merged_name == "J.P. Tomassen"
    later = at + dt.timedelta(days=merge.UNDO_DAYS + 1)
    assert merge.clear_expired_undo(store, later) == 1
    (info,) = merge.recent_merges(store, manager, now=later)
    assert not info.can_undo and info.merged_name == ""
    with pytest.raises(ValidationError, match="no longer be undone"):
        merge.undo_merge(store, manager, merge_id, now=later)


def test_erasing_the_kept_guest_erases_the_undo_data_and_both_tokens(
        store: Store, manager: Actor, two_profiles: tuple[int, int]) -> None:
    keep, other = two_profiles
    other_ref = guests.get_guest(store, manager, other).ref
    merge.merge_guests(store, manager, keep, other)
    erasure.erase_guest(store, manager, keep)
    snap = snapshot(store)
    assert snap["guest_merge"] == [] and snap["visit"] == []
    assert other_ref in erasure.erased_refs(store)
