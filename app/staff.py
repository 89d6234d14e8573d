"""Staff accounts: first manager, sign-in with PIN (and lock-out), managing staff."""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Callable

from app import snapshots, validate
from app.audit import record
from app.clock import now as _now
from app.errors import NotFound, PermissionDenied, SignInError, ValidationError
from app.i18n import _, ngettext_
from app.permissions import CREDENTIAL_KEY, Action, end_session, issue, issue_service, require
from app.pins import check_pin, hash_pin, trivial_reason
from app.views import Actor, StaffInfo
from storage import queries
from storage.models import Role, Staff
from storage.store import Store

MAX_FAILED_PINS = 5
LOCKOUT = dt.timedelta(minutes=5)


def new_pin(pin: str) -> str:
    """A PIN being set: 4-12 digits, and not one a colleague would guess first."""
    pin = validate.pin(pin)
    if trivial_reason(pin):
        raise ValidationError(_("PIN"), _("That PIN is too easy to guess (all one digit, a run "
                                          "like 1234 or 4321, a repeat like 1212, or a very "
                                          "common one). Choose digits with no pattern."))
    return pin


def needs_first_manager(store: Store) -> bool:
    with store.read() as s:
        return queries.staff_count(s) == 0


def create_first_manager(store: Store, name: str, pin: str) -> Actor:
    """The very first account of a store; refused once any staff member exists."""
    name = validate.text(_("Name"), name, max_len=80, required=True)
    pin = new_pin(pin)
    with store.write() as s:
        if queries.staff_count(s) > 0:
            raise PermissionDenied(_("This store already has staff; sign in as a manager."))
        st = Staff(name=name, role=Role.MANAGER, pin_hash=hash_pin(pin), failed_attempts=0,
                   active=True, created_at=_now())
        s.add(st)
        s.flush()
        actor = issue(store, st.id, st.name, st.role)
        record(s, actor, "staff.created", staff=st.id, role=st.role.value, first=True)
    return actor


def list_staff(store: Store, *, include_inactive: bool = False) -> list[StaffInfo]:
    """Names for the sign-in list (active staff only unless asked)."""
    with store.read() as s:
        rows = queries.all_staff(s) if include_inactive else queries.active_staff(s)
        return [snapshots.staff(r) for r in rows]


