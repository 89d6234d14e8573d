"""`frontdesk store-password`, `move-store`, and `init --store`: the venue's shared store.

* ``frontdesk init --store postgresql://OWNER@SERVER/DB`` (as the database's owner):
  schema, desk role, grants; prints the desks' address (and the desk password, once,
  when it created the role).
* ``frontdesk store-password --store postgresql://frontdesk_desk@SERVER/DB``: saves the
  desk role's password in this desk's keyring (asked on the terminal, or the first
  line of standard input with ``--password-stdin``), then checks it by connecting.
* ``frontdesk move-store --to ADDRESS --staff NAME``: copies the local store (``--data-dir``)
  into the empty shared store, verifies the copy, leaves the local file as it was.
* ``frontdesk use-store --store ADDRESS --staff NAME`` (a manager): this desk opens that
  shared store from now on; ``--local`` goes back to the local store.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli_common import add_store_args, open_from_args, say
from app.errors import FrontdeskError, SignInError
from app.i18n import _, num


def register(sub: Any) -> None:
    p = sub.add_parser("store-password",
                       help="save the shared store's desk password in this desk's keyring")
    add_store_args(p)
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from the first line of standard input")
    p.set_defaults(func=store_password)

    p = sub.add_parser("move-store",
                       help="copy the local store into an empty shared store, and verify it")
    add_store_args(p)
    p.add_argument("--to", required=True, metavar="ADDRESS",
                   help="the shared store: postgresql://ROLE@SERVER/DATABASE[?sslrootcert=FILE]")
    p.add_argument("--staff", required=True, metavar="NAME",
                   help="the manager doing this (full name, as in the staff list)")
    p.add_argument("--pin-stdin", action="store_true",
                   help="read the PIN from the first line of standard input")
    p.set_defaults(func=move_store)

    p = sub.add_parser("use-store", help="a manager chooses the shared store for this desk "
                                         "(or, with --local, the local store again)")
    add_store_args(p)
    p.add_argument("--local", action="store_true",
                   help="open the local store again on this desk")
    p.add_argument("--staff", required=True, metavar="NAME",
                   help="the manager doing this (full name, as in the staff list)")
    p.add_argument("--pin-stdin", action="store_true",
                   help="read the PIN from the first line of standard input")
    p.set_defaults(func=use_store)


def read_secret(prompt: str, from_stdin: bool) -> str:
    """A password or PIN: the next line of standard input, or asked on the terminal."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    if not sys.stdin.isatty():
        raise SignInError(_("There is no terminal to ask on; pass --password-stdin (or "
                            "--pin-stdin) and give it on standard input."))
    import getpass  # here, not at the top: keeps `frontdesk --help` light

    return getpass.getpass(prompt)


def store_password(args: argparse.Namespace) -> int:
    from app import shared_store

    address = shared_store.resolve_store(getattr(args, "store", None),
                                         getattr(args, "data_dir", None))
    if address is None:
        raise FrontdeskError(_("Name the shared store with --store postgresql://ROLE@SERVER/DB."))
    shared_store.parse(address)  # refuse a bad address before asking for anything
    password = read_secret(say(_("Password for {address}: ",
                                 address=str(shared_store.parse(address)))),
                           args.password_stdin)
    shared_store.save_password(address, password)
    store = shared_store.open_shared_store(address)
    store.close()
    print(say(_("Saved in this desk's keyring; {address} opens with it.",
                address=str(shared_store.parse(address)))))
    return 0


