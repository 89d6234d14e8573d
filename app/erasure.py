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
5. copies the app keeps of an earlier state in the store folder — the copy
   made before a schema upgrade (``frontdesk.db.before-*``) and the store set
   aside by a restore (``before-restore-*/``) — would still hold the guest, so
   they are deleted;
6. the guest's token goes into a ledger beside the store
   (``frontdesk.erased-refs``), so :func:`reapply_erasures` can erase them
   again after a backup made before the erasure is restored. Backups
   themselves are encrypted files elsewhere and are not rewritten.

``tests/test_erasure.py`` writes canaries into every guest field and proves
none survive in the decrypted pages of the file, the WAL or any copy.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from app.audit import record
from app.clock import now as _now
from app.errors import NotFound
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor
from storage import queries, search
from storage.models import Guest
from storage.store import Store

PRE_MIGRATION_GLOB = "frontdesk.db.before-*"
BEFORE_RESTORE_GLOB = "before-restore-*"
LEDGER_NAME = "frontdesk.erased-refs"


@dataclass(frozen=True)
class ErasureResult:
    guest_ref: str  # the token left in the audit log
    visits: int
    labels: int
    consents: int
    copies_removed: int
    wal_bytes_after: int  # 0 when the checkpoint emptied the WAL


def erase_guest(store: Store, actor: Actor, guest_id: int, *,
                now: dt.datetime | None = None) -> ErasureResult:
    """Erase one guest completely. Irreversible: the UI confirms with a manager's PIN.

    ``actor`` is a signed-in manager (the GUI, or `frontdesk erase-guest --staff`).
    """
    require(store, actor, Action.ERASE_GUEST)
    return _erase(store, actor, guest_id, now or _now(), via="staff", remove_copies=True)


def _erase(store: Store, actor: Actor | None, guest_id: int, at: dt.datetime, *, via: str,
           remove_copies: bool) -> ErasureResult:
    with store.write() as s:
        g = s.get(Guest, guest_id)
        if g is None:
            raise NotFound(_("That guest no longer exists."))
        ref = g.ref
        counts = (len(g.visits), len(g.assignments), len(g.consents))
        names = [g.full_name, g.preferred_name]
        merged = [m.merged_ref for m in g.merges]  # profiles merged into them (app.merge)
        s.delete(g)  # their guest_merge rows, with the data to undo a merge, go too
        s.flush()
        search.forget_names(s, names)  # search helper's hook: no word of theirs left behind
        record(s, actor, "guest.erased", guest_ref=ref, at=at, visits=counts[0],
               labels=counts[1], consents=counts[2], via=via)
    if via != "reapplied":
        for token in (ref, *merged):  # a restored backup from before a merge: erase both
            _remember(store.paths.data_dir, token)
    with store.write() as s:
        search.optimize_index(s)
    copies = remove_copies_of_earlier_states(store.paths.data_dir) if remove_copies else 0
    wal = _checkpoint(store)
    return ErasureResult(ref, *counts, copies_removed=copies, wal_bytes_after=wal)


def remove_copies_of_earlier_states(data_dir: Path) -> int:
    """Delete pre-upgrade copies (and their -wal/-shm) and stores set aside by a restore."""
    removed = 0
    for path in sorted(data_dir.glob(PRE_MIGRATION_GLOB)):
        if path.is_file():
            path.unlink()
            removed += not path.name.endswith(("-wal", "-shm"))  # count copies, not sidecars
    for folder in sorted(data_dir.glob(BEFORE_RESTORE_GLOB)):
        if folder.is_dir():
            shutil.rmtree(folder)
            removed += 1
    return removed


def _remember(data_dir: Path, ref: str) -> None:
    """Append the erased guest's token (random, not personal data) to the ledger."""
    with (data_dir / LEDGER_NAME).open("a", encoding="ascii") as fh:
        fh.write(ref + "\n")
        fh.flush()
        os.fsync(fh.fileno())


def erased_refs(data_dir: Path) -> list[str]:
    try:
        lines = (data_dir / LEDGER_NAME).read_text(encoding="ascii").splitlines()
    except FileNotFoundError:
        return []
    return [line.strip() for line in lines if line.strip()]


def reapply_erasures(store: Store, *, now: dt.datetime | None = None) -> int:
    """Erase again every guest in the ledger who is back (after restoring an older backup).

    Call after a restore; copies of earlier states are kept (the restore just
    made one from the current, already-erased store). Returns how many were erased.
    """
    at = now or _now()
    erased = 0
    for ref in erased_refs(store.paths.data_dir):
        with store.read() as s:
            g = queries.guest_by_ref(s, ref)
            guest_id = g.id if g is not None else None
        if guest_id is not None:
            _erase(store, None, guest_id, at, via="reapplied", remove_copies=False)
            erased += 1
    return erased


def _checkpoint(store: Store, attempts: int = 3) -> int:
    """Fold the WAL into the file and truncate it; retry if a reader held it open."""
    wal = store.paths.sidecars[0]
    size = 0
    for _attempt in range(attempts):
        store.checkpoint()
        size = wal.stat().st_size if wal.exists() else 0
        if size == 0:
            break
    return size
