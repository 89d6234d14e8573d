"""Schema revisions: read the store's revision, refuse newer ones, upgrade older ones.

Alembic's scripts live in ``storage/migrations``. Opening a store whose
revision is current runs no Alembic machinery at all, and does not even
import Alembic (~0.1 s of start-up): the known revisions and the head are
read from the ``revision = "…"`` / ``down_revision = …`` lines of the
version files (tests/test_bench_smoke.py checks they agree with Alembic's
own reading). Alembic is imported only to upgrade.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, text
from sqlalchemy.exc import OperationalError

from storage.errors import SchemaTooNew

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_REVISION = re.compile(r"^revision\s*(?::\s*str\s*)?=\s*[\"']([^\"']+)[\"']", re.M)
_DOWN = re.compile(r"^down_revision\s*(?::[^=]+)?=\s*(?:[\"']([^\"']+)[\"']|None)", re.M)


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    return cfg


@cache
def revision_graph() -> dict[str, str | None]:
    """Each revision and the one it revises, read from the version files (no Alembic)."""
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS / "versions").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        rev = _REVISION.search(source)
        if rev is None:
            continue
        down = _DOWN.search(source)
        graph[rev.group(1)] = down.group(1) if down else None
    return graph


def head() -> str:
    graph = revision_graph()
    heads = sorted(set(graph) - {d for d in graph.values() if d})
    assert len(heads) == 1, f"migrations must have one head, found {heads}"
    return heads[0]


def known_revisions() -> set[str]:
    return set(revision_graph())


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


def downgrade(conn: Connection, revision: str) -> None:
    """Undo the migrations after ``revision``, in the caller's transaction (tests and
    benchmarks that need a store at an older schema; the app never goes back)."""
    from alembic import command

    cfg = _config()
    cfg.attributes["connection"] = conn
    command.downgrade(cfg, revision)
