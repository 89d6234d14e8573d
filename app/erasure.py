"""Erasing a guest on request: every row about them gone, and gone from the file too.

Deleting rows is not enough for an erasure a guest can trust:

1. one transaction deletes the guest and (by ``ON DELETE CASCADE``) their
   visits, labels and consents, and appends a pseudonymous "guest.erased"
   event; earlier audit events keep only the guest's random ``ref`` token,
   which nothing links to a person any more (details hold ids and codes);
2. ``secure_delete`` (always on) zeroes the freed cells and pages;
3. FTS5 keeps deleted tokens in its segments until they are merged, so the
   search index is optimised (merged into one segment without them);
4. a WAL checkpoint (TRUNCATE) writes the zeroed pages into the main file and
   empties the WAL, which still held the old page images;
5. copies kept before schema upgrades (``frontdesk.db.before-*``) are a frozen
   past state that would still hold the guest, so they are deleted.

``tests/test_erasure.py`` writes canaries into every guest field and proves
none survive in the decrypted pages of the file, the WAL or any copy.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from app.audit import record
from app.clock import now as _now
from app.errors import NotFound
from app.permissions import Action, require
from app.views import Actor
from storage import search
from storage.models import Guest
from storage.store import Store

PRE_MIGRATION_GLOB = "frontdesk.db.before-*"


@dataclass(frozen=True)
class ErasureResult:
    guest_ref: str  # the token left in the audit log
    visits: int
    labels: int
    consents: int
    copies_removed: int
    wal_bytes_after: int  # 0 when the checkpoint emptied the WAL


def erase_guest(store: Store, actor: Actor | None, guest_id: int, *,
                now: dt.datetime | None = None) -> ErasureResult:
    """Erase one guest completely. Irreversible: the UI confirms with a manager's PIN.

    ``actor`` is the signed-in manager in the GUI; ``None`` is the maintenance
    command line (`frontdesk erase-guest`), run by someone who holds the store's key.
    """
    if actor is not None:
        require(actor.role, Action.ERASE_GUEST)
    at = now or _now()
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound("That guest no longer exists.")
        ref = g.ref
        counts = (len(g.visits), len(g.assignments), len(g.consents))
        s.delete(g)
        s.flush()
        record(s, actor, "guest.erased", guest_ref=ref, at=at, visits=counts[0],
               labels=counts[1], consents=counts[2], via="gui" if actor else "cli")
    with store.write() as s:
        search.optimize_index(s)
    copies = remove_pre_migration_copies(store.paths.data_dir)
    wal = _checkpoint(store)
    return ErasureResult(ref, *counts, copies_removed=copies, wal_bytes_after=wal)


def remove_pre_migration_copies(data_dir: Path) -> int:
    """Delete the copies kept before schema upgrades (and their -wal/-shm)."""
    removed = 0
    for path in sorted(data_dir.glob(PRE_MIGRATION_GLOB)):
        if path.is_file():
            path.unlink()
            removed += 1
    return removed


def _checkpoint(store: Store, attempts: int = 3) -> int:
    """Fold the WAL into the file and truncate it; retry if a reader held it open."""
    wal = store.paths.sidecars[0]
    size = 0
    for _ in range(attempts):
        store.checkpoint()
        size = wal.stat().st_size if wal.exists() else 0
        if size == 0:
            break
    return size
