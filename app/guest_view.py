"""Leaving Show guest: whose PIN ends it, and why a guest typing PINs locks nobody out.

Show guest is in the guest's hands. Ending it needs the PIN of the staff
member who opened it or of any active manager (when the opener has walked
away). The check is deliberately **not** ``app.staff.sign_in``:

* a wrong PIN typed here never counts toward any account's lock-out (a guest
  could otherwise lock the staff member out, and trap the desk in Show guest);
* instead, wrong PINs slow the next try down: after :data:`FREE_TRIES` typos,
  each wrong PIN doubles the wait (1, 2, 4 … seconds, at most
  :data:`MAX_WAIT_S`), enforced here, not only by the screen;
* a wrong PIN is audited as "show_guest.wrong_pin" with no staff member named
  (we cannot know whose PIN was meant) and no guest either;
* ending it is audited as "show_guest.ended" by the opener, with who typed the
  PIN (``by``: the opener or a manager's staff id).

Nothing here makes an ``Actor``: the desk stays signed in as the opener, as
it was before Show guest. The desk lock (Ctrl+L) works at any time.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from app.audit import record
from app.errors import SignInError
from app.i18n import _, ngettext_
from app.pins import check_pin
from app.views import Actor
from storage import queries
from storage.models import Role
from storage.store import Store

FREE_TRIES = 2  # typos cost nothing
MAX_WAIT_S = 300


@dataclass(frozen=True)
class Ended:
    """Show guest ended: by the opener's PIN, or by a manager's (``staff_id``, first name)."""

    staff_id: int
    first_name: str
    by_manager: bool


@dataclass
class GuestViewSession:
    """One Show-guest session: the opener, and the wrong PINs typed since it opened."""

    store: Store
    opener: Actor
    clock: Callable[[], float] = time.monotonic
    wrong: int = 0
    _not_before: float = field(default=0.0, repr=False)

    def wait_seconds(self) -> int:
        """Seconds before the next PIN may be tried (0: now)."""
        return max(0, int(self._not_before - self.clock() + 0.999))

    def end(self, pin: str) -> Ended:
        """Check ``pin`` against the opener and every active manager; raise if it ends nothing.

        Raises SignInError (said in the guest's language by Show guest) for a wrong
        PIN or a try during the wait.
        """
        wait = self.wait_seconds()
        if wait:
            raise SignInError(ngettext_("Please wait {n} second before the next try.",
                                        "Please wait {n} seconds before the next try.",
                                        wait, n=wait))
        with self.store.read() as s:
            candidates = [(st.id, st.first_name, st.role, st.pin_hash)
                          for st in queries.active_staff(s)
                          if st.id == self.opener.id or st.role == Role.MANAGER]
        candidates.sort(key=lambda c: c[0] != self.opener.id)  # the opener first
        for staff_id, first_name, role, pin_hash in candidates:
            if check_pin(pin, pin_hash):
                by_manager = staff_id != self.opener.id
                with self.store.write() as s:
                    record(s, self.opener, "show_guest.ended", by=staff_id,
                           manager=by_manager and role == Role.MANAGER)
                return Ended(staff_id, first_name, by_manager)
        self.wrong += 1
        delay = 0 if self.wrong <= FREE_TRIES else min(2 ** (self.wrong - FREE_TRIES - 1),
                                                       MAX_WAIT_S)
        self._not_before = self.clock() + delay
        with self.store.write() as s:
            record(s, None, "show_guest.wrong_pin", attempt=self.wrong, wait=delay)
        if delay:
            raise SignInError(ngettext_(
                "That PIN does not end Show guest. Please wait {n} second before the next try.",
                "That PIN does not end Show guest. Please wait {n} seconds before the next "
                "try.", delay, n=delay))
        raise SignInError(_("That PIN does not end Show guest."))
