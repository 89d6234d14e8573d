"""Turn ORM rows into the frozen view objects of ``app.views`` (inside a session)."""

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
from storage.models import Assignment, Consent, Guest, Label, Staff, Visit


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
