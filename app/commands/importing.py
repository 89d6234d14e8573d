"""`frontdesk import FILE`: arrivals and bookings from a CSV export, previewed, then confirmed.

The column mapping is the one remembered for this export's header (set in the
GUI's import screen) or else the automatic guess; ``--map COLUMN=FIELD``
corrects a guess from the command line and ``--save-mapping`` remembers it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from app.cli_common import (
    add_staff_args,
    add_store_args,
    open_from_args,
    say,
    sign_in_from_args,
    yes,
)
from app.i18n import _, ngettext_, num

FIELD_HELP = ("name first_name infix last_name preferred_name email phone language arrival "
              "departure date time room table party type service, or 'skip'")


def register(sub: Any) -> None:
    p = sub.add_parser("import", help="import arrivals and bookings from a CSV export")
    add_store_args(p)
    p.add_argument("file", metavar="FILE", type=Path)
    add_staff_args(p)
    p.add_argument("--map", metavar="COLUMN=FIELD", action="append", default=[],
                   help=f"set a column's field; FIELD is one of {FIELD_HELP}")
    p.add_argument("--save-mapping", action="store_true",
                   help="remember this mapping for files with the same header")
    p.add_argument("--only-good-rows", action="store_true",
                   help="import the rows without errors and leave the bad ones out (without "
                        "it, one bad row means nothing is imported)")
    group = p.add_mutually_exclusive_group()
    group.add_argument("--yes", action="store_true", help="apply without asking")
    group.add_argument("--dry-run", action="store_true", help="show the preview, write nothing")
    p.set_defaults(func=run_import)


def _ask(prompt: str) -> str:
    if sys.stdin.isatty():
        return input(prompt)
    print(prompt, end="", flush=True)
    return sys.stdin.readline().strip()


def _apply_overrides(header: tuple[str, ...], mapping: dict[int, Any], overrides: list[str]
                     ) -> dict[int, Any]:
    from app.errors import ValidationError
    from app.importing import Field, is_free_text

    out = dict(mapping)
    by_name = {h.casefold(): i for i, h in enumerate(header)}
    for item in overrides:
        column, _sep, code = item.partition("=")
        i = by_name.get(column.strip().casefold())
        if i is None:
            raise ValidationError(_("Mapping"), _(
                "The file has no column called “{column}”; its columns are: {columns}.",
                column=column, columns=", ".join(header)))
        code = code.strip().casefold()
        if is_free_text(header[i]) and code not in ("skip", ""):
            raise ValidationError(_("Mapping"), _(
                "Column “{column}” holds free text, which is never imported.", column=header[i]))
        try:
            field = Field("" if code in ("skip", "") else code)
        except ValueError as exc:
            raise ValidationError(_("Mapping"), _("“{code}” is not a field; use one of {fields}.",
                                                  code=code, fields=FIELD_HELP)) from exc
        for j, f in list(out.items()):
            if f == field and j != i:
                del out[j]
        out[i] = field
    return out


def run_import(args: argparse.Namespace) -> int:
    from app import importing

    table = importing.read_file(args.file)  # read before asking anything: a bad file fails fast
    store = open_from_args(args, create=False)
    try:
        actor = sign_in_from_args(store, args)
        mapping, remembered = importing.mapping_for(store, table.header)
        mapping = _apply_overrides(table.header, mapping, args.map)
        print(say(_("Columns (remembered mapping):") if remembered and not args.map
                  else _("Columns (guessed from the header; correct with --map COLUMN=FIELD):")))
        for i, h in enumerate(table.header):
            f = mapping.get(i)
            target = (_("skipped: free text is never imported") if importing.is_free_text(h) else
                      importing.FIELD_LABELS[f] if f else _("not imported"))
            print(f"  {h or '#' + str(i + 1)} → {say(target)}")
        plan = importing.build_plan(table, mapping, file_name=args.file.name)
        pre = importing.preview(store, actor, plan)
        print()
        for line in pre.summary_lines():
            print(say(line))
        if args.save_mapping:
            importing.save_mapping(store, actor, table.header, mapping)
            print(say(_("Mapping saved for files with this header.")))
        if args.dry_run:
            print(say(_("Dry run: nothing was imported.")))
            return 0 if not plan.errors else 1
        if plan.errors and not args.only_good_rows:
            print("\n" + say(ngettext_(
                "{n} row with errors (listed above): nothing was imported. Correct the file, "
                "or run again with --only-good-rows to leave the bad rows out.",
                "{n} rows with errors (listed above): nothing was imported. Correct the file, "
                "or run again with --only-good-rows to leave the bad rows out.",
                plan.error_lines, n=num(plan.error_lines))))
            return 1
        if pre.new_guests + pre.visits == 0:
            print(say(_("Nothing to import.")))
            return 0 if not plan.errors else 1
        if not args.yes:
            answer = _ask(say(_("Import {guests} new guests and {visits} visits? [y/N] ",
                                guests=num(pre.new_guests), visits=num(pre.visits)))
                          ).strip().casefold()
            if not yes(answer):
                print(say(_("Nothing was imported.")))
                return 1
        last = [-1]

        def progress(done: int, total: int) -> None:
            pct = 100 * done // max(1, total)
            if sys.stderr.isatty() and pct != last[0]:
                last[0] = pct
                print("\r" + say(_("Importing… {pct}%", pct=pct)), end="", file=sys.stderr,
                      flush=True)

        result = importing.apply(store, actor, plan, only_good_rows=args.only_good_rows,
                                 progress=progress, previewed=pre)
        if sys.stderr.isatty():
            print(file=sys.stderr)
    finally:
        store.close()
    counts = dict(new=num(result.guests_created), matched=num(result.guests_matched),
                  visits=num(result.visits), skipped=num(result.skipped_rows))
    print(say(_("Imported: {new} new guests, {matched} matched guests, {visits} visits; "
                "{skipped} rows with errors were left out.", **counts) if result.skipped_rows
              else _("Imported: {new} new guests, {matched} matched guests, {visits} visits.",
                     **counts)))
    return 0
