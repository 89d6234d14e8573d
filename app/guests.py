"""Guests: create, correct, find (type-ahead), and open the guest card."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from app import guest_search, languages, phones, snapshots, validate
from app.audit import bulk_read, look, note_search, record, record_last, record_late
from app.clock import now as _now
from app.clock import today as _today
from app.errors import NotFound, StoreBusyError
from app.greeting import greeting_cue
from app.i18n import _
from app.permissions import Action, allowed, require
from app.venue_settings import PHONE_REGION_KEY, phone_region_in
from app.views import Actor, GuestCard, GuestInfo, GuestMatch, LabelInfo
from storage import card, name_terms, queries, search
from storage.card import CardRows
from storage.errors import StoreBusy
from storage.models import Guest, Role, VisitKind, VisitStatus
from storage.store import Store

#: Guests a key press lists: a screenful and a little more (the desk's results table shows
#: about 16 rows at 1366×768). Ranking puts what staff want in the first five; a longer list
#: is asked for only when staff go past its end (``SEARCH_MORE``), so the key press that
#: must answer within a frame builds no rows nobody sees.
SEARCH_LIMIT = 20
#: How many more guests each "show more" asks for (Down or Page Down past the last row,
#: or scrolling to the end of a full list).
SEARCH_MORE = 50


@dataclass(frozen=True)
class GuestFields:
    """What staff (or the guest, in Show guest) may set about a guest."""

    full_name: str
    preferred_name: str = ""
    pronunciation: str = ""
    language: str = field(default_factory=languages.source)
    email: str | None = None
    phone: str | None = None

    def cleaned(self) -> GuestFields:
        """These fields trimmed and checked (:class:`ValidationError` naming the field).

        The field names are made only for a value that is refused, and fields already
        clean are returned as they are: an import checks 100,000 rows this way."""
        clean = (
            validate.text(lambda: _("Full name"), self.full_name, max_len=200, required=True),
            validate.text(lambda: _("Preferred name"), self.preferred_name, max_len=200),
            validate.text(lambda: _("Pronunciation"), self.pronunciation, max_len=200),
            validate.language(self.language),
            validate.email(self.email),
            validate.phone(self.phone),
        )
        if clean == (self.full_name, self.preferred_name, self.pronunciation, self.language,
                     self.email, self.phone):
            return self
        return GuestFields(*clean)


def region_in(s: Session) -> str:
    """The venue's phone country, read in an open session (see app.venue_settings)."""
    return phone_region_in(queries.setting_value(s, PHONE_REGION_KEY))


def create_guest(store: Store, actor: Actor, fields: GuestFields) -> GuestInfo:
    """Add a guest. The desk first asks ``app.duplicates.likely_existing`` and warns."""
    require(store, actor, Action.CREATE_GUEST)
    f = fields.cleaned()
    with store.write() as s:
        g = Guest(full_name=f.full_name, preferred_name=f.preferred_name,
                  pronunciation=f.pronunciation, language=f.language, email=f.email,
                  phone=f.phone, phone_e164=phones.to_e164(f.phone, region_in(s)),
                  created_at=_now())
        s.add(g)
        name_terms.remember_names(s, [g.full_name, g.preferred_name])
        s.flush()
        record(s, actor, "guest.created", guest_ref=g.ref)
        return snapshots.guest(g)


def update_guest(
    store: Store, actor: Actor, guest_id: int, fields: GuestFields, *, by_guest: bool = False
) -> GuestInfo:
    """Correct a guest's details; ``by_guest`` marks a correction made in Show guest."""
    require(store, actor, Action.EDIT_GUEST)
    f = fields.cleaned()
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        changed = [
            name for name in ("full_name", "preferred_name", "pronunciation", "language",
                              "email", "phone")
            if getattr(g, name) != getattr(f, name)
        ]
        old_names = [g.full_name, g.preferred_name]
        for name in changed:
            setattr(g, name, getattr(f, name))
        if "phone" in changed:
            g.phone_e164 = phones.to_e164(g.phone, region_in(s))
        if {"full_name", "preferred_name"} & set(changed):
            name_terms.remember_names(s, [g.full_name, g.preferred_name])
            s.flush()
            name_terms.forget_names(s, old_names)  # a corrected name leaves no stray word
        record(s, actor, "guest.updated", guest_ref=g.ref, fields=changed,
               by_guest=by_guest)
        return snapshots.guest(g)


