"""Setting up the venue's shared store and moving a local store into it.

``frontdesk init --store`` (run as the database's owner) and ``frontdesk move-store``
call these. Both leave nothing half-done: set-up is one transaction on the
server, and a move copies, verifies and commits in one transaction, or leaves the
shared store as empty as it was. The local store is only read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

from app import errors as ae
from app.audit import record
from app.clock import now as _now
from app.i18n import _
from app.permissions import Action, require
from app.shared_store import open_shared_store, parse, translate
from app.verify import compare_with_anchor
from app.views import Actor
from storage import audit_anchor, postgres_admin, postgres_move
from storage import errors as se
from storage import postgres as pg
from storage import postgres_errors as pe
from storage.postgres_admin import InitResult
from storage.store import Store

__all__ = ["InitResult", "MoveResult", "choose_desk_store", "desk_address", "init_shared",
           "move_store"]


def choose_desk_store(store: Store, actor: Actor, address: str | None) -> None:
    """A manager chooses the shared store this desk opens from now on (``None``: local).

    ``store`` is the shared store being chosen (or left) and ``actor`` a manager signed in
    there; the choice is kept in this desk's ``settings.toml`` and audited in that store.
    """
    from app.shared_store import save_desk_store

    require(store, actor, Action.BACKUP)  # a manager's decision, like backups
    save_desk_store(address)
    with store.write() as s:
        if address:
            record(s, actor, "desk.store_chosen")
        else:
            record(s, actor, "desk.store_left")


def desk_address(owner_address: str, desk_role: str) -> str:
    """The address the desks use: the owner's address with the desk role as user."""
    return parse(owner_address).with_user(desk_role).url()


def init_shared(owner_address: str, owner_password: str, desk_role: str = pg.DEFAULT_DESK_ROLE,
                ) -> InitResult:
    """Create (or upgrade) the shared store's schema, the desk role and its grants.

    When this run creates the desk role, its new password is saved in this computer's
    keyring (if it has a safe one) and returned, to be given to each desk once.
    """
    owner = parse(owner_address)
    if owner.user == desk_role:
        raise ae.ValidationError(_("Desk role"), _(
            "The owner and the desk role must be different roles: desks may not rewrite "
            "the audit log, the owner may."))
    try:
        result = postgres_admin.initialise(owner, owner_password, desk_role)
    except se.StorageError as exc:
        raise translate(exc) from exc
    if result.desk_password is not None:
        # Without a safe keyring here the password is only shown once, for each desk to save.
        with contextlib.suppress(se.StorageError):
            pg.save_password(owner.with_user(desk_role), result.desk_password)
    return result


@dataclass(frozen=True)
class MoveResult:
    address: str
    rows: dict[str, int]
    audit_events: int


def move_store(local: Store, actor: Actor, target_address: str, *,
               progress: Callable[[str, int, int], None] | None = None,
               now: dt.datetime | None = None) -> MoveResult:
    """Copy every row of ``local`` into the empty shared store, verify it, then commit.

    Manager only. The local store's data is left as it was (its audit log records the
    copy: reading every guest is audited); the shared store gets the same guests,
    history, vocabulary, staff, consents and audit chain (same ids and hashes), plus one
    audit event saying the store was moved in. The local chain must match its anchor;
    that anchor is carried over and extended into this desk's keyring entry for the
    shared store, so ``verify`` there compares with it from the first moment.
    """
    require(local, actor, Action.BACKUP)
    carried = _local_anchor(local)
    target = open_shared_store(target_address)
    try:
        with local.read() as src:
            broken = compare_with_anchor(local, src)
            if broken:   # a shared store must not start from a log that fails its anchor
                raise ae.FrontdeskError(_(
                    "The local store's audit log does not match its anchor ({problem}). "
                    "Nothing was copied. Run frontdesk verify on the local store first.",
                    problem=broken[1]))
            with target.write() as dst:
                busy = postgres_move.non_empty_tables(dst)
                if busy:
                    raise translate(pe.NotEmpty(str(target.address), ", ".join(busy)))
                before: dict[str, tuple[int, str]] = {}   # the source's, read as it is copied
                rows = postgres_move.copy_rows(src, dst, progress, source_digests=before)
                dst.flush()
                after = postgres_move.table_digests(dst)
                differ = sorted(t for t in before if before[t] != after.get(t))
                if differ:
                    raise ae.FrontdeskError(_(
                        "The copy in the shared store differs from the local store in: "
                        "{tables}. Nothing was kept in the shared store; the local store is "
                        "unchanged.", tables=", ".join(differ)))
                if carried is not None:   # the commit extends the local anchor (keyring)
                    audit_anchor.seed(target.store_id, carried)
                record(dst, actor, "store.moved_in", at=now or _now(),
                       guests=rows.get("guest", 0), events=rows.get("audit_event", 0))
    except se.StorageError as exc:
        audit_anchor.forget(target.store_id)
        raise translate(exc) from exc
    except BaseException:
        audit_anchor.forget(target.store_id)
        raise
    finally:
        target.close()
    audit_anchor.flush()   # the shared store's anchor is in the keyring before we report
    with local.write() as s:  # reading every guest is audited where it was read
        record(s, actor, "store.copied_out", at=now or _now(), guests=rows.get("guest", 0),
               to=str(parse(target_address)))
    return MoveResult(str(target.address), rows, rows.get("audit_event", 0) + 1)


def _local_anchor(local: Store) -> audit_anchor.Anchor | None:
    """The local store's anchor, to carry to the shared store (None: never anchored)."""
    where = audit_anchor.where_for(local.header.key_source)
    return audit_anchor.load(local.store_id, where) if where else None
