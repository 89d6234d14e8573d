"""`frontdesk self-test`: prove this installation can create, write, read and verify a store.

It runs in a throw-away folder with a key that lives only in memory (no
keyring, no display needed) and deletes the folder afterwards. It exercises
the pieces an installer can break: the encryption library, the schema
migration scripts read from disk, the starter vocabulary and wording rules in
``resources/``, and the audit chain. The frozen (PyInstaller) build runs it in CI.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("self-test", help="check this installation on a throw-away store")
    p.set_defaults(func=self_test)


class SelfTestFailed(Exception):
    pass


def _check(ok: bool, what: str) -> None:
    if not ok:
        raise SelfTestFailed(what)


def run_checks(folder: Path, say: Callable[[str], None]) -> None:
    """Each step prints a line; the first failure raises :class:`SelfTestFailed`."""
    import datetime as dt  # here: `frontdesk --help` imports every command module

    from app import guests, labels, staff, visits, vocabulary
    from app.domain import Sensitivity, Source, VisitKind
    from app.guests import GuestFields
    from app.opening import MemoryKey, open_store
    from app.verify import verify_store

    key = MemoryKey()
    store = open_store(folder / "store", key)
    try:
        say("created an encrypted store (schema migrations ran)")
        manager = staff.create_first_manager(store, "Self Test", "52814")
        loaded = vocabulary.load_starter(store, manager)
        approved = labels.approved_labels(store, manager)
        _check(loaded > 0 and len(approved) > 0, "the starter vocabulary did not load")
        say(f"first manager and starter vocabulary ({len(approved)} labels)")
        from app.wording import check_wording

        _check(bool(check_wording("Big spender, alert the manager",
                                  special_category=False).blocking),
               "the wording rules did not load (a judging label was not blocked)")
        say("wording rules loaded (a judging label is blocked)")
        guest = guests.create_guest(store, manager, GuestFields(
            full_name="Zoë Test-Müller", preferred_name="Zoë", language="nl",
            email="zoe@example.invalid"))
        label = next(lb for lb in approved if lb.sensitivity == Sensitivity.NORMAL)
        labels.assign_label(store, manager, guest.id, label.id, Source.GUEST_TOLD)
        start = dt.datetime.combine(dt.date.today(), dt.time(15, 0))
        visits.record_visit(store, manager, guest.id, kind=VisitKind.STAY, starts_at=start,
                            ends_on=start.date() + dt.timedelta(days=2), place="101")
        say("wrote a guest, a label and a visit")
        found = guests.find_guests(store, manager, "zoe muller")
        _check([g.id for g in found] == [guest.id], "type-ahead search did not find the guest")
        card = guests.open_card(store, manager, guest.id)
        _check(card.guest.full_name == "Zoë Test-Müller", "the guest's name did not read back")
        _check([a.label.id for a in card.assignments] == [label.id],
               "the label did not read back")
        _check(len(card.visits) == 1 and card.visits[0].place == "101",
               "the visit did not read back")
        say("read everything back (search, guest card)")
    finally:
        store.close()
    store = open_store(folder / "store", key, create=False)
    try:
        report = verify_store(store)
        _check(report.ok, "verify found problems: " + "; ".join(report.problems))
        say(f"reopened and verified (integrity, {report.audit_events} audit events chained)")
    finally:
        store.close()
    for path in (folder / "store").iterdir():
        raw = path.read_bytes()
        _check("Müller".encode() not in raw and b"zoe@example" not in raw,
               f"guest text is readable in {path.name}: encryption is not working")
    say("no guest text readable on disk")


def self_test(args: argparse.Namespace) -> int:
    from app import __version__

    started = time.perf_counter()
    import shutil  # here, not at the top: `frontdesk --help` imports every command module
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="frontdesk-selftest-"))
    frozen = " (frozen build)" if getattr(sys, "frozen", False) else ""
    print(f"frontdesk {__version__} self-test{frozen}")
    try:
        run_checks(folder, lambda line: print(f"  ok  {line}", flush=True))
    except SelfTestFailed as exc:
        print(f"  FAILED: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # any crash is a failed self-test, reported in one line
        print(f"  FAILED: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    print(f"Self-test passed in {time.perf_counter() - started:.1f} s.")
    return 0
