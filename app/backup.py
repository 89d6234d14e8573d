"""Backups: make one now, restore one, and the automatic daily backup.

A backup is a single passphrase-encrypted file (format in ``storage.backup``)
that can be restored on another machine without this machine's keyring. The
passphrase of the automatic backup is kept in the keyring under its own entry,
never in a file or the settings table.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from app.audit import record
from app.clock import now as _now
from app.erasure import legacy_refs, reapply_erasures
from app.errors import BackupFileError, ErasuresUnknownError, FrontdeskError, ValidationError
from app.i18n import _
from app.opening import adopt, store_exists, translate
from app.permissions import CREDENTIAL_KEY, Action, require
from app.verify import verify_store
from app.views import Actor
from storage import audit_anchor, credentials, keys, ledger, queries
from storage import backup as sb
from storage import errors as se
from storage.keys import KeyringKey, KeySource
from storage.models import Setting
from storage.store import Store, StorePaths
from storage.store import open_store as _open

log = logging.getLogger("frontdesk.backup")

SUFFIX = sb.SUFFIX
MIN_PASSPHRASE = 8
AUTO_KEY = "backup.auto"          # "folder|keep" or absent when off
LAST_KEY = "backup.last"          # ISO time of the last automatic backup
DAY = dt.timedelta(days=1)


@dataclass(frozen=True)
class BackupSettings:
    enabled: bool
    folder: Path | None
    keep: int
    last: dt.datetime | None
    has_passphrase: bool


@dataclass(frozen=True)
class RestoreResult:
    store: Store
    previous: Path | None   # folder where the replaced store was kept
    audit_events: int
    restored_by: Actor   # the manager who restored, signed in to the restored store
    recovery_passphrase: str | None = None   # new one for a keyring store: show it once
    erased_again: int = 0          # guests in the backup who were erased since: erased again
    erasures_known: bool = True    # False: restored without any record of later erasures


def check_passphrase(passphrase: str) -> str:
    if not isinstance(passphrase, str) or len(passphrase) < MIN_PASSPHRASE:
        raise ValidationError(_("Backup passphrase"),
                              _("The backup passphrase must be at least {n} characters long.",
                                n=MIN_PASSPHRASE))
    return passphrase


def backup_name(at: dt.datetime) -> str:
    return f"frontdesk-{at:%Y%m%d-%H%M%S}{SUFFIX}"


Cancellation = sb.Cancellation   # the UI passes one to make_backup to offer Cancel


def _export(store: Store, target: Path, passphrase: str,
            cancel: sb.Cancellation | None = None) -> None:
    if store.shared:  # the shared store is backed up on its server
        raise BackupFileError(_(
            "The shared store is backed up on its server (pg_dump or the server's own "
            "backups, kept encrypted by the venue); Frontdesk's backups are of a local store. "
            "Nothing was written."))
    with store.read() as s:   # the chain head goes into the backup's plain header
        anchor = audit_anchor.for_backup(s, store.store_id, store.header.key_source)
    try:
        sb.export(store.engine, target, passphrase, store_id=store.store_id,
                  schema_revision=store.header.schema_revision, lineage=store.lineage,
                  source=store.paths.db, cancel=cancel, audit_anchor=anchor)
    except se.StorageError as exc:
        raise translate(exc, store.paths) from exc
    except sb.BackupCancelled as exc:
        raise BackupFileError(_("The backup was cancelled; no file was written.")) from exc
    except OSError as exc:
        raise BackupFileError(_("The backup could not be written to {folder}: {reason}. "
                                "Choose another folder.", folder=str(target.parent),
                                reason=exc.strerror or str(exc))) from exc
    except sb.BackupWriteFailed as exc:
        raise BackupFileError(_("The backup could not be written to {folder} (is the disk "
                                "full?). Choose another folder; nothing was left behind.",
                                folder=str(target.parent))) from exc


def make_backup(store: Store, actor: Actor, target: Path, passphrase: str, *,
                cancel: sb.Cancellation | None = None) -> Path:
    """Write an encrypted, consistent copy of the store to ``target`` (safe while others write).

    ``actor`` is a signed-in manager (GUI, or `frontdesk backup --staff`).
    """
    require(store, actor, Action.BACKUP)
    check_passphrase(passphrase)
    target = Path(target)
    if target.suffix != SUFFIX:
        target = target.with_name(target.name + SUFFIX)
    log.info("backup started")
    _export(store, target, passphrase, cancel)
    with store.write() as s:
        record(s, actor, "backup.made", automatic=False)
    log.info("backup finished")
    return target


def _translate_backup(exc: sb.BackupError, backup: Path) -> FrontdeskError:
    match exc:
        case sb.WrongBackupPassphrase():
            return BackupFileError(_("The passphrase does not open the backup {file}. Check it "
                                     "and try again; nothing was changed.", file=backup.name))
        case sb.NotABackup():
            if "newer kind" in str(exc):  # storage/ says which; its words are English
                return BackupFileError(_("{file} is a backup of a newer kind. Restore it with "
                                         "a newer Frontdesk; nothing was changed.",
                                         file=backup.name))
            return BackupFileError(_("{file} is not a Frontdesk backup file. Choose a "
                                     ".fdbackup file; nothing was changed.", file=backup.name))
    return BackupFileError(_("The backup {file} cannot be restored: {problem}. Try an older "
                             "backup; nothing was changed.", file=backup.name, problem=str(exc)))


def inspect_backup(backup: Path) -> sb.BackupHeader:
    """Read a backup's plain header (date, store id) without the passphrase."""
    try:
        return sb.read_header(Path(backup))[0]
    except sb.BackupError as exc:
        raise _translate_backup(exc, Path(backup)) from exc
    except OSError as exc:
        raise BackupFileError(_("Cannot read {file}: {reason}.", file=str(backup),
                                reason=exc.strerror or str(exc))) from exc


