"""`frontdesk export-guest` and `frontdesk erase-guest`: a guest's rights from the command line.

GUEST is the guest's reference (shown in Show guest), their exact email, or a
name that matches exactly one guest. Both take ``--staff NAME`` and the PIN, are
checked against the same permission table as the GUI (erasing takes a manager)
and audited under that person.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli_common import (
    add_staff_args,
    add_store_args,
    language_code,
    open_from_args,
    say,
    sign_in_from_args,
)
from app.i18n import _


def register(sub: Any) -> None:
    p = sub.add_parser("export-guest", help="write a guest's copy of their data (PDF or JSON)")
    add_store_args(p)
    p.add_argument("guest", metavar="GUEST",
                   help="guest reference (long or short), exact email, or unique name")
    p.add_argument("--format", choices=("pdf", "json"), required=True)
    p.add_argument("--out", required=True, metavar="FILE", type=Path)
    p.add_argument("--language", type=language_code(), metavar="CODE",
                   help="language of the report, e.g. nl (default: the guest's own)")
    add_staff_args(p)
    p.set_defaults(func=export_guest)

    p = sub.add_parser("erase-guest", help="erase everything stored about a guest (on request)")
    add_store_args(p)
    p.add_argument("guest", metavar="GUEST", help="guest reference, exact email, or unique name")
    p.add_argument("--yes", action="store_true", help="really erase (there is no undo)")
    add_staff_args(p)
    p.set_defaults(func=erase_guest)


def export_guest(args: argparse.Namespace) -> int:
    from app import export

    out: Path = args.out
    if not out.parent.is_dir():
        print("frontdesk: " + say(_("the folder {folder} does not exist.",
                                    folder=str(out.parent))), file=sys.stderr)
        return 2
    from app.permissions import Action, require

    store = open_from_args(args, create=False)
    try:
        actor = sign_in_from_args(store, args)
        require(store, actor, Action.EXPORT_GUEST)   # before looking anyone up
        info = export.resolve_guest(store, actor, args.guest)
        report = export.export_report(store, actor, info.id, args.format, language=args.language)
    finally:
        store.close()
    if args.format == "json":
        export.write_json(report, out)
    else:
        from app.cli import render_guest_pdf  # Qt only for the PDF, and only here

        render_guest_pdf(report, out)
    print(say(_("Wrote {file} ({format}, {language}) for guest {ref}.", file=str(out),
                format=args.format.upper(), language=report.language, ref=info.ref)))
    if not report.venue_name:  # show-guest: a copy names who keeps the data
        print("frontdesk: " + say(_("the copy names no venue: a manager enters the venue's "
                                    "name and contact under Manager ▸ Venue settings.")),
              file=sys.stderr)
    return 0


def erase_guest(args: argparse.Namespace) -> int:
    from app import erasure, export
    from app.permissions import Action, require

    store = open_from_args(args, create=False)
    try:
        actor = sign_in_from_args(store, args)
        require(store, actor, Action.ERASE_GUEST)   # before looking anyone up
        info = export.resolve_guest(store, actor, args.guest)
        if not args.yes:
            print(say(_("This would erase guest {ref} ({name}) and everything about them, "
                        "with no undo. Run again with --yes to erase.", ref=info.ref,
                        name=info.full_name)), file=sys.stderr)
            return 1
        result = erasure.erase_guest(store, actor, info.id)
    finally:
        store.close()
    print(say(_("Erased guest {ref} (visits: {visits}, labels: {labels}, consents: "
                "{consents}; pre-upgrade copies removed: {copies}). The audit log keeps only "
                "the reference token.", ref=result.guest_ref, visits=result.visits,
                labels=result.labels, consents=result.consents,
                copies=result.copies_removed)))
    return 0
