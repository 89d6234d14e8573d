"""Schema revisions: read the store's revision, refuse newer ones, upgrade older ones.

Alembic's scripts live in ``storage/migrations``. Opening a store whose
revision is current runs no Alembic machinery at all (a cheap query of
``alembic_version``), which keeps start-up fast.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from alembic.config import Config
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from storage.errors import SchemaTooNew

MIGRATIONS = Path(__file__).resolve().parent / "migrations"


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def _script() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    heads = _script().get_heads()
    assert len(heads) == 1, f"migrations must have one head, found {heads}"
    return heads[0]


def known_revisions() -> set[str]:
    return {rev.revision for rev in _script().walk_revisions()}


def current(conn: Connection) -> str:
    """The store's revision, or ``""`` for an empty (new) database."""
    try:
        row = conn.execute(text("SELECT version_num FROM alembic_version")).first()
    except OperationalError:
        return ""
    return str(row[0]) if row else ""


def check_not_newer(revision: str) -> None:
    if revision and revision not in known_revisions():
        raise SchemaTooNew(revision, head())


def upgrade(conn: Connection) -> None:
    """Run every migration after the store's revision, in the caller's transaction."""
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = conn
    command.upgrade(cfg, "head")
