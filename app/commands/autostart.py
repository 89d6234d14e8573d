"""`frontdesk autostart on|off|show`: start the desk at login, waiting in the background.

A desk started at login (``frontdesk --background``, app.resident) has opened
its store before anyone reaches the desk, so ``frontdesk`` shows it at once.
The entry is the freedesktop.org autostart file ``frontdesk.desktop`` in
``$XDG_CONFIG_HOME/autostart`` (``~/.config/autostart``), which GNOME, KDE,
Xfce, LXQt and openbox's session all read.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path
from typing import Any

from app.cli_common import add_store_args, say
from app.i18n import _

FILE_NAME = "frontdesk.desktop"
# The Exec key's reserved characters (Desktop Entry Specification, "The Exec key").
_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def register(sub: Any) -> None:
    p = sub.add_parser("autostart", help="start the desk at login, waiting in the background "
                                         "(`frontdesk` then shows it at once)")
    p.add_argument("state", choices=("on", "off", "show"),
                   help="on: add the login entry (for the store given here); off: remove "
                        "it; show: print it")
    add_store_args(p)
    p.set_defaults(func=autostart)


def entry_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "autostart" / FILE_NAME


def quoted(arg: str) -> str:
    """One argument of the Exec key, quoted as the specification says."""
    arg = arg.replace("%", "%%")
    if not arg or any(ch in _RESERVED for ch in arg):
        escaped = "".join("\\" + ch if ch in '"`$\\' else ch for ch in arg)
        return f'"{escaped}"'
    return arg


def command_line(args: argparse.Namespace) -> list[str]:
    """The command the login session runs: this Frontdesk, with the store chosen here."""
    cmd = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m", "app"]
    cmd.append("--background")
    for option, value in (("--data-dir", getattr(args, "data_dir", None)),
                          ("--passphrase-file", getattr(args, "passphrase_file", None)),
                          ("--store", getattr(args, "store", None))):
        if value:
            path_like = option != "--store"
            cmd += [option, str(Path(value).expanduser().resolve()) if path_like else value]
    return cmd


def entry_text(args: argparse.Namespace) -> str:
    return "\n".join([
        "[Desktop Entry]",
        "Type=Application",
        "Name=Frontdesk",
        "Comment=" + say(_("Opens the guest store at login, so the desk shows at once")),
        "Exec=" + " ".join(quoted(part) for part in command_line(args)),
        "Terminal=false",
        "X-GNOME-Autostart-enabled=true",
        "",
    ])


def autostart(args: argparse.Namespace) -> int:
    path = entry_path()
    if args.state == "show":
        if not path.exists():
            print(say(_("Frontdesk does not start at login.")))
            return 0
        print(path.read_text(encoding="utf-8"), end="")
        return 0
    if args.state == "off":
        if path.exists():
            path.unlink()
            print(say(_("Removed {file}: Frontdesk no longer starts at login.", file=str(path))))
        else:
            print(say(_("Frontdesk does not start at login; nothing to remove.")))
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(entry_text(args), encoding="utf-8")
    print(say(_("Wrote {file}: at the next login Frontdesk opens the store and waits in the "
                "background; `frontdesk` then shows the desk at once.", file=str(path))))
    return 0
