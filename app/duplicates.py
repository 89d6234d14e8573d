"""One profile per person: the profiles a new (or corrected) guest probably already has.

Before the desk adds a guest — the guest form, Show guest's corrections, the
import — it asks :func:`likely_existing`. A profile is listed when it has the
same email (case ignored) or the same phone number (E.164, so "06 1234 5678"
and "+31612345678" are one number), or the same or a similar name (one letter
different, said alike: ``app.guest_search``) together with the same email or
phone. The same name alone is listed only when few guests carry it — a
million-guest store has hundreds of "Daan de Jong"s, and listing them would
teach staff to click the warning away. Frontdesk stores no birthdays, so a
birthday cannot confirm a name.

:func:`likely_existing_in` is the same check inside a caller's session (the
import runs it per row within its own transaction).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from app import guest_search, phones, snapshots
from app.clock import today as _today
from app.guests import GuestFields, region_in
from app.i18n import Msg, _
from app.permissions import Action, require
from app.views import Actor, GuestInfo
from storage import profiles, search
from storage.store import Store

# List guests with the same name and no shared contact detail only up to this many.
SAME_NAME_AT_MOST = 3


@dataclass(frozen=True)
class LikelyDuplicate:
    guest: GuestInfo
    reasons: tuple[Msg, ...]  # "same email", "same phone", "same name", "similar name"


def likely_existing(store: Store, actor: Actor, fields: GuestFields, *,
                    exclude_id: int | None = None) -> list[LikelyDuplicate]:
    """Profiles that are probably this guest already, strongest first (may be empty)."""
    require(store, actor, Action.CREATE_GUEST)
    f = fields.cleaned()
    with store.read() as s:
        return likely_existing_in(s, f, exclude_id=exclude_id, region=region_in(s))


def likely_existing_in(s: Any, f: GuestFields, *, region: str, exclude_id: int | None = None,
                       day: dt.date | None = None) -> list[LikelyDuplicate]:
    """:func:`likely_existing` in an open session, for already cleaned fields."""
    reasons: dict[int, list[Msg]] = {}
    infos: dict[int, GuestInfo] = {}

    def note(g: Any, why: Msg) -> None:
        if g.id == exclude_id:
            return
        infos.setdefault(g.id, g if isinstance(g, GuestInfo) else snapshots.guest(g))
        reasons.setdefault(g.id, []).append(why)

    if f.email:
        wanted = f.email.casefold()
        for r in search.email_rows(s, f.email, 50):
            if (r.email or "").casefold() == wanted:
                note(guest_search.as_match(r), _("same email"))
    e164 = phones.to_e164(f.phone, region)
    if e164:
        for g in profiles.guests_by_phone(s, e164):
            note(g, _("same phone"))
    names = guest_search.find(s, f.full_name, 20, day or _today(), region)
    same = [m for m in names if m.tier == guest_search.T_EXACT and m.why is None]
    for m in names:
        if m.id in reasons and m.tier <= guest_search.T_CLOSE:
            note(m, _("same name") if m in same else _("similar name"))
    if len(same) <= SAME_NAME_AT_MOST:
        for m in same:
            if m.id not in reasons:
                note(m, _("same name"))
    order = sorted(reasons, key=lambda gid: (-len(reasons[gid]), gid))
    return [LikelyDuplicate(infos[gid], tuple(reasons[gid])) for gid in order]
