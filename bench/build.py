"""Build (or reuse) a demo store of N guests through `frontdesk demo-data`.

The store is written by the real command in a subprocess, with
``--passphrase-file`` so no keyring is needed. Its own report ("Wrote N
guests … in T s") gives the write rate; it is kept in ``build.json`` next to
the store so a reused store still reports the rate it was built at.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from bench.common import ROOT, store_dir

_WROTE = re.compile(r"Wrote ([\d,]+) guests, ([\d,]+) visits, ([\d,]+) labels, "
                    r"([\d,]+) consents to .* in ([\d,.]+) s\.")
BUILD_INFO = "build.json"


@dataclass(frozen=True)
class BuildInfo:
    guests: int
    visits: int
    labels: int
    consents: int
    seconds: float
    rows_per_s: float  # guest rows per second, as `demo-data` timed itself
    reused: bool = False


def parse_report(stdout: str) -> BuildInfo:
    m = _WROTE.search(stdout)
    if m is None:
        raise RuntimeError(f"demo-data printed no summary:\n{stdout}")
    guests, visits, labels, consents = (int(g.replace(",", "")) for g in m.groups()[:4])
    seconds = float(m.group(5).replace(",", ""))  # "2,252 s" past a thousand seconds
    return BuildInfo(guests, visits, labels, consents, seconds,
                     guests / seconds if seconds > 0 else float("inf"))


def ensure_store(folder: Path, guests: int, passphrase: Path, *, rebuild: bool = False,
                 log: bool = True) -> BuildInfo:
    """Reuse ``folder`` if a finished build of ``guests`` is recorded there, else build it."""
    info_path = folder / BUILD_INFO
    if info_path.exists() and not rebuild:
        data = json.loads(info_path.read_text(encoding="utf-8"))
        if data.get("guests") == guests:
            data["reused"] = True
            return BuildInfo(**data)
    if folder.exists():
        shutil.rmtree(folder)  # an unfinished or different build: start again
    if log:
        print(f"Building a store of {guests:,} guests in {folder} …", file=sys.stderr, flush=True)
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-m", "app", "demo-data", "--data-dir", str(folder),
         "--passphrase-file", str(passphrase), "--guests", str(guests)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"demo-data failed ({done.returncode}):\n{done.stderr}")
    info = parse_report(done.stdout)
    if log:
        print(f"  built in {time.perf_counter() - started:.1f} s", file=sys.stderr, flush=True)
    info_path.write_text(json.dumps(asdict(info), indent=2) + "\n", encoding="utf-8")
    return info


def fresh_copy(source: Path, work: Path) -> Path:
    """``work`` as a new copy of the bench store ``source``: benchmarks that write (erase,
    import, anchor) run on a copy, so the built store is reused unchanged by every run."""
    shutil.rmtree(work, ignore_errors=True)
    shutil.copytree(source, work)
    # The copy's pages written out now, not while the benchmark runs: at a million guests
    # the kernel wrote the 1.6 GB back during the import bench's first seconds, and the
    # other desk's durable commits waited behind it (0.3-0.9 s "before the write phase").
    os.sync()
    return work


def scratch_store(folder: Path, guests: int, passphrase: Path, purpose: str) -> Path:
    """A fresh copy of the ``guests`` bench store in ``folder`` (built first if needed),
    named after the benchmark's ``purpose``."""
    source = store_dir(folder, guests)
    ensure_store(source, guests, passphrase)
    return fresh_copy(source, folder / f"{purpose}-g{guests}")

