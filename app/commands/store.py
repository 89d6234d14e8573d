"""`frontdesk demo-data`, `verify` and `init`: making and checking stores."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path
from typing import Any

from app.cli_common import add_store_args, open_from_args, say
from app.i18n import _, num


def register(sub: Any) -> None:
    p = sub.add_parser("demo-data", help="write a demo store with N guests")
    add_store_args(p)
    p.add_argument("--guests", type=int, default=200)
    p.add_argument("--seed", type=int, default=7)
    p.set_defaults(func=demo_data)

    p = sub.add_parser("verify", help="check the store's integrity, its audit chain and the "
                                      "chain's anchors (keyring, backups, noted fingerprints)")
    add_store_args(p)
    p.add_argument("--backup", metavar="FILE", action="append", default=[],
                   help="also compare with the chain head inside this backup (repeatable; "
                        "the newest daily backup is compared anyway)")
    p.add_argument("--noted", metavar="EVENT:XXXX-XXXX", action="append", default=[],
                   help="a fingerprint noted from the audit screen, e.g. 1234:3F9A-C2D1")
    p.add_argument("--full", action="store_true",
                   help="read every page of the file and walk the whole audit log (minutes "
                        "on a large store); without it, a quick check whose time does not "
                        "grow with the store")
    p.set_defaults(func=verify)

    p = sub.add_parser("init", help="create a store and its first manager account")
    add_store_args(p)
    p.add_argument("--manager", metavar="NAME",
                   help="the first manager (required for a local store; optional with --store)")
    p.add_argument("--pin-file", metavar="FILE", help="read the PIN from FILE (default: ask)")
    p.add_argument("--desk-role", metavar="ROLE", default="frontdesk_desk",
                   help="with --store: the role desks connect as (created if missing)")
    p.add_argument("--password-stdin", action="store_true",
                   help="with --store: the owner's password is the first line of standard "
                        "input (before the PIN)")
    p.set_defaults(func=init)


def demo_data(args: argparse.Namespace) -> int:
    from app.demo import build_demo

    if args.guests < 1:
        print("frontdesk: " + say(_("--guests must be at least 1.")), file=sys.stderr)
        return 2
    from app.opening import resolve_data_dir
    from storage.store import StorePaths

    folder = resolve_data_dir(args.data_dir)
    paths = StorePaths(folder)
    if paths.db.exists() or paths.header.exists():
        print("frontdesk: " + say(_("{folder} already holds a store; demo-data writes fake "
                                    "guests only into a new one. Choose an empty folder with "
                                    "--data-dir.", folder=str(folder))), file=sys.stderr)
        return 2
    started = time.perf_counter()
    store = open_from_args(args)
    try:
        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty() or done == total or done % 100_000 == 0:
                print("\r" + say(_("{done}/{total} guests", done=num(done), total=num(total))),
                      end="", file=sys.stderr, flush=True)

        summary = build_demo(store, args.guests, seed=args.seed, progress=progress)
        print(file=sys.stderr)
    finally:
        store.close()
    took = time.perf_counter() - started
    from app.opening import resolve_data_dir  # loaded with the command, not for --help

    print(say(_("Wrote {guests} guests, {visits} visits, {labels} labels, {consents} consents to "
                "{folder} in {seconds} s.", guests=num(summary.guests),
                visits=num(summary.visits), labels=num(summary.assignments),
                consents=num(summary.consents), folder=str(resolve_data_dir(args.data_dir)),
                seconds=num(round(took, 1)))))
    print(say(_("Staff PINs: {pins}", pins=", ".join(f"{n} {p}"
                                                      for n, p in summary.staff.items()))))
    return 0


def verify(args: argparse.Namespace) -> int:
    from app.verify import verify_store

    store = open_from_args(args, create=False)
    try:
        backups = [Path(b) for b in args.backup] + _newest_daily_backup(store)
        report = verify_store(store, backups=backups, noted=args.noted, full=args.full)
    finally:
        store.close()
    for note in report.notes:
        print(say(note), file=sys.stderr)
    if report.ok and report.complete:
        print(say(_("OK: integrity check passed, {n} audit events verified.",
                    n=num(report.audit_events))))
    elif report.ok:
        print(say(_("OK (quick check): the store's structure, the most recently written "
                    "rows, the newest {n} audit events and the anchors are sound. "
                    "Run verify --full (minutes on a large store) to read every page and "
                    "the whole audit log.", n=num(report.audit_events))))
    if report.ok:
        if report.fingerprint:
            print(say(_("Fingerprint of the log: {fp}", fp=report.fingerprint)))
        return 0
    for problem in report.problems:
        print(say(_("PROBLEM: {problem}", problem=problem)), file=sys.stderr)
    return 1


def _newest_daily_backup(store: Any) -> list[Path]:
    """The newest automatic backup of this store, if the daily backup is on."""
    from app.backup import SUFFIX, backup_settings

    folder = backup_settings(store).folder
    if folder is None or not folder.is_dir():
        return []
    found = sorted(folder.glob(f"frontdesk-*{SUFFIX}"))
    return found[-1:]


def init(args: argparse.Namespace) -> int:
    from app import staff, vocabulary
    from app.shared_store import resolve_store

    shared = resolve_store(getattr(args, "store", None), getattr(args, "data_dir", None))
    if shared is not None:  # the venue's shared store, set up as its owner (store_admin)
        from app.commands.store_admin import init_shared

        return init_shared(args, shared)
    if not args.manager:
        print("frontdesk: " + say(_("init needs --manager NAME (the first manager).")),
              file=sys.stderr)
        return 2
    if args.pin_file:
        pin = Path(args.pin_file).read_text(encoding="utf-8").strip()
    elif sys.stdin.isatty():
        import getpass  # here, not at the top: keeps `frontdesk --help` light

        pin = getpass.getpass(say(_("PIN for the first manager (4-12 digits): ")))
    else:
        pin = sys.stdin.readline().strip()
    staff.new_pin(pin)   # a refused PIN must not leave a store without staff behind
    store = open_from_args(args)
    try:
        if not staff.needs_first_manager(store):
            print("frontdesk: " + say(_("this store already has staff.")), file=sys.stderr)
            return 2
        actor = staff.create_first_manager(store, args.manager, pin)
        vocabulary.load_starter(store, actor)
        recovery = None
        if store.header.key_source == "keyring":
            from app.recovery import set_up_recovery

            recovery = set_up_recovery(store, actor)
    finally:
        store.close()
    from app.opening import resolve_data_dir

    print(say(_("Created the store in {folder} with manager {name}.",
                folder=str(resolve_data_dir(args.data_dir)), name=args.manager)))
    if recovery:
        print(say(_("Recovery passphrase (write it down and lock it away; it is shown only "
                    "once). It opens the store if the keyring is locked or lost:"))
              + f"\n\n    {recovery}\n")
    return 0

