"""Vocabulary curation: proposing, reviewing with the wording checks, the living vocabulary."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from app import errors, guests, labels, venue_settings, vocabulary, vocabulary_admin
from app.consents import record_consent
from app.guest_wording import render_label
from app.guests import GuestFields
from app.views import Actor, LabelInfo, Wording
from app.vocabulary import LabelDraft, RejectReason
from app.wording_rules import rules_in_use, user_rules_file
from storage import queries
from storage.models import (
    Category,
    ConsentPurpose,
    LabelStatus,
    RemovalReason,
    Role,
    Sensitivity,
    Source,
)
from storage.store import Store

T0 = dt.datetime(2026, 3, 1, 10)


def _draft(staff: str = "Likes green tea", guest: str = "You like green tea.",
           purpose: str = "So we can offer it.", sensitivity: Sensitivity = Sensitivity.NORMAL,
           nl: bool = True, days: int = 365) -> LabelDraft:
    ws = [Wording("en", guest, purpose)]
    if nl:
        ws.append(Wording("nl", "U drinkt graag groene thee.", "Zodat we die kunnen aanbieden."))
    return LabelDraft(Category.PREFERENCE, staff, sensitivity, days, tuple(ws))


BIG_SPENDER = _draft("Big spender – alert the manager", "You spend a lot with us.",
                     "So the manager can greet you.", nl=False)


def _events(store: Store) -> list[tuple[str, str]]:
    with store.read() as s:
        return [(e.action, e.detail) for e in queries.audit_events(s, limit=100_000)]


def _label(store: Store, manager: Actor, label_id: int) -> LabelInfo:
    for row in vocabulary_admin.label_overview(store, manager):
        if row.label.id == label_id:
            return row.label
    for lb in vocabulary.pending_proposals(store, manager):
        if lb.id == label_id:
            return lb
    raise AssertionError(label_id)


def _picker_ids(store: Store, actor: Actor) -> set[int]:
    return {lb.id for lb in labels.approved_labels(store, actor)}


# --------------------------------------------------------------------------- proposing

def test_propose_then_approve_shows_in_my_proposals_and_picker(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    p = vocabulary.propose_label(store, receptionist, _draft(), now=T0)
    mine = vocabulary.my_proposals(store, receptionist)
    assert [(m.id, m.status) for m in mine] == [(p.id, LabelStatus.PROPOSED)]
    assert p.id not in _picker_ids(store, receptionist)
    approved = vocabulary.approve_label(store, manager, p.id)
    assert approved.status == LabelStatus.APPROVED
    assert vocabulary.my_proposals(store, receptionist)[0].status == LabelStatus.APPROVED
    assert p.id in _picker_ids(store, receptionist)
    actions = [a for a, _ in _events(store)]
    assert "label.proposed" in actions and "label.approved" in actions


def test_reject_with_reason_is_shown_to_the_proposer(store: Store, manager: Actor,
                                                    host: Actor) -> None:
    p = vocabulary.propose_label(store, host, _draft())
    vocabulary.reject_label(store, manager, p.id, RejectReason.ALREADY_EXISTS,
                            "Same as 'Prefers tea'")
    (mine,) = vocabulary.my_proposals(store, host)
    assert mine.status == LabelStatus.REJECTED
    assert vocabulary.rejection(mine) == (RejectReason.ALREADY_EXISTS, "Same as 'Prefers tea'")
    assert mine.reviewed_by == "Eva Visser"
    # A short-list reason needs no note; "other" does.
    q = vocabulary.propose_label(store, host, _draft("Likes mint tea"))
    with pytest.raises(errors.ValidationError, match="Note is required"):
        vocabulary.reject_label(store, manager, q.id, RejectReason.OTHER)
    vocabulary.reject_label(store, manager, q.id, RejectReason.NOT_A_SERVICE_NEED)
    mine_q = next(m for m in vocabulary.my_proposals(store, host) if m.id == q.id)
    assert vocabulary.rejection(mine_q) == (RejectReason.NOT_A_SERVICE_NEED, "")


def test_blocked_proposal_is_refused_at_submission_when_asked(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    before = _events(store)
    with pytest.raises(errors.WordingBlocked) as info:
        vocabulary.propose_label(store, receptionist, BIG_SPENDER, refuse_blocked=True)
    assert any("money or spending" in r for r in info.value.reasons)
    assert _events(store) == before
    assert vocabulary.my_proposals(store, receptionist) == []


def test_guest_wording_in_the_default_language_is_required(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    only_nl = LabelDraft(Category.PREFERENCE, "Likes green tea", Sensitivity.NORMAL, 365,
                         (Wording("nl", "U drinkt graag groene thee.", "Zodat we die hebben."),))
    with pytest.raises(errors.ValidationError, match="default language"):
        vocabulary.propose_label(store, receptionist, only_nl)
    venue_settings.set_default_language(store, manager, "nl")
    assert venue_settings.default_language(store) == "nl"
    assert vocabulary.propose_label(store, receptionist, only_nl).status == LabelStatus.PROPOSED
    with pytest.raises(errors.ValidationError, match="Nederlands"):
        vocabulary.propose_label(store, receptionist, _draft(nl=False))


# --------------------------------------------------------------------------- review

def test_approving_blocked_wording_is_impossible(store: Store, manager: Actor,
                                                 receptionist: Actor) -> None:
    p = vocabulary.propose_label(store, receptionist, BIG_SPENDER)
    before = _events(store)
    for ack in (False, True):
        with pytest.raises(errors.WordingBlocked, match="money or spending"):
            vocabulary.approve_label(store, manager, p.id, acknowledge_warnings=ack)
        with pytest.raises(errors.WordingBlocked):
            vocabulary.review_label(store, manager, p.id, True)
    assert _events(store) == before
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED
    assert p.id not in _picker_ids(store, receptionist)


def test_health_wording_needs_the_special_category_flag(store: Store, manager: Actor,
                                                        host: Actor) -> None:
    nuts = _draft("Nut allergy", "You are allergic to nuts.", "So the kitchen keeps nuts away.",
                  nl=False)
    p = vocabulary.propose_label(store, host, nuts)
    with pytest.raises(errors.WordingBlocked, match="health data"):
        vocabulary.approve_label(store, manager, p.id)
    special = LabelDraft(nuts.category, nuts.staff_wording, Sensitivity.SPECIAL, 365,
                         nuts.wordings)
    ok = vocabulary.edit_and_approve(store, manager, p.id, special)
    assert ok.status == LabelStatus.APPROVED and ok.sensitivity == Sensitivity.SPECIAL


def test_warnings_must_be_acknowledged(store: Store, manager: Actor, host: Actor) -> None:
    p = vocabulary.propose_label(store, host, _draft(
        "Special tea order", "You have a special tea order.", "So we get it right.", nl=False))
    with pytest.raises(errors.WarningsNotAcknowledged, match="Vague"):
        vocabulary.approve_label(store, manager, p.id)
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED
    ok = vocabulary.approve_label(store, manager, p.id, acknowledge_warnings=True)
    assert ok.status == LabelStatus.APPROVED
    assert _events(store)[0] == ("label.approved",
                                 f'{{"label":{p.id},"warnings_acknowledged":2}}')


def test_edit_and_approve_reruns_the_checks(store: Store, manager: Actor,
                                            receptionist: Actor) -> None:
    p = vocabulary.propose_label(store, receptionist, BIG_SPENDER)
    still_bad = _draft("Wealthy regular", nl=False)
    with pytest.raises(errors.WordingBlocked):
        vocabulary.edit_and_approve(store, manager, p.id, still_bad)
    assert _label(store, manager, p.id).staff_wording == BIG_SPENDER.staff_wording
    fixed = _draft("Likes to be welcomed by the manager",
                   "You like to be welcomed by the manager.",
                   "So the manager can welcome you personally.")
    done = vocabulary.edit_and_approve(store, manager, p.id, fixed)
    assert done.status == LabelStatus.APPROVED
    assert done.staff_wording == fixed.staff_wording
    assert {w.language for w in done.wordings} == {"en", "nl"}
    actions = [a for a, _ in _events(store)[:2]]
    assert actions == ["label.approved", "label.edited"]
    assert render_label(done, "nl").wording == "U drinkt graag groene thee."


def test_audit_holds_ids_not_wording(store: Store, manager: Actor, host: Actor) -> None:
    p = vocabulary.propose_label(store, host, _draft("Canarytea lover", nl=False))
    vocabulary.reject_label(store, manager, p.id, RejectReason.OTHER, "Canarytea is unclear")
    assert all("anarytea" not in detail for _, detail in _events(store))


# --------------------------------------------------------------------------- permissions

def _some_approved(store: Store, manager: Actor) -> int:
    return vocabulary_admin.label_overview(store, manager)[0].label.id


MANAGER_USE_CASES: list[tuple[str, Callable[[Store, Actor, int, int], Any]]] = [
    ("pending_proposals", lambda st, a, p, lab: vocabulary.pending_proposals(st, a)),
    ("review_label", lambda st, a, p, lab: vocabulary.review_label(st, a, p, True)),
    ("approve_label", lambda st, a, p, lab: vocabulary.approve_label(st, a, p,
                                                                   acknowledge_warnings=True)),
    ("edit_and_approve", lambda st, a, p, lab: vocabulary.edit_and_approve(
        st, a, p, _draft("Likes white tea"))),
    ("reject_label", lambda st, a, p, lab: vocabulary.reject_label(
        st, a, p, RejectReason.ALREADY_EXISTS)),
    ("label_overview", lambda st, a, p, lab: vocabulary_admin.label_overview(st, a)),
    ("reword_label", lambda st, a, p, lab: vocabulary_admin.reword_label(
        st, a, lab, "Renamed", (Wording("en", "Renamed.", "So."),))),
    ("change_retention", lambda st, a, p, lab: vocabulary_admin.change_retention(st, a, lab, 7)),
    ("retire_label_now", lambda st, a, p, lab: vocabulary_admin.retire_label(
        st, a, lab, remove_now=True)),
    ("retire_label_run_out", lambda st, a, p, lab: vocabulary_admin.retire_label(
        st, a, lab, remove_now=False)),
    ("set_default_language", lambda st, a, p, lab: venue_settings.set_default_language(
        st, a, "nl")),
    ("set_wording_rules_path", lambda st, a, p, lab: venue_settings.set_wording_rules_path(
        st, a, None)),
]


@pytest.mark.parametrize("role", [Role.RECEPTIONIST, Role.HOST])
@pytest.mark.parametrize("name,call", MANAGER_USE_CASES, ids=[n for n, _ in MANAGER_USE_CASES])
def test_desk_roles_cannot_curate(store: Store, manager: Actor, receptionist: Actor,
                                  host: Actor, role: Role, name: str,
                                  call: Callable[[Store, Actor, int, int], Any]) -> None:
    actor = receptionist if role == Role.RECEPTIONIST else host
    proposal = vocabulary.propose_label(store, receptionist, _draft())
    approved = _some_approved(store, manager)
    before_events = _events(store)
    before = (_label(store, manager, proposal.id), _label(store, manager, approved),
              venue_settings.default_language(store), venue_settings.wording_rules_path(store))
    with pytest.raises(errors.PermissionDenied, match="ask a manager"):
        call(store, actor, proposal.id, approved)
    assert _events(store) == before_events
    assert before == (_label(store, manager, proposal.id), _label(store, manager, approved),
                      venue_settings.default_language(store),
                      venue_settings.wording_rules_path(store))
    # ...and the same call works for the manager (so the test proves the right thing).
    call(store, manager, proposal.id, approved)


# --------------------------------------------------------------------------- living vocabulary

def _guest_with(store: Store, actor: Actor, label_id: int, name: str,
                at: dt.datetime = T0) -> int:
    g = guests.create_guest(store, actor, GuestFields(name))
    labels.assign_label(store, actor, g.id, label_id, Source.GUEST_TOLD, now=at)
    return g.id


def _active(store: Store, actor: Actor, guest_id: int, label_id: int) -> list[Any]:
    card = guests.open_card(store, actor, guest_id)
    return [a for a in card.assignments if a.label.id == label_id]


def test_retire_and_remove_now(store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = _some_approved(store, manager)
    g1 = _guest_with(store, receptionist, lid, "Ada Lovelace")
    g2 = _guest_with(store, receptionist, lid, "Grace Hopper")
    usage = {u.label.id: u.guests for u in vocabulary_admin.label_overview(store, manager)}
    assert usage[lid] == 2
    assert vocabulary_admin.retire_label(store, manager, lid, remove_now=True) == 2
    for g in (g1, g2):
        assert _active(store, receptionist, g, lid) == []
        card = guests.open_card(store, receptionist, g)
        assert [a.removal_reason for a in card.removed] == [RemovalReason.LABEL_RETIRED]
    assert lid not in _picker_ids(store, receptionist)
    g3 = guests.create_guest(store, receptionist, GuestFields("Alan Turing"))
    with pytest.raises(errors.LabelNotApproved):
        labels.assign_label(store, receptionist, g3.id, lid, Source.GUEST_TOLD)
    row = next(u for u in vocabulary_admin.label_overview(store, manager) if u.label.id == lid)
    assert row.label.status == LabelStatus.RETIRED and row.guests == 0
    actions = [a for a, _ in _events(store)]
    assert actions.count("label.removed") == 2 and "label.retired" in actions


def test_retire_and_let_run_out(store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = _some_approved(store, manager)
    g1 = _guest_with(store, receptionist, lid, "Ada Lovelace")
    (before,) = _active(store, receptionist, g1, lid)
    assert vocabulary_admin.retire_label(store, manager, lid, remove_now=False) == 0
    (after,) = _active(store, receptionist, g1, lid)
    assert after.expires_at == before.expires_at
    assert after.label.status == LabelStatus.RETIRED
    assert lid not in _picker_ids(store, receptionist)
    g2 = guests.create_guest(store, receptionist, GuestFields("Alan Turing"))
    with pytest.raises(errors.LabelNotApproved):
        labels.assign_label(store, receptionist, g2.id, lid, Source.GUEST_TOLD)
    with store.read() as s:
        assert queries.assignments_on_unapproved_labels(s) == []
    # ...and it runs out at its own expiry, through the ordinary retention sweep.
    from app import retention

    retention.purge_expired(store, after.expires_at - dt.timedelta(seconds=1), pause_s=0)
    assert len(_active(store, receptionist, g1, lid)) == 1
    retention.purge_expired(store, after.expires_at, pause_s=0)
    assert _active(store, receptionist, g1, lid) == []


def test_retention_change_applies_to_existing_assignments(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = next(u.label.id for u in vocabulary_admin.label_overview(store, manager)
               if u.label.sensitivity == Sensitivity.NORMAL)
    t1 = T0 + dt.timedelta(days=10)
    g1 = _guest_with(store, receptionist, lid, "Ada Lovelace", T0)
    g2 = _guest_with(store, receptionist, lid, "Grace Hopper", t1)
    g3 = _guest_with(store, receptionist, lid, "Alan Turing", T0)
    (gone,) = _active(store, receptionist, g3, lid)
    labels.remove_label(store, receptionist, gone.id, RemovalReason.NO_LONGER_TRUE, now=T0)
    assert vocabulary_admin.change_retention(store, manager, lid, 12) == 2
    (a1,) = _active(store, receptionist, g1, lid)
    (a2,) = _active(store, receptionist, g2, lid)
    assert a1.expires_at == T0 + dt.timedelta(days=12)
    assert a2.expires_at == t1 + dt.timedelta(days=12)
    removed = guests.open_card(store, receptionist, g3).removed[0]
    # A removed label's record keeps its own (short) clock, whatever the label's retention.
    assert removed.expires_at == T0 + dt.timedelta(days=30)
    assert _label(store, manager, lid).retention_days == 12
    changed = next(d for a, d in _events(store) if a == "label.retention_changed")
    assert '"new_days":12' in changed and '"assignments":2' in changed
    with pytest.raises(errors.ValidationError):
        vocabulary_admin.change_retention(store, manager, lid, 0)


def test_reword_shows_in_the_guest_view_and_is_checked(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = _some_approved(store, manager)
    g = _guest_with(store, receptionist, lid, "Ada Lovelace")
    new = (Wording("en", "You like a window seat.", "So we keep one for you."),
           Wording("nl", "U zit graag aan het raam.", "Zodat we er een voor u vrijhouden."))
    with pytest.raises(errors.WordingBlocked):
        vocabulary_admin.reword_label(store, manager, lid, "Rich regular", new)
    vocabulary_admin.reword_label(store, manager, lid, "Likes a window seat", new)
    (a,) = _active(store, receptionist, g, lid)
    assert a.label.staff_wording == "Likes a window seat"
    assert render_label(a.label, "nl").wording == "U zit graag aan het raam."
    assert "label.reworded" in [a for a, _ in _events(store)]


def test_special_label_keeps_consent_rules_after_reword(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = next(u.label.id for u in vocabulary_admin.label_overview(store, manager)
               if u.label.sensitivity == Sensitivity.SPECIAL)
    g = guests.create_guest(store, receptionist, GuestFields("Ada Lovelace"))
    record_consent(store, receptionist, g.id, ConsentPurpose.HEALTH)
    labels.assign_label(store, receptionist, g.id, lid, Source.GUEST_TOLD)
    text = (Wording("en", "You have a nut allergy.", "So the kitchen keeps nuts away."),)
    vocabulary_admin.reword_label(store, manager, lid, "Nut allergy", text)
    assert _label(store, manager, lid).sensitivity == Sensitivity.SPECIAL


# --------------------------------------------------------------------------- manager rules

def test_manager_rules_file_extends_the_checks(store: Store, manager: Actor,
                                               receptionist: Actor, tmp_path: Path) -> None:
    extra = user_rules_file()
    extra.parent.mkdir(parents=True, exist_ok=True)
    extra.write_text('[[group]]\nname = "value_ranking"\nphrases = ["platinum guest"]\n',
                     encoding="utf-8")
    draft = _draft("Platinum guest", nl=False)
    assert vocabulary.check_draft(store, draft).blocked
    venue = tmp_path / "venue-rules.toml"
    venue.write_text('[[group]]\nname = "house"\nseverity = "warn"\nphrases = ["green tea"]\n'
                     '[group.reason]\nen = "Say which green tea."\n', encoding="utf-8")
    venue_settings.set_wording_rules_path(store, manager, venue)
    result = vocabulary.check_draft(store, _draft())
    assert [f.group for f in result.warnings] == ["house", "house"]
    assert rules_in_use(store).files == (extra, venue)
    venue.write_text("not toml [", encoding="utf-8")
    broken = rules_in_use(store)
    assert broken.files == (extra,) and "not valid TOML" in broken.problems[0]
    assert vocabulary.check_draft(store, BIG_SPENDER).blocked  # built-in rules still apply
    with pytest.raises(errors.ValidationError, match="no file"):
        venue_settings.set_wording_rules_path(store, manager, tmp_path / "missing.toml")


def test_every_curation_use_case_checks_permissions() -> None:
    """Each public function taking an actor in the curation modules calls require()."""
    import inspect

    for module in (vocabulary, vocabulary_admin, venue_settings):
        for name, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or name.startswith("_"):
                continue
            if "actor" in inspect.signature(fn).parameters and name != "load_starter":
                assert "require(" in inspect.getsource(fn), f"{module.__name__}.{name}"
