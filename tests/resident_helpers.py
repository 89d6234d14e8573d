"""The private runtime folder a desk waiting in the background listens in (app.resident)."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from app import resident


@pytest.fixture
def runtime_dir(monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A short private $XDG_RUNTIME_DIR: a socket's path has at most 107 bytes, more than
    pytest's own folders leave."""
    folder = Path(tempfile.mkdtemp(prefix="fd-rt-"))
    folder.chmod(0o700)
    monkeypatch.setenv(resident.RUNTIME_ENV, str(folder))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)
