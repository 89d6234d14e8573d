"""`frontdesk self-test` passes on a healthy installation and leaves nothing behind."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from app.cli import main


def test_self_test_passes_and_cleans_up(capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch, tmp_path: Path
                                        ) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    assert main(["self-test"]) == 0
    out = capsys.readouterr().out
    assert "ok  wrote a guest, a label and a visit" in out
    assert "reopened and verified" in out and "Self-test passed" in out
    assert list(scratch.iterdir()) == []  # the throw-away store is gone


def test_self_test_reports_a_failure(capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    from app import vocabulary

    monkeypatch.setattr(vocabulary, "load_starter", lambda *a, **k: 0)
    assert main(["self-test"]) == 1
    assert "FAILED: the starter vocabulary did not load" in capsys.readouterr().err
