"""Arguments and helpers shared by every `frontdesk` sub-command."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import languages
from app.i18n import _, cli_language, is_yes, translate

if TYPE_CHECKING:  # the storage layer loads only when a command runs (fast --help)
    from app.opening import Store
    from app.views import Actor


def _formatter(prog: str) -> argparse.HelpFormatter:
    """argparse's help layout at the terminal's width, found as `shutil` finds it but without
    importing it (with its archive modules: a tenth of `frontdesk --help`; argparse makes a
    formatter for every argument it is given, so every sub-command would import it)."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 80
    return argparse.HelpFormatter(prog, width=max(columns, 40) - 2)


class Parser(argparse.ArgumentParser):
    """`frontdesk`'s parser; its sub-commands' parsers are made of the same class."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _formatter)
        super().__init__(*args, **kwargs)


def language_code(*, staff: bool = False) -> Callable[[str], str]:
    """A language option's check (argparse ``type``), reading the language registry only when
    the option is used: as ``choices`` argparse would read it for every `frontdesk --help`."""
    def check(code: str) -> str:
        known = [lang.code for lang in (languages.staff_languages() if staff
                                        else languages.all_languages())]
        if code not in known:
            raise argparse.ArgumentTypeError(say(_(
                "{code} is not a language code Frontdesk knows; choose from {codes}.",
                code=repr(code), codes=", ".join(known))))
        return code
    return check


def add_store_args(p: argparse.ArgumentParser, *, top: bool = False) -> None:
    """``--data-dir`` and ``--passphrase-file``, accepted before or after the sub-command.

    Sub-parsers use SUPPRESS as default so ``frontdesk --data-dir D verify`` keeps D
    instead of having the sub-parser's default overwrite it.
    """
    default = None if top else argparse.SUPPRESS
    p.add_argument("--data-dir", metavar="DIR", default=default,
                   help="store folder (default: $FRONTDESK_DATA_DIR or the user data folder)")
    p.add_argument("--passphrase-file", metavar="FILE", default=default,
                   help="derive the key from the passphrase in FILE instead of the keyring")
    p.add_argument("--store", metavar="ADDRESS", default=default,
                   help="the venue's shared store, postgresql://ROLE@SERVER/DATABASE "
                        "(default: $FRONTDESK_STORE or this desk's setting; else the local "
                        "store)")


def say(message: object) -> str:
    """A message for the terminal, in the command line's language (``--lang``,
    ``$FRONTDESK_LANG``, then the system's; English when Frontdesk does not speak it)."""
    return translate(message, cli_language())


def yes(answer: str) -> bool:
    """Whether an answer to a "[y/N]" question means yes in any language Frontdesk speaks:
    a terminal may speak English to a Dutch manager who answers "ja"."""
    return any(is_yes(answer, code) for code in languages.codes())


def open_from_args(args: argparse.Namespace, *, create: bool = True,
                   local_only: bool = False) -> Store:
    from app.opening import key_source_for, open_store, resolve_data_dir
    """The shared store when one is chosen (``--store``…), else the local one (``--data-dir``)."""
    from app.shared_store import open_shared_store, resolve_store

    shared = None if local_only else resolve_store(getattr(args, "store", None),
                                                   getattr(args, "data_dir", None))
    if shared is not None:
        return open_shared_store(shared)
    return open_store(resolve_data_dir(args.data_dir), key_source_for(args.passphrase_file),
                      create=create)


def add_staff_args(p: argparse.ArgumentParser) -> None:
    """``--staff NAME`` (required) and where the PIN comes from: the terminal by default."""
    p.add_argument("--staff", required=True, metavar="NAME",
                   help="the staff member doing this (full name, as in the staff list)")
    src = p.add_mutually_exclusive_group()
    src.add_argument("--pin-stdin", action="store_true",
                     help="read the PIN from the first line of standard input")
    src.add_argument("--pin-file", metavar="FILE", help="read the PIN from FILE")


def read_pin(args: argparse.Namespace) -> str:
    """The PIN from ``--pin-file``, ``--pin-stdin`` or (default) asked on the terminal."""
    if getattr(args, "pin_file", None):
        return Path(args.pin_file).read_text(encoding="utf-8").strip()
    if getattr(args, "pin_stdin", False):
        return sys.stdin.readline().strip()
    if not sys.stdin.isatty():
        from app.errors import SignInError

        raise SignInError(_("There is no terminal to ask the PIN on; pass --pin-stdin and "
                            "give the PIN on standard input."))
    import getpass  # here: `frontdesk --help` imports this module and never asks for a PIN

    return getpass.getpass(f"PIN for {args.staff}: ")


def sign_in_from_args(store: Store, args: argparse.Namespace, pin: str | None = None) -> Actor:
    """Sign ``--staff`` in with their PIN; every use case then checks their current role."""
    from app import staff

    return staff.sign_in_by_name(store, args.staff, read_pin(args) if pin is None else pin)
