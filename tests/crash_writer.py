"""A writer process for the crash-safety and concurrency tests (and bench/crash_soak.py).

Opens the store without a keyring (``--key-file``: the raw key in hex, or
``--passphrase-file``), then performs random use cases (new guests, labels,
visits, consents, corrections) until killed or ``--ops`` is reached. After
each use case *returns* (its transaction committed) it prints one line and
flushes, so the parent knows every commit that must survive::

    READY
    guest <guest_id> <name-as-hex>
    visit <guest_id> <visit_id>
    label <guest_id> <assignment_id>
    consent <guest_id> <consent_id>
    busy                                 (StoreBusyError: nothing was written)
    DONE

Run as ``python tests/crash_writer.py --data-dir D --key-file F --seed N``, or as
``--fork-server`` (:func:`serve`): one process that has loaded Python and these modules
forks a writer for each line it reads, so each writer starts at opening the store.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shlex
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import consents, guests, labels, staff, visits
from app.errors import StoreBusyError
from app.guests import GuestFields
from app.opening import MemoryKey, PassphraseKey, open_store
from storage.keys import KeySource
from storage.models import ConsentPurpose, Sensitivity, Source, VisitKind

ALPHABET = "abcdefghijklmnopqrstuvwxyzéüøßçğłżÅÆΩЖ中日한 '-"


def _key_source(args: argparse.Namespace) -> KeySource:
    if args.key_file:
        return MemoryKey(bytes.fromhex(Path(args.key_file).read_text().strip()))
    return PassphraseKey(Path(args.passphrase_file).read_text(encoding="utf-8").strip("\r\n"))


def _name(rng: random.Random, tag: str, n: int) -> str:
    word = "".join(rng.choice(ALPHABET) for _ in range(rng.randint(3, 12))).strip() or "x"
    return f"{tag}{n} {word}"


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--data-dir", required=True)
    p.add_argument("--key-file")
    p.add_argument("--passphrase-file")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--tag", default="w")
    p.add_argument("--ops", type=int, default=1_000_000)
    args = p.parse_args(argv)
    rng = random.Random(args.seed)
    store = open_store(Path(args.data_dir), _key_source(args), create=False)
    actor = staff.sign_in_by_name(store, "Eva Visser", "4826")  # tests/writers.py's PIN
    plain = [lb.id for lb in labels.approved_labels(store, actor)
             if lb.sensitivity != Sensitivity.SPECIAL]
    special = [lb.id for lb in labels.approved_labels(store, actor)
               if lb.sensitivity == Sensitivity.SPECIAL]
    mine: list[int] = []
    consented: set[int] = set()
    labelled: set[tuple[int, int]] = set()
    out = sys.stdout
    out.write("READY\n")
    out.flush()
    for n in range(args.ops):
        try:
            op = rng.random() if mine else 0.0
            if op < 0.35:
                name = _name(rng, args.tag, n)
                g = guests.create_guest(store, actor, GuestFields(name, language="nl"))
                mine.append(g.id)
                line = f"guest {g.id} {name.encode().hex()}"
            elif op < 0.6:
                gid = rng.choice(mine)
                start = dt.datetime(2026, 1, 1) + dt.timedelta(hours=rng.randint(0, 9000))
                v = visits.record_visit(store, actor, gid, kind=rng.choice(list(VisitKind)),
                                        starts_at=start, party_size=rng.randint(1, 8))
                line = f"visit {gid} {v.id}"
            elif op < 0.8:
                gid = rng.choice(mine)
                pool = special if gid in consented and special and rng.random() < 0.5 else plain
                lid = rng.choice(pool)
                if (gid, lid) in labelled:
                    continue
                a = labels.assign_label(store, actor, gid, lid, Source.GUEST_TOLD)
                labelled.add((gid, lid))
                line = f"label {gid} {a.id}"
            else:
                gid = rng.choice(mine)
                if gid in consented:
                    continue
                c = consents.record_consent(store, actor, gid, ConsentPurpose.HEALTH)
                consented.add(gid)
                line = f"consent {gid} {c.id}"
        except StoreBusyError:
            line = "busy"
        out.write(line + "\n")
        out.flush()
    out.write("DONE\n")
    out.flush()
    store.close()
    return 0


def serve() -> int:
    """Read commands on stdin, answer each with one line on stdout:

    * ``OUT ARGS…``: fork a writer (``main(ARGS)``) whose output goes to the file OUT;
      answers its pid. It is a process of its own, killed and reaped like one; only the
      interpreter's start and the imports (the same in every writer) are done once.
    * ``wait PID``: reap that writer; answers its exit code (-9: SIGKILL).

    Nothing here starts a thread or opens a store before forking (the children's
    threads, connections and files are their own).
    """
    for line in sys.stdin:
        cmd = shlex.split(line)
        if cmd[0] == "wait":
            _, status = os.waitpid(int(cmd[1]), 0)
            print(os.waitstatus_to_exitcode(status), flush=True)
            continue
        pid = os.fork()
        if pid == 0:
            code = 1
            try:
                fd = os.open(cmd[0], os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                os.dup2(fd, 1)
                os.close(fd)
                sys.stdout = open(1, "w", encoding="utf-8", closefd=False)  # noqa: SIM115
                code = main(cmd[1:])
            except BaseException:
                traceback.print_exc()
            finally:
                sys.stdout.flush()
                sys.stderr.flush()
                os._exit(code)
        print(pid, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(serve() if sys.argv[1:] == ["--fork-server"] else main())