def get_guest(store: Store, actor: Actor, guest_id: int) -> GuestInfo:
    require(store, actor, Action.SEARCH_GUESTS)
    # a look at one guest's details: audited (app.audit.look), nothing else written
    with store.write(audit_only=True) as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        look(s, actor, g.ref, _now(), via="details")
        return snapshots.guest(g)


def find_guests(store: Store, actor: Actor, typed: str, limit: int = SEARCH_LIMIT, *,
                day: dt.date | None = None,
                hand_over: Callable[[list[GuestMatch]], None] | None = None
                ) -> list[GuestMatch]:
    """Type-ahead search, forgiving and today first (``app.guest_search``): each result
    says why it matched when that is not simply its name.

    Every search is counted (``app.audit.note_search``: that it happened, never what was
    typed). With ``hand_over`` the results are handed to it first and counted after it
    returned (or raised), so a count due now (a desk's first search of a sitting, then
    once a minute: three round trips on the shared store) does not hold up the list the
    person is waiting for (``ui.search_service``)."""
    # The permission read in the search's own transaction, on a driver connection (no ORM
    # session: storage.store.Store.search_read). On the shared store the first search
    # statement goes with it, in one round trip, and the server reads no guest for a person
    # the same standing would refuse (storage.search.ask_with_permission); the check below
    # still decides first.
    with store.search_read() as s:
        search.ask_with_permission(s, typed, limit, _roles_that(Action.SEARCH_GUESTS),
                                   lookups=lambda: guest_search.lookups_ahead(typed))
        require(store, actor, Action.SEARCH_GUESTS, within=s)
        found = guest_search.find(s, typed, limit, day or _today(), lambda: region_in(s))
    try:
        if hand_over is not None:
            hand_over(found)
    finally:
        note_search(store, actor, len(found))   # that a search happened; never what was typed
    return found


def _roles_that(action: Action) -> list[str]:
    """The roles that may ``action`` (what the server checks before reading ahead)."""
    return [role.value for role in Role if allowed(role, action)]


def warm_up_search(store: Store, actor: Actor, *, day: dt.date | None = None) -> None:
    """Read now what this desk's first key press would read first (today's and the week's
    arrivals, matched in memory at every key press: ``app.guest_search.warm_up``), so it
    runs only its own search. Called once signed in, off the GUI thread
    (``ui.search_service.SearchService.warm_up``). Nothing is shown, so nothing is audited;
    the permission is checked as for a search."""
    day = day or _today()   # one day for both reads, even across midnight
    with store.search_read() as s:
        require(store, actor, Action.SEARCH_GUESTS, within=s)
        guest_search.warm_up(s, day)
        # … and their guests' visit facts (the candidates' facts a key press reads).
        search.warm_facts(s, day)


def list_guests(store: Store, actor: Actor, limit: int = 200, offset: int = 0
                ) -> list[GuestInfo]:
    require(store, actor, Action.SEARCH_GUESTS)
    with store.read() as s:
        page = [snapshots.guest(g) for g in queries.list_guests(s, limit, offset)]
    bulk_read(store, actor, "guests.listed", rows=len(page), offset=offset)  # every page
    return page


def guest_count(store: Store) -> int:
    with store.read() as s:
        return queries.guest_count(s)


def open_card(store: Store, actor: Actor, guest_id: int, *, now: dt.datetime | None = None
              ) -> GuestCard:
    """Everything the card shows, read and audited ("guest.opened") in one transaction."""
    at = now or _now()
    # Audit-only: never waits for another desk's data write (storage.write_locks); the
    # permission read in the same transaction (one transaction, not two, per card).
    # The local store has one writer: when another desk's long write (an import) holds
    # it beyond a moment, the card is read without the lock and its event written
    # beside the store at once, for the next write to put on the chain (record_late).
    # If the journal cannot take the event (a file of another store beside this one),
    # the card waits for the lock like any write: it is never shown unaudited.
    try:
        return _open_audited(store, actor, guest_id, at, brief=store.defers_events)
    except (StoreBusy, StoreBusyError):
        if not store.defers_events:
            raise
    with store.read() as s:
        rows = _card_rows(store, actor, s, guest_id)
        if record_late(store, actor, "guest.opened", guest_ref=rows.guest.ref, at=at):
            return build_card(rows, at)
    return _open_audited(store, actor, guest_id, at, brief=False)


