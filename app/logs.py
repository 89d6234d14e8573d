"""Rotating log files in the platform's log folder. Never log guest data.

Messages carry ids, actions and error types only; guest names, contact
details and label wording must not appear (a test scans the folder).
"""

from __future__ import annotations

import logging
import logging.handlers
import os
from pathlib import Path

ENV_LOG_DIR = "FRONTDESK_LOG_DIR"


def log_dir() -> Path:
    env = os.environ.get(ENV_LOG_DIR)
    if env:
        return Path(env)
    import platformdirs

    return Path(platformdirs.user_log_dir("frontdesk", appauthor=False))


def setup_logging(level: int = logging.INFO) -> Path:
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    handler = logging.handlers.RotatingFileHandler(
        folder / "frontdesk.log", maxBytes=1_000_000, backupCount=5, encoding="utf-8"
    )
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
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
