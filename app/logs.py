"""Rotating log files in the platform's log folder. Never log guest data.

Messages carry ids, actions and error types only; guest names, contact
details and label wording must not appear (a test scans the folder).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path
from typing import Any

ENV_LOG_DIR = "FRONTDESK_LOG_DIR"


def log_dir() -> Path:
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("frontdesk", appauthor=False))


class SafeFormatter(logging.Formatter):
    """Tracebacks in the log keep types and code locations, never exception messages.

    ``log.exception(...)`` would otherwise copy a message such as a
    ValidationError's (which quotes what was typed) into the file.
    """

    def format(self, record: logging.LogRecord) -> str:
        # Another handler may have cached its own (unscrubbed) traceback text on the record.
        cached, record.exc_text = record.exc_text, None
        try:
            return super().format(record)
        finally:
            record.exc_text = cached

    def formatException(self, ei: Any) -> str:
        from app.crash import scrubbed_traceback

        exc = ei[1]
        return scrubbed_traceback(exc) if isinstance(exc, BaseException) else ""


class PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    """Log files readable by this account only (0600), whatever the umask."""

    def _open(self) -> Any:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        return open(fd, self.mode, encoding=self.encoding, errors=self.errors)


def _private(path: Path, mode: int) -> None:
    try:
        if path.stat().st_mode & 0o777 & ~mode:
            path.chmod(mode)
    except OSError:
        pass


def setup_logging(level: int = logging.INFO) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    _private(folder, 0o700)   # the folder also holds crash reports
    for log_file in folder.glob("frontdesk.log*"):
        _private(log_file, 0o600)
    handler = PrivateRotatingFileHandler(
        folder / "frontdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(SafeFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    for old in [h for h in root.handlers if isinstance(h, logging.handlers.RotatingFileHandler)]:
        root.removeHandler(old)
        old.close()
    root.addHandler(handler)
    root.setLevel(level)
    # SQLAlchemy would log statements with their parameters (guest names): keep it quiet.
    logging.getLogger("sqlalchemy").setLevel(logging.WARNING)
    logging.getLogger("alembic").setLevel(logging.WARNING)
    return folder