def known_erasures(backup: Path, data_dir: Path, key_source: KeySource) -> set[str] | None:
    """Every erasure this computer knows of for the backup's store line, or None: no record.

    Two places know: this computer's keyring (keyring stores keep the ledger
    there, one entry per store line), and the store the restore would replace,
    when it is of the same line. The backup's own ledger only knows erasures
    made *before* it, so it does not count.
    """
    line = inspect_backup(backup).store_line
    known: set[str] | None = None
    if key_source.kind == KeyringKey.kind:
        try:
            known = ledger.keyring_refs(line)
        except se.StorageError:
            known = None
    current = _current_store_refs(Path(data_dir), key_source, line)
    if current is not None:
        known = (known or set()) | current
    return known


def _current_store_refs(data_dir: Path, key_source: KeySource, line: str) -> set[str] | None:
    if not store_exists(data_dir):
        return None
    try:
        current = _open(data_dir, key_source, create=False)
    except se.StorageError:
        return None
    try:
        if current.lineage != line:
            return None
        with current.read() as s:
            return ledger.store_refs(s) | legacy_refs(data_dir)
    finally:
        current.close()


def restore_backup(backup: Path, passphrase: str, data_dir: Path, key_source: KeySource,
                   sign_in: Callable[[Store], Actor], *,
                   accept_unknown_erasures: bool = False) -> RestoreResult:
    """Verify the backup, then replace the store in ``data_dir`` with it.

    The backup is opened with its passphrase, integrity-checked and its audit
    chain verified *before* anything in ``data_dir`` moves; the current store
    is kept in ``data_dir/before-restore-…`` and only set aside once the
    restored one has opened and verified. The restored store gets a fresh key
    from ``key_source`` (this machine's keyring by default).

    ``sign_in`` signs the person in against the backup's own staff (called with
    the staged store, before anything in it changes or moves); they must be a
    manager there, or nothing is restored. The restore is audited under them.

    Guests erased since the backup was made are erased again in the restored
    copy before it is put in place (:func:`known_erasures`). When this computer
    has no record of them (an old backup on a new computer), nothing happens
    and ``ErasuresUnknownError`` says so: ask the person, then call again with
    ``accept_unknown_erasures=True``.
    """
    backup = Path(backup)
    known = known_erasures(backup, Path(data_dir), key_source)
    if known is None and not accept_unknown_erasures:
        made = inspect_backup(backup).created_at[:10]
        if key_source.kind == KeyringKey.kind:
            raise ErasuresUnknownError(_(
                "This computer has no record of the guests erased from this store since the "
                "backup was made ({date}). If a guest asked to be erased after that, restoring "
                "this backup brings their data back, and Frontdesk could not erase them again. "
                "Restore it on the computer that kept the store (its keyring remembers the "
                "erasures), or restore anyway only if you are sure no guest was erased since "
                "{date}. Nothing was changed.", date=made))
        raise ErasuresUnknownError(_(
            "Nothing here records the guests erased from this store since the backup was "
            "made ({date}): a store opened with a passphrase keeps that record only in "
            "itself. If a guest asked to be erased after that, restoring this backup brings "
            "their data back. Restore it into the folder of the store it came from (the "
            "record is there), or restore anyway only if you are sure no guest was erased "
            "since {date}. Nothing was changed.", date=made))
    log.info("restore started")
    signed: list[Actor] = []
    erased_again = 0

    def prepare(trial: Store) -> None:
        nonlocal erased_again
        if not signed:   # a manager of the backup's own staff, before anything changes
            actor = sign_in(trial)
            require(trial, actor, Action.BACKUP)
            signed.append(actor)
        # A backup older than an erasure brings the guest back: erase them again before
        # the restored store is put in place.
        erased_again = reapply_erasures(trial, known or ())

    def check(store: Store) -> list[str]:
        return list(verify_store(store).problems)

    try:
        store, previous = sb.restore(backup, passphrase, Path(data_dir), key_source, check,
                                     prepare)
        adopt(store)
    except sb.BackupError as exc:
        log.warning("restore refused: %s", type(exc).__name__)
        raise _translate_backup(exc, backup) from exc
    except se.StorageError as exc:
        raise translate(exc, StorePaths(Path(data_dir))) from exc
    except OSError as exc:
        raise BackupFileError(_("Cannot restore {file}: {reason}. Nothing was changed.",
                                file=backup.name, reason=exc.strerror or str(exc))) from exc
    actor = signed[0]
    with store.write() as s:
        record(s, actor, "store.restored", automatic=False, erased_again=erased_again,
               erasures_known=known is not None)
    recovery = None
    if store.header.key_source == KeyringKey.kind:
        from app.recovery import set_up_recovery

        recovery = set_up_recovery(store, actor)  # the old one wrapped the old key
    with store.read() as s:
        events = queries.audit_event_count(s)
    log.info("restore finished")
    return RestoreResult(store, previous, events, actor, recovery, erased_again,
                         known is not None)


