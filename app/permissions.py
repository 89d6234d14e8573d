"""The one permission table. Every use case calls :func:`require`; the UI only mirrors it."""

from __future__ import annotations

from enum import StrEnum

from app.errors import PermissionDenied
from storage.models import Role


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
    IMPORT = "import arrivals and bookings"
    MANAGE_RETENTION = "review retention"
    VENUE_SETTINGS = "change the venue's settings"


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


def require(role: Role, action: Action) -> None:
    if not allowed(role, action):
        raise PermissionDenied(f"A {role.value} may not {action.value}; ask a manager.")
