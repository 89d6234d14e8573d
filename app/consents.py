"""Explicit consent for special-category (health) labels: given and withdrawn."""

from __future__ import annotations

import datetime as dt

from app import snapshots
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.labels import _remove
from app.permissions import Action, require
from app.views import Actor, ConsentInfo
from storage import queries
from storage.models import Consent, ConsentPurpose, Guest, RemovalReason
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
    now: dt.datetime | None = None,
) -> int:
    """Withdraw consent; every label relying on it is removed at once. Returns that count."""
    require(store, actor, Action.WITHDRAW_CONSENT)
    at = now or _now()
    with store.write() as s:
        c = s.get(Consent, consent_id)
        if c is None or c.withdrawn_at is not None:
            raise NotFound(_("That consent is not active."))
        c.withdrawn_at = at
        c.withdrawn_by = actor.id
        relying = queries.active_assignments_with_consent(s, c.id)
        for a in relying:
            _remove(a, actor, RemovalReason.CONSENT_WITHDRAWN, at)
        record(s, actor, "consent.withdrawn", guest_ref=c.guest.ref, at=at, consent=c.id,
               removed=[a.id for a in relying], by_guest=by_guest)
        return len(relying)
