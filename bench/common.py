"""What every benchmark part shares: where stores live, percentiles, opening and signing in."""

from __future__ import annotations

import math
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # `python bench/run.py` puts bench/, not the repo, on sys.path
    sys.path.insert(0, str(ROOT))

ENV_BENCH_DIR = "FRONTDESK_BENCH_DIR"
PASSPHRASE = "frontdesk-bench-passphrase"
BENCH_STAFF = ("Sam Bakker", "3917")  # a receptionist from app.demo.DEMO_STAFF


def bench_dir(arg: str | None) -> Path:
    """``--bench-dir``, else $FRONTDESK_BENCH_DIR, else ``bench-data`` next to the repository.

    Stores live outside the repository: a million guests is about 1.3 GB.
    """
    if arg:
        return Path(arg).expanduser().resolve()
    env = os.environ.get(ENV_BENCH_DIR)
    if env:
        return Path(env).expanduser().resolve()
    return ROOT.parent / "bench-data"


@contextmanager
def own_state_folder(purpose: str) -> Iterator[Path]:
    """Within the block, this process (and what it starts) keeps its state — the audit
    anchors — in a new folder of its own, removed afterwards.

    Every copy of a bench store has the same store id, so without it a copy finds the
    anchor another copy left in the user's state folder, warns at every write that its
    chain does not hold it ("not re-anchoring"), and the benchmark measures that too."""
    state = Path(tempfile.mkdtemp(prefix=f"{purpose}-bench-state-"))
    before = os.environ.get("XDG_STATE_HOME")
    os.environ["XDG_STATE_HOME"] = str(state)
    try:
        yield state
    finally:
        if before is None:
            os.environ.pop("XDG_STATE_HOME", None)
        else:
            os.environ["XDG_STATE_HOME"] = before
        shutil.rmtree(state, ignore_errors=True)


def passphrase_file(folder: Path) -> Path:
    """The demo stores' passphrase (demo data only, so a file next to them is fine)."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "passphrase"
    if not path.exists():
        path.write_text(PASSPHRASE + "\n", encoding="utf-8")
        path.chmod(0o600)
    return path


def store_dir(folder: Path, guests: int) -> Path:
    return folder / f"g{guests}"


def min_max(text: str) -> tuple[float, float]:
    """A bench option "MIN,MAX" (or one number for both) as two numbers."""
    a, _, b = text.partition(",")
    return float(a), float(b or a)


def percentile(values: Sequence[float], pct: float) -> float:
    """Nearest-rank percentile (no interpolation): p95 of 600 samples is the 570th smallest."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]
