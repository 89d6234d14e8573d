"""Explicit consent for special-category (health) labels: given and withdrawn.

Withdrawing a consent deletes, in the same transaction, every label that relied
on it (active ones and any record still kept): nothing of health data outlives
the permission to keep it. The audit event counts them and names none. The
guest's confirmation lists those labels first (``app.report`` puts their
wording, in the guest's language, on the withdraw choice), and the withdrawal
refuses if that list changed in between (another desk added one), so the guest
never agrees to one list and loses another.
"""

from __future__ import annotations

import datetime as dt

from app import snapshots
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.labels import forget_in_merge_undo, scrub
from app.permissions import Action, require
from app.views import Actor, ConsentInfo
from storage import queries
from storage.models import Consent, ConsentPurpose, Guest
from storage.store import Store


def record_consent(
    store: Store, actor: Actor, guest_id: int, purpose: ConsentPurpose = ConsentPurpose.HEALTH,
    *, now: dt.datetime | None = None,
) -> ConsentInfo:
    require(store, actor, Action.RECORD_CONSENT)
    at = now or _now()
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        if queries.active_consent(s, guest_id, purpose) is not None:
            raise ValidationError(_("Consent"), _("The guest's consent is already recorded."))
        c = Consent(guest_id=guest_id, purpose=purpose, given_at=at, recorded_by=actor.id)
        s.add(c)
        s.flush()
        record(s, actor, "consent.given", guest_ref=g.ref, at=at, consent=c.id,
               purpose=purpose.value)
        s.refresh(c)
        return snapshots.consent(c)


def withdraw_consent(
    store: Store, actor: Actor, consent_id: int, *, by_guest: bool = False,
    expected: frozenset[int] | None = None, now: dt.datetime | None = None,
) -> int:
    """Withdraw consent and delete every label relying on it. Returns how many were deleted.

    ``expected``: the assignment ids the person agreeing was shown; when the labels
    relying on the consent are no longer exactly those, nothing changes and a
    ValidationError asks them to look again.
    """
    require(store, actor, Action.WITHDRAW_CONSENT)
    at = now or _now()
    with store.write() as s:
        c = s.get(Consent, consent_id)
        if c is None or c.withdrawn_at is not None:
            raise NotFound(_("That consent is not active."))
        relying = list(queries.assignments_with_consent(s, c.id))
        if expected is not None and {a.id for a in relying} != set(expected):
            raise ValidationError(_("Consent"), _(
                "The notes that rely on this consent have just changed. Please look at them "
                "again before you withdraw."))
        c.withdrawn_at = at
        c.withdrawn_by = actor.id
        for a in relying:
            forget_in_merge_undo(a)
            s.delete(a)
        record(s, actor, "consent.withdrawn", guest_ref=c.guest.ref, at=at, consent=c.id,
               deleted=len(relying), by_guest=by_guest)
    if relying:
        scrub(store)
    return len(relying)