# --- automatic daily backup ------------------------------------------------------------

def _stored_settings(store: Store) -> tuple[bool, Path | None, int, dt.datetime | None]:
    """The settings rows only (no keyring call: start-up reads this when the GUI opens)."""
    with store.read() as s:
        auto = queries.setting_value(s, AUTO_KEY)
        last = queries.setting_value(s, LAST_KEY)
    folder, keep = None, 7
    if auto:
        raw_folder, _sep, raw_keep = auto.rpartition("|")
        folder, keep = Path(raw_folder), int(raw_keep or 7)
    return auto is not None, folder, keep, dt.datetime.fromisoformat(last) if last else None


def backup_settings(store: Store) -> BackupSettings:
    enabled, folder, keep, last = _stored_settings(store)
    try:
        has_pass = keys.load_backup_passphrase(store.store_id) is not None
    except se.StorageError:
        has_pass = False
    return BackupSettings(enabled=enabled, folder=folder, keep=keep, last=last,
                          has_passphrase=has_pass)


def set_backup_settings(store: Store, actor: Actor, *, enabled: bool, folder: Path | None,
                        keep: int, passphrase: str | None = None) -> BackupSettings:
    """Switch the daily backup on or off. A new passphrase goes to the keyring, not the DB."""
    require(store, actor, Action.BACKUP)
    if enabled:
        if folder is None or not str(folder).strip():
            raise ValidationError(_("Backup folder"), _("Choose a folder for the daily backup."))
        if not (1 <= keep <= 365):
            raise ValidationError(_("Kept backups"), _("Keep between 1 and 365 backups."))
        if "|" in str(folder):
            raise ValidationError(_("Backup folder"), _("The folder name may not contain “|”."))
    if passphrase is not None:
        check_passphrase(passphrase)
        try:
            keys.save_backup_passphrase(store.store_id, passphrase)
        except se.StorageError as exc:
            raise translate(exc, store.paths) from exc
    elif enabled and not backup_settings(store).has_passphrase:
        raise ValidationError(_("Backup passphrase"),
                              _("Set a backup passphrase: automatic backups need one."))
    # The scheduled backup runs without a person, on a credential that may do nothing but
    # that backup (app.staff.backup_service): made here, revoked when switched off.
    secret = credentials.new_secret() if enabled else None
    try:
        if secret is not None:
            credentials.save(store.store_id, secret)
        else:
            credentials.delete(store.store_id)
    except se.StorageError as exc:
        raise translate(exc, store.paths) from exc
    with store.write() as s:
        cred = s.get(Setting, CREDENTIAL_KEY)
        if secret is not None:
            s.merge(Setting(key=CREDENTIAL_KEY, value=credentials.digest(secret)))
        elif cred is not None:
            s.delete(cred)
        row = s.get(Setting, AUTO_KEY)
        if enabled:
            value = f"{Path(folder or '').expanduser()}|{keep}"
            if row is None:
                s.add(Setting(key=AUTO_KEY, value=value))
            else:
                row.value = value
        elif row is not None:
            s.delete(row)
        record(s, actor, "backup.settings", enabled=enabled, keep=keep,
               passphrase_changed=passphrase is not None)
    return backup_settings(store)


