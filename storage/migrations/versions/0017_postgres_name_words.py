"""the shared store's search words one row per (word, guest), B-tree indexed

Revision ID: 0017
Revises: 0016
Create Date: 2026-11-28

PostgreSQL only (SQLite's search is FTS5 and unchanged): ``guest_word`` holds every
folded word of a guest's full and preferred name, email and phone, kept by triggers on
``guest`` and filled here for the guests already stored; the trigram index, which no
search uses any more, is dropped (``storage.postgres_schema.create_words``). At a million
guests the upgrade takes about a minute and holds off guest writes meanwhile.
"""

from __future__ import annotations

from alembic import op

from storage import postgres_schema

revision = "0017"
down_revision = "0016"
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_schema.create_words(bind)


def downgrade() -> None:
    bind = op.get_bind()
    if postgres_schema.is_postgresql(bind):
        postgres_schema.drop_words(bind)
