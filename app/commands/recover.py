"""`frontdesk recover` and `frontdesk recovery-setup`: the way in when the keyring fails."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from app.cli_common import add_staff_args, add_store_args, open_from_args, say, sign_in_from_args
from app.commands.backup import read_passphrase
from app.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("recover", help="open the store with its recovery passphrase and put "
                                       "its key back in the keyring")
    add_store_args(p)
    p.add_argument("--recovery-passphrase-file", metavar="FILE",
                   help="read the recovery passphrase from FILE (default: ask)")
    p.set_defaults(func=recover)

    p = sub.add_parser("recovery-setup", help="make a new recovery passphrase (shown once)")
    add_store_args(p)
    add_staff_args(p)
    p.set_defaults(func=setup)


def recover(args: argparse.Namespace) -> int:
    from app.recovery import open_with_recovery

    passphrase = read_passphrase(args.recovery_passphrase_file, say(_("Recovery passphrase: ")))
    from app.opening import resolve_data_dir

    result = open_with_recovery(resolve_data_dir(args.data_dir), passphrase)
    result.store.close()
    if not result.saved_to_keyring:
        print("frontdesk: " + say(_(
            "the recovery passphrase opens the store, but the keyring is still locked or "
            "missing, so the key could not be put back. Unlock the keyring and run this "
            "again.")), file=sys.stderr)
        return 1
    print(say(_("The store's key is back in the keyring; Frontdesk will start normally.")))
    return 0


def setup(args: argparse.Namespace) -> int:
    from app.recovery import set_up_recovery

    store = open_from_args(args, create=False)
    try:
        passphrase = set_up_recovery(store, sign_in_from_args(store, args))
    finally:
        store.close()
    print(say(_("Recovery passphrase (write it down and keep it locked away; it is shown only "
                "once):")) + f"\n\n    {passphrase}\n\n" + say(_(
        "With it, `frontdesk recover` opens the store when the keyring is locked or lost. Any "
        "older recovery passphrase no longer works.")))
    return 0
