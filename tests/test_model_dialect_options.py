"""The models' PostgreSQL-only index options: not loaded on a local desk, the migrations' own
once given (storage.models.with_postgresql_options)."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.schema import CreateIndex

from storage import models

ROOT = Path(__file__).resolve().parent.parent


def _staying_index() -> object:
    return next(i for i in models.Visit.__table__.indexes if i.name == "ix_visit_staying_place")


def test_a_local_store_does_not_load_the_postgresql_dialect() -> None:
    code = ("import sys, storage.store, app.opening; print(sorted(m for m in sys.modules "
            "if m.startswith('sqlalchemy.dialects.postgresql')))")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, timeout=120, check=True)
    assert done.stdout.strip() == "[]"


def test_the_postgresql_predicate_is_the_migrations_once_given() -> None:
    spec = importlib.util.spec_from_file_location(
        "m0009", ROOT / "storage/migrations/versions/0009_staying_place_index.py")
    assert spec is not None and spec.loader is not None
    migration = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(migration)
    assert models.POSTGRESQL_INDEX_WHERE == {"ix_visit_staying_place": migration._WHERE}

    models.with_postgresql_options()
    models.with_postgresql_options()  # idempotent
    index = _staying_index()
    on_postgresql = str(CreateIndex(index).compile(dialect=postgresql.dialect()))  # type: ignore[arg-type]
    on_sqlite = str(CreateIndex(index).compile(dialect=sqlite.dialect()))  # type: ignore[arg-type]
    assert on_postgresql.endswith(f"WHERE {migration._WHERE}")
    assert on_sqlite.endswith(f"WHERE {migration._WHERE}")
