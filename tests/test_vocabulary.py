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
    SpecialAnswer,
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
    approved = vocabulary.approve_label(store, manager, p.id, answer="none")
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
    only_nl = LabelDraft(Category.PREFERENCE, {"nl": "Drinkt graag groene thee"},
                         Sensitivity.NORMAL, 365,
                         (Wording("nl", "U drinkt graag groene thee.", "Zodat we die hebben."),))
    with pytest.raises(errors.ValidationError, match="default language"):
        vocabulary.propose_label(store, receptionist, only_nl)
    venue_settings.set_default_language(store, manager, "nl")
    assert venue_settings.default_language(store) == "nl"
    proposed = vocabulary.propose_label(store, receptionist, only_nl)
    assert proposed.status == LabelStatus.PROPOSED
    # a Dutch desk reads the Dutch name; an English one the Dutch name, marked
    assert proposed.staff_name("nl") == "Drinkt graag groene thee"
    assert proposed.staff_name("en") == "Drinkt graag groene thee [NL]"
    with pytest.raises(errors.ValidationError, match="Nederlands"):
        vocabulary.propose_label(store, receptionist, _draft(nl=False))
    with pytest.raises(errors.ValidationError, match="staff wording in the venue's default"):
        vocabulary.propose_label(store, receptionist, _draft())  # English name only


# --------------------------------------------------------------------------- review

def test_approving_blocked_wording_is_impossible(store: Store, manager: Actor,
                                                 receptionist: Actor) -> None:
    p = vocabulary.propose_label(store, receptionist, BIG_SPENDER)
    before = _events(store)
    for ack in (False, True):
        with pytest.raises(errors.WordingBlocked, match="money or spending"):
            vocabulary.approve_label(store, manager, p.id, acknowledge_warnings=ack,
                                      answer="none")
        with pytest.raises(errors.WordingBlocked):
            vocabulary.review_label(store, manager, p.id, True, answer="none")
    assert _events(store) == before
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED
    assert p.id not in _picker_ids(store, receptionist)


def test_health_wording_needs_the_special_category_flag(store: Store, manager: Actor,
                                                        host: Actor) -> None:
    nuts = _draft("Nut allergy", "You are allergic to nuts.", "So the kitchen keeps nuts away.",
                  nl=False)
    p = vocabulary.propose_label(store, host, nuts)
    with pytest.raises(errors.WordingBlocked, match="health data"):
        vocabulary.approve_label(store, manager, p.id, answer="none")
    special = LabelDraft(nuts.category, nuts.staff_wording, Sensitivity.SPECIAL, 365,
                         nuts.wordings)
    ok = vocabulary.edit_and_approve(store, manager, p.id, special, answer="health")
    assert ok.status == LabelStatus.APPROVED and ok.sensitivity == Sensitivity.SPECIAL


def test_warnings_must_be_acknowledged(store: Store, manager: Actor, host: Actor) -> None:
    p = vocabulary.propose_label(store, host, _draft(
        "Special tea order", "You have a special tea order.", "So we get it right.", nl=False))
    with pytest.raises(errors.WarningsNotAcknowledged, match="Vague"):
        vocabulary.approve_label(store, manager, p.id, answer="none")
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED
    ok = vocabulary.approve_label(store, manager, p.id, acknowledge_warnings=True,
                                  answer="none")
    assert ok.status == LabelStatus.APPROVED
    assert _events(store)[0] == ("label.approved",
                                 f'{{"answer":"none","label":{p.id},"warnings_acknowledged":2}}')


def test_edit_and_approve_reruns_the_checks(store: Store, manager: Actor,
                                            receptionist: Actor) -> None:
    p = vocabulary.propose_label(store, receptionist, BIG_SPENDER)
    still_bad = _draft("Wealthy regular", nl=False)
    with pytest.raises(errors.WordingBlocked):
        vocabulary.edit_and_approve(store, manager, p.id, still_bad, answer="none")
    assert _label(store, manager, p.id).staff_wording == BIG_SPENDER.staff_wording
    fixed = _draft("Likes to be welcomed by the manager",
                   "You like to be welcomed by the manager.",
                   "So the manager can welcome you personally.")
    done = vocabulary.edit_and_approve(store, manager, p.id, fixed, answer="none")
    assert done.status == LabelStatus.APPROVED
    assert done.staff_wording == fixed.staff_wording
    assert {w.language for w in done.wordings} == {"en", "nl"}
    actions = [a for a, _ in _events(store)[:3]]
    assert actions == ["label.approved", "label.special_answer", "label.edited"]
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
    ("review_label", lambda st, a, p, lab: vocabulary.review_label(st, a, p, True,
                                                                 answer="none")),
    ("approve_label", lambda st, a, p, lab: vocabulary.approve_label(
        st, a, p, acknowledge_warnings=True, answer="none")),
    ("edit_and_approve", lambda st, a, p, lab: vocabulary.edit_and_approve(
        st, a, p, _draft("Likes white tea"), answer="none")),
    ("reject_label", lambda st, a, p, lab: vocabulary.reject_label(
        st, a, p, RejectReason.ALREADY_EXISTS)),
    ("label_overview", lambda st, a, p, lab: vocabulary_admin.label_overview(st, a)),
    ("reword_label", lambda st, a, p, lab: vocabulary_admin.reword_label(
        st, a, lab, "Renamed", (Wording("en", "Renamed.", "So."),), answer="none")),
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
        vocabulary_admin.reword_label(store, manager, lid, "Rich regular", new, answer="none")
    vocabulary_admin.reword_label(store, manager, lid, "Likes a window seat", new,
                                  answer="none")
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
    vocabulary_admin.reword_label(store, manager, lid, "Nut allergy", text, answer="health")
    assert _label(store, manager, lid).sensitivity == Sensitivity.SPECIAL


