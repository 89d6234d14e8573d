"""A manager's staff tools beyond adding and deactivating: unlock an account, change a role.

(Resetting a PIN is ``app.staff.reset_pin``.) Each is a permission-checked, audited
use case; the UI (ui/staff_dialog.py) only mirrors what is allowed.
"""

from __future__ import annotations

from app.audit import record
from app.errors import NotFound, ValidationError
from app.i18n import _
from app.permissions import Action, require
from app.snapshots import staff as staff_info
from app.views import Actor, StaffInfo
from storage import queries
from storage.models import Role, Staff
from storage.store import Store


def unlock(store: Store, actor: Actor, staff_id: int) -> StaffInfo:
    """Lift a lock-out after five wrong PINs (the person may try again at once)."""
    require(store, actor, Action.MANAGE_STAFF)
    with store.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound(_("No such staff member."))
        st.locked_until = None
        st.failed_attempts = 0
        record(s, actor, "staff.unlocked", staff=staff_id)
        return staff_info(st)


def change_role(store: Store, actor: Actor, staff_id: int, role: Role) -> StaffInfo:
    """Give someone another role. A manager cannot change their own role, and the last
    active manager stays one: otherwise nobody could approve labels or manage staff."""
    require(store, actor, Action.MANAGE_STAFF)
    new = Role(role)
    if staff_id == actor.id:
        raise ValidationError(_("Role"), _(
            "You cannot change your own role; another manager can."))
    with store.write() as s:
        st = s.get(Staff, staff_id)
        if st is None:
            raise NotFound(_("No such staff member."))
        old = st.role
        if old == new:
            return staff_info(st)
        if old == Role.MANAGER and st.active:
            managers = [m for m in queries.active_staff(s) if m.role == Role.MANAGER]
            if len(managers) <= 1:
                raise ValidationError(_("Role"), _(
                    "{name} is the only active manager; make someone else a manager first.",
                    name=st.name))
        st.role = new
        record(s, actor, "staff.role_changed", staff=staff_id, old=old.value, new=new.value)
        return staff_info(st)
