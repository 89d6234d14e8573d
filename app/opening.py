"""Finding and opening the store, with a message a person can act on for each failure.

``open_store`` never modifies a store it cannot open (see ``storage.store``);
this module only chooses the folder and the key source and translates the
storage layer's failures into ``app.errors`` types with plain-words messages.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import errors as ae
from app.i18n import _
from storage import errors as se
from storage.keys import KeyringKey, KeySource, MemoryKey, PassphraseKey

if TYPE_CHECKING:
    from storage.store import Store, StorePaths
else:
    def __getattr__(name: str) -> Any:
        """``Store`` and ``StorePaths`` load the storage layer (SQLAlchemy, the models) on
        first use, not with this module: the desk imports this module to choose its folder
        and key before its window shows (bench/startup.py)."""
        if name in ("Store", "StorePaths"):
            from storage import store

            return getattr(store, name)
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")

ENV_DATA_DIR = "FRONTDESK_DATA_DIR"
log = logging.getLogger("frontdesk.opening")

__all__ = ["KeyringKey", "MemoryKey", "PassphraseKey", "Store", "default_data_dir",
           "key_source_for", "open_store", "resolve_data_dir", "store_exists"]


def default_data_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir("frontdesk", appauthor=False))


def resolve_data_dir(arg: str | os.PathLike[str] | None) -> Path:
    """``--data-dir`` wins, then ``FRONTDESK_DATA_DIR``, then the platform's data folder."""
    if arg:
        return Path(arg).expanduser()
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    return default_data_dir()


def key_source_for(passphrase_file: str | os.PathLike[str] | None) -> KeySource:
    """The keyring by default; a passphrase read from a file when one is given."""
    if passphrase_file is None:
        return KeyringKey()
    path = Path(passphrase_file)
    try:
        passphrase = path.read_text(encoding="utf-8").strip("\r\n")
    except OSError as exc:
        raise ae.KeyMissingError(_("Cannot read the passphrase file {path}: {reason}.",
                                   path=str(path), reason=exc.strerror or str(exc))) from exc
    if len(passphrase) < 8:
        raise ae.KeyMissingError(_("The passphrase in {path} is shorter than 8 characters.",
                                   path=str(path)))
    return PassphraseKey(passphrase)


def store_exists(data_dir: Path) -> bool:
    """Whether ``data_dir`` already holds a store (only then can a recovery passphrase help)."""
    from storage.store import StorePaths

    return StorePaths(Path(data_dir)).db.exists()


def open_store(data_dir: Path, key_source: KeySource, *, create: bool = True) -> Store:
    """Open (or create) the store; every failure is an ``app.errors`` type naming the fix."""
    from storage.store import StorePaths
    from storage.store import open_store as _open

    try:
        return adopt(_open(data_dir, key_source, create=create))
    except se.StorageError as exc:
        raise translate(exc, StorePaths(data_dir)) from exc


def adopt(store: Store) -> Store:
    """Give the store plain-words errors for later failures and finish what an open owes.

    Every way of opening (here, recovery, restore) passes through: SQLite
    failures inside use cases become ``app.errors`` types (busy, damaged, disk
    full), what the open repaired is logged, and an erasure a crash interrupted
    is finished (``app.erasure.finish_pending``).
    """
    paths = store.paths
    store.on_error = lambda exc: translate(exc, paths)
    for note in store.notes:
        log.info("store %s: %s", store.store_id[:8], note)
    from app.erasure import finish_pending

    finish_pending(store)
    return store


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:,} {unit}" if unit == "bytes" else f"{n:,.1f} {unit}"
        n //= 1024
    return f"{n:,}"