# --------------------------------------------------------------------------- names per language

def test_starter_names_in_every_language_and_a_visible_fallback(store: Store,
                                                               manager: Actor) -> None:
    from app import languages

    overview = vocabulary_admin.label_overview(store, manager)
    quiet = next(u.label for u in overview if u.label.key == "quiet-room")
    for code in languages.codes():
        assert quiet.has_name(code), code
    assert quiet.staff_name("nl") == "Liefst een rustige kamer, niet bij de lift"
    assert quiet.staff_name("en") == "Prefers a quiet room away from the lift"
    assert quiet.staff_wording == quiet.staff_name("en")  # logs and audit: English
    # a label named only in English shows its name marked, never silently
    p = vocabulary.propose_label(store, manager, _draft("Likes mint tea"))
    assert p.staff_name("nl") == "Likes mint tea [EN]"


def test_names_are_reworded_per_language_and_checked_in_their_language(
        store: Store, manager: Actor) -> None:
    lid = _some_approved(store, manager)
    text = (Wording("en", "You like a window seat.", "So we keep one."),
            Wording("nl", "U zit graag aan het raam.", "Zodat we er een vrijhouden."))
    with pytest.raises(errors.WordingBlocked, match="money"):
        vocabulary_admin.reword_label(store, manager, lid,
                                      {"en": "Likes a window seat", "nl": "Rijke stamgast"},
                                      text, answer="none")
    done = vocabulary_admin.reword_label(
        store, manager, lid, {"en": "Likes a window seat", "nl": "Zit graag aan het raam"},
        text, answer="none")
    assert done.staff_name("nl") == "Zit graag aan het raam"
    assert done.staff_name("en") == "Likes a window seat"


# --------------------------------------------------------------------------- the manager's answer

def _reviews(store: Store) -> list[tuple[int, str, str, str]]:
    from sqlalchemy import select

    from storage.models import LabelReview

    with store.read() as s:
        return [(r.label_id, r.action.value, r.answer.value, r.check_found)
                for r in s.scalars(select(LabelReview).order_by(LabelReview.id))]


HEALTH_WORDS = [  # health meanings, some the automatic check knows and some it does not
    ("Has MS", "You told us you have MS.", "So we can help where you need it."),
    ("Follows a low-FODMAP plan", "You follow a low-FODMAP plan.",
     "So the kitchen cooks low-FODMAP for you."),
]


@pytest.mark.parametrize(("staff", "guest", "purpose"), HEALTH_WORDS, ids=lambda v: v[:12])
def test_health_meaning_needs_the_managers_explicit_answer(
        store: Store, manager: Actor, host: Actor, staff: str, guest: str,
        purpose: str) -> None:
    p = vocabulary.propose_label(store, host, _draft(staff, guest, purpose, nl=False))
    before = _events(store)
    # No answer: refused, whatever the check says; nothing changes.
    with pytest.raises(errors.ValidationError, match="Answer the question"):
        vocabulary.approve_label(store, manager, p.id, acknowledge_warnings=True)
    with pytest.raises(errors.ValidationError, match="Answer the question"):
        vocabulary.review_label(store, manager, p.id, True)
    assert _events(store) == before and _reviews(store) == []
    # Answered "health": approved as special category, answer stored and audited.
    ok = vocabulary.approve_label(store, manager, p.id, answer=SpecialAnswer.HEALTH,
                                  acknowledge_warnings=True)
    assert ok.sensitivity == Sensitivity.SPECIAL
    ((label_id, action, answer, found),) = _reviews(store)
    assert (label_id, action, answer) == (p.id, "approved", "health")
    assert found == ("health" if staff == "Has MS" else "")  # the check's finding, kept beside
    audit = dict(_events(store))
    assert '"answer":"health"' in audit["label.special_answer"]
    # ... so it can only be assigned with the guest's consent
    g = guests.create_guest(store, host, GuestFields("Ada Lovelace"))
    with pytest.raises(errors.ConsentRequired):
        labels.assign_label(store, host, g.id, p.id, Source.GUEST_TOLD)