def _open_audited(store: Store, actor: Actor, guest_id: int, at: dt.datetime, *,
                  brief: bool) -> GuestCard:
    """The card read and its "guest.opened" event written in one write transaction.

    The card is built before its event is written, which is the transaction's last step
    (``app.audit.record_last``: on the shared store its COMMIT goes with the event, in
    one round trip); it is returned only once the event is committed."""
    with store.write(audit_only=True, brief=brief) as s:
        rows = _card_rows(store, actor, s, guest_id, then_chain=True)
        shown = build_card(rows, at)
        record_last(s, actor, "guest.opened", guest_ref=rows.guest.ref, at=at)
    return shown


def _card_rows(store: Store, actor: Actor, s: Session, guest_id: int, *,
               then_chain: bool = False) -> CardRows:
    """The card's rows, after the standing permission check in the same transaction; with
    ``then_chain`` (its event is appended next), on the shared store the audit chain's
    lock comes in the card's own round trip (``storage.card.card_rows``)."""
    # On the shared store the card's reads (and the chain lock) go in the permission read's
    # round trip, and the server reads nothing of the guest for a person the same standing
    # would refuse (storage.card.ask_with_permission); the check below still decides first.
    card.ask_with_permission(s, guest_id, _roles_that(Action.VIEW_GUEST),
                             then_chain=then_chain)
    require(store, actor, Action.VIEW_GUEST, within=s)
    rows = card.card_rows(s, guest_id, then_chain=then_chain)
    if rows is None:
        raise NotFound(_("That guest no longer exists."))
    return rows


def refresh_card(store: Store, actor: Actor, guest_id: int, *, now: dt.datetime | None = None
                 ) -> GuestCard:
    """Re-read a card the same person already has open, right after they changed it.

    Audited as a look (``app.audit.look``) unless this person opened or changed this
    guest in the last 10 minutes: a re-read after one's own change would otherwise
    bury real looks in the guest's "who opened your profile" list, while a refresh
    of any other guest is a look like any other.
    """
    at = now or _now()
    # Audit-only: never waits for another desk's data write (storage.write_locks); the
    # permission read in the same transaction (one transaction, not two, per card).
    with store.write(audit_only=True) as s:
        require(store, actor, Action.VIEW_GUEST, within=s)
        rows = card.card_rows(s, guest_id)
        if rows is None:
            raise NotFound(_("That guest no longer exists."))
        look(s, actor, rows.guest.ref, at, via="card")
        return build_card(rows, at)


def build_card(rows: CardRows, at: dt.datetime) -> GuestCard:
    """The card from its plain rows (``storage.card``: no ORM objects on a card open)."""
    visits = sorted(rows.visits, key=lambda v: v.starts_at, reverse=True)
    past = [v for v in visits if v.starts_at.date() < at.date()
            and v.status != VisitStatus.CANCELLED]
    stays = [v for v in past if v.kind == VisitKind.STAY]
    bookings = [v for v in past if v.kind == VisitKind.BOOKING]
    last = past[0].starts_at if past else None
    noun = "stay" if (stays or not bookings) else "visit"
    info = snapshots.card_guest(rows.guest)
    active = [a for a in rows.assignments if a.removed_at is None]
    removed = [a for a in rows.assignments if a.removed_at is not None]
    labels: dict[int, LabelInfo] = {}
    return GuestCard(
        guest=info,
        greeting=greeting_cue(info.display_name, info.pronunciation, len(past), last,
                              at.date(), noun),
        stay_count=len(stays),
        booking_count=len(bookings),
        last_visit=last,
        assignments=tuple(snapshots.card_assignment(a, labels) for a in
                          sorted(active, key=lambda a: a.added_at, reverse=True)),
        visits=tuple(snapshots.card_visit(v) for v in visits),
        consents=tuple(snapshots.card_consent(c) for c in
                       sorted(rows.consents, key=lambda c: c.given_at, reverse=True)),
        removed=tuple(snapshots.card_assignment(a, labels) for a in
                      sorted(removed, key=lambda a: a.removed_at or a.added_at, reverse=True)),
    )
