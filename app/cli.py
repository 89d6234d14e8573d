"""The `frontdesk` command: the GUI by default, and the store's maintenance commands.

This is the launcher: the only module of ``app`` that may start the Qt GUI,
and it imports ``ui`` lazily so the maintenance commands never load Qt.
"""

from __future__ import annotations

import argparse
import getpass
import logging
import shutil
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from app import __version__
from app.errors import FrontdeskError
from app.opening import MemoryKey, Store, key_source_for, open_store, resolve_data_dir

log = logging.getLogger("frontdesk.cli")


def _store_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("--data-dir", metavar="DIR",
                   help="store folder (default: $FRONTDESK_DATA_DIR or the user data folder)")
    p.add_argument("--passphrase-file", metavar="FILE",
                   help="derive the key from the passphrase in FILE instead of the keyring")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="frontdesk",
        description="Recognise returning guests from an encrypted local store.",
    )
    parser.add_argument("--version", action="version", version=f"frontdesk {__version__}")
    _store_args(parser)
    parser.add_argument("--demo", action="store_true",
                        help="open a throw-away store filled with a sample hotel and restaurant")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("demo-data", help="write a demo store with N guests")
    _store_args(p)
    p.add_argument("--guests", type=int, default=200)
    p.add_argument("--seed", type=int, default=7)

    p = sub.add_parser("verify", help="check the store's integrity and audit chain")
    _store_args(p)

    p = sub.add_parser("init", help="create a store and its first manager account")
    _store_args(p)
    p.add_argument("--manager", required=True, metavar="NAME")
    p.add_argument("--pin-file", metavar="FILE", help="read the PIN from FILE (default: ask)")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    from app.logs import setup_logging

    setup_logging()
    try:
        if args.command is None:
            return _gui(args)
        handler = {"demo-data": _demo_data, "verify": _verify, "init": _init}[args.command]
        return handler(args)
    except FrontdeskError as exc:
        log.warning("command %s failed: %s", args.command, type(exc).__name__)
        print(f"frontdesk: {exc}", file=sys.stderr)
        return 2


def open_from_args(args: argparse.Namespace, *, create: bool = True) -> Store:
    return open_store(resolve_data_dir(args.data_dir), key_source_for(args.passphrase_file),
                      create=create)


def _demo_data(args: argparse.Namespace) -> int:
    from app.demo import build_demo

    started = time.perf_counter()
    store = open_from_args(args)
    try:
        def progress(done: int, total: int) -> None:
            if sys.stderr.isatty() or done == total or done % 100_000 == 0:
                print(f"\r{done:,}/{total:,} guests", end="", file=sys.stderr, flush=True)

        summary = build_demo(store, args.guests, seed=args.seed, progress=progress)
        print(file=sys.stderr)
    finally:
        store.close()
    took = time.perf_counter() - started
    print(f"Wrote {summary.guests:,} guests, {summary.visits:,} visits, "
          f"{summary.assignments:,} labels, {summary.consents:,} consents to "
          f"{resolve_data_dir(args.data_dir)} in {took:.1f} s.")
    print("Staff PINs: " + ", ".join(f"{n} {p}" for n, p in summary.staff.items()))
    return 0


def _verify(args: argparse.Namespace) -> int:
    from app.verify import verify_store

    store = open_from_args(args, create=False)
    try:
        report = verify_store(store)
    finally:
        store.close()
    if report.ok:
        print(f"OK: integrity check passed, {report.audit_events:,} audit events verified.")
        return 0
    for problem in report.problems:
        print(f"PROBLEM: {problem}", file=sys.stderr)
    return 1


def _init(args: argparse.Namespace) -> int:
    from app import staff

    if args.pin_file:
        pin = Path(args.pin_file).read_text(encoding="utf-8").strip()
    elif sys.stdin.isatty():
        pin = getpass.getpass("PIN for the first manager (4-12 digits): ")
    else:
        pin = sys.stdin.readline().strip()
    store = open_from_args(args)
    try:
        if not staff.needs_first_manager(store):
            print("frontdesk: this store already has staff.", file=sys.stderr)
            return 2
        staff.create_first_manager(store, args.manager, pin)
        from app import vocabulary

        vocabulary.load_starter(store)
    finally:
        store.close()
    print(f"Created the store in {resolve_data_dir(args.data_dir)} with manager {args.manager}.")
    return 0


def _gui(args: argparse.Namespace) -> int:
    from ui.main import run_gui  # the launcher is the one place app/ may start Qt

    if args.demo:
        folder = Path(tempfile.mkdtemp(prefix="frontdesk-demo-"))
        try:
            store = open_store(folder, MemoryKey())
            from app.demo import build_demo

            build_demo(store)
            return run_gui(store, demo=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
    return run_gui(None, open_args=(resolve_data_dir(args.data_dir),
                                    key_source_for(args.passphrase_file)))