def translate(exc: se.StorageError, paths: StorePaths) -> ae.FrontdeskError:
    """Turn a storage failure into an app error whose message names the next step."""
    where = str(paths.data_dir)
    match exc:
        case se.KeyringUnavailable():
            return ae.KeyringUnavailableError(_(
                "No safe keyring is available ({reason}). Frontdesk keeps its key in the "
                "system keyring and never in a plain file. Install and start one (on Debian: "
                "sudo apt install gnome-keyring, then sign in again), or run with "
                "--passphrase-file FILE to derive the key from a passphrase instead.",
                reason=exc.reason))
        case se.KeyringLocked():
            return ae.KeyringLockedError(_(
                "The system keyring is locked or refused access. Unlock it (sign in to your "
                "desktop session) and try again, or use the store's --passphrase-file."))
        case se.KeyMissing():
            return ae.KeyMissingError(_(
                "The keyring has no key for the store in {where} (store id {store_id}…). Was "
                "it copied from another computer? Restore the key there, open it with its "
                "--passphrase-file, or restore from a backup.",
                where=where, store_id=exc.store_id[:8]))
        case se.WrongKeySource():
            if exc.expected == "passphrase":
                return ae.WrongKeyError(_(
                    "The store in {where} was created with a passphrase key, not a {given} "
                    "key. Open it the same way it was created (--passphrase-file FILE).",
                    where=where, given=_key_kind(exc.given)))
            return ae.WrongKeyError(_(
                "The store in {where} was created with a {expected} key, not a {given} "
                "key. Open it the same way it was created.",
                where=where, expected=_key_kind(exc.expected), given=_key_kind(exc.given)))
        case se.WrongKey():
            if exc.key_source == "passphrase":
                return ae.WrongKeyError(_(
                    "The key from the passphrase does not open the store in {where}. Check "
                    "the passphrase file. The store was not changed.", where=where))
            return ae.WrongKeyError(_(
                "The key from the {source} does not open the store in {where}. The keyring "
                "entry may belong to another store; restore the right key or restore from a "
                "backup. The store was not changed.",
                source=_key_kind(exc.key_source), where=where))
        case se.StoreFileMissing():
            if exc.empty:
                return ae.StoreFileMissingError(_(
                    "The store's database file {path} is empty (0 bytes), although its header "
                    "says the store was in use: a copy or a disk failure cut it short. Put "
                    "back the file from where it came, or restore from a backup (frontdesk "
                    "restore). Frontdesk did not make a new, empty store in its place; nothing "
                    "was changed.", path=str(exc.path)))
            return ae.StoreFileMissingError(_(
                "The store's database file {path} is missing, although its header {header} is "
                "there: the file was moved or deleted. Put it back, or restore from a backup "
                "(frontdesk restore). Frontdesk did not make a new, empty store in its place; "
                "nothing was changed.", path=str(exc.path), header=str(paths.header)))
        case se.HeaderMissing():
            return ae.HeaderMissingError(_(
                "The store's header file {path} is missing, {detail}. Put the header back "
                "from where it came, or restore from a backup (frontdesk restore). Nothing "
                "was changed.", path=str(exc.path), detail=exc.detail))
        case se.HeaderMismatch():
            return ae.HeaderMismatchError(_(
                "The header file {path} belongs to another store (store id {store_id}…), not "
                "to the database beside it. Put back this store's own header, or restore from "
                "a backup. Nothing was changed.", path=str(exc.header),
                store_id=exc.store_id[:8]))
        case se.StorePathIsFolder():
            return ae.NotAStoreError(_(
                "{path} is a folder, but Frontdesk keeps its store in a file of that name. "
                "Move the folder away, or choose another store folder with --data-dir. "
                "Nothing was changed.", path=str(exc.path)))
        case se.FolderReadOnly():
            if exc.file_system:
                return ae.FolderReadOnlyError(_(
                    "The store folder {folder} is on a read-only disk or file system, and "
                    "Frontdesk must write next to its store even to read it. Make it writable "
                    "(remount it read-write, or copy the folder to a writable disk and use "
                    "--data-dir). Nothing was changed.", folder=str(exc.folder)))
            return ae.FolderReadOnlyError(_(
                "The store folder {folder} is read-only for this account, and Frontdesk must "
                "write next to its store even to read it. Give the account write permission "
                "(chmod u+w on the folder, as its owner), or run Frontdesk as the folder's "
                "owner. Nothing was changed.", folder=str(exc.folder)))
        case se.AccessDenied():
            return ae.StoreAccessDeniedError(_(
                "This account ({user}) may not {need} {path} (owner {owner}, mode {mode}). Run "
                "Frontdesk as {owner}, or give the file back to this account (sudo chown "
                "{user} and chmod 600 on the store's files). Nothing was changed.",
                user=exc.user, need=_("read") if exc.need == "read" else _("write"),
                path=str(exc.path), owner=exc.owner, mode=exc.mode))
        case se.DiskFull():
            return ae.DiskFullError(_(
                "The disk holding {folder} is full ({free} free). Make room (empty the "
                "trash, move old backups elsewhere) and try again. Nothing was changed.",
                folder=str(exc.folder), free=_size(exc.free_bytes)))
        case se.NotAStore():
            return ae.NotAStoreError(_(
                "{path} is not a Frontdesk store: {detail}. Choose another folder with "
                "--data-dir, or move this file away. Nothing was changed.",
                path=str(exc.path), detail=exc.detail))
        case se.DamagedStore():
            return ae.DamagedStoreError(_(
                "The store {path} is damaged: the key is right but the file cannot be read "
                "({detail}). Restore it from a backup (frontdesk restore); the damaged file is "
                "kept aside, not deleted. The file was left as it is.",
                path=str(exc.path), detail=exc.detail))
        case se.SchemaTooNew():
            return ae.SchemaTooNewError(_(
                "The store in {where} was written by a newer version of Frontdesk (schema "
                "{found}; this version knows up to {known}). Install the newer version; this "
                "one will not downgrade it.", where=where, found=exc.found, known=exc.known))
        case se.StoreBusy():
            return ae.StoreBusyError(_(
                "The store is busy: another Frontdesk window is writing. Try again in a "
                "moment."))
    return ae.FrontdeskError(_("The store could not be opened: {detail}", detail=str(exc)))


def _key_kind(kind: str) -> str:
    """A key source's name as people read it ("keyring", "passphrase", …)."""
    names = {"keyring": _("keyring"), "passphrase": _("passphrase"),
             "recovery": _("recovery passphrase"),
             "recovery passphrase": _("recovery passphrase"), "memory": _("temporary")}
    return names.get(kind, kind)
