"""Every window and dialog fits a 1366×768 screen, in every staff language (issue #17).

Each language runs tests/ui/fit_probe.py in a process of its own, on an offscreen screen
of exactly 1366×768, which opens every window it can reach from the menus and the guest
card (tests/ui/windows.py finds them generically, so new dialogs are covered) and
measures each: the frame inside the screen, the minimum size inside the screen, and no
button or field outside its window.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from app import languages

ROOT = Path(__file__).resolve().parents[2]
# Windows that must be among those opened (the walk reaches them from the menus/card).
MUST_SEE = ("Staff", "Reset PIN", "Review proposed labels", "Vocabulary", "Audit log",
            "Backup", "Retention review", "Add a label", "New booking or stay", "Edit guest",
            "ShowGuestWindow", "Keyboard shortcuts", "Restore from a backup")


def _walk(tmp_path: Path, lang: str, attempt: int) -> list[dict[str, Any]]:
    """One probe process: every window it reached, measured."""
    out = tmp_path / f"fit-{attempt}.json"
    done = subprocess.run([sys.executable, "-m", "tests.ui.fit_probe", lang, str(out)],
                          cwd=ROOT, capture_output=True, text=True, timeout=600, check=False)
    errors = [line for line in done.stderr.splitlines() if "propagateSizeHints" not in line]
    assert done.returncode == 0, "\n".join(errors[-40:])
    report = json.loads(out.read_text(encoding="utf-8"))
    assert report["language"] == lang
    windows: list[dict[str, Any]] = report["windows"]
    return windows


def _names(windows: list[dict[str, Any]]) -> set[str]:
    return {str(w["path"]).split(" > ")[-1] for w in windows} | {str(w["class"])
                                                                  for w in windows}


@pytest.mark.parametrize("lang", [lang.code for lang in languages.staff_languages()])
def test_every_window_fits_a_1366_by_768_screen(tmp_path: Path, lang: str) -> None:
    windows = _walk(tmp_path, lang, 1)
    # On a loaded machine the walk (timers, dialogs opened by workers) now and then misses
    # a window it reaches on the next run (seen in CI at load ~10: 'Keyboard shortcuts',
    # 'Retention review'). A missed window is walked again, never skipped: up to two more
    # walks, every window of every walk measured.
    for attempt in (2, 3):
        if lang != "en" or all(name in _names(windows) for name in MUST_SEE):
            break
        windows += _walk(tmp_path, lang, attempt)
    problems = [f"{w['path']}: {p}" for w in windows for p in w["problems"]]
    assert not problems, "\n".join(problems)
    if lang == "en":
        missing = [name for name in MUST_SEE if name not in _names(windows)]
        assert not missing, f"not reached: {missing}"
    assert len({str(w["path"]) for w in windows}) >= 25
