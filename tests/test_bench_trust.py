"""The erasure and open-check benchmarks keep working, on a small store (no timing asserted)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


@pytest.mark.slow
def test_erasure_and_open_check_benches_run(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bench = tmp_path / "bench"
    out = tmp_path / "erasure.json"
    done = subprocess.run(
        [sys.executable, "bench/erasure.py", "--guests", "300", "--rounds", "2",
         "--baseline-rounds", "1", "--bench-dir", str(bench), "--json", str(out)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert len(figures["erase_ms"]) == 2 and figures["erase_median_ms"] > 0
    assert figures["baseline_median_ms"] > 0
    assert not (bench / "erasure-g300").exists()   # the working copy is removed
    done = subprocess.run(
        [sys.executable, "bench/open_check.py", "--guests", "300", "--runs", "1",
         "--bench-dir", str(bench)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    assert "cipher_integrity_check" in done.stdout and "load average" in done.stdout
