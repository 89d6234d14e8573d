"""Erasing a guest on request: every row about them gone, and gone from the file too.

Deleting rows is not enough for an erasure a guest can trust:

1. one transaction deletes the guest and (by ``ON DELETE CASCADE``) their
   visits, labels and consents, appends a pseudonymous "guest.erased" event
   (earlier events keep only the guest's random ``ref`` token, which nothing
   links to a person any more) and adds the token to the erasure ledger,
   marked "scrub pending";
2. on the local store the freed cells and pages are zeroed and the search
   index drops the guest's words in that same transaction (no index rebuild;
   how is ``storage``'s business: ``storage.search``); words of their name no
   other guest has leave the name dictionary (``storage.name_terms.forget_names``);
3. the local store's log still holds the old page images, and the main file
   the old pages, until they are folded in: the store's ``scrub_deleted``
   writes the zeroed pages into the file and empties the log (a shared store
   has nothing local to fold: docs/shared-store.md). If another reader keeps it from
   finishing, the erasure *fails* (:class:`~app.errors.ErasureIncomplete`):
   the guest is gone from the tables, but not yet from the file;
4. copies the app keeps of an earlier state in the store folder — the copy
   made before a schema upgrade (``frontdesk.db.before-*``) and the store set
   aside by a restore (``before-restore-*/``) — would still hold the guest, so
   they are deleted;
5. the ledger's token is also kept in the keyring (``storage.ledger``).

A crash between 1 and 4 leaves the "scrub pending" mark: the next open
finishes the job (:func:`finish_pending`, called for every open by
``app.opening.adopt``). Each open also compares the store with the keyring's
ledger and erases again any guest a copied-in older file brought back; a
restore does the same before the restored store is put in place
(``app.backup``).

``tests/test_erasure.py`` writes canaries into every guest field and proves
none survive in the decrypted pages of the file, the WAL or any copy.
"""

from __future__ import annotations

import datetime as dt
import logging
import shutil
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from app.audit import record
from app.clock import now as _now
from app.errors import ErasureIncomplete, FrontdeskError, NotFound
from app.i18n import _
from app.permissions import Action, require
from app.views import Actor
from storage import errors as se
from storage import ledger, name_terms
from storage.models import Guest
from storage.store import Store

log = logging.getLogger("frontdesk.erasure")

PRE_MIGRATION_GLOB = "frontdesk.db.before-*"
BEFORE_RESTORE_GLOB = "before-restore-*"
LEGACY_LEDGER_NAME = "frontdesk.erased-refs"   # the plain file used before the ledger table
WAL_WAIT_MS = 3000   # how long an erasure waits for another reader to let go of the WAL


@dataclass(frozen=True)
class ErasureResult:
    guest_ref: str  # the token left in the audit log
    visits: int
    labels: int
    consents: int
    copies_removed: int
    wal_bytes_after: int  # 0: the checkpoint emptied the WAL (otherwise the erasure failed)
    in_keyring: bool      # the token also went to this computer's keyring


def erase_guest(store: Store, actor: Actor, guest_id: int, *,
                now: dt.datetime | None = None) -> ErasureResult:
    """Erase one guest completely. Irreversible: the UI confirms with a manager's PIN.

    ``actor`` is a signed-in manager (the GUI, or `frontdesk erase-guest --staff`).
    Raises ``ErasureIncomplete`` when the file could not be scrubbed yet.
    """
    require(store, actor, Action.ERASE_GUEST)
    at = now or _now()
    refs, counts = _delete(store, actor, guest_id, at, via="staff")
    ref = refs[0]
    in_keyring = _keep_in_keyring(store, refs)
    copies = remove_copies_of_earlier_states(store.paths.data_dir)
    wal = _scrub(store)
    if wal:
        log.warning("erasure of %s: the WAL could not be emptied (%d bytes)", ref, wal)
        raise ErasureIncomplete(_(
            "Guest {ref} was deleted, but another Frontdesk window or program is reading the "
            "store, so older copies of their data are still in the store's files. Close "
            "the other Frontdesk windows; the erasure is finished the next time Frontdesk "
            "opens the store (or run frontdesk verify). Do not tell the guest it is done "
            "yet.", ref=ref))
    return ErasureResult(ref, *counts, copies_removed=copies, wal_bytes_after=wal,
                         in_keyring=in_keyring)


