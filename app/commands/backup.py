"""`frontdesk backup` and `frontdesk restore`: encrypted, portable copies of the store."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app.cli_common import (
    add_staff_args,
    add_store_args,
    open_from_args,
    read_pin,
    say,
    sign_in_from_args,
    yes,
)
from app.i18n import _, num

if TYPE_CHECKING:
    from app.opening import Store
    from app.views import Actor


def register(sub: Any) -> None:
    p = sub.add_parser("backup", help="write an encrypted copy of the store (safe while it runs)")
    add_store_args(p)
    p.add_argument("--out", required=True, metavar="FILE", help="the backup file (.fdbackup)")
    p.add_argument("--backup-passphrase-file", metavar="FILE",
                   help="read the backup passphrase from FILE (default: ask)")
    add_staff_args(p)
    p.set_defaults(func=backup)

    p = sub.add_parser("scheduled-backup",
                       help="make the daily backup if it is due (for a timer; no sign-in: it "
                            "uses the backup-only credential a manager set up)")
    add_store_args(p)
    p.set_defaults(func=scheduled_backup)

    p = sub.add_parser("restore", help="check a backup, then put it in place of the store")
    add_store_args(p)
    p.add_argument("--from", dest="source", required=True, metavar="FILE",
                   help="the backup file to restore")
    p.add_argument("--backup-passphrase-file", metavar="FILE",
                   help="read the backup passphrase from FILE (default: ask)")
    add_staff_args(p)
    p.add_argument("--accept-unknown-erasures", action="store_true",
                   help="restore even when this computer has no record of the guests erased "
                        "since the backup was made (they would come back)")
    p.set_defaults(func=restore)


def read_passphrase(path: str | None, prompt: str, *, confirm: bool = False) -> str:
    """From a file, the terminal (asked twice for a new one) or one line of stdin."""
    if path:
        return Path(path).read_text(encoding="utf-8").strip("\r\n")
    if sys.stdin.isatty():
        import getpass  # here, not at the top: keeps `frontdesk --help` light

        first = getpass.getpass(prompt)
        if confirm and getpass.getpass(say(_("Again: "))) != first:
            raise SystemExit("frontdesk: " + say(
                _("the two passphrases differ; nothing was written.")))
        return first
    return sys.stdin.readline().strip("\r\n")


def backup(args: argparse.Namespace) -> int:
    from app.backup import check_passphrase, make_backup
    from app.permissions import Action, require

    store = open_from_args(args, create=False)
    try:
        actor = sign_in_from_args(store, args)   # the PIN is the first line of stdin
        require(store, actor, Action.BACKUP)     # refuse before asking for a passphrase
        passphrase = check_passphrase(read_passphrase(
            args.backup_passphrase_file,
            say(_("Backup passphrase (keep it safe, it is not stored): ")), confirm=True))
        out = make_backup(store, actor, Path(args.out), passphrase)
    finally:
        store.close()
    print(say(_("Wrote the encrypted backup {file}. Restore it with: frontdesk restore --from "
                "{file}", file=str(out))))
    return 0


def scheduled_backup(args: argparse.Namespace) -> int:
    """The daily backup on its own credential (switched on under Manager ▸ Backup)."""
    from app.backup import run_configured_backup

    store = open_from_args(args, create=False)
    try:
        out = run_configured_backup(store)
    finally:
        store.close()
    if out is None:
        print(say(_("No backup was due (the daily backup is off, or the last one is less "
                    "than a day old).")))
    else:
        print(say(_("Daily backup written to {file}.", file=str(out))))
    return 0


def restore(args: argparse.Namespace) -> int:
    from app import staff
    from app.backup import inspect_backup, restore_backup
    from app.errors import ErasuresUnknownError, StoreOpenError
    from app.permissions import Action, require

    source = Path(args.source)
    info = inspect_backup(source)
    pin = read_pin(args)
    from app.opening import key_source_for, resolve_data_dir

    data_dir = resolve_data_dir(args.data_dir)
    try:
        current = open_from_args(args, create=False, local_only=True)
    except StoreOpenError:
        current = None   # nothing (or nothing usable) to replace: the backup's staff decide
    if current is not None:
        try:   # replacing a working store takes one of its managers
            require(current, sign_in_from_args(current, args, pin), Action.BACKUP)
        finally:
            current.close()
    passphrase = read_passphrase(args.backup_passphrase_file, say(_("Backup passphrase: ")))
    key_source = key_source_for(args.passphrase_file)

    def as_staff(staged: Store) -> Actor:   # a manager of the backup's own staff
        return staff.sign_in_by_name(staged, args.staff, pin)

    try:
        result = restore_backup(source, passphrase, data_dir, key_source, as_staff,
                                accept_unknown_erasures=args.accept_unknown_erasures)
    except ErasuresUnknownError as exc:
        if not sys.stdin.isatty():
            raise   # exit 2 with the message; --accept-unknown-erasures restores anyway
        print(f"frontdesk: {say(exc)}", file=sys.stderr)
        if not yes(input(say(_("Restore anyway? [y/N] ")))):
            print(say(_("Nothing was restored.")), file=sys.stderr)
            return 1
        result = restore_backup(source, passphrase, data_dir, key_source, as_staff,
                                accept_unknown_erasures=True)
    result.store.close()
    print(say(_("Restored the backup of {when} into {folder}: integrity check passed, {n} "
                "audit events verified.", when=str(info.created_at), folder=str(data_dir),
                n=num(result.audit_events))))
    if result.erased_again:
        print(say(_("Erased again {n} guest(s) who asked to be erased after this backup was "
                    "made.", n=num(result.erased_again))))
    if not result.erasures_known:
        print(say(_("This computer had no record of erasures since the backup: any guest "
                    "erased since then is back, and must be erased again.")))
    if result.recovery_passphrase:
        print(say(_("New recovery passphrase for this store (write it down; shown only once):"))
              + f"\n\n    {result.recovery_passphrase}\n")
    if result.previous is not None:
        print(say(_("The store it replaced is kept in {folder} (delete it when all is well).",
                    folder=str(result.previous))))
    return 0