def test_health_the_check_knows_cannot_be_approved_as_normal_even_with_an_answer(
        store: Store, manager: Actor, host: Actor) -> None:
    p = vocabulary.propose_label(store, host, _draft(
        "Gets anxious in crowds", "You feel anxious in crowds.", "So we seat you quietly.",
        nl=False))
    with pytest.raises(errors.WordingBlocked, match="health data"):
        vocabulary.approve_label(store, manager, p.id, answer=SpecialAnswer.NONE)
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED


@pytest.mark.parametrize("words", [
    ("Prefers a quiet room", "You prefer a quiet room.", "So you sleep well."),  # check: clean
    ("Wears a turban", "You wear a turban.", "So we know you."),  # check: religion
])
def test_another_special_category_cannot_be_approved_at_all(
        store: Store, manager: Actor, host: Actor, words: tuple[str, str, str]) -> None:
    p = vocabulary.propose_label(store, host, _draft(*words, nl=False))
    before = _events(store)
    for call in (
        lambda: vocabulary.approve_label(store, manager, p.id, answer=SpecialAnswer.OTHER,
                                         acknowledge_warnings=True),
        lambda: vocabulary.edit_and_approve(store, manager, p.id, _draft(*words, nl=False),
                                            answer="other", acknowledge_warnings=True),
    ):
        with pytest.raises(errors.SpecialCategoryRefused, match="cannot be approved"):
            call()
    assert _events(store) == before
    assert _label(store, manager, p.id).status == LabelStatus.PROPOSED
    if words[0] == "Wears a turban":  # and no answer lets the check's finding through,
        for answer in (SpecialAnswer.NONE, SpecialAnswer.HEALTH):  # not even "health"
            with pytest.raises(errors.WordingBlocked, match="religion"):
                vocabulary.approve_label(store, manager, p.id, answer=answer,
                                         acknowledge_warnings=True)
        assert _label(store, manager, p.id).status == LabelStatus.PROPOSED


def test_a_normal_label_cannot_be_reworded_into_health(
        store: Store, manager: Actor, receptionist: Actor) -> None:
    lid = next(u.label.id for u in vocabulary_admin.label_overview(store, manager)
               if u.label.sensitivity == Sensitivity.NORMAL)
    g = _guest_with(store, receptionist, lid, "Ada Lovelace")
    before = _label(store, manager, lid)
    known = (Wording("en", "You have diabetes.", "So the kitchen plans your meals."),)
    unknown = (Wording("en", "You follow a low-FODMAP plan.", "So the kitchen knows."),)
    with pytest.raises(errors.ValidationError, match="Answer the question"):
        vocabulary_admin.reword_label(store, manager, lid, "Diabetic", known)
    with pytest.raises(errors.WordingBlocked, match="health data"):
        vocabulary_admin.reword_label(store, manager, lid, "Diabetic", known, answer="none")
    for answer in ("health", SpecialAnswer.HEALTH):
        with pytest.raises(errors.SpecialCategoryRefused, match="no consent"):
            vocabulary_admin.reword_label(store, manager, lid, "Low-FODMAP plan",
                                          unknown, answer=answer)
    with pytest.raises(errors.SpecialCategoryRefused, match="cannot be approved"):
        vocabulary_admin.reword_label(store, manager, lid, "Low-FODMAP plan", unknown,
                                      answer="other")
    religion = (Wording("en", "You wear a turban.", "So we know you."),)
    for answer in ("none", "health"):  # another special category: no answer lets it through
        with pytest.raises((errors.WordingBlocked, errors.SpecialCategoryRefused)):
            vocabulary_admin.reword_label(store, manager, lid, "Wears a turban", religion,
                                          answer=answer)
    assert _label(store, manager, lid) == before
    (a,) = _active(store, receptionist, g, lid)
    assert a.label.staff_wording == before.staff_wording
    # answered honestly as ordinary data, a rewording is stored with its answer
    vocabulary_admin.reword_label(store, manager, lid, "Likes a window seat",
                                  (Wording("en", "You like a window seat.", "So we keep one."),
                                   Wording("nl", "U zit graag aan het raam.", "Zodat.")),
                                  answer="none")
    assert _reviews(store)[-1][:3] == (lid, "reworded", "none")


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
