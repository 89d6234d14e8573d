"""The one permission table, and the check every use case makes first: :func:`require`.

``require(store, actor, action)`` accepts only an :class:`~app.views.Actor`
issued by sign-in in this process for *this* store (a random session token
kept in a process-local registry), and reads the person's current role and
active flag from the store (one primary-key read), so a deactivated or
demoted staff member loses their rights at the next use case. The UI only
mirrors the table with :func:`allowed`.
"""

from __future__ import annotations

import secrets
import threading
from enum import StrEnum
from typing import TYPE_CHECKING

from app.errors import PermissionDenied
from app.i18n import _
from app.views import Actor, _actor
from storage import queries
from storage.models import Role
from storage.store import Store

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class Action(StrEnum):
    SEARCH_GUESTS = "search guests"
    VIEW_GUEST = "open a guest card"
    CREATE_GUEST = "create a guest"
    EDIT_GUEST = "edit a guest"
    RECORD_VISIT = "record a visit"
    MARK_ARRIVED = "mark a guest as arrived"
    ASSIGN_LABEL = "add a label"
    REMOVE_LABEL = "remove a label"
    RECORD_CONSENT = "record consent"
    WITHDRAW_CONSENT = "withdraw consent"
    SHOW_GUEST = "show the guest their data"
    EXPORT_GUEST = "export a guest's data"
    PROPOSE_LABEL = "propose a label"
    REVIEW_LABEL = "review proposed labels"
    EDIT_VOCABULARY = "reword or retire labels"
    ERASE_GUEST = "erase a guest"
    MANAGE_STAFF = "manage staff"
    VIEW_AUDIT = "view the audit log"
    BACKUP = "back up or restore the store"
    SCHEDULED_BACKUP = "make the scheduled daily backup"
    IMPORT = "import arrivals and bookings"
    MANAGE_RETENTION = "review retention"
    VENUE_SETTINGS = "change the venue's settings"
    MERGE_GUESTS = "merge two guest profiles"  # search helper: app.merge (managers only)


_DESK = frozenset(
    {
        Action.SEARCH_GUESTS,
        Action.VIEW_GUEST,
        Action.CREATE_GUEST,
        Action.EDIT_GUEST,
        Action.RECORD_VISIT,
        Action.MARK_ARRIVED,
        Action.ASSIGN_LABEL,
        Action.REMOVE_LABEL,
        Action.RECORD_CONSENT,
        Action.WITHDRAW_CONSENT,
        Action.SHOW_GUEST,
        Action.EXPORT_GUEST,
        Action.PROPOSE_LABEL,
        Action.IMPORT,
    }
)

PERMISSIONS: dict[Role, frozenset[Action]] = {
    Role.RECEPTIONIST: _DESK,
    Role.HOST: _DESK,
    Role.MANAGER: frozenset(Action),
}


def allowed(role: Role, action: Action) -> bool:
    return action in PERMISSIONS[role]


def require(store: Store, actor: Actor, action: Action, *, within: Session | None = None
            ) -> None:
    """Refuse unless ``actor`` is a live sign-in to ``store`` whose current role may ``action``.

    ``within``: a transaction of ``store`` the caller already holds, read in instead of a
    transaction of its own (type-ahead search checks in its own read: one fewer per key
    press).
    """
    if type(actor) is not Actor:
        raise PermissionDenied(_("Sign in first: only a signed-in staff member may {action}.",
                                 action=action_words(action)))
    session = _sessions.get(actor._token)
    if session is None or session != (store.store_id, actor.id):
        raise PermissionDenied(_("This sign-in is not valid for this store; sign in again."))
    if actor.service:
        _require_service(store, actor, action)
        return
    if within is not None:
        standing = queries.staff_standing(within, actor.id)
    else:
        with store.read() as s:
            standing = queries.staff_standing(s, actor.id)
    if standing is None or not standing[1]:
        raise PermissionDenied(_("{name}'s account was deactivated; ask a manager.",
                                 name=actor.name))
    role = standing[0]
    if not allowed(role, action):
        raise PermissionDenied(_("A {role} may not {action}; ask a manager.",
                                 role=role_name(role), action=action_words(action)))