def sign_in(store: Store, staff_id: int, pin: str, *, now: dt.datetime | None = None) -> Actor:
    """Check a PIN. Five wrong PINs in a row lock that account for five minutes."""
    at = now or _now()
    # Audit-only (storage.write_locks): a sign-in writes its event and the staff row's
    # wrong-PIN count, so it never waits for another desk's import.
    with store.write(audit_only=True) as s:
        st = s.get(Staff, staff_id)
        if st is None or not st.active:
            raise SignInError(_("That staff account does not exist or was deactivated."))
        if st.locked_until and st.locked_until > at:
            minutes = max(1, int((st.locked_until - at).total_seconds() // 60) + 1)
            raise SignInError(ngettext_(
                "Too many wrong PINs: {name} can try again in {n} minute, or ask a manager.",
                "Too many wrong PINs: {name} can try again in {n} minutes, or ask a manager.",
                minutes, name=st.first_name, n=minutes))
        if not check_pin(pin, st.pin_hash):
            st.failed_attempts += 1
            detail: dict[str, object] = {"staff": st.id, "attempt": st.failed_attempts}
            if st.failed_attempts >= MAX_FAILED_PINS:
                st.locked_until = at + LOCKOUT
                st.failed_attempts = 0
                detail["locked"] = True
            record(s, None, "staff.sign_in_failed", at=at, staff=st.id,
                   attempt=detail["attempt"], locked="locked" in detail)
            # Commit the count (and any lock) but still tell the caller it failed.
            failed = SignInError(_("Wrong PIN.") if "locked" not in detail else
                                 _("Wrong PIN five times: this account is locked for 5 "
                                   "minutes."))
        else:
            st.failed_attempts = 0
            st.locked_until = None
            actor = issue(store, st.id, st.name, st.role)
            record(s, actor, "staff.signed_in", at=at)
            return actor
    raise failed


def sign_in_by_name(store: Store, name: str, pin: str) -> Actor:
    """Sign in by full name (the command line's ``--staff NAME``); case does not matter."""
    wanted = " ".join(name.split()).casefold()
    match = [s for s in list_staff(store) if s.name.casefold() == wanted]
    if not match:
        raise SignInError(_("No active staff member is called “{name}”; check the name or "
                            "ask a manager.", name=name.strip()))
    return sign_in(store, match[0].id, pin)


def backup_service(store: Store) -> Actor:
    """The scheduled backup's credential, from the keyring: an Actor that may only make the
    daily backup (``Action.SCHEDULED_BACKUP``), audited as "backup" with no staff member.

    Valid while the store holds its digest (a manager switching the daily backup on
    creates it, off revokes it) and the keyring holds the matching secret.
    """
    from app.opening import translate
    from storage import credentials
    from storage import errors as se

    try:
        secret = credentials.load(store.store_id)
    except se.StorageError as exc:
        raise translate(exc, store.paths) from exc
    with store.read() as s:
        stored = queries.setting_value(s, CREDENTIAL_KEY)
    if secret is None or stored is None or \
            not hmac.compare_digest(credentials.digest(secret), stored):
        raise PermissionDenied(_("The scheduled backup has no valid credential in the keyring; "
                                 "a manager can switch the daily backup off and on again "
                                 "under Manager ▸ Backup."))
    return issue_service(store, "backup", "scheduled backup", stored)


def restore_grant(store: Store, actor: Actor) -> Callable[[Store], Actor]:
    """Restoring from the GUI: the manager signed in to the open ``store`` is carried over
    to the backup being restored — as the active staff member of the same name there (whose
    role ``restore_backup`` then checks) — without asking their PIN a second time.

    Checked now, while ``store`` is open: only a manager gets a grant.
    """
    require(store, actor, Action.BACKUP)
    name = actor.name

    def sign_in_there(staged: Store) -> Actor:
        with staged.write() as s:
            st = queries.staff_by_name(s, name)
            if st is None or not st.active:
                raise PermissionDenied(_("{name} is not an active staff member in this "
                                         "backup, so cannot restore it.", name=name))
            there = issue(staged, st.id, st.name, st.role)
            record(s, there, "staff.signed_in", carried_over=True)
        return there

    return sign_in_there


def sign_out(actor: Actor) -> None:
    """End this sign-in: the Actor stops passing permission checks at once."""
    end_session(actor)


def add_staff(store: Store, actor: Actor, name: str, role: Role, pin: str) -> StaffInfo:
    require(store, actor, Action.MANAGE_STAFF)
    name = validate.text(_("Name"), name, max_len=80, required=True)
    pin = new_pin(pin)
    with store.write() as s:
        if queries.staff_by_name(s, name) is not None:
            raise ValidationError(_("Name"), _("There is already a staff member called {name}.",
                                                  name=name))
        st = Staff(name=name, role=Role(role), pin_hash=hash_pin(pin), failed_attempts=0,
                   active=True, created_at=_now())
        s.add(st)
        s.flush()
        record(s, actor, "staff.created", staff=st.id, role=st.role.value)
        return snapshots.staff(st)


def set_active(store: Store, actor: Actor, staff_id: int, active: bool) -> None:
    """Deactivate (or reactivate) an account; a manager cannot deactivate themself."""
    require(store, actor, Action.MANAGE_STAFF)
    if staff_id == actor.id and not active:
        raise ValidationError(_("Staff"), _("You cannot deactivate your own account."))
    with store.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound(_("No such staff member."))
        st.active = active
        record(s, actor, "staff.activated" if active else "staff.deactivated", staff=staff_id)


def reset_pin(store: Store, actor: Actor, staff_id: int, pin: str) -> None:
    require(store, actor, Action.MANAGE_STAFF)
    pin = new_pin(pin)
    with store.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound(_("No such staff member."))
        st.pin_hash = hash_pin(pin)
        st.failed_attempts = 0
        st.locked_until = None
        record(s, actor, "staff.pin_reset", staff=staff_id)
