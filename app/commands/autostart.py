"""`frontdesk autostart on|off|show`: start the desk at login, waiting in the background
(the entry itself: ``app.autostart``)."""

from __future__ import annotations

import argparse
from typing import Any

from app import autostart as entry
from app.cli_common import add_store_args, say
from app.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("autostart", help="start the desk at login, waiting in the background "
                                         "(`frontdesk` then shows it at once)")
    p.add_argument("state", choices=("on", "off", "show"),
                   help="on: add the login entry (for the store given here); off: remove "
                        "it; show: print it")
    add_store_args(p)
    p.set_defaults(func=autostart)


def autostart(args: argparse.Namespace) -> int:
    path = entry.entry_path()
    if args.state == "show":
        if not path.exists():
            print(say(_("Frontdesk does not start at login.")))
            return 0
        print(path.read_text(encoding="utf-8"), end="")
        return 0
    if args.state == "off":
        if entry.switch_off():
            print(say(_("Removed {file}: Frontdesk no longer starts at login.", file=str(path))))
        else:
            print(say(_("Frontdesk does not start at login; nothing to remove.")))
        return 0
    written = entry.switch_on(entry.command_for(
        getattr(args, "store", None), getattr(args, "data_dir", None),
        getattr(args, "passphrase_file", None)))
    print(say(_("Wrote {file}: at the next login Frontdesk opens the store and waits in the "
                "background; `frontdesk` then shows the desk at once.", file=str(written))))
    return 0