def init_shared(args: argparse.Namespace, address: str) -> int:
    """`frontdesk init --store OWNER-ADDRESS`: set up (or upgrade) the shared store.

    The owner's password: asked, or with ``--password-stdin`` the first line of standard
    input; the first manager's PIN then comes from ``--pin-file``, the next line, or is asked.
    """
    from pathlib import Path

    from app import shared_store, staff, store_admin, vocabulary

    desk_role = getattr(args, "desk_role", None) or "frontdesk_desk"
    owner = shared_store.parse(address)
    from_stdin = bool(getattr(args, "password_stdin", False))
    password = read_secret(say(_("Password of the owner role {role}: ", role=owner.user)),
                           from_stdin)
    if getattr(args, "pin_file", None):
        pin: str | None = Path(args.pin_file).read_text(encoding="utf-8").strip()
    else:
        pin = read_secret(say(_("PIN for the first manager (4-12 digits): ")),
                          from_stdin).strip()
    result = store_admin.init_shared(address, password, desk_role)
    desk = store_admin.desk_address(address, desk_role)
    done = (_("Created the shared store {address} (schema {revision}, store id {id}…).",
              address=str(owner), revision=result.revision, id=result.store_id[:8])
            if result.created else
            _("Upgraded and re-checked the shared store {address} (schema {revision}, store id "
              "{id}…).", address=str(owner), revision=result.revision, id=result.store_id[:8]))
    print(say(done) + " " + say(_("Desks connect as role {role}, which may append to the audit "
                                  "log but never change or delete it.", role=desk_role)))
    if args.manager and pin:
        from storage import postgres as pg

        store = pg.open_shared(owner, password, shared_store._data_base())
        try:
            if staff.needs_first_manager(store):
                actor = staff.create_first_manager(store, args.manager, pin)
                vocabulary.load_starter(store, actor)
                print(say(_("First manager: {name}; starter vocabulary loaded.",
                            name=args.manager)))
            else:
                print(say(_("The shared store already has staff; no manager was added.")))
        finally:
            store.close()
    commands = f"    frontdesk store-password --store '{desk}'\n    frontdesk --store '{desk}'"
    print("\n" + say(_("On each desk:")) + "\n" + commands)
    if result.desk_password is not None:
        print("\n" + say(_("The desk password (shown only this once; give it to each desk, "
                           "then forget it):")) + f"\n\n    {result.desk_password}\n")
    return 0


def move_store(args: argparse.Namespace) -> int:
    from app import staff, store_admin

    pin = read_secret(say(_("PIN for {name}: ", name=args.staff)), args.pin_stdin)
    local = open_from_args(args, create=False, local_only=True)
    try:
        match = [s for s in staff.list_staff(local) if s.name == args.staff]
        if not match:
            raise SignInError(_("There is no staff member called {name}.", name=args.staff))
        actor = staff.sign_in(local, match[0].id, pin)

        def progress(table: str, done: int, total: int) -> None:
            if sys.stderr.isatty() or done == total:
                print(f"\r{table}: {done:,}/{total:,}", end="\n" if done == total else "",
                      file=sys.stderr, flush=True)

        result = store_admin.move_store(local, actor, args.to, progress=progress)
    finally:
        local.close()
    print(say(_("Copied to {address} and verified: {guests} guests, {staff} staff, {events} "
                "audit events. The local store was left as it was.",
                address=str(result.address), guests=num(result.rows.get("guest", 0)),
                staff=num(result.rows.get("staff", 0)), events=num(result.audit_events))))
    return 0


def use_store(args: argparse.Namespace) -> int:
    """`frontdesk use-store --store ADDRESS --staff NAME` (or `--local`): the desk setting."""
    from app import shared_store, staff, store_admin

    address = shared_store.resolve_store(getattr(args, "store", None))
    if address is None:
        raise FrontdeskError(_("Name the shared store with --store postgresql://ROLE@SERVER/DB."))
    pin = read_secret(say(_("PIN for {name}: ", name=args.staff)), args.pin_stdin)
    store = shared_store.open_shared_store(address)
    try:
        match = [s for s in staff.list_staff(store) if s.name == args.staff]
        if not match:
            raise SignInError(_("There is no staff member called {name}.", name=args.staff))
        actor = staff.sign_in(store, match[0].id, pin)
        store_admin.choose_desk_store(store, actor, None if args.local else address)
    finally:
        store.close()
    if args.local:
        print(say(_("This desk opens its local store again.")))
    else:
        print(say(_("This desk opens {address} from now on (--store and FRONTDESK_STORE still "
                    "choose for one run).", address=str(shared_store.parse(address)))))
    return 0
