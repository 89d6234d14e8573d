"""Long crash soak: SIGKILL a writer at random moments, many times, then prove nothing was lost.

The same check as tests/test_crash_safety.py, longer and with a passphrase
key (the writer derives its key with scrypt, as a real passphrase store does)::

    .venv/bin/python bench/crash_soak.py --rounds 500 [--min-ms 20 --max-ms 600] [--seed N]

Prints rounds, commits and the time taken; exits non-zero on the first problem.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from app import staff, vocabulary
from app.opening import PassphraseKey, open_store
from tests.writers import WRITER, Commits

PASSPHRASE = "crash soak passphrase"


def check(data_dir: Path, commits: Commits) -> int:
    """Open, integrity check, audit chain, every reported commit present; returns events."""
    from app.verify import verify_store
    from storage.models import Assignment, Consent, Guest, Visit

    s = open_store(data_dir, PassphraseKey(PASSPHRASE), create=False)
    try:
        report = verify_store(s)
        if not report.ok:
            raise SystemExit(f"store does not verify: {report.problems}")
        with s.read() as session:
            for gid, name in commits.guests.items():
                g = session.get(Guest, gid)
                if g is None or g.full_name != name:
                    raise SystemExit(f"lost guest {gid}")
            for table, found in ((Visit, commits.visits), (Assignment, commits.labels),
                                 (Consent, commits.consents)):
                for row_id, gid in found.items():
                    row = session.get(table, row_id)
                    if row is None or row.guest_id != gid:
                        raise SystemExit(f"lost {table.__tablename__} {row_id}")
        return report.audit_events
    finally:
        s.close()


def main() -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--rounds", type=int, default=500)
    p.add_argument("--min-ms", type=int, default=20)
    p.add_argument("--max-ms", type=int, default=600)
    p.add_argument("--seed", type=int, default=int(time.time()))
    p.add_argument("--check-every", type=int, default=25)
    args = p.parse_args()
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="frontdesk-soak-") as tmp:
        folder = Path(tmp)
        data_dir = folder / "store"
        pass_file = folder / "passphrase"
        pass_file.write_text(PASSPHRASE + "\n")
        s = open_store(data_dir, PassphraseKey(PASSPHRASE))
        actor = staff.create_first_manager(s, "Eva Visser", "4826")
        vocabulary.load_starter(s, actor)
        s.close()
        env = dict(os.environ, PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
        commits = Commits()
        started = time.perf_counter()
        for r in range(args.rounds):
            proc = subprocess.Popen(
                [sys.executable, str(WRITER), "--data-dir", str(data_dir), "--passphrase-file",
                 str(pass_file), "--seed", str(rng.randrange(1 << 30)), "--tag", f"s{r}-"],
                stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
            assert proc.stdout is not None
            if proc.stdout.readline() != b"READY\n":
                proc.kill()
                _, err = proc.communicate()
                raise SystemExit(f"round {r}: writer did not start:\n{err.decode()[-3000:]}")
            time.sleep(rng.uniform(args.min_ms, args.max_ms) / 1000)
            proc.send_signal(signal.SIGKILL)
            out, _ = proc.communicate()
            commits.add(out)
            if (r + 1) % args.check_every == 0:
                events = check(data_dir, commits)
                print(f"round {r + 1}: {commits.total:,} commits survived, {events:,} audit "
                      "events verified", flush=True)
        events = check(data_dir, commits)
        took = time.perf_counter() - started
    print(f"OK: {args.rounds} SIGKILLs (seed {args.seed}), {commits.total:,} reported commits "
          f"all present, {events:,} audit events verified, {took:.0f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
