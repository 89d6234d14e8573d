"""Arguments and helpers shared by every `frontdesk` sub-command."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from app.i18n import cli_language, translate

if TYPE_CHECKING:  # the storage layer loads only when a command runs (fast --help)
    from app.opening import Store


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