def _prune(folder: Path, keep: int) -> None:
    old = sorted(folder.glob(f"frontdesk-*{SUFFIX}"))
    for path in old[:-keep] if keep > 0 else old:
        path.unlink(missing_ok=True)


def run_due_backup(store: Store, actor: Actor, folder: Path, passphrase: str, keep: int, *,
                   now: dt.datetime | None = None) -> Path | None:
    """Make the automatic backup when the last one is a day old (or none was made).

    ``actor`` is the scheduled backup's credential (``app.staff.backup_service``) or a
    manager. Returns the new file, or None when no backup was due. Keeps the ``keep``
    newest automatic backups in ``folder`` and deletes older ones.
    """
    require(store, actor, Action.SCHEDULED_BACKUP)
    check_passphrase(passphrase)
    at = now or _now()
    with store.read() as s:
        last_raw = queries.setting_value(s, LAST_KEY)
    if last_raw and at - dt.datetime.fromisoformat(last_raw) < DAY:
        return None
    folder = Path(folder)
    target = folder / backup_name(at)
    log.info("automatic backup started")
    _export(store, target, passphrase)
    with store.write() as s:
        row = s.get(Setting, LAST_KEY)
        if row is None:
            s.add(Setting(key=LAST_KEY, value=at.isoformat()))
        else:
            row.value = at.isoformat()
        record(s, actor, "backup.made", at=at, automatic=True)
    _prune(folder, keep)
    log.info("automatic backup finished")
    return target


def run_configured_backup(store: Store, *, now: dt.datetime | None = None) -> Path | None:
    """What the GUI calls at start (and `frontdesk scheduled-backup` from a timer): the daily
    backup, if switched on and due, made on the backup credential from the keyring — no
    person signs in, and that credential can do nothing else."""
    if store.shared:
        return None   # the shared store is backed up on its server, not by each desk
    enabled, folder, keep, last = _stored_settings(store)
    if not enabled or folder is None:
        return None   # off: the keyring is not even asked
    if last is not None and (now or _now()) - last < DAY:
        return None   # not due: no keyring call either
    try:
        passphrase = keys.load_backup_passphrase(store.store_id)
    except se.StorageError as exc:
        raise translate(exc, store.paths) from exc
    if passphrase is None:
        raise BackupFileError(_("The daily backup is on but its passphrase is not in the keyring. "
                              "Set it again under Manager ▸ Backup."))
    from app.staff import backup_service

    return run_due_backup(store, backup_service(store), folder, passphrase, keep, now=now)