def _delete(store: Store, actor: Actor | None, guest_id: int, at: dt.datetime, *, via: str
            ) -> tuple[tuple[str, ...], tuple[int, int, int]]:
    """Delete the guest and ledger their token (and those of profiles merged into them)."""
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
        name_terms.forget_names(s, names)  # search helper's hook: no word of theirs left behind
        ledger.record_erasure(s, ref, at)
        # A backup from before a merge holds the merged profile under its own token.
        ledger.add_refs(s, merged, at)
        record(s, actor, "guest.erased", guest_ref=ref, at=at, visits=counts[0],
               labels=counts[1], consents=counts[2], via=via)
    return (ref, *merged), counts


def _scrub(store: Store) -> int:
    """Empty the WAL (it held the guest's old pages); clear the marks. Returns bytes left."""
    if not store.scrub_deleted(WAL_WAIT_MS):
        wal = store.paths.sidecars[0]
        return wal.stat().st_size if wal.exists() else 0
    with store.write() as s:
        ledger.clear_pending(s)
    store.scrub_deleted(WAL_WAIT_MS)   # the marks' own page: no guest data
    return 0


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


def _uses_keyring(store: Store) -> bool:
    return store.header.key_source == "keyring"


def _keep_in_keyring(store: Store, refs: Iterable[str]) -> bool:
    """Add tokens to this computer's keyring ledger; False when there is no keyring to use."""
    if not _uses_keyring(store):
        return False
    try:
        ledger.keyring_add(store.lineage, refs)
    except se.StorageError as exc:
        log.warning("erasure ledger not written to the keyring: %s", type(exc).__name__)
        return False
    return True


def erased_refs(store: Store) -> set[str]:
    """The tokens of every guest erased from this store (and from the stores it came from)."""
    with store.read() as s:
        return ledger.store_refs(s)


def reapply_erasures(store: Store, refs: Iterable[str] = (), *,
                     now: dt.datetime | None = None) -> int:
    """Erase again every guest in the ledger (the store's own, plus ``refs``) who is back.

    Called on a restored store before it is put in place, and at each open with
    the keyring's ledger. Copies of earlier states are kept (a restore has just
    set the replaced store aside on purpose). Returns how many were erased.
    """
    at = now or _now()
    with store.write() as s:
        ledger.add_refs(s, refs, at)
        back = ledger.guests_back(s, ledger.store_refs(s))
    for guest_id in back:
        _delete(store, None, guest_id, at, via="reapplied")
    if back:
        log.info("erased %d guests again (restored from before their erasure)", len(back))
        _scrub(store)
    return len(back)


def finish_pending(store: Store) -> None:
    """What every open owes the erasure ledger; never makes the open fail.

    * tokens from the plain ledger file of earlier versions go into the table;
    * with the keyring (keyring stores): guests the keyring's ledger lists but
      the store holds (an older file copied in) are erased again, and the two
      ledgers are merged;
    * an erasure a crash interrupted ("scrub pending") is finished: copies of
      earlier states removed, the WAL emptied.
    """
    try:
        _import_legacy_file(store)
        remembered: set[str] | None = None
        if _uses_keyring(store):
            try:
                remembered = ledger.keyring_refs(store.lineage)
            except se.StorageError as exc:
                log.warning("keyring ledger unreadable: %s", type(exc).__name__)
        with store.read() as s:
            ours = ledger.store_refs(s)
        if remembered and remembered - ours:
            reapply_erasures(store, remembered)
            ours |= remembered
        with store.read() as s:
            pending = ledger.scrub_pending(s)
        if _uses_keyring(store) and (remembered is None or ours - remembered):
            _keep_in_keyring(store, ours)   # also creates the record: this computer knows
        if pending:
            remove_copies_of_earlier_states(store.paths.data_dir)
            if _scrub(store):
                log.warning("an interrupted erasure is still not finished: the WAL is in use")
            else:
                log.info("an interrupted erasure was finished")
    except (se.StorageError, FrontdeskError) as exc:
        log.warning("erasure ledger not brought up to date at open: %s", type(exc).__name__)


def _import_legacy_file(store: Store) -> None:
    path = store.paths.data_dir / LEGACY_LEDGER_NAME
    refs = legacy_refs(store.paths.data_dir)
    if refs:
        with store.write() as s:
            ledger.add_refs(s, refs, _now())
    path.unlink(missing_ok=True)


def legacy_refs(data_dir: Path) -> set[str]:
    """Tokens in the plain ledger file earlier versions kept beside the store."""
    try:
        lines = (data_dir / LEGACY_LEDGER_NAME).read_text(encoding="ascii").splitlines()
    except (FileNotFoundError, UnicodeDecodeError):
        return set()
    return {line.strip() for line in lines if line.strip()}
