"""The recovery passphrase: opening the store when the keyring is locked or gone.

The first manager is shown a recovery passphrase once, when the store is
created; the header keeps the store key wrapped with it (``storage.keys``).
Typing it back opens the store and puts the key back in the keyring. There is
never an unencrypted fallback: without the keyring or this passphrase (or a
backup and its passphrase) the data stays closed.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from app import errors as ae
from app.audit import record
from app.i18n import _
from app.opening import adopt, translate
from app.permissions import Action, require
from app.views import Actor
from storage import errors as se
from storage import keys
from storage.keys import KeyringKey, RecoveryKey
from storage.store import Store, StorePaths, add_recovery
from storage.store import open_store as _open

log = logging.getLogger("frontdesk.recovery")


class RecoveryError(ae.StoreOpenError):
    """The recovery passphrase could not open the store (wrong one, or none set up)."""


@dataclass(frozen=True)
class Recovered:
    store: Store
    saved_to_keyring: bool   # False: the keyring is still unusable; ask again next start


def set_up_recovery(store: Store, actor: Actor) -> str:
    """Make a new recovery passphrase for a keyring store and return it (show it once).

    ``actor`` is a signed-in manager (the first manager on the GUI's first run,
    `init`, `recovery-setup --staff`, or the manager who restored a backup).
    A new passphrase replaces the old one.
    """
    require(store, actor, Action.BACKUP)
    if store.header.key_source != KeyringKey.kind:
        raise ae.FrontdeskError(_("This store's key comes from its passphrase file, which is "
                                "already the way back in; no recovery passphrase is needed."))
    passphrase = keys.new_recovery_passphrase()
    try:
        add_recovery(store, KeyringKey(), passphrase)
    except se.StorageError as exc:
        raise translate(exc, store.paths) from exc
    with store.write() as s:
        record(s, actor, "recovery.set_up")
    log.info("recovery passphrase set up")
    return passphrase


def has_recovery(store: Store) -> bool:
    return keys.has_recovery(store.header)


def needs_recovery_passphrase(store: Store) -> bool:
    """True for a keyring store without one yet (a passphrase store is its own way back)."""
    return store.header.key_source == KeyringKey.kind and not has_recovery(store)


def open_with_recovery(data_dir: Path, passphrase: str) -> Recovered:
    """Open the store with its recovery passphrase; re-save the key to the keyring if possible."""
    source = RecoveryKey(passphrase)
    try:
        store = adopt(_open(Path(data_dir), source, create=False))
    except se.WrongKey as exc:
        raise RecoveryError(_("That recovery passphrase does not open this store. Check it "
                            "(letters and digits only; case and dashes do not matter) and try "
                            "again. The store was not changed.")) from exc
    except se.KeyMissing as exc:
        raise RecoveryError(_("This store has no recovery passphrase. Unlock the keyring, or "
                            "restore from a backup with its passphrase.")) from exc
    except se.StorageError as exc:
        raise translate(exc, StorePaths(Path(data_dir))) from exc
    log.info("store opened with the recovery passphrase; keyring updated: %s",
             source.saved_to_keyring)
    with store.write() as s:
        record(s, None, "recovery.used", saved_to_keyring=source.saved_to_keyring)
    return Recovered(store, source.saved_to_keyring)
