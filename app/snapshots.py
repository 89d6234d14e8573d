"""Turn ORM rows (inside a session), or the guest card's plain rows (``storage.card``),
into the frozen view objects of ``app.views``."""

from __future__ import annotations

from app.views import (
    AssignmentInfo,
    ConsentInfo,
    GuestInfo,
    LabelInfo,
    StaffInfo,
    StaffName,
    VisitInfo,
    Wording,
)
from storage.card import CardAssignment, CardConsent, CardLabel, CardVisit
from storage.models import (
    Assignment,
    Consent,
    Guest,
    Label,
    Staff,
    Visit,
    first_name_of,
    staff_wording_of,
)
from storage.search import GuestRow


def staff(s: Staff) -> StaffInfo:
    return StaffInfo(s.id, s.name, s.role, s.active, s.locked_until)


def guest(g: Guest) -> GuestInfo:
    return GuestInfo(
        id=g.id, ref=g.ref, full_name=g.full_name, preferred_name=g.preferred_name,
        pronunciation=g.pronunciation, language=g.language, email=g.email, phone=g.phone,
        created_at=g.created_at,
    )


def label(lb: Label, names: dict[int, Staff] | None = None) -> LabelInfo:
    names = names or {}
    proposer = names.get(lb.proposed_by) if lb.proposed_by else None
    reviewer = names.get(lb.reviewed_by) if lb.reviewed_by else None
    return LabelInfo(
        id=lb.id, key=lb.key, category=lb.category, staff_wording=lb.staff_wording,
        sensitivity=lb.sensitivity, retention_days=lb.retention_days, status=lb.status,
        wordings=tuple(
            Wording(w.language, w.guest_wording, w.purpose)
            for w in sorted(lb.wordings, key=lambda w: w.language)
        ),
        proposed_by=proposer.name if proposer else None,
        proposed_at=lb.proposed_at,
        reviewed_by=reviewer.name if reviewer else None,
        review_note=lb.review_note,
        names=tuple(StaffName(n.language, n.staff_wording)
                    for n in sorted(lb.names, key=lambda n: n.language)),
    )


def visit(v: Visit) -> VisitInfo:
    return VisitInfo(
        id=v.id, guest_id=v.guest_id, kind=v.kind, starts_at=v.starts_at, ends_on=v.ends_on,
        service=v.service, party_size=v.party_size, place=v.place, status=v.status,
    )


def consent(c: Consent) -> ConsentInfo:
    return ConsentInfo(
        id=c.id, purpose=c.purpose, given_at=c.given_at, recorded_by=c.recorder.first_name,
        recorded_by_role=c.recorder.role, withdrawn_at=c.withdrawn_at,
    )


def assignment(a: Assignment) -> AssignmentInfo:
    return AssignmentInfo(
        id=a.id, label=label(a.label), added_by=a.adder.first_name, added_by_role=a.adder.role,
        added_at=a.added_at, source=a.source, expires_at=a.expires_at, consent_id=a.consent_id,
        removed_at=a.removed_at,
        removed_by=a.remover.first_name if a.remover else None,
        removal_reason=a.removal_reason,
    )


# --- from plain rows (storage.card): the guest card without ORM objects -----------

def card_label(lb: CardLabel) -> LabelInfo:
    """As :func:`label` without staff names (the card names no proposer or reviewer)."""
    return LabelInfo(
        id=lb.id, key=lb.key, category=lb.category, staff_wording=staff_wording_of(lb.names),
        sensitivity=lb.sensitivity, retention_days=lb.retention_days, status=lb.status,
        wordings=tuple(Wording(*w) for w in lb.wordings),
        proposed_by=None, proposed_at=lb.proposed_at, reviewed_by=None,
        review_note=lb.review_note, names=tuple(StaffName(*n) for n in lb.names),
    )


def card_guest(g: GuestRow) -> GuestInfo:
    return GuestInfo(*g[:9])


def card_visit(v: CardVisit) -> VisitInfo:
    return VisitInfo(*v)


def card_consent(c: CardConsent) -> ConsentInfo:
    return ConsentInfo(
        id=c.id, purpose=c.purpose, given_at=c.given_at,
        recorded_by=first_name_of(c.recorder_name), recorded_by_role=c.recorder_role,
        withdrawn_at=c.withdrawn_at,
    )


def card_assignment(a: CardAssignment, labels: dict[int, LabelInfo]) -> AssignmentInfo:
    """As :func:`assignment`; ``labels`` keeps one ``LabelInfo`` per label of the card."""
    label_info = labels.get(a.label.id)
    if label_info is None:
        label_info = labels[a.label.id] = card_label(a.label)
    return AssignmentInfo(
        id=a.id, label=label_info, added_by=first_name_of(a.adder_name),
        added_by_role=a.adder_role, added_at=a.added_at, source=a.source,
        expires_at=a.expires_at, consent_id=a.consent_id, removed_at=a.removed_at,
        removed_by=first_name_of(a.remover_name) if a.remover_name is not None else None,
        removal_reason=a.removal_reason,
    )