# --- sessions ------------------------------------------------------------------------
# token -> (store id, staff id). Only ``app.staff`` calls :func:`issue` (a test checks);
# a token is 192 random bits, so it cannot be guessed, and an Actor built any other
# way carries a token this registry never issued.

_sessions: dict[str, tuple[str, int]] = {}
_lock = threading.Lock()


# A credential that is not a person: what each may do (nothing else, whatever the role).
SERVICE_PERMISSIONS: dict[str, frozenset[Action]] = {
    "backup": frozenset({Action.SCHEDULED_BACKUP}),
}
_service_digests: dict[str, str] = {}   # token -> digest of the credential it was issued on


def _require_service(store: Store, actor: Actor, action: Action) -> None:
    if action not in SERVICE_PERMISSIONS.get(actor.service, frozenset()):
        raise PermissionDenied(_("The {service} credential may not {action}; sign in as a "
                                 "person.", service=actor.name, action=action_words(action)))
    with store.read() as s:   # a manager switching the daily backup off revokes it at once
        current = queries.setting_value(s, CREDENTIAL_KEY)
    if current is None or current != _service_digests.get(actor._token):
        raise PermissionDenied(_("The scheduled backup's credential was revoked; a manager "
                                 "can switch the daily backup on again under Manager ▸ "
                                 "Backup."))


CREDENTIAL_KEY = "backup.credential"   # setting: digest of the backup credential in the keyring


def issue_service(store: Store, service: str, name: str, digest: str) -> Actor:
    """An Actor for a credential that is not a person (``app.staff.backup_service`` only)."""
    token = secrets.token_urlsafe(24)
    with _lock:
        _sessions[token] = (store.store_id, 0)
        _service_digests[token] = digest
    return _actor(0, name, Role.HOST, token, service)


def issue(store: Store, staff_id: int, name: str, role: Role) -> Actor:
    """A new sign-in for ``staff_id`` in ``store``. For ``app.staff`` only."""
    token = secrets.token_urlsafe(24)
    with _lock:
        _sessions[token] = (store.store_id, staff_id)
    return _actor(staff_id, name, role, token)


def end_session(actor: Actor) -> None:
    """Sign out: the Actor stops passing :func:`require` (signing in again gives a new one)."""
    if type(actor) is Actor:
        with _lock:
            _sessions.pop(actor._token, None)


def role_name(role: Role) -> str:
    """The role as people read it, in any language (a :class:`app.i18n.Msg`)."""
    names = {Role.RECEPTIONIST: _("receptionist"), Role.HOST: _("host"),
             Role.MANAGER: _("manager")}
    return names.get(role, role.value)


def action_words(action: Action) -> str:
    """What the action does, as people read it ("search guests"), in any language."""
    return _ACTION_WORDS.get(action, action.value)


# The enum's values are English phrases kept for logs; these say them in the reader's language.
_ACTION_WORDS: dict[Action, str] = {
    Action.SEARCH_GUESTS: _("search guests"),
    Action.VIEW_GUEST: _("open a guest card"),
    Action.CREATE_GUEST: _("create a guest"),
    Action.EDIT_GUEST: _("edit a guest"),
    Action.RECORD_VISIT: _("record a visit"),
    Action.MARK_ARRIVED: _("mark a guest as arrived"),
    Action.ASSIGN_LABEL: _("add a label"),
    Action.REMOVE_LABEL: _("remove a label"),
    Action.RECORD_CONSENT: _("record consent"),
    Action.WITHDRAW_CONSENT: _("withdraw consent"),
    Action.SHOW_GUEST: _("show the guest their data"),
    Action.EXPORT_GUEST: _("export a guest's data"),
    Action.PROPOSE_LABEL: _("propose a label"),
    Action.REVIEW_LABEL: _("review proposed labels"),
    Action.EDIT_VOCABULARY: _("reword or retire labels"),
    Action.ERASE_GUEST: _("erase a guest"),
    Action.MANAGE_STAFF: _("manage staff"),
    Action.VIEW_AUDIT: _("view the audit log"),
    Action.BACKUP: _("back up or restore the store"),
    Action.SCHEDULED_BACKUP: _("make the scheduled daily backup"),
    Action.IMPORT: _("import arrivals and bookings"),
    Action.MANAGE_RETENTION: _("review retention"),
    Action.MERGE_GUESTS: _("merge two guest profiles"),
}
