"""Killing a writer with SIGKILL at random moments never corrupts the store or loses a commit.

A child process (tests/crash_writer.py, no keyring: raw key file) performs
random use cases and prints each one after it committed; the parent kills it
50–300 ms after it is ready (every tenth round: at any moment of its start, while
it opens the store and signs in), 50 times over, and then proves the store opens,
passes SQLite's integrity check and the audit-chain verification, and holds
every commit the writer reported. Each writer is forked by one fork server
(``ForkServer`` in tests/writers.py) that loaded Python and the modules once: it
is a process of its own from opening the store on, killed and reaped like a
spawned one (the interpreter's start, a second of each round, touches no store).
A longer run: ``bench/crash_soak.py``.
"""

from __future__ import annotations

import random
import signal
import time
from pathlib import Path

from tests.writers import Commits, ForkServer, check_store, make_store

ROUNDS = 50


def test_sigkill_never_loses_a_reported_commit(tmp_path: Path) -> None:
    data_dir, key, key_file = make_store(tmp_path)
    rng = random.Random(20261124)
    commits = Commits()
    server = ForkServer(tmp_path)
    try:
        for r in range(ROUNDS):
            writer = server.spawn(data_dir, key_file, seed=r, tag=f"r{r}-")
            if r % 10 == 5:
                time.sleep(rng.uniform(0.0, 0.6))   # now and then: kill while it opens
            else:
                writer.wait_ready()
                time.sleep(rng.uniform(0.05, 0.3))
            code, out = writer.kill()
            assert code == -signal.SIGKILL
            commits.add(out)
            if r % 10 == 9:
                check_store(data_dir, key, commits)
    finally:
        server.close()
    events = check_store(data_dir, key, commits)
    assert len(commits.guests) >= 10  # the rounds did write (kills hit mid-work)
    assert events >= commits.total
